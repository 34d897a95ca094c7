// The upstream Kubernetes e2e NetworkPolicy model (test/e2e/network/netpol in kubernetes/kubernetes):
// namespaces x, y, z, each labelled ns=<name>; in each, pods a, b, c labelled pod=<name>, each serving
// ports 80 and 81 on TCP, UDP and SCTP, named serve-<port>-<proto>. Emitted as YAML source files
// (Namespace + Pod objects) with a scenario's policies, analyzed with `--pods declared`.
import { stringify } from "yaml";
import type { SourceFile } from "../../src/load/object/source.js";
import { analyze, type Proto, type Reach } from "./reach.js";

export const NAMESPACES = ["x", "y", "z"] as const;
export const POD_NAMES = ["a", "b", "c"] as const;
export type Ns = (typeof NAMESPACES)[number];
export type PodName = (typeof POD_NAMES)[number];
export type PodRef = `${Ns}/${PodName}`;

/** All nine pods, in the order of the e2e truth tables: x/a, x/b, x/c, y/a, ..., z/c. */
export const ALL_PODS: readonly PodRef[] = NAMESPACES.flatMap((ns) => POD_NAMES.map((p) => `${ns}/${p}` as PodRef));

export const MODEL_PORTS = [80, 81] as const;
export const MODEL_PROTOCOLS: readonly Proto[] = ["TCP", "UDP", "SCTP"];

export interface ModelOptions {
  /** Labels added to a namespace, as upstream's AddNamespaceLabel (e.g. {y: {ns2: "updated"}}). */
  readonly namespaceLabels?: Partial<Record<Ns, Record<string, string>>>;
  /** Labels added to a pod, as upstream's AddPodLabels (e.g. {"x/b": {pod2: "updated"}}). */
  readonly podLabels?: Partial<Record<PodRef, Record<string, string>>>;
}

export type Manifest = Record<string, unknown>;

// Kubernetes reads YAML as 1.1 (go-yaml): unquoted `y`, `n`, `yes`, `on` are booleans there, and the
// e2e model has a namespace called `y`. Emit 1.1 so such strings come out quoted.
const YAML_OPTIONS = { version: "1.1" } as const;

/** A NetworkPolicy object (networking.k8s.io/v1) in namespace `ns`. */
export function netpol(ns: string, name: string, spec: Manifest): Manifest {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace: ns }, spec };
}

function containerPorts(): Manifest[] {
  // One container per (port, protocol), as the e2e model does (agnhost serving each one).
  const out: Manifest[] = [];
  for (const port of MODEL_PORTS) {
    for (const proto of MODEL_PROTOCOLS) {
      const p = proto.toLowerCase();
      out.push({
        name: `cont-${port}-${p}`,
        image: "registry.k8s.io/e2e-test-images/agnhost:2.47",
        ports: [{ name: `serve-${port}-${p}`, containerPort: port, protocol: proto }],
      });
    }
  }
  return out;
}

function yamlDocs(objects: readonly Manifest[]): string {
  return objects.map((o) => stringify(o, YAML_OPTIONS)).join("---\n");
}

/** The cluster of the e2e model as source files: one file of Namespaces, one file of Pods per namespace. */
export function modelCluster(options: ModelOptions = {}): SourceFile[] {
  const namespaces = NAMESPACES.map((ns) => ({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: ns, labels: { ns, ...(options.namespaceLabels?.[ns] ?? {}) } },
  }));
  const files: SourceFile[] = [{ path: "cluster/namespaces.yaml", text: yamlDocs(namespaces) }];
  for (const ns of NAMESPACES) {
    const pods = POD_NAMES.map((pod) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: pod,
        namespace: ns,
        labels: { pod, ...(options.podLabels?.[`${ns}/${pod}`] ?? {}) },
      },
      spec: { containers: containerPorts() },
    }));
    files.push({ path: `cluster/pods-${ns}.yaml`, text: yamlDocs(pods) });
  }
  return files;
}

/** The policy files of a scenario: one file per policy, `policies/<ns>-<name>.yaml`. */
export function policyFiles(policies: readonly Manifest[]): SourceFile[] {
  return policies.map((p, i) => {
    const meta = (p.metadata ?? {}) as { name?: string; namespace?: string };
    return { path: `policies/${meta.namespace ?? "default"}-${meta.name ?? `policy-${i}`}.yaml`, text: stringify(p, YAML_OPTIONS) };
  });
}

/** Analyzes the e2e model plus the given policies with `--pods declared`. */
export function runModel(policies: readonly Manifest[], options: ModelOptions = {}): Reach {
  return analyze([...modelCluster(options), ...policyFiles(policies)], { pods: "declared" });
}
