// Endpoint sets in words, exactly: "any pod" only where a representative stands for pods nobody
// declared; declared workloads are named or called declared workloads. A long list is cut per
// kind (external addresses, then each namespace), so "and 6 more" never hides a source of
// another kind: every kind in the set is named, with its count; past a few times the terms asked
// for, namespaces after the first few are counted together (foldKinds).
import type { Endpoint, PodEndpoint, RepresentativeWords } from "../model/endpoint.js";
import type { EndpointSet, SetTerm } from "./group.js";

/** Where a set of endpoints stands in a sentence. */
export type Role = "source" | "destination" | "subject";

/** Formats a name (an id or a namespace) for the output at hand: `mdCode` for Markdown, plain quoting for a terminal. */
export type Code = (name: string) => string;

/** Words for one term. */
export function termWords(t: SetTerm, role: Role, code: Code, like: ReadonlyMap<string, string> = NO_LIKE): string {
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
    case "labelled-others":
      return `other pods labelled ${labelList(t.labels, code)} in ${code(t.namespace)}`;
    case "other-namespaces":
      return otherNamespacesWords(t.namespaces, t.all, t.pod, code);
    case "all-externals":
      return "any external address";
    case "endpoint":
      return like.get(t.endpoint.id) ?? (t.like !== undefined ? likeWords(t.endpoint, t.like, code) : undefined) ?? endpointWords(t.endpoint, code);
  }
}

const NO_LIKE: ReadonlyMap<string, string> = new Map();

/**
 * A representative that carries every label of a declared workload and more, alone in its set:
 * "pods labelled `orders-db-postgresql-client=true` with the labels of
 * `shop-prod/orders-db-postgresql[StatefulSet]`". Only when its words claim nothing else (no
 * "without", no "other"), and each extra label has a value.
 */
function likeWords(e: Endpoint, w: Endpoint, code: Code): string | undefined {
  if (e.type !== "synthetic" || w.type !== "workload" || (e.words !== undefined && (e.words.without.length > 0 || e.words.other))) return undefined;
  const labels = e.pod.labels;
  const extra = Object.keys(labels).filter((k) => w.pod.labels[k] !== labels[k]).sort();
  if (extra.length === 0 || extra.some((k) => labels[k] === "*" || labels[k] === OTHER)) return undefined;
  return `pods labelled ${labelList(extra.map((k) => [k, labels[k]!] as const), code)} with the labels of ${code(w.id)}`;
}

/** The witness value for "a value no selector names" (synth/combinations' OTHER_VALUE). */
const OTHER = "\u0000other";

/**
 * Representatives that are the set's declared workloads of their namespace plus a label (a Helm
 * chart's database that is also its own client, `orders-db-postgresql-client=true`), by that
 * label: "pods labelled `orders-db-postgresql-client=true` with its labels", beside the workload.
 * Exact only when the representative's other labels are exactly those the workloads share, with
 * the same values; otherwise it keeps its own words.
 */
function likeWorkloads(s: EndpointSet, code: Code): Map<string, string> {
  const out = new Map<string, string>();
  // The set's declared workloads by namespace, gathered once: a set can hold thousands of endpoints.
  let byNamespace: Map<string, PodEndpoint[]> | undefined;
  for (const e of s.endpoints) {
    if (e.type !== "synthetic" || (e.words !== undefined && (e.words.without.length > 0 || e.words.other))) continue;
    if (byNamespace === undefined) {
      byNamespace = new Map();
      for (const w of s.endpoints) {
        if (w.type !== "workload") continue;
        // Pushed, not copied: a namespace may hold thousands of workloads.
        const list = byNamespace.get(w.pod.namespace);
        if (list === undefined) byNamespace.set(w.pod.namespace, [w]);
        else list.push(w);
      }
    }
    const workloads = byNamespace.get(e.pod.namespace) ?? [];
    if (workloads.length === 0) continue;
    const labels = e.pod.labels;
    const first = (workloads[0] as PodEndpoint).pod.labels;
    const shared = Object.keys(first).filter((k) => workloads.every((w) => (w as PodEndpoint).pod.labels[k] === first[k]));
    const base = Object.keys(labels).filter((k) => labels[k] === first[k] && shared.includes(k));
    const extra = Object.keys(labels).filter((k) => !base.includes(k)).sort();
    // Exactly the shared labels, and a value (not "any value no selector names") for each extra one.
    if (base.length === 0 || base.length !== shared.length || extra.length === 0 || extra.some((k) => labels[k] === "*" || labels[k] === OTHER)) continue;
    const theirs = workloads.length === 1 ? "its labels" : "the labels they share";
    out.set(e.id, `pods labelled ${labelList(extra.map((k) => [k, labels[k]!] as const), code)} with ${theirs}`);
  }
  return out;
}

