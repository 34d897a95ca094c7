// Files of one revision -> the analysis model, with every diagnostic the way there produced.
import { buildCluster, type LoadMemo } from "./cluster.js";
import type { Cluster } from "../model/cluster.js";
import type { Diagnostic } from "./object/diagnostic.js";
import { parseDocuments } from "./yaml/documents.js";
import { setAsideChartTemplates } from "./helm-charts.js";
import { patchFiles, patchNote } from "./kustomize-patches.js";
import { namespaceOption, placeInNamespace, type NamespaceOption } from "./namespace-option.js";
import { atWrittenLines, extractObjects, slimmed, writtenLine } from "./objects.js";
import { loadNetworkPolicy, NETWORK_POLICY_API } from "./networkpolicy/network-policy.js";
import { isAdminPolicyObject, loadAdminPolicy } from "./admin/policy.js";
import { checkLimit, defaultInputLimits, type InputLimits } from "./limits.js";
import type { KubeObject, SourceFile } from "./object/source.js";
import { selectorKey, type Selector } from "../model/selector.js";
import { loadWorkload, WORKLOAD_KINDS } from "./workloads/workload.js";
import { isOperatorWorkload } from "./workloads/operator-workloads.js";
import { AUTO, decideRunCni, type CniDecision, type CniSetting } from "./cni-decision.js";

export interface Loaded {
  readonly cluster: Cluster;
  /**
   * Everything said of the revision; of a diff's base (loadRevisions), only what reading and
   * assembling it said: no report shows the base's, so its warnings-only checks are not run.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Documents that are not Kubernetes objects, and objects of kinds netreach does not read. */
  readonly skipped: { readonly documents: number; readonly kinds: ReadonlyMap<string, number> };
  /** By id (cluster.ts). In a diff's revisions (loadRevisions), only those whose object is not the other revision's. */
  readonly policyObjects: ReadonlyMap<string, KubeObject>;
  /** Objects of kinds that matter to the network but are not analyzed (see unanalyzed-kinds.ts). */
  readonly unanalyzed: readonly KubeObject[];
  /** Namespaced objects without metadata.namespace, put in `namespace`: an assumption to state. */
  readonly withoutNamespace: number;
  readonly namespace: NamespaceOption;
  /** Every pod selector of this revision, and the label keys some controller's pods differ in (cluster.ts). */
  readonly podSelectors: readonly Selector[];
  readonly replicaKeys: ReadonlySet<string>;
  /** The CNI the run is analyzed for, the same for every revision of a diff (cni-decision.ts). */
  readonly cni: CniDecision;
}

/**
 * What one file holds. Reading is pure, so a file with the same path and text on both sides of a
 * diff (nearly all of them) is read once and its objects serve both revisions.
 */
interface FileRead {
  readonly text: string;
  readonly lines: readonly number[] | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly objects: readonly KubeObject[];
  readonly skipped: number;
}

/** What one run (the two revisions of a diff) has read and loaded already. */
export interface RunCache {
  /** Files by path (a hit needs the same text and line map too). */
  readonly files: Map<string, FileRead>;
  readonly loaded: LoadMemo;
}

function readFile(file: SourceFile, defaultNamespace: string, cache: RunCache): FileRead {
  const hit = cache.files.get(file.path);
  if (hit && hit.text === file.text && sameLines(hit.lines, file.lines)) return hit;
  const parsed = parseDocuments(file);
  const extracted = extractObjects(file, parsed.docs, defaultNamespace);
  const lines = file.lines;
  const objects = lines === undefined ? sameAsBefore(extracted.objects, hit) : extracted.objects.map((o) => atWrittenLines(o, lines));
  const read: FileRead = {
    text: file.text,
    lines,
    diagnostics:
      lines === undefined
        ? [...parsed.diagnostics, ...extracted.diagnostics]
        : [...parsed.diagnostics, ...extracted.diagnostics].map((d) => ({ ...d, line: writtenLine(lines, d.line) })),
    objects: objects.map((o) => (cache.loaded.has(o) ? o : loadedAhead(o, cache.loaded))),
    skipped: extracted.skipped.length,
  };
  cache.files.set(file.path, read);
  return read;
}

