// What changed in the text of each NetworkPolicy: compared normalized, so that re-indenting,
// reordering keys or spelling out a default reads as "no semantic change"; shown as written.
import { createTwoFilesPatch, structuredPatch } from "diff";
import { stringify } from "yaml";
import { isPlainObject } from "../load/object/checker.js";
import type { KubeObject } from "../load/object/source.js";
import { wholeBody } from "../load/objects.js";

export interface PolicyTextChange {
  readonly id: string;
  readonly status: "added" | "removed" | "modified" | "reformatted";
  /** Where the policy is on head (base for removed ones). */
  readonly file: string;
  readonly line: number;
  /**
   * Unified diff, empty for "reformatted". Of the object's own lines as written (comments and
   * key order kept, hunk headers at the file's line numbers); of a rendered object (kustomize,
   * helm), of its fields (keys sorted): its text is the tool's output, not the author's.
   */
  readonly patch: string;
  /** The object was rendered: `patch` is a semantic diff, the author's edit is among the target's changed inputs. */
  readonly rendered: boolean;
  /** Set for an admin-tier policy (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy): it applies across namespaces. */
  readonly admin?: AdminTextInfo;
}

export interface AdminTextInfo {
  readonly kind: string;
  readonly name: string;
  /** As written at head (base for removed ones); null when the kind has none or it is not a number. */
  readonly priority: number | null;
  /** Whom `spec.subject` selects: every namespace, some namespaces, or pods. */
  readonly subject: "every-namespace" | "namespaces" | "pods" | "unknown";
  /** The tier it sits in: Admin (before NetworkPolicy) or Baseline (after); null when a ClusterNetworkPolicy names none. */
  readonly tier: "Admin" | "Baseline" | null;
}

const ADMIN_KINDS = new Set(["AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);

function adminInfo(obj: KubeObject): AdminTextInfo | undefined {
  if (!ADMIN_KINDS.has(obj.kind)) return undefined;
  const body = wholeBody(obj);
  const meta = isPlainObject(body["metadata"]) ? body["metadata"] : {};
  const spec = isPlainObject(body["spec"]) ? body["spec"] : {};
  const subject = isPlainObject(spec["subject"]) ? spec["subject"] : undefined;
  const ns = subject?.["namespaces"];
  const scope: AdminTextInfo["subject"] =
    subject === undefined ? "unknown"
    : isPlainObject(ns) ? (Object.keys(ns).length === 0 ? "every-namespace" : "namespaces")
    : isPlainObject(subject["pods"]) ? "pods"
    : "unknown";
  const tier = obj.kind === "AdminNetworkPolicy" ? "Admin" : obj.kind === "BaselineAdminNetworkPolicy" ? "Baseline" : spec["tier"] === "Admin" || spec["tier"] === "Baseline" ? spec["tier"] : null;
  return { kind: obj.kind, name: typeof meta["name"] === "string" ? meta["name"] : "", priority: typeof spec["priority"] === "number" ? spec["priority"] : null, subject: scope, tier };
}

export function policyTextChanges(base: ReadonlyMap<string, KubeObject>, head: ReadonlyMap<string, KubeObject>): PolicyTextChange[] {
  const out: PolicyTextChange[] = [];
  for (const id of [...new Set([...base.keys(), ...head.keys()])].sort()) {
    const b = base.get(id);
    const h = head.get(id);
    // Untouched: nothing to show. The whole document is compared first: it costs nothing.
    if (b && h && b.file === h.file && (b.text === h.text || b.ownText === h.ownText)) continue;
    const at = h ?? b!;
    const admin = adminInfo(at);
    const rendered = b?.rendered === true || h?.rendered === true;
    const where = { file: at.file, line: at.locate([]).line, rendered, ...(admin ? { admin } : {}) };
    if (b && h && normalized(b) === normalized(h)) {
      // Same meaning; say so only when its text was touched (re-indented, reordered, moved).
      if (b.file !== h.file || b.ownText.trim() !== h.ownText.trim()) out.push({ id, status: "reformatted", ...where, patch: "" });
      continue;
    }
    const status = !b ? "added" : !h ? "removed" : "modified";
    // Made when first read: a comment shows the patches that fit, a large pull request's are not all shown.
    let patch: string | undefined;
    out.push({
      id,
      status,
      ...where,
      get patch() {
        return (patch ??= rendered ? fieldPatch(b, h) : sourcePatch(b, h));
      },
    });
  }
  return out;
}

/**
 * The object's own lines at base and head, as written: a reviewer checks the diff against the
 * file, so comments and key order stay, no field netreach filled in (a default namespace,
 * policyTypes, protocol) appears, and the hunk headers count the file's lines.
 */
function sourcePatch(b: KubeObject | undefined, h: KubeObject | undefined): string {
  const [bText, bLine] = b ? ownLines(b) : ["", 0];
  const [hText, hLine] = h ? ownLines(h) : ["", 0];
  const p = structuredPatch(b ? `a/${b.file}` : "/dev/null", h ? `b/${h.file}` : "/dev/null", bText, hText, "", "", { context: 3 });
  const out = [`--- ${p.oldFileName}`, `+++ ${p.newFileName}`];
  for (const hunk of p.hunks) {
    const from = hunk.oldLines === 0 ? hunk.oldStart - 1 + Math.max(0, bLine - 1) : hunk.oldStart + bLine - 1;
    const to = hunk.newLines === 0 ? hunk.newStart - 1 + Math.max(0, hLine - 1) : hunk.newStart + hLine - 1;
    out.push(`@@ -${from},${hunk.oldLines} +${to},${hunk.newLines} @@`, ...hunk.lines);
  }
  return `${out.join("\n")}\n`;
}

/** The object's own text without the document marker and trailing blank lines, and the file line it starts on. */
function ownLines(o: KubeObject): [string, number] {
  const lines = o.ownText.split(/\r\n|\r|\n/);
  let first = 0;
  while (first < lines.length - 1 && /^---\s*$/.test(lines[first]!)) first++;
  let last = lines.length;
  while (last > first + 1 && lines[last - 1]!.trim() === "") last--;
  return [`${lines.slice(first, last).join("\n")}\n`, o.ownLine + first];
}

/** A rendered object's fields, keys sorted: what changed in it, whatever input the author edited. */
function fieldPatch(b: KubeObject | undefined, h: KubeObject | undefined): string {
  const bYaml = b ? authoredYaml(b) : "";
  const hYaml = h ? authoredYaml(h) : "";
  // Named as rendered, not as the template: the template may be unchanged (a values file was edited).
  const patch = createTwoFilesPatch(b ? "rendered at base" : "/dev/null", h ? "rendered at head" : "/dev/null", bYaml, hYaml, "", "", { context: 3 });
  // Its lines are those of the sorted fields, in no file: the hunk headers carry no numbers.
  return patch
    .split("\n")
    .slice(1)
    .map((l) => (/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/.test(l) ? "@@ rendered fields @@" : l))
    .join("\n");
}

/** The policy as its author wrote it, keys sorted, bookkeeping metadata (and status) dropped. */
export function authoredYaml(obj: KubeObject): string {
  const body = wholeBody(obj);
  const meta = isPlainObject(body["metadata"]) ? body["metadata"] : {};
  const kept: Record<string, unknown> = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: authoredMeta(meta) };
  if (body["spec"] !== undefined) kept["spec"] = body["spec"];
  return stringify(sortKeys(kept), { lineWidth: 0 });
}

function authoredMeta(meta: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ["name", "namespace", "labels"]) if (meta[k] !== undefined) out[k] = meta[k];
  return out;
}