/** One endpoint: its id, but representatives that read better in words. */
function endpointWords(e: Endpoint, code: Code): string {
  if (e.type !== "synthetic") return code(e.id);
  // The representative of namespaces no policy names reads better in words than as `[*]/[*]`.
  if (e.id === "[*]/[*]") return "any pod in any other namespace";
  return e.words !== undefined ? representativeWords(e.words, code) : selectorWords(e.pod.namespace, e.id.slice(e.pod.namespace.length + 1), code);
}

/**
 * A representative without declared workloads beside it, by the selector words that define it:
 * "pods labelled `tier=api` in namespaces labelled `purpose=monitoring`", "other pods in
 * `monitoring`". `[*]` as a pod is what the namespace's other selectors leave: "other pods".
 */
function selectorWords(namespace: string, pod: string, code: Code): string {
  const where = namespace.startsWith("[") ? namespaceWords(parseLabels(namespace), code) : code(namespace);
  const labels = parseLabels(pod);
  return labels.length === 0 ? `other pods in ${where}` : `pods labelled ${labelList(labels, code)} in ${where}`;
}

/** "[a=1,b=*]" (describeWitness) as key/value pairs; "*" is "any value no selector names". */
function parseLabels(text: string): [string, string][] {
  const inner = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (inner === "*" || inner === "") return [];
  // Label keys and values hold neither "," nor "=": the split is exact.
  return inner.split(",").map((kv) => {
    const eq = kv.indexOf("=");
    return [kv.slice(0, eq), kv.slice(eq + 1)];
  });
}

function labelWords([k, v]: readonly [string, string], code: Code): string {
  return v === "*" ? `${code(k)} (a value no policy names)` : code(`${k}=${v}`);
}

function labelList(labels: readonly (readonly [string, string])[], code: Code): string {
  return andList(labels.map((l) => labelWords(l, code)));
}

/** "any other namespace", "namespaces labelled `purpose=monitoring` and `team=a`". */
function namespaceWords(labels: readonly [string, string][], code: Code): string {
  return labels.length === 0 ? "any other namespace" : `namespaces labelled ${labelList(labels, code)}`;
}

/** At most this many values of one label are named in a merged description. */
const MAX_VALUES = 4;

/**
 * Every pod of several representative namespaces: "any pod in any other namespace" when they are
 * all there are; else by the labels they share, "any pod in namespaces labelled
 * `purpose=monitoring` and `team` one of `a`, `b`", when those words are exact (every combination
 * of the values is one of them), or as alternatives.
 */
function otherNamespacesWords(namespaces: readonly string[], all: boolean, pod: string | undefined, code: Code): string {
  // The same representatives stand in many groups' sets (a thousand tenants each admitting the
  // Prometheus of every namespace): their words are made once per kind of output.
  let known = otherNamespacesMemo.get(code);
  if (known === undefined || known.size >= MAX_MEMO) otherNamespacesMemo.set(code, (known = new Map()));
  const key = `${all ? 1 : 0}${pod ?? "\u0000"}\u0001${namespaces.join("\u0001")}`;
  let words = known.get(key);
  if (words === undefined) known.set(key, (words = otherNamespacesWordsOnce(namespaces, all, pod, code)));
  return words;
}

