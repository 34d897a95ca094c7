// What a user names on the command line, found among a revision's endpoints: an id as the reports
// show it (`backend/db[Deployment]`, `backend/[app=db]`, `{ingress-controller}`), a workload by
// `ns/name` alone when that names one, or an address or CIDR (the external ranges holding it).
import { INGRESS_CONTROLLER_ID, type Endpoint, type ExternalEndpoint } from "../model/endpoint.js";
import { cidrRange, parseAddress, parseCidr, type AddrRange } from "../net/ip.js";

export type Found =
  | { readonly ok: true; readonly endpoints: readonly Endpoint[]; /** A CIDR spanning several external ranges: each is explained. */ readonly note?: string }
  | {
      readonly ok: false;
      /** ambiguous: `candidates` are what the name could mean; unknown: the closest ids; invalid: none. */
      readonly reason: "ambiguous" | "unknown" | "invalid";
      readonly error: string;
      readonly candidates: readonly string[];
    };

export function findEndpoint(spec: string, endpoints: readonly Endpoint[]): Found {
  const id = spec === "ingress-controller" ? INGRESS_CONTROLLER_ID : spec;
  const exact = endpoints.find((e) => e.id === id);
  if (exact !== undefined) return { ok: true, endpoints: [exact] };
  if (spec === "ingress-controller" || spec === INGRESS_CONTROLLER_ID) {
    return { ok: false, reason: "invalid", error: `${spec}: no Ingress, Gateway route or Route here, so no traffic comes from the ingress controller`, candidates: [] };
  }
  const address = addressRange(spec);
  if (address !== undefined) {
    if ("error" in address) return { ok: false, reason: "invalid", error: address.error, candidates: [] };
    const externals = endpoints.filter((e): e is ExternalEndpoint => e.type === "external" && e.ranges.some((r) => overlaps(r, address.range)));
    if (externals.length === 0) return { ok: false, reason: "invalid", error: `${spec}: no external address range of this revision holds it`, candidates: [] };
    return externals.length === 1
      ? { ok: true, endpoints: externals }
      : { ok: true, endpoints: externals, note: `${spec} spans ${externals.length} external address ranges (the policies' ipBlocks cut addresses into ranges): each is explained` };
  }
  // `ns/name`: the workloads of that name, whatever their kind.
  const workloads = endpoints.filter((e) => e.type === "workload" && `${e.pod.namespace}/${e.pod.name}` === spec);
  if (workloads.length === 1) return { ok: true, endpoints: workloads };
  if (workloads.length > 1) return { ok: false, reason: "ambiguous", error: `${spec} names ${workloads.length} workloads: give one of their ids`, candidates: workloads.map((e) => e.id).sort() };
  return { ok: false, reason: "unknown", error: `no endpoint ${spec}`, candidates: closest(spec, endpoints.map((e) => e.id)) };
}

function addressRange(spec: string): { range: AddrRange } | { error: string } | undefined {
  if (spec.includes("/")) {
    if (!/^[0-9a-fA-F:.]+\/\d+$/.test(spec)) return undefined;
    const c = parseCidr(spec);
    if (!c.ok) return { error: `${spec}: not a CIDR (${c.reason})` };
    return { range: cidrRange(c.cidr) };
  }
  const a = parseAddress(spec);
  return a === undefined ? undefined : { range: { family: a.family, lo: a.value, hi: a.value } };
}

function overlaps(a: AddrRange, b: AddrRange): boolean {
  return a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;
}

/** Up to five ids nearest the spec: those containing it (or its name part) first, then by edit distance. */
function closest(spec: string, ids: readonly string[]): string[] {
  const lower = spec.toLowerCase();
  const name = lower.includes("/") ? lower.slice(lower.lastIndexOf("/") + 1) : lower;
  const scored = ids.map((id) => {
    const l = id.toLowerCase();
    const contains = name.length >= 3 && l.includes(name) ? 0 : 1;
    // Against the id and the id without its [Kind]: "backend/apii" is one letter from backend/api[Deployment].
    const bare = l.replace(/\[[^\]]*\]$/, "");
    return { id, contains, distance: Math.min(distance(lower, l), distance(lower, bare)) };
  });
  scored.sort((a, b) => a.contains - b.contains || a.distance - b.distance || (a.id < b.id ? -1 : 1));
  const limit = Math.max(3, Math.ceil(lower.length / 2));
  return scored.filter((s) => s.contains === 0 || s.distance <= limit).slice(0, 5).map((s) => s.id);
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
