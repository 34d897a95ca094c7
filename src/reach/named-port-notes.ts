// A named port that no pod it could apply to defines matches nothing: the rule silently allows
// less than its author meant. Say so, at the rule.
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import type { Policy, Rule } from "../model/policy.js";
import { selects } from "../model/selector.js";
import { policyName, rulePath } from "../model/policy-names.js";
import { namedPortKey, type Universe } from "./universe.js";

export function unresolvedNamedPorts(universe: Universe, policies: readonly Policy[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const classes = universe.podClasses;
  for (const policy of policies) {
    const inScope = (c: (typeof classes)[number]) => (policy.subjectNamespaces === undefined ? c.namespace === policy.namespace : selects(policy.subjectNamespaces, c.nsLabels));
    const subjects = classes.filter((c) => inScope(c) && !c.hostNetwork && selects(policy.subject, c.labels));
    const name = policy.kind === undefined ? `NetworkPolicy ${policy.id}` : `${policy.kind} ${policyName(policy)}`;
    const check = (rule: Rule, candidates: typeof classes) => {
      if (rule.ports === "any") return;
      for (const spec of rule.ports) {
        if (spec.port.kind !== "named") continue;
        const key = namedPortKey(spec.port.name, spec.protocol);
        if (candidates.some((c) => c.namedPorts.has(key))) continue;
        const whose = rule.direction === "ingress" ? "the pods the policy selects" : "any pod the rule reaches";
        out.push(
          diagnostic("note", rule.source.file, { line: rule.source.line, column: 1 }, `${name}: ${rulePath(rule)}: named port "${spec.port.name}" (${spec.protocol}) is not a container port of ${whose}; it matches nothing`),
        );
      }
    };
    for (const rule of policy.ingress ?? []) check(rule, subjects);
    for (const rule of policy.egress ?? []) check(rule, classes);
  }
  return out;
}
