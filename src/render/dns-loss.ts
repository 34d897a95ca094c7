// Pods that lose name resolution: the classic mistake of an egress default-deny without a DNS
// exception, worth a callout of its own above the tables.
import type { DiffReport } from "../analyze.js";
import { DNS, isNameServer, servesDns } from "../diff/name-servers.js";
import type { Endpoint } from "../model/endpoint.js";
import { UniverseIndex, type EndpointSet } from "./group.js";

export interface DnsLoss {
  /** Pods that can no longer reach a name server on port 53. */
  readonly sources: EndpointSet;
  /** The name servers they lost (pods that serve port 53, or external addresses). */
  readonly servers: EndpointSet;
  /** "UDP", "TCP" or both, in that order. */
  readonly protocols: readonly ("UDP" | "TCP")[];
}

export function dnsLoss(report: Pick<DiffReport, "changes" | "universe" | "endpoints" | "workloadChanges">): DnsLoss | null {
  const anyServer = report.universe.some(servesDns);
  // A workload the pull request removes loses everything; that is not a DNS mistake.
  const removed = new Set(report.workloadChanges.filter((w) => w.change === "removed").map((w) => w.workload.id));
  const sources: Endpoint[] = [];
  const servers: Endpoint[] = [];
  let udp = false;
  let tcp = false;
  for (const c of report.changes) {
    if (c.src.type === "external" || c.src.id === c.dst.id || removed.has(c.src.id)) continue;
    const lost = c.closed.intersect(DNS);
    if (lost.isEmpty) continue;
    if (!isNameServer(c.dst, anyServer)) continue;
    sources.push(c.src);
    servers.push(c.dst);
    udp ||= !lost.ports("UDP").isEmpty;
    tcp ||= !lost.ports("TCP").isEmpty;
  }
  if (sources.length === 0) return null;
  const index = new UniverseIndex(report.universe, report.endpoints);
  const protocols: ("UDP" | "TCP")[] = [];
  if (udp) protocols.push("UDP");
  if (tcp) protocols.push("TCP");
  return { sources: index.describe(sources), servers: index.describe(servers), protocols };
}
