// `netreach check --suggest`: starter assertions for a repository that has none, proposed from
// what one revision declares. Candidates only: the caller judges each with the evaluator and
// keeps those that hold today (a suggestion that is already violated would fail the next run).
//   - databases and caches not public: a workload whose name, labels or ports say postgres,
//     mysql, redis, … is reached from no external address, and (when routes exist) not through
//     the ingress controller;
//   - DNS reachable: every pod reaches the cluster DNS server on UDP and TCP 53;
//   - namespaces that never talk: one `isolated` per pair of namespaces with no flow either way,
//     the pairs of the largest namespaces first.
// At most MAX_SUGGESTIONS in all, in that order (most useful first).
import type { Assertion, EndpointSpec, SpecList } from "./assertion.js";
import type { Endpoint, WorkloadEndpoint } from "../model/endpoint.js";
import type { Labels } from "../model/labels.js";
import { ConnSet, PortSet } from "../net/conn-set.js";

export const MAX_SUGGESTIONS = 20;
/** Namespaces whose pairs are tried: the largest; 20 make 190 pairs, judged in one pass. */
const MAX_NAMESPACES = 20;
/** Database-like workloads tried (two candidates each). */
const MAX_DATABASES = 40;

export interface Suggestion {
  readonly assertion: Assertion;
  /** Why it was proposed: the YAML comment above it. */
  readonly why: string;
  /** Lower first: the order of the output. */
  readonly rank: number;
}

/** The server every pod asks for names: --dns-server, else kube-system's k8s-app=kube-dns pods. */
export interface DnsServerSpec {
  readonly namespace: string;
  readonly labels: Labels;
}

export interface SuggestInput {
  readonly endpoints: readonly Endpoint[];
  readonly dnsServer?: DnsServerSpec;
  /** Names already taken (the configuration's assertions): not proposed again. */
  readonly taken?: ReadonlySet<string>;
  /** Where the suggestions "are written", for the evaluator's results. */
  readonly file?: string;
}

const DB_WORDS: readonly [RegExp, string][] = [
  [/postgres|postgis|pgbouncer|patroni|cockroach/, "PostgreSQL"],
  [/mysql|mariadb|percona|galera/, "MySQL"],
  [/redis|valkey|keydb/, "Redis"],
  [/mongo/, "MongoDB"],
  [/elasticsearch|opensearch|elastic\b/, "Elasticsearch"],
  [/memcache/, "Memcached"],
  [/cassandra|scylla/, "Cassandra"],
  [/couchdb|couchbase/, "CouchDB"],
  [/clickhouse/, "ClickHouse"],
  [/influxdb/, "InfluxDB"],
  [/rabbitmq/, "RabbitMQ"],
  [/etcd/, "etcd"],
  [/(^|[-_.])(db|database)($|[-_.\d])/, "a database"],
];
const DB_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, "PostgreSQL"],
  [3306, "MySQL"],
  [6379, "Redis"],
  [27017, "MongoDB"],
  [9200, "Elasticsearch"],
  [11211, "Memcached"],
  [9042, "Cassandra"],
  [5984, "CouchDB"],
  [8123, "ClickHouse"],
  [8086, "InfluxDB"],
  [5672, "RabbitMQ"],
  [2379, "etcd"],
]);

/** Why a workload looks like a database or cache, or undefined. */
export function databaseEvidence(w: WorkloadEndpoint): string | undefined {
  const p = w.pod;
  const said = (text: string) => DB_WORDS.find(([re]) => re.test(text.toLowerCase()))?.[1];
  const byName = said(p.name);
  if (byName !== undefined) return `its name says ${byName}`;
  for (const [k, v] of Object.entries(p.labels)) {
    const by = said(v) ?? (k === "app" || k.endsWith("/name") || k.endsWith("/component") ? undefined : said(k));
    if (by !== undefined) return `its label ${k}=${v} says ${by}`;
  }
  for (const port of p.ports) {
    const byPort = (port.name !== undefined ? said(port.name) : undefined) ?? (port.protocol === "TCP" ? DB_PORTS.get(port.port) : undefined);
    if (byPort !== undefined) return `its port ${port.protocol} ${port.port}${port.name !== undefined ? ` (${port.name})` : ""} says ${byPort}`;
  }
  return undefined;
}

/** An assertion before it has a place, a key and options: what a candidate says. */
type Draft = Assertion extends infer A ? (A extends Assertion ? Omit<A, "source" | "key" | "targets" | "strict"> : never) : never;

const DNS = ConnSet.of({ UDP: PortSet.range(53, 53), TCP: PortSet.range(53, 53) });

