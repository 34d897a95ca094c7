// Parsed documents -> Kubernetes objects. Lists are unpacked here; which kinds matter is
// decided by the next stage, so every object is returned.
import { diagnostic, type Diagnostic } from "./diagnostic.js";
import type { ParsedDocument } from "./documents.js";
import type { DocPath, KubeObject, Locator, SourceFile } from "./source.js";

/** A document (or list item) left out of the analysis, for the report's "skipped" counts. */
export interface SkippedDoc {
  readonly file: string;
  readonly line: number;
  readonly reason: "not-a-manifest" | "unknown-kind";
  readonly kind?: string;
}

type Body = Readonly<Record<string, unknown>>;

export function extractObjects(
  file: SourceFile,
  docs: readonly ParsedDocument[],
): { objects: KubeObject[]; skipped: SkippedDoc[]; diagnostics: Diagnostic[] } {
  const objects: KubeObject[] = [];
  const skipped: SkippedDoc[] = [];
  const diagnostics: Diagnostic[] = [];

  const notAnObject = (locate: Locator) => {
    const pos = locate([]);
    skipped.push({ file: file.path, line: pos.line, reason: "not-a-manifest" });
    diagnostics.push(diagnostic("note", file.path, pos, "not a Kubernetes object (no kind/apiVersion); skipped"));
  };

  const take = (body: Body, kind: string, apiVersion: string, locate: Locator, text: string) => {
    const items = body.items;
    // `kind: List` (kubectl's generic list) and typed lists (PodList, ...) as `kubectl get -o yaml` prints them.
    // A kind that merely ends in "List" but has no items array is an ordinary (custom) object.
    if (kind.endsWith("List") && Array.isArray(items)) {
      // Items of a typed list may omit kind and apiVersion; they are those of the list.
      const itemKind = kind === "List" ? undefined : kind.slice(0, -"List".length);
      const itemApiVersion = kind === "List" ? undefined : apiVersion;
      items.forEach((item: unknown, i) => {
        const itemLocate = prefixed(locate, ["items", i]);
        if (!isRecord(item)) return notAnObject(itemLocate);
        const k = typeof item.kind === "string" ? item.kind : itemKind;
        const v = typeof item.apiVersion === "string" ? item.apiVersion : itemApiVersion;
        if (k === undefined || v === undefined) return notAnObject(itemLocate);
        // Write inferred fields into the body so later stages can trust body.kind/apiVersion.
        const itemBody = item.kind === k && item.apiVersion === v ? item : { ...item, apiVersion: v, kind: k };
        take(itemBody, k, v, itemLocate, text);
      });
      return;
    }
    objects.push({ file: file.path, kind, apiVersion, body, locate, text });
  };

  for (const doc of docs) {
    const v = doc.value;
    if (isRecord(v) && typeof v.kind === "string" && typeof v.apiVersion === "string") take(v, v.kind, v.apiVersion, doc.locate, file.text.slice(doc.span[0], doc.span[1]));
    else notAnObject(doc.locate);
  }
  return { objects, skipped, diagnostics };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A locator for a sub-value: paths relative to the item, positions from the whole document. */
function prefixed(locate: Locator, prefix: DocPath): Locator {
  return (path) => locate([...prefix, ...path]);
}