/**
 * The policy as the API server would store it, keys sorted, bookkeeping metadata dropped: for
 * telling a change of meaning from a change of spelling, never shown, so JSON (a fraction of a
 * YAML stringify's cost) serves.
 */
function normalized(obj: KubeObject): string {
  const body = wholeBody(obj);
  const meta = isPlainObject(body["metadata"]) ? body["metadata"] : {};
  const spec = isPlainObject(body["spec"]) ? { ...body["spec"] } : {};
  const dropEmpty = (k: string) => {
    const v = spec[k];
    if (v === null || (Array.isArray(v) && v.length === 0)) delete spec[k];
  };
  // Spell out the defaults so that writing them explicitly is not a change.
  const egress = spec["egress"];
  if (!Array.isArray(spec["policyTypes"]) || spec["policyTypes"].length === 0) {
    spec["policyTypes"] = Array.isArray(egress) && egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
  if (spec["podSelector"] === undefined || spec["podSelector"] === null) spec["podSelector"] = {};
  for (const dir of ["ingress", "egress"]) {
    const rules = spec[dir];
    if (!Array.isArray(rules)) continue;
    spec[dir] = rules.map((r) => {
      if (!isPlainObject(r) || !Array.isArray(r["ports"])) return r;
      return { ...r, ports: r["ports"].map((p) => (isPlainObject(p) && p["protocol"] === undefined ? { protocol: "TCP", ...p } : p)) };
    });
  }
  dropEmpty("ingress");
  dropEmpty("egress");
  const kept = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: { name: meta["name"], namespace: meta["namespace"] ?? obj.defaultNamespace, ...(isPlainObject(meta["labels"]) ? { labels: meta["labels"] } : {}) },
    spec,
  };
  return JSON.stringify(sortKeys(kept));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}
