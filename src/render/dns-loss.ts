// Pods that lose name resolution: the classic mistake of an egress default-deny without a DNS
// exception, worth a callout of its own above the tables.
import type { DiffReport } from "../analyze.js";
import { DNS, servesDns } from "../diff/name-servers.js";
import type { Endpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import { groupChanges, UniverseIndex, type EndpointSet } from "./group.js";

export interface DnsLoss {
  /** Pods that can no longer reach a name server on port 53. */
  readonly sources: EndpointSet;
  /** The name servers they lost: the cluster DNS server's pods (never external addresses, nor any pod on port 53). */
  readonly servers: EndpointSet;
  /** "UDP", "TCP" or both, in that order. */
  readonly protocols: readonly ("UDP" | "TCP")[];
}

/**
 * Read off the closed groups (render/group.ts), not the pairs: a group is every pair of its
 * sources and destinations but a workload to itself, so which sources lose a name server and
 * which servers they lose follow from the two sets. A million changed pairs are a few thousand
 * groups; the ingress controller's changes, which groups leave out, are read one by one.
 *
 * Only a declared server counts: the kube-dns/CoreDNS Service's pods, or the --dns-server pods.
 * Where the input declares none, nothing is said: port 53 closed toward external addresses or
 * toward some pod is no evidence that the cluster's resolver is cut (a pod cut from everything
 * is said as cut off, stops-working.ts).
 */
export function dnsLoss(report: Pick<DiffReport, "changes" | "universe" | "endpoints" | "workloadChanges" | "gate" | "exposureChanges" | "nameServers">): DnsLoss | null {
  const ids = report.nameServers === undefined ? undefined : new Set(report.nameServers);
  const serves = ids === undefined ? servesDns : (e: Endpoint) => ids.has(e.id);
  // A workload the pull request removes loses everything; that is not a DNS mistake.
  const removed = new Set(report.workloadChanges.filter((w) => w.change === "removed").map((w) => w.workload.id));
  const sources: Endpoint[] = [];
  const servers: Endpoint[] = [];
  let udp = false;
  let tcp = false;
  const consider = (closed: ConnSet, srcs: readonly Endpoint[], dsts: readonly Endpoint[]) => {
    const lost = closed.intersect(DNS);
    if (lost.isEmpty) return;
    const losing = srcs.filter((s) => s.type !== "external" && !removed.has(s.id));
    const named = dsts.filter(serves);
    let any = false;
    // Pairs of an endpoint with itself are no change of this kind.
    for (const s of losing) if (named.some((d) => d.id !== s.id)) sources.push(s);
    for (const d of named) {
      if (!losing.some((s) => s.id !== d.id)) continue;
      servers.push(d);
      any = true;
    }
    if (!any) return;
    udp ||= !lost.ports("UDP").isEmpty;
    tcp ||= !lost.ports("TCP").isEmpty;
  };
  for (const g of groupChanges(report).closed) consider(g.conn, g.sources.endpoints, g.destinations.endpoints);
  for (const c of report.exposureChanges) if (c.source === "ingress-controller" && !c.closed.isEmpty) consider(c.closed, [c.src], [c.dst]);
  if (sources.length === 0) return null;
  const index = new UniverseIndex(report.universe, report.endpoints);
  const protocols: ("UDP" | "TCP")[] = [];
  if (udp) protocols.push("UDP");
  if (tcp) protocols.push("TCP");
  return { sources: index.describe(sources), servers: index.describe(servers), protocols };
}
