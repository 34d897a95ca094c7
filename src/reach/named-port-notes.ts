// A named port that no pod it could apply to defines matches nothing: the rule silently allows
// less than its author meant. Say so, at the rule.
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import type { Policy, Rule } from "../model/policy.js";
import { selects } from "../model/selector.js";
import { policyName, rulePath } from "../model/policy-names.js";
import { namedPortKey, type PodClass, type Universe } from "./universe.js";

export function unresolvedNamedPorts(universe: Universe, policies: readonly Policy[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const classes = universe.podClasses;
  // Most policies name no port by name: they cost nothing here. The classes of a namespace, and
  // the named ports any class has, are gathered once (thousands of policies, each scanning every
  // class, was most of what `reach` took on a thousand tenants).
  let inNamespace: Map<string, PodClass[]> | undefined;
  let anyClass: Set<string> | undefined;
  const classesIn = (namespace: string) => {
    if (inNamespace === undefined) {
      inNamespace = new Map();
      for (const c of classes) {
        const list = inNamespace.get(c.namespace);
        if (list) list.push(c);
        else inNamespace.set(c.namespace, [c]);
      }
    }
    return inNamespace.get(namespace) ?? [];
  };
  const definedByAny = (key: string) => (anyClass ??= new Set(classes.flatMap((c) => [...c.namedPorts.keys()]))).has(key);
  for (const policy of policies) {
    if (!namesAPort(policy.ingress) && !namesAPort(policy.egress)) continue;
    let subjects: PodClass[] | undefined;
    const selected = () =>
      (subjects ??= (policy.subjectNamespaces === undefined ? classesIn(policy.namespace) : classes.filter((c) => selects(policy.subjectNamespaces!, c.nsLabels))).filter(
        (c) => !c.hostNetwork && selects(policy.subject, c.labels),
      ));
    const name = policy.kind === undefined ? `NetworkPolicy ${policy.id}` : `${policy.kind} ${policyName(policy)}`;
    const check = (rule: Rule, defined: (key: string) => boolean) => {
      if (rule.ports === "any") return;
      for (const spec of rule.ports) {
        if (spec.port.kind !== "named") continue;
        if (defined(namedPortKey(spec.port.name, spec.protocol))) continue;
        const whose = rule.direction === "ingress" ? "the pods the policy selects" : "any pod the rule reaches";
        out.push(
          diagnostic("note", rule.source.file, { line: rule.source.line, column: 1 }, `${name}: ${rulePath(rule)}: named port "${spec.port.name}" (${spec.protocol}) is not a container port of ${whose}; it matches nothing`),
        );
      }
    };
    for (const rule of policy.ingress ?? []) check(rule, (key) => selected().some((c) => c.namedPorts.has(key)));
    for (const rule of policy.egress ?? []) check(rule, definedByAny);
  }
  return out;
}

function namesAPort(rules: readonly Rule[] | null | undefined): boolean {
  return (rules ?? []).some((r) => r.ports !== "any" && r.ports.some((spec) => spec.port.kind === "named"));
}