const otherNamespacesMemo = new WeakMap<Code, Map<string, string>>();
/** Words remembered per kind of output before starting again: a bound on what a long run holds. */
const MAX_MEMO = 10_000;

function otherNamespacesWordsOnce(namespaces: readonly string[], all: boolean, pod: string | undefined, code: Code): string {
  const podLabels = pod === undefined ? [] : parseLabels(pod);
  const any =
    pod === undefined ? "any pod" : podLabels.length === 0 ? "other pods" : `pods labelled ${labelList(podLabels, code)}`;
  if (all) return `${any} in any other namespace`;
  // "[*]" is any namespace no selector tells apart: "any other namespace", beside the labelled ones.
  const places = [...(namespaces.includes("[*]") ? ["any other namespace"] : []), ...labelledNamespaces(namespaces.filter((n) => n !== "[*]").map(parseLabels), code)];
  return `${any} in ${places.join(" or in ")}`;
}

/** Kinds of namespace by their labels: in one phrase when exact, else as (a few) alternatives. */
function labelledNamespaces(sets: readonly (readonly [string, string][])[], code: Code): string[] {
  if (sets.length === 0) return [];
  const keys = sets[0]!.map(([k]) => k).join(",");
  if (sets.length > 1 && sets.every((l) => l.map(([k]) => k).join(",") === keys)) {
    const values = sets[0]!.map((_, i) => [...new Set(sets.map((l) => l[i]![1]))]);
    // Exact only when every combination of the values is one of the kinds.
    if (values.reduce((n, v) => n * v.length, 1) === sets.length) {
      const parts = sets[0]!.map(([k], i) => {
        const vs = values[i]!;
        if (vs.length === 1) return labelWords([k, vs[0]!], code);
        const named = vs.filter((v) => v !== "*");
        const shown = named.length > MAX_VALUES ? [...named.slice(0, MAX_VALUES - 1).map((v) => code(v)), `${named.length - MAX_VALUES + 1} more`] : named.map((v) => code(v));
        if (named.length < vs.length) shown.push("a value no policy names");
        return `${code(k)} one of ${orList(shown)}`;
      });
      return [`namespaces labelled ${andList(parts)}`];
    }
  }
  const alternatives = sets.map((l) => namespaceWords(l, code));
  return alternatives.length > MAX_VALUES ? [...alternatives.slice(0, MAX_VALUES - 1), `${alternatives.length - MAX_VALUES + 1} more kinds of namespace no policy names`] : alternatives;
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
    case "other-namespaces":
      return "[";
    case "labelled-others":
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
  // "other pods in `a`", "other pods in `b`", ...: one phrase for the namespaces, "other pods in
  // `a`, `b` and `c`", not one per namespace.
  // Likewise "other pods labelled `x=y` in `a`, `b` and `c`".
  const byLabels = new Map<string, Extract<SetTerm, { kind: "labelled-others" }>[]>();
  for (const t of s.terms) if (t.kind === "labelled-others") {
    const key = JSON.stringify(t.labels);
    byLabels.set(key, [...(byLabels.get(key) ?? []), t]);
  }
  const merged = [...byLabels.values()].filter((ts) => ts.length > 1);
  if (merged.length > 0) {
    const gone = new Set<SetTerm>(merged.flat());
    const rest = setWords({ endpoints: s.endpoints, terms: s.terms.filter((t) => !gone.has(t)) }, role, code, Math.max(1, max - merged.length));
    const phrases = merged.map((ts) => `other pods labelled ${labelList(ts[0]!.labels, code)} in ${namespaceList(ts.map((t) => code(t.namespace)))}`);
    return andList([...(rest === "" ? [] : [rest]), ...phrases]);
  }
  const others = s.terms.filter(isOtherPods);
  if (others.length > 1) {
    const rest = termsWords(s.terms.filter((t) => !isOtherPods(t)), role, code, max - 1, likeWorkloads(s, code));
    const names = others.map((t) => code((t as { endpoint: { pod: { namespace: string } } }).endpoint.pod.namespace));
    return andList([...(rest === "" ? [] : [rest]), `other pods in ${namespaceList(names)}`]);
  }
  return termsWords(s.terms, role, code, max, likeWorkloads(s, code));
}

