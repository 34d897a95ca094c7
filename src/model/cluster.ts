// What the analysis runs on: namespaces, pod-like endpoints and policies of one revision.
import type { Protocol } from "../net/protocol.js";
import type { Labels } from "./labels.js";
import type { Policy, SourceRef } from "./policy.js";

export interface ContainerPort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface Namespace {
  readonly name: string;
  /** Always includes kubernetes.io/metadata.name. */
  readonly labels: Labels;
  readonly source: SourceRef | null; // null: named but not declared
}

/** A declared workload: one endpoint per controller (or bare Pod). */
export interface Workload {
  /** "ns/name[Kind]" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  readonly source: SourceRef;
}

export interface Cluster {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly workloads: readonly Workload[];
  readonly policies: readonly Policy[];
}
