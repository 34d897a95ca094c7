// What the pull request breaks, in the words a reviewer acts on: exposures closed, Services and
// routes that forward to nothing, pods cut from the cluster's DNS server, workloads left with no
// ingress or no egress at all. Read off the report; the verdict names the worst, the "Stops
// working" section lists them all, right after it (DESIGN section 7).
import { idWords } from "../model/policy-names.js";
import { newlyClosed, newlyOpened } from "../exposure/changes.js";
import type { DiffReport } from "../analyze.js";
import type { Reason } from "../diff/change.js";
import type { CutOff } from "../diff/cut-off.js";
import type { ServiceBreakage } from "../diff/service-breakages.js";
import type { RouteBreakage } from "../diff/route-breakages.js";
import { routeWords } from "./route-words.js";
import type { ExposureChange } from "../exposure/changes.js";
import type { Hop } from "../model/exposure.js";
import { connWords } from "./conn-words.js";
import type { DnsLoss } from "./dns-loss.js";
import { exposureSentence, type ExposureFormat } from "./exposure-words.js";
import { setWords } from "./set-words.js";
import { UniverseIndex, type EndpointSet } from "./group.js";
import type { Endpoint } from "../model/endpoint.js";

export type StopsReport = Pick<DiffReport, "exposureChanges" | "serviceBreakages" | "routeBreakages" | "cutOff" | "workloadChanges" | "universe" | "endpoints">;

/** One thing that stops working, worst first: a short form for the verdict, a full one for the section. */
export interface Breakage {
  readonly kind: "exposure" | "service" | "dns" | "cut-off";
  /** "`default/http-svc[Deployment]` TCP 8080 no longer reachable through Ingress `default/nginx-test`: `default/deny` now blocks the ingress controller" */
  readonly short: string;
  /** The section's list item (without the "- "). */
  readonly full: string;
}

export interface StopsFormat extends ExposureFormat {
  /** "`file:line`", linked where the format can. */
  readonly at: (file: string, line: number, side: "base" | "head") => string;
}

/** Every breakage, in order: exposures closed, Services to nothing, DNS, cut-off workloads. */
export function breakages(report: StopsReport, dns: DnsLoss | null, f: StopsFormat): Breakage[] {
  const out: Breakage[] = [];
  // A workload the pull request removes takes its exposures with it: said once, under Workloads.
  const removed = new Set(report.workloadChanges.filter((w) => w.change === "removed").map((w) => w.workload.id));
  const services = report.serviceBreakages ?? [];
  // A Service that forwards to nothing and closed an exposure is said once, as that exposure's cause.
  const told = new Set<ServiceBreakage>();
  const routes = report.routeBreakages ?? [];
  const toldRoutes = new Set<RouteBreakage>();
  for (const c of report.exposureChanges) {
    // A port public before and after is moved (said once, elsewhere), not lost.
    if (newlyClosed(c).isEmpty || removed.has(c.dst.id)) continue;
    const broke = c.why.length === 0 ? brokenService(c, services) : undefined;
    if (broke) told.add(broke);
    // A route whose Service the pull request removed: said once, as this exposure's cause.
    const nowhere = c.why.length === 0 && !broke ? brokenRoute(c, routes) : undefined;
    if (nowhere) toldRoutes.add(nowhere);
    const hop = entry(c);
    // The short form follows "through <entry hop>": what the pull request did to that hop is said of "it".
    const cause = nowhere ? routeCause(nowhere, hop, f) : !broke ? exposureCause(c, sourceName(c, f), f, hop) : hop?.kind === "Service" && `${hop.namespace}/${hop.name}` === broke.service.id ? serviceCause(broke, f) : serviceWords(broke, f, false);
    const sentence = exposureSentence(c, "closed", f);
    const said = broke ? serviceWords(broke, f, true) : nowhere ? routeWords(nowhere, f, true) : exposureCause(c, sourceName(c, f), f, undefined);
    out.push({ kind: "exposure", short: `${exposureShort(c, f)}: ${cause}`, full: `**No longer exposed:** ${sentence}${c.why.length === 0 ? ` — ${said}` : ""}` });
  }
  for (const s of services) if (!told.has(s)) out.push({ kind: "service", short: serviceWords(s, f, false), full: `**Forwards to nothing:** ${serviceWords(s, f, true)}` });
  for (const r of routes) if (!toldRoutes.has(r)) out.push({ kind: "service", short: routeWords(r, f, false), full: `**Sends to nothing:** ${routeWords(r, f, true)}` });
  if (dns) {
    const who = setWords(dns.sources, "subject", f.code);
    const protos = dns.protocols.length === 2 ? "UDP/TCP 53" : `${dns.protocols[0]} 53`;
    const toward = setWords(dns.servers, "destination", f.code, 3);
    out.push({ kind: "dns", short: `${who} can no longer resolve names (${protos} closed toward ${toward})`, full: `⚠️ **DNS:** ${who} can no longer resolve names (${protos} closed toward ${toward}).` });
  }
  for (const c of cutOffGroups(report)) out.push({ kind: "cut-off", short: cutOffWords(c, f, false), full: `**No ${c.direction} at all:** ${cutOffWords(c, f, true)}` });
  return out;
}