/** "`a`, `b`, `c` and 8 more namespaces". */
function namespaceList(names: readonly string[]): string {
  return andList(names.length > MAX_NAMESPACES ? [...names.slice(0, MAX_NAMESPACES - 1), `${names.length - MAX_NAMESPACES + 1} more namespaces`] : names);
}

/** At most this many namespaces named in "other pods in ...". */
const MAX_NAMESPACES = 4;

/** A representative that is every pod of its namespace not declared here ("other pods in `N`"). */
function isOtherPods(t: SetTerm): boolean {
  if (t.kind !== "endpoint" || t.endpoint.type !== "synthetic") return false;
  const w = t.endpoint.words;
  return w !== undefined && w.other && w.with.length === 0 && w.without.length === 0;
}

function termsWords(all: readonly SetTerm[], role: Role, code: Code, max: number, like: ReadonlyMap<string, string> = NO_LIKE): string {
  // Kinds first: external addresses, then namespace by namespace (stable within a kind).
  const terms = [...all].sort((a, b) => cmp(kindOf(a), kindOf(b)));
  if (terms.length <= max) return andList(terms.map((t) => termWords(t, role, code, like)));
  const buckets = new Map<string, SetTerm[]>();
  for (const t of terms) {
    const k = kindOf(t);
    const list = buckets.get(k);
    if (list) list.push(t);
    else buckets.set(k, [t]);
  }
  // Each kind gets an even share of the names, at least one. Past a few times `max` kinds, the
  // namespaces after the first few are counted, not named one by one: two thousand tenants named
  // each with its count were a line of a quarter of a megabyte.
  const folded = foldKinds(buckets, max);
  const share = Math.max(1, Math.floor(max / folded.named.size));
  const words: string[] = [];
  for (const [k, list] of folded.named) {
    const shown = list.length > share + 1 ? list.slice(0, share) : list;
    words.push(...shown.map((t) => termWords(t, role, code, like)));
    const rest = list.length - shown.length;
    // "[" is the kind of every representative-namespace term: they are kinds of namespace, not a namespace named "[".
    if (rest > 0) words.push(k === " external" ? `${rest} more external address ranges` : k === "[" ? `${rest} more sets of pods in namespaces no policy names` : `${rest} more in ${code(k)}`);
  }
  if (folded.namespaces > 0) words.push(`${folded.terms} more in ${folded.namespaces} more namespaces`);
  return andList(words);
}

/** Kinds past this many times the terms asked for are counted, not named. */
const KINDS_PER_TERM = 4;

/**
 * The kinds named (externals, representative namespaces and what spans kinds always; namespaces
 * up to `max` of them when there are more than KINDS_PER_TERM × `max` kinds), and the terms and
 * namespaces of the rest.
 */
function foldKinds(buckets: ReadonlyMap<string, readonly SetTerm[]>, max: number): { named: ReadonlyMap<string, readonly SetTerm[]>; terms: number; namespaces: number } {
  if (buckets.size <= KINDS_PER_TERM * max) return { named: buckets, terms: 0, namespaces: 0 };
  const named = new Map<string, readonly SetTerm[]>();
  let shown = 0;
  let terms = 0;
  let namespaces = 0;
  for (const [k, list] of buckets) {
    const namespace = k !== " external" && k !== "[" && k !== " all";
    if (!namespace || shown < max) {
      named.set(k, list);
      if (namespace) shown++;
    } else {
      terms += list.length;
      namespaces++;
    }
  }
  return { named, terms, namespaces };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function andList(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