export function suggestCandidates(input: SuggestInput): Suggestion[] {
  const file = input.file ?? "(suggested)";
  const taken = new Set(input.taken ?? []);
  const out: Suggestion[] = [];
  const add = (s: Omit<Suggestion, "assertion"> & { assertion: Draft }) => {
    const name = s.assertion.name;
    if (taken.has(name)) return;
    taken.add(name);
    const a = { ...s.assertion, targets: null, strict: false, source: { file, line: out.length + 1 } };
    out.push({ ...s, assertion: { ...a, key: keyOf(a) } as Assertion });
  };
  const workloads = input.endpoints.filter((e): e is WorkloadEndpoint => e.type === "workload");

  let dbs = 0;
  for (const w of workloads) {
    const why = databaseEvidence(w);
    if (why === undefined || dbs++ >= MAX_DATABASES) continue;
    const to: SpecList = [{ kind: "pods", namespace: w.pod.namespace, workload: w.pod.name }];
    const base = safeName(`${w.pod.namespace}-${w.pod.name}`);
    add({ rank: 0, why: `${w.id} looks like a database or cache (${why}): no address outside the cluster reaches it today`, assertion: { name: `${base}-not-public`, type: "deny", from: [{ kind: "internet" }], to, ports: null } });
    add({ rank: 1, why: `${w.id} looks like a database or cache (${why}): the ingress controller does not reach it today`, assertion: { name: `${base}-not-behind-ingress`, type: "deny", from: [{ kind: "ingress-controller" }], to, ports: null } });
  }

  const dns = input.dnsServer ?? (workloads.some((w) => w.pod.namespace === "kube-system" && w.pod.labels["k8s-app"] === "kube-dns") ? { namespace: "kube-system", labels: { "k8s-app": "kube-dns" } } : undefined);
  if (dns !== undefined)
    add({
      rank: 2,
      why: `every pod reaches the cluster DNS server (${dns.namespace}/${Object.entries(dns.labels).map(([k, v]) => `${k}=${v}`).join(",")}) on UDP and TCP 53 today: an egress policy that forgets DNS breaks name resolution`,
      assertion: { name: "dns-reachable", type: "allow", from: [{ kind: "any-pod" }], to: [{ kind: "pods", namespace: dns.namespace, labels: dns.labels }], ports: DNS },
    });

  // Namespaces with declared workloads, the largest first.
  const sizes = new Map<string, number>();
  for (const w of workloads) sizes.set(w.pod.namespace, (sizes.get(w.pod.namespace) ?? 0) + 1);
  const namespaces = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_NAMESPACES).map(([n]) => n);
  for (let i = 0; i < namespaces.length; i++)
    for (let j = i + 1; j < namespaces.length; j++) {
      const [a, b] = [namespaces[i]!, namespaces[j]!].sort() as [string, string];
      add({
        rank: 3 + i + j,
        why: `no pod of ${a} reaches a pod of ${b}, nor the other way, today`,
        assertion: { name: safeName(`${a}-${b}-isolated`), type: "isolated", namespaces: [{ kind: "pods", namespace: a }, { kind: "pods", namespace: b }], ports: null },
      });
    }
  return out;
}

/** The suggestions to print: those that hold (the caller's judgement), most useful first, at most MAX_SUGGESTIONS. */
export function pickSuggestions(candidates: readonly Suggestion[], holds: (name: string) => boolean, max = MAX_SUGGESTIONS): Suggestion[] {
  return candidates
    .filter((s) => holds(s.assertion.name))
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.rank - y.s.rank || x.i - y.i)
    .slice(0, max)
    .map((x) => x.s);
}

/** The suggestions as YAML to paste into `.netreach.yaml`, a comment above each saying why. */
export function suggestionsYaml(kept: readonly Suggestion[], header: readonly string[] = []): string {
  const out = header.map((h) => `# ${oneLine(h)}`);
  if (kept.length === 0) {
    out.push("# no assertion to suggest: none of the candidates holds today", "assertions: []");
    return out.join("\n") + "\n";
  }
  out.push("assertions:");
  for (const s of kept) {
    out.push(`  # ${oneLine(s.why)}`, `  - name: ${s.assertion.name}`);
    const a = s.assertion;
    out.push(`    ${a.type}:`);
    if (a.type === "isolated") out.push(`      namespaces: ${specsYaml(a.namespaces)}`);
    else out.push(`      from: ${specsYaml(a.from)}`, `      to: ${specsYaml(a.to)}`);
    if (a.ports !== null) out.push(`      ports: [${portsYaml(a.ports).join(", ")}]`);
    if (a.targets !== null) out.push(`    targets: [${a.targets.map(str).join(", ")}]`);
  }
  return out.join("\n") + "\n";
}

/** A scalar as YAML reads it back: plain when it is a name YAML takes as a string, else quoted. */
const str = (s: string) => (/^[A-Za-z][A-Za-z0-9._/-]*( [0-9][0-9-]*)?$/.test(s) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(s) ? s : JSON.stringify(s));
const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");

function specYaml(s: EndpointSpec): string {
  switch (s.kind) {
    case "internet":
    case "any-pod":
    case "ingress-controller":
      return s.kind;
    case "cidr":
      return `{cidr: ${str(s.cidr)}}`;
    case "pods": {
      const parts: string[] = [];
      if (s.namespace !== undefined) parts.push(`namespace: ${str(s.namespace)}`);
      if (s.namespaceLabels !== undefined) parts.push(`namespaces: {labels: ${labelsYaml(s.namespaceLabels)}}`);
      if (s.workload !== undefined) parts.push(`workload: ${str(s.workload)}`);
      if (s.workloadKind !== undefined) parts.push(`kind: ${str(s.workloadKind)}`);
      if (s.labels !== undefined) parts.push(`labels: ${labelsYaml(s.labels)}`);
      return `{${parts.join(", ")}}`;
    }
  }
}

const labelsYaml = (l: Labels) => `{${Object.entries(l).map(([k, v]) => `${str(k)}: ${str(v)}`).join(", ")}}`;
const specsYaml = (l: SpecList) => (l.length === 1 ? specYaml(l[0]!) : `[${l.map(specYaml).join(", ")}]`);

/** "UDP 53", "TCP 53" (the syntax assertions read: PROTO N or PROTO N-M). */
function portsYaml(c: ConnSet): string[] {
  const out: string[] = [];
  for (const p of ["TCP", "UDP", "SCTP"] as const)
    for (const part of c.ports(p).toString().split(",")) if (part !== "" && part !== "None") out.push(str(`${p} ${part}`));
  return out;
}

/** Letters, digits, `.`, `_`, `-`, as an assertion's name must be. */
function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 100);
}

function keyOf(a: Draft & { readonly source: unknown }): string {
  const { source: _source, ...meaning } = a;
  return JSON.stringify({ ...meaning, ports: meaning.ports === null ? null : meaning.ports.toString() });
}
