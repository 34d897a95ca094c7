// Files of one revision -> the analysis model, with every diagnostic the way there produced.
import { buildCluster } from "./cluster.js";
import type { Cluster } from "../model/cluster.js";
import type { Diagnostic } from "./diagnostic.js";
import { parseDocuments } from "./documents.js";
import { setAsideChartTemplates } from "./helm-charts.js";
import { patchFiles, patchNote } from "./kustomize-patches.js";
import { namespaceOption, placeInNamespace, type NamespaceOption } from "./namespace-option.js";
import { extractObjects } from "./objects.js";
import type { KubeObject, SourceFile } from "./source.js";

export interface Loaded {
  readonly cluster: Cluster;
  readonly diagnostics: readonly Diagnostic[];
  /** Documents that are not Kubernetes objects, and objects of kinds netreach does not read. */
  readonly skipped: { readonly documents: number; readonly kinds: ReadonlyMap<string, number> };
  readonly policyObjects: ReadonlyMap<string, KubeObject>;
  /** Namespaced objects without metadata.namespace, put in `namespace`: an assumption to state. */
  readonly withoutNamespace: number;
  readonly namespace: NamespaceOption;
}

export function loadSources(all: readonly SourceFile[], namespace: NamespaceOption = namespaceOption(undefined)): Loaded {
  const rendered = all.filter((f) => f.lines !== undefined);
  const charts = setAsideChartTemplates(all.filter((f) => f.lines === undefined));
  const files = [...charts.manifests, ...rendered];
  const renderedPaths = new Set(rendered.map((f) => f.path));
  const diagnostics: Diagnostic[] = [...charts.diagnostics];
  const objects: KubeObject[] = [];
  let skippedDocs = 0;
  for (const file of files) {
    const parsed = parseDocuments(file);
    const extracted = extractObjects(file, parsed.docs, namespace.name);
    const lines = file.lines;
    if (lines === undefined) {
      diagnostics.push(...parsed.diagnostics, ...extracted.diagnostics);
      objects.push(...extracted.objects);
    } else {
      diagnostics.push(...[...parsed.diagnostics, ...extracted.diagnostics].map((d) => ({ ...d, line: writtenLine(lines, d.line) })));
      objects.push(...extracted.objects.map((o) => atWrittenLines(o, lines)));
    }
    skippedDocs += extracted.skipped.length;
  }
  const patches = patchFiles(objects);
  const whole: KubeObject[] = [];
  for (const o of objects) {
    if (patches.has(o.file) && !renderedPaths.has(o.file)) diagnostics.push(patchNote(o));
    else whole.push(o);
  }
  const placed = placeInNamespace(whole, namespace);
  diagnostics.push(...placed.diagnostics);
  const built = buildCluster(placed.objects);
  diagnostics.push(...built.diagnostics);
  return {
    cluster: built.cluster,
    diagnostics,
    skipped: { documents: skippedDocs, kinds: built.skippedKinds },
    policyObjects: built.policyObjects,
    withoutNamespace: placed.withoutNamespace,
    namespace,
  };
}

function writtenLine(lines: readonly number[], line: number): number {
  return lines[line - 1] ?? lines[lines.length - 1] ?? line;
}

/** The object with positions in the file it was written in rather than in the rendered text. */
function atWrittenLines(o: KubeObject, lines: readonly number[]): KubeObject {
  // Descriptors, not a spread: lazy getters (ownText) stay lazy.
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(o)) as { -readonly [K in keyof KubeObject]: KubeObject[K] };
  copy.locate = (path) => {
    const p = o.locate(path);
    return { line: writtenLine(lines, p.line), column: p.column };
  };
  return copy;
}