/** The worst risk when no gate rule names one: "`ns/db[StatefulSet]` TCP 5432 newly reachable from the internet through Service `ns/db`". */
export function exposureRisk(c: ExposureChange, f: ExposureFormat): string {
  // What no one outside had; all of it where it all moved (said for rule any-opened).
  const fresh = newlyOpened(c);
  const conn = fresh.isEmpty ? c.opened : fresh;
  let hop: Hop | undefined;
  for (const v of c.via.head) if (!v.conn.intersect(conn).isEmpty && v.chain.length > 0) { hop = v.chain[0]; break; }
  const through = hop ? ` through ${f.text(hop.kind)} ${f.code(`${hop.namespace}/${hop.name}`)}` : "";
  return `${f.code(c.dst.id)} ${f.text(connWords(conn))} newly reachable from ${sourceName(c, f)}${through}`;
}

// ---- exposures closed ---------------------------------------------------------------------

function sourceName(c: ExposureChange, f: ExposureFormat): string {
  const src = c.src;
  if (src.type === "ingress-controller") return "the ingress controller";
  if (src.cidrs.length === 1 && (src.cidrs[0] === "0.0.0.0/0" || src.cidrs[0] === "::/0")) return "the internet";
  return `addresses ${f.code(src.id)}`;
}

/** The outermost object of the first path that carried what closed: the Ingress, route or Service a user reaches. */
function entry(c: ExposureChange): Hop | undefined {
  for (const v of c.via.base) if (!v.conn.intersect(newlyClosed(c)).isEmpty && v.chain.length > 0) return v.chain[0];
  return undefined;
}

function exposureShort(c: ExposureChange, f: ExposureFormat): string {
  const hop = entry(c);
  const from = sourceName(c, f);
  const through = hop ? `${f.text(hop.kind)} ${f.code(`${hop.namespace}/${hop.name}`)}` : "";
  const where = c.src.type === "ingress-controller" && through !== "" ? `through ${through}` : `from ${from}${through !== "" ? ` through ${through}` : ""}`;
  return `${f.code(c.dst.id)} ${f.text(connWords(newlyClosed(c)))} no longer reachable ${where}`;
}

/** The broken Service on a path that carried what closed, if any. */
function brokenService(c: ExposureChange, services: readonly ServiceBreakage[]): ServiceBreakage | undefined {
  for (const v of c.via.base) {
    if (v.conn.intersect(newlyClosed(c)).isEmpty) continue;
    for (const h of v.chain) {
      if (h.kind !== "Service") continue;
      const s = services.find((x) => x.service.id === `${h.namespace}/${h.name}` && x.before.includes(c.dst.id));
      if (s) return s;
    }
  }
  return undefined;
}

