// Small manifest builders for renderer tests: YAML text in, SourceFiles out, reports via diff().
import { stringify } from "yaml";
import { diff, type DiffOptions, type DiffReport } from "../../src/analyze.js";
import { parseFailOn, defaultGateConfig } from "../../src/gate/config.js";
import type { SourceFile } from "../../src/load/object/source.js";

export type Obj = Record<string, unknown>;

export function namespace(name: string, labels: Record<string, string> = {}): Obj {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
}

export function deployment(ns: string, name: string, labels: Record<string, string>, ports: { name?: string; containerPort: number; protocol?: string }[] = []): Obj {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "main", image: "example", ports }] } },
    },
  };
}

export function netpol(ns: string, name: string, spec: Obj): Obj {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace: ns }, spec };
}

/** One multi-document YAML file. */
export function yamlFile(path: string, objects: readonly Obj[]): SourceFile {
  return { path, text: objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n") };
}

export function gate(failOn: string): NonNullable<DiffOptions["gate"]> {
  const parsed = parseFailOn(failOn);
  if (!parsed.ok) throw new Error(parsed.error);
  return { ...defaultGateConfig(), failOn: parsed.value };
}

export function diffOf(base: readonly SourceFile[], head: readonly SourceFile[], options: DiffOptions = {}): DiffReport {
  return diff(base, head, { pods: "declared", ...options });
}

/** The line (1-based) of the first occurrence of `needle` in a file's text. */
export function lineOf(file: SourceFile, needle: string): number {
  const i = file.text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${file.path}`);
  return file.text.slice(0, i).split("\n").length;
}

export const deny = (ns: string, name = "default-deny-ingress") => netpol(ns, name, { podSelector: {}, policyTypes: ["Ingress"] });

export const exampleLink = (file: string, line: number) => `https://github.com/acme/shop/blob/0123abc/${file}#L${line}`;

/**
 * Every dst workload of `n` in namespace `big` accepts each other one on its own port, and the
 * head moves every port: n*(n-1) pairs, each opening and closing a port no other pair shares.
 */
export function manyDistinctPairs(n: number): { base: SourceFile[]; head: SourceFile[] } {
  const workloads = [namespace("big"), ...Array.from({ length: n }, (_, i) => deployment("big", `w${i}`, { app: `w${i}` }))];
  const policies = (offset: number) =>
    Array.from({ length: n }, (_, i) =>
      netpol("big", `in-w${i}`, {
        podSelector: { matchLabels: { app: `w${i}` } },
        policyTypes: ["Ingress"],
        ingress: Array.from({ length: n }, (_, j) => j)
          .filter((j) => j !== i)
          .map((j) => ({ from: [{ podSelector: { matchLabels: { app: `w${j}` } } }], ports: [{ protocol: "TCP", port: offset + i * 100 + j }] })),
      }),
    );
  return {
    base: [yamlFile("k8s/workloads.yaml", workloads), yamlFile("k8s/policies.yaml", policies(10000))],
    head: [yamlFile("k8s/workloads.yaml", workloads), yamlFile("k8s/policies.yaml", policies(30000))],
  };
}

/** An admin-tier policy at priority 1 over every namespace that changes no flow today. */
export const ANP = `# Monitoring may scrape every namespace, whatever the namespaces' own policies say.
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: allow-monitoring
spec:
  priority: 1
  subject:
    namespaces: {}
  ingress:
    - name: from-monitoring
      action: Allow
      from:
        - namespaces:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
`;