/**
 * The objects of a file the other revision holds with other text: one written there the same, on
 * the same lines, is the other revision's object (and model), as in a file left alone. A pull
 * request that edits one policy of a file of many leaves the others the same objects on both
 * sides, and the analysis then looks only at what the edited one selects (reach/changed-subjects.ts).
 * Same text on the same lines is the same object at the same positions: nothing said of it changes.
 */
function sameAsBefore(objects: readonly KubeObject[], before: FileRead | undefined): readonly KubeObject[] {
  if (before === undefined || before.lines !== undefined || before.objects.length === 0) return objects;
  const written = (o: KubeObject) => `${o.ownLine}\u0000${o.kind}\u0000${o.apiVersion}\u0000${o.defaultNamespace}\u0000${o.ownText}`;
  // Not items of a List: finding where an item's lines are costs a reading of the List (a
  // cluster dump's, often), and a dump that changed is new throughout anyway.
  const old = new Map(before.objects.flatMap((o) => (o.inList ? [] : [[written(o), o] as const])));
  return objects.map((o) => (o.inList ? o : (old.get(written(o)) ?? o)));
}

/**
 * Workloads and policies are loaded as soon as their file is read, and what is kept of them is
 * their model (in the run's memo, where buildCluster finds it) and the part of the body later
 * stages read: kind, apiVersion and metadata. A workload's pod template, containers and status
 * (most of a repository's YAML, and of a cluster dump's), a policy's rules, are not held while
 * the other files are read: at 100,000 workloads that was most of the peak heap, and copying
 * them out of the young generation most of the collector's time. A policy whose text a diff shows
 * is read again (objects.ts, wholeBody). Loading is pure, so loading early changes nothing else.
 */
function loadedAhead(o: KubeObject, memo: LoadMemo): KubeObject {
  if (WORKLOAD_KINDS.includes(o.kind) && !isOperatorWorkload(o)) memo.set(o, loadWorkload(o));
  // A List's item is not read again (its place costs a reading of the List): its policy keeps its body.
  else if (o.kind === "NetworkPolicy" && o.apiVersion === NETWORK_POLICY_API && !o.inList) memo.set(o, loadNetworkPolicy(o));
  else if (isAdminPolicyObject(o) && !o.inList) memo.set(o, loadAdminPolicy(o));
  else return o;
  slimmed(o, KEPT);
  return o;
}

/** What later stages read of a loaded object's body: the namespace it goes in, its name for messages. */
const KEPT = ["apiVersion", "kind", "metadata"] as const;

