// Endpoint specs and assertions in one canonical line: keys in a fixed order, lists sorted, so
// that the same meaning gives the same text whatever the layout it was written in.
import type { Assertion, EndpointSpec, LabelSpec, SpecList } from "./assertion.js";

function labelsText(l: LabelSpec): string {
  return `{${Object.keys(l)
    .sort()
    .map((k) => `${k}: ${l[k]}`)
    .join(", ")}}`;
}

/** "internet", "{cidr: 10.0.0.0/8}", "{namespace: backend, labels: {app: db}}". */
export function specText(s: EndpointSpec): string {
  switch (s.kind) {
    case "internet":
    case "any-pod":
    case "ingress-controller":
      return s.kind;
    case "cidr":
      return `{cidr: ${s.cidr}}`;
    case "pods": {
      const parts: string[] = [];
      if (s.namespace !== undefined) parts.push(`namespace: ${s.namespace}`);
      if (s.namespaceLabels !== undefined) parts.push(`namespaces: {labels: ${labelsText(s.namespaceLabels)}}`);
      if (s.workload !== undefined) parts.push(`workload: ${s.workload}`);
      if (s.workloadKind !== undefined) parts.push(`kind: ${s.workloadKind}`);
      if (s.labels !== undefined) parts.push(`labels: ${labelsText(s.labels)}`);
      return `{${parts.join(", ")}}`;
    }
  }
}

/** One spec alone as itself, a list as "[a, b]" (sorted, duplicates once). */
export function specListText(list: SpecList): string {
  const texts = [...new Set(list.map(specText))].sort();
  return texts.length === 1 ? texts[0]! : `[${texts.join(", ")}]`;
}

/** An assertion before its key and place are known. */
export type AssertionDraft = Assertion extends infer A ? (A extends unknown ? Omit<A, "key" | "source"> : never) : never;

/** The assertion's meaning without its name and place: see Assertion.key. */
export function assertionKey(a: AssertionDraft): string {
  const body =
    a.type === "isolated"
      ? { namespaces: specListText(a.namespaces), ports: a.ports?.toString() ?? null }
      : { from: specListText(a.from), to: specListText(a.to), ports: a.ports?.toString() ?? null };
  return JSON.stringify({ type: a.type, ...body, targets: a.targets === null ? null : [...new Set(a.targets)].sort(), strict: a.strict });
}