/** The route breakage on a path that carried what closed, if any: the route and the removed Service are both on it. */
function brokenRoute(c: ExposureChange, routes: readonly RouteBreakage[]): RouteBreakage | undefined {
  if (routes.length === 0) return undefined;
  for (const v of c.via.base) {
    if (v.conn.intersect(newlyClosed(c)).isEmpty) continue;
    const has = (kind: string, id: string) => v.chain.some((h) => h.kind === kind && `${h.namespace}/${h.name}` === id);
    const r = routes.find((x) => has(x.route.kind, `${x.route.namespace}/${x.route.name}`) && has("Service", x.service));
    if (r) return r;
  }
  return undefined;
}

/** "its backend Service `shop/web` (port 80) was removed in this pull request; the route sends traffic nowhere" */
function routeCause(r: RouteBreakage, hop: Hop | undefined, f: StopsFormat): string {
  const entered = hop !== undefined && hop.kind === r.route.kind && hop.namespace === r.route.namespace && hop.name === r.route.name;
  return entered ? routeWords(r, f, false, true) : routeWords(r, f, false);
}

/**
 * `entered`: the hop the short form already named, said of as "it". Without one (the section's
 * full form) the object is named at its base line.
 */
function exposureCause(c: ExposureChange, from: string, f: StopsFormat, entered: Hop | undefined): string {
  const r = c.why[0];
  if (r !== undefined) return causeWords(r, from, f);
  const carried = c.via.head.some((v) => !v.conn.intersect(newlyClosed(c)).isEmpty);
  if (carried) return "the policies no longer admit it";
  const edited = editedHop(c);
  if (edited === undefined) return "no Service or route sends it that traffic any more";
  const same = entered !== undefined && entered.kind === edited.kind && entered.namespace === edited.namespace && entered.name === edited.name;
  const name = same ? "it" : `${f.text(edited.kind)} ${f.code(`${edited.namespace}/${edited.name}`)}${entered === undefined ? ` (${f.at(edited.at.file, edited.at.line, "base")})` : ""}`;
  const e = edited.edit!;
  return e.kind === "removed" ? `${name} was ${f.text(e.words.replace(/ in this PR$/, " in this pull request"))}` : `${name} changed in this pull request (${f.text(e.words)})`;
}

/** The first object, outside in, on a path that carried what closed, that the pull request removed or changed. */
function editedHop(c: ExposureChange): Hop | undefined {
  for (const v of c.via.base) {
    if (v.conn.intersect(newlyClosed(c)).isEmpty) continue;
    const h = v.chain.find((x) => x.edit !== undefined && x.edit.kind !== "added");
    if (h) return h;
  }
  return undefined;
}

function causeWords(r: Reason, from: string, f: ExposureFormat): string {
  const name = f.reason(r);
  if (r.side === "head" && r.effect === "isolates") return `${name} now blocks ${from}`;
  if (r.side === "head" && r.effect === "denies") return `${name} now denies ${from}`;
  if (r.side === "base" && r.effect === "allows") return `${name} no longer admits ${from}`;
  return `${name} (${r.side === "head" ? "now" : "before"} ${r.effect})`;
}

// ---- Services that forward to nothing ----------------------------------------------------

function serviceWords(s: ServiceBreakage, f: StopsFormat, full: boolean): string {
  const port = `${s.port.protocol === "TCP" ? "" : `${s.port.protocol} `}port ${s.port.port}${s.port.name !== undefined ? ` (${f.code(s.port.name)})` : ""}`;
  const what = `Service ${f.code(s.service.id)} ${port}`;
  const routes = s.routes.length === 0 ? "" : `${s.routes.slice(0, 3).map((r) => `${f.text(r.kind)} ${f.code(r.id)}`).join(", ")}${s.routes.length > 3 ? ` and ${s.routes.length - 3} more` : ""}`;
  const cause = serviceCause(s, f);
  const at = full ? ` (${f.at(s.port.source.file, s.port.source.line, "head")})` : "";
  const via = routes === "" ? "" : full ? `; ${routes} ${s.routes.length === 1 ? "sends" : "send"} to it` : ` (behind ${routes})`;
  if (full) return `${what}: ${cause}${at}${via}`;
  return `${what}${via} now forwards to nothing: ${cause}`;
}

