// Endpoint sets in words, exactly: "any pod" only where a representative stands for pods nobody
// declared; declared workloads are named or called declared workloads. A long list is cut per
// kind (external addresses, then each namespace), so "and 6 more" never hides a source of
// another kind: every kind in the set is named, with its count.
import type { Endpoint, RepresentativeWords } from "../model/endpoint.js";
import type { EndpointSet, SetTerm } from "./group.js";

/** Where a set of endpoints stands in a sentence. */
export type Role = "source" | "destination" | "subject";

/** Formats a name (an id or a namespace) for the output at hand: `mdCode` for Markdown, plain quoting for a terminal. */
export type Code = (name: string) => string;

/** Words for one term. */
export function termWords(t: SetTerm, role: Role, code: Code): string {
  const except = "except" in t && t.except.length > 0 ? ` except ${t.except.map((e) => endpointWords(e, code)).join(" and ")}` : "";
  switch (t.kind) {
    case "everything":
      if (t.declaredOnly) return `every declared workload${except} and any external address`;
      return (role === "source" ? "any source" : role === "destination" ? "any destination" : "everything") + except;
    case "all-pods":
      if (t.declaredOnly) return `every declared workload${except}`;
      return (role === "source" ? "any pod" : "every pod") + except;
    case "namespace": {
      // Representative namespaces ("[*]", "[team=x]") stand for namespaces no policy names.
      const ns = t.namespace === "[*]" ? "any other namespace" : t.namespace.startsWith("[") ? `any namespace ${code(t.namespace)}` : code(t.namespace);
      if (t.declaredOnly) return `every declared workload in ${ns}${except}`;
      return (role === "source" ? `any pod in ${ns}` : role === "destination" ? `every pod in ${ns}` : `pods in ${ns}`) + except;
    }
    case "all-externals":
      return "any external address";
    case "endpoint":
      return endpointWords(t.endpoint, code);
  }
}

/** One endpoint: its id, but representatives that read better in words. */
function endpointWords(e: Endpoint, code: Code): string {
  if (e.type !== "synthetic") return code(e.id);
  // The representative of namespaces no policy names reads better in words than as `[*]/[*]`.
  if (e.id === "[*]/[*]") return "any pod in any other namespace";
  return e.words !== undefined ? representativeWords(e.words, code) : code(e.id);
}

/**
 * A representative beside declared workloads: "other pods in `shop-prod` without
 * `redis-client=true`", "pods in `shop-prod` with `redis-client=true` but not `app=redis`".
 */
export function representativeWords(w: RepresentativeWords, code: Code): string {
  const labels = w.with.map((l) => (l.value !== null ? code(`${l.key}=${l.value}`) : l.notValues.length === 0 ? code(l.key) : `${code(l.key)} other than ${orList(l.notValues.map(code))}`));
  const withWords = labels.length > 0 ? ` with ${andList(labels)}` : "";
  const without = w.without.length > 0 ? `${labels.length > 0 ? " but not" : " without"} ${orList(w.without.map(code))}` : "";
  return `${w.other ? "other " : ""}pods in ${code(w.namespace)}${withWords}${without}`;
}

function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** The kind of a term, for ordering and for cutting a long list: external, or a namespace. */
function kindOf(t: SetTerm): string {
  switch (t.kind) {
    case "all-externals":
      return " external";
    case "endpoint":
      return t.endpoint.type === "external" ? " external" : t.endpoint.pod.namespace;
    case "namespace":
      return t.namespace;
    default:
      return " all"; // spans kinds; always named in full
  }
}

/**
 * "any pod in `frontend`, `backend/api[Deployment]` and `backend/db[StatefulSet]`". With more than
 * `max` terms, each kind keeps its first names and says how many more of that kind there are:
 * "any external address, `a/x[Deployment]`, 3 more in `a`, `b/y[Deployment]` and 5 more in `b`".
 */
export function setWords(s: EndpointSet, role: Role, code: Code, max = 5): string {
  // Kinds first: external addresses, then namespace by namespace (stable within a kind).
  const terms = [...s.terms].sort((a, b) => cmp(kindOf(a), kindOf(b)));
  if (terms.length <= max) return andList(terms.map((t) => termWords(t, role, code)));
  const buckets = new Map<string, SetTerm[]>();
  for (const t of terms) {
    const k = kindOf(t);
    const list = buckets.get(k);
    if (list) list.push(t);
    else buckets.set(k, [t]);
  }
  // Each kind gets an even share of the names, at least one.
  const share = Math.max(1, Math.floor(max / buckets.size));
  const words: string[] = [];
  for (const [k, list] of buckets) {
    const shown = list.length > share + 1 ? list.slice(0, share) : list;
    words.push(...shown.map((t) => termWords(t, role, code)));
    const rest = list.length - shown.length;
    if (rest > 0) words.push(k === " external" ? `${rest} more external address ranges` : `${rest} more in ${code(k)}`);
  }
  return andList(words);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function andList(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
