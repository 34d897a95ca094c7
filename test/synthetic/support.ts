// Helpers shared by the synthetic-pod tests (test/synthetic*.test.ts): seed policies from
// test/fixtures/seeds, small manifests built as objects, and readings of the JSON reports.
// Written against the public entry points (src/analyze.ts) and the JSON contract only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { DiffReport } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { diffJson } from "../../src/render/diff-json.js";
import type { ChangeJson } from "../../src/report/diff-json.js";
import type { EndpointJson, ReachJson } from "../../src/report/reach-json.js";
import { cidrContains } from "../scenarios/reach.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const ALL = "All Connections";
export const NONE = "No Connections";
export const DNS = "TCP 53,UDP 53";

/** A seed policy file: `allow-dns` is test/fixtures/seeds/allow-dns.yaml. */
export function seed(name: string): SourceFile {
  const path = `test/fixtures/seeds/${name}.yaml`;
  return { path, text: readFileSync(join(ROOT, path), "utf8") };
}

export type Manifest = Record<string, unknown>;

export function netpol(namespace: string, name: string, spec: Manifest): Manifest {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace }, spec };
}

export function namespace(name: string, labels: Record<string, string> = {}): Manifest {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, ...(Object.keys(labels).length > 0 ? { labels } : {}) } };
}

export function deployment(ns: string, name: string, labels: Record<string, string>, ports: Manifest[] = []): Manifest {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: "main", image: "registry.example/app:1", ...(ports.length > 0 ? { ports } : {}) }] },
      },
    },
  };
}

/** One multi-document YAML file holding the objects. */
export function yamlFile(path: string, objects: readonly Manifest[]): SourceFile {
  return { path, text: objects.map((o) => stringify(o)).join("---\n") };
}

export function manifests(...objects: Manifest[]): SourceFile[] {
  return [yamlFile("manifests/objects.yaml", objects)];
}

/** (src, dst, opened, closed): what a reviewer reads off one change. */
export type ChangeTuple = readonly [src: string, dst: string, opened: string, closed: string];

export function tuples(changes: readonly ChangeJson[]): ChangeTuple[] {
  return changes.map((c): ChangeTuple => [c.src, c.dst, c.opened, c.closed]).sort(compareTuples);
}

export function compareTuples(a: ChangeTuple, b: ChangeTuple): number {
  const x = a.join("\u0000");
  const y = b.join("\u0000");
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The external endpoint of a diff's universe that holds an IPv4 address; throws unless exactly one. */
export function externalHolding(report: DiffReport, address: string): string {
  const holders = report.universe.filter((e) => e.type === "external" && e.cidrs.some((c) => cidrContains(c, address)));
  if (holders.length !== 1) {
    throw new Error(`${holders.length} external endpoints hold ${address}: ${JSON.stringify(report.universe.map((e) => e.id))}`);
  }
  return holders[0]!.id;
}

export function diffJsonOf(report: DiffReport) {
  return diffJson(report);
}

/** Synthetic endpoints of a report in one namespace, ids sorted. */
export function syntheticIds(endpoints: readonly EndpointJson[], ns?: string): string[] {
  return endpoints
    .filter((e) => e.type === "synthetic" && (ns === undefined || e.namespace === ns))
    .map((e) => e.id)
    .sort();
}

/** Flows of a reach report as [src, dst, conn], sorted; optionally filtered. */
export function flowList(json: ReachJson, keep: (src: string, dst: string) => boolean = () => true): [string, string, string][] {
  return json.flows
    .filter((f) => keep(f.src, f.dst))
    .map((f): [string, string, string] => [f.src, f.dst, f.conn])
    .sort((a, b) => compareTuples([a[0], a[1], a[2], ""], [b[0], b[1], b[2], ""]));
}