/** "targetPort `http` now names no TCP container port of `default/frontend[Deployment]`" */
function serviceCause(s: ServiceBreakage, f: ExposureFormat): string {
  return s.cause.kind === "target-port"
    ? `targetPort ${f.code(s.cause.name)} now names no ${s.port.protocol} container port of ${list(s.cause.workloads, f)}`
    : `its selector now matches no pod (was ${list(s.before, f)})`;
}

function list(ids: readonly string[], f: ExposureFormat): string {
  const shown = ids.slice(0, 3).map((id) => f.code(id));
  return ids.length > 3 ? `${shown.join(", ")} and ${ids.length - 3} more` : shown.length === 2 ? shown.join(" and ") : shown.join(", ");
}

// ---- workloads cut off ---------------------------------------------------------------------

interface CutOffGroup {
  readonly direction: CutOff["direction"];
  readonly policies: readonly string[];
  /** The admin-tier rules that deny it, each once. */
  readonly denies: readonly Reason[];
  readonly workloads: EndpointSet;
  readonly count: number;
}

/** One line per direction and set of policies: a namespace-wide deny cuts off every workload there at once. */
function cutOffGroups(report: StopsReport): CutOffGroup[] {
  const list = report.cutOff ?? [];
  if (list.length === 0) return [];
  const byId = new Map<string, Endpoint>(report.universe.map((e) => [e.id, e]));
  const groups = new Map<string, { c: CutOff; ids: Endpoint[]; denies: Map<string, Reason> }>();
  for (const c of list) {
    const key = `${c.direction}\0${c.policies.join("\0")}`;
    const e = byId.get(c.workload);
    if (e === undefined) continue;
    let g = groups.get(key);
    if (g) g.ids.push(e);
    else groups.set(key, (g = { c, ids: [e], denies: new Map() }));
    for (const r of c.denies ?? []) g.denies.set(`${r.policy}|${r.rule}|${r.file}:${r.line}`, r);
  }
  const index = new UniverseIndex(report.universe, report.endpoints);
  return [...groups.values()].map(({ c, ids, denies }) => ({ direction: c.direction, policies: c.policies, denies: [...denies.values()], workloads: index.describe(ids), count: ids.length }));
}

/** "`shop/deny`", "CiliumClusterwideNetworkPolicy `lockdown`". */
function named(id: string, code: (s: string) => string): string {
  const w = idWords(id);
  return w.kind === undefined ? code(w.name) : `${w.kind} ${code(w.name)}`;
}

function cutOffWords(c: CutOffGroup, f: StopsFormat, full: boolean): string {
  const who = setWords(c.workloads, "subject", f.code);
  const admins = new Set(c.denies.map((r) => r.policy));
  const isolating = c.policies.filter((p) => !admins.has(p));
  const causes: string[] = [];
  if (isolating.length > 0) {
    const by = isolating.slice(0, 2).map((p) => named(p, f.code)).join(", ") + (isolating.length > 2 ? ` and ${isolating.length - 2} more` : "");
    causes.push(`isolated for ${c.direction} by ${by}, ${isolating.length === 1 ? "which allows nothing" : "which allow nothing"}`);
  }
  // A lockdown an admin-tier rule makes: named with its tier, priority and rule, at its line.
  const shown = c.denies.slice(0, 2).map((r) => `denied by ${f.reason(r)}${full ? ` (${f.at(r.file, r.line, "head")})` : ""}`);
  if (shown.length > 0) causes.push(shown.join("; ") + (c.denies.length > 2 ? `; and ${c.denies.length - 2} more` : ""));
  const why = causes.join("; ");
  return c.direction === "ingress"
    ? `${who}: nothing can reach ${c.count === 1 ? "it" : "them"} any more (${why})`
    : `${who}: ${c.count === 1 ? "it" : "they"} can send nothing any more (${why})`;
}