function sameLines(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Both revisions of a diff, each distinct file read once (see FileRead), and analyzed for the
 * same CNI: under "auto", Cilium when either revision holds a Cilium policy.
 */
export function loadRevisions(
  base: readonly SourceFile[],
  head: readonly SourceFile[],
  namespace: NamespaceOption = namespaceOption(undefined),
  limits: InputLimits = defaultInputLimits,
  cni: CniSetting = AUTO,
): [Loaded, Loaded] {
  const cache: RunCache = { files: new Map(), loaded: new WeakMap() };
  const where = ["in the base revision", "in the head revision"] as const;
  const read = [base, head].map((files) => readRevision(files, namespace, cache));
  const decided = decideRunCni(cni, read.map((r) => r.objects));
  const review = [false, true];
  const sides = read.map((r, i) => buildRevision(r, namespace, decided, { cache, limits, where: where[i], review: review[i] }));
  // One shared universe: pods of one controller are told apart by the selectors of both
  // revisions, so that a pod has the same endpoint name on both sides. Loaded again (from the
  // cache) only where the other revision has a selector this one has not, naming a label in which
  // some controller's pods here differ.
  const keys = sides.map((l) => new Set(l.podSelectors.map(selectorKey)));
  const [baseLoaded, headLoaded] = sides.map((l, i) => {
    const other = sides[1 - i]!;
    const matters = (s: Selector) => !keys[i]!.has(selectorKey(s)) && s.requirements.some((q) => l.replicaKeys.has(q.key));
    if (!other.podSelectors.some(matters)) return l;
    return buildRevision(read[i]!, namespace, decided, { cache, limits, where: where[i], others: other.podSelectors, review: review[i] });
  }) as [Loaded, Loaded];
  return withoutSharedPolicyObjects(baseLoaded, headLoaded);
}

/**
 * A policy object both revisions share (read once from the same file and text) has no text
 * change to show: it is left out of both, and its parsed body need not be held through the
 * analysis (at 100,000 workloads, a quarter of the heap).
 */
function withoutSharedPolicyObjects(base: Loaded, head: Loaded): [Loaded, Loaded] {
  const shared = new Set<string>();
  for (const [id, obj] of base.policyObjects) if (head.policyObjects.get(id) === obj) shared.add(id);
  if (shared.size === 0) return [base, head];
  const own = (m: ReadonlyMap<string, KubeObject>) => new Map([...m].filter(([id]) => !shared.has(id)));
  return [
    { ...base, policyObjects: own(base.policyObjects) },
    { ...head, policyObjects: own(head.policyObjects) },
  ];
}

export interface LoadOptions {
  readonly cache?: RunCache;
  /** Workloads and policies over these: LimitError (load/limits.ts). */
  readonly limits?: InputLimits;
  /** Which revision, for the limit's message. */
  readonly where?: string;
  /** The pod selectors of the other revision of a diff (cluster.ts, buildCluster). */
  readonly others?: readonly Selector[];
  /** --cni, --cilium-cluster; default "auto": Cilium when the files hold a Cilium policy. */
  readonly cni?: CniSetting;
  /** False: the warnings-only checks are not run (buildCluster's `review`). */
  readonly review?: boolean;
}

export function loadSources(all: readonly SourceFile[], namespace: NamespaceOption = namespaceOption(undefined), options: LoadOptions = {}): Loaded {
  const cache = options.cache ?? { files: new Map(), loaded: new WeakMap() };
  const read = readRevision(all, namespace, cache);
  return buildRevision(read, namespace, decideRunCni(options.cni ?? AUTO, [read.objects]), { ...options, cache });
}

/** One revision's files as objects, placed in their namespaces: what the CNI is decided on. */
interface RevisionRead {
  readonly objects: readonly KubeObject[];
  readonly diagnostics: readonly Diagnostic[];
  readonly skippedDocs: number;
  readonly withoutNamespace: number;
}

function readRevision(all: readonly SourceFile[], namespace: NamespaceOption, cache: RunCache): RevisionRead {
  const rendered = all.filter((f) => f.lines !== undefined);
  const charts = setAsideChartTemplates(all.filter((f) => f.lines === undefined));
  const files = [...charts.manifests, ...rendered];
  const renderedPaths = new Set(rendered.map((f) => f.path));
  const diagnostics: Diagnostic[] = [...charts.diagnostics];
  const objects: KubeObject[] = [];
  let skippedDocs = 0;
  for (const file of files) {
    const read = readFile(file, namespace.name, cache);
    for (const d of read.diagnostics) diagnostics.push(d);
    for (const o of read.objects) objects.push(o);
    skippedDocs += read.skipped;
  }
  const patches = patchFiles(objects);
  const whole: KubeObject[] = [];
  for (const o of objects) {
    if (patches.has(o.file) && !renderedPaths.has(o.file)) diagnostics.push(patchNote(o));
    else whole.push(o);
  }
  const placed = placeInNamespace(whole, namespace);
  diagnostics.push(...placed.diagnostics);
  return { objects: placed.objects, diagnostics, skippedDocs, withoutNamespace: placed.withoutNamespace };
}

function buildRevision(read: RevisionRead, namespace: NamespaceOption, cni: CniDecision, options: Omit<LoadOptions, "cni">): Loaded {
  const { cache, limits = defaultInputLimits, where = "", others = [], review = true } = options;
  const built = buildCluster(read.objects, cache?.loaded, others, cni.cni, review);
  checkLimit(limits, "workloads", built.cluster.workloads.length, where);
  checkLimit(limits, "policies", built.cluster.policies.length, where);
  return {
    cluster: built.cluster,
    diagnostics: [...read.diagnostics, ...built.diagnostics],
    skipped: { documents: read.skippedDocs, kinds: built.skippedKinds },
    policyObjects: built.policyObjects,
    unanalyzed: built.unanalyzed,
    withoutNamespace: read.withoutNamespace,
    namespace,
    podSelectors: built.podSelectors,
    replicaKeys: built.replicaKeys,
    cni,
  };
}
