// Texts and short names read off the rule lists that govern classes. Classes selected by the same
// policies share one list object, and lists never change: what is read off one is kept, once.
import type { Direction, Rule } from "../model/policy.js";
import type { AppliedAdminRule } from "./admin-tiers.js";
import type { RuleIds } from "./rule-ids.js";
import type { AppliedRule } from "./shared.js";
import { hasNamedPorts } from "./rule-ports.js";

/** Whether some rule of the list names a port (its rows then depend on the class's named ports). */
const namedIn = new WeakMap<readonly { rule: Pick<Rule, "ports"> }[], boolean>();
export function anyNamed(rules: readonly { rule: Pick<Rule, "ports"> }[]): boolean {
  let named = namedIn.get(rules);
  if (named === undefined) namedIn.set(rules, (named = rules.some((r) => hasNamedPorts(r.rule))));
  return named;
}

/** What a list of NetworkPolicy rules says, in any order (RuleIds): the same for lists that say the same. */
const ruleTexts = new WeakMap<RuleIds, WeakMap<readonly AppliedRule[], number>>();
export function rulesSaid(rules: readonly AppliedRule[], ruleIds: RuleIds): number {
  let texts = ruleTexts.get(ruleIds);
  if (texts === undefined) ruleTexts.set(ruleIds, (texts = new WeakMap()));
  let t = texts.get(rules);
  if (t === undefined) texts.set(rules, (t = ruleIds.listId([...new Set(rules.map((r) => ruleIds.id(r.policy, r.rule)))].sort((a, b) => a - b).join(","))));
  return t;
}

/** Tier rules in the order they are consulted, by what they say (RuleIds). */
const tierTexts = new WeakMap<RuleIds, WeakMap<readonly AppliedAdminRule[], number>>();
export function tierSaid(rules: readonly AppliedAdminRule[], ruleIds: RuleIds): number {
  let texts = tierTexts.get(ruleIds);
  if (texts === undefined) tierTexts.set(ruleIds, (texts = new WeakMap()));
  let t = texts.get(rules);
  if (t === undefined) texts.set(rules, (t = ruleIds.listId(rules.map((r) => ruleIds.adminId(r.policy, r.rule)).join(","))));
  return t;
}

type Named = { readonly id: string } | { readonly policy: { readonly id: string }; readonly rule: { readonly direction: Direction; readonly index: number } };

/** Which objects a list holds (policies, or rules at their index in a policy), as a short name: reasons name them. */
export class ListNames {
  private readonly byText = new Map<string, number>();
  private readonly byList = new WeakMap<readonly Named[], number>();

  of(list: readonly Named[]): number {
    let id = this.byList.get(list);
    if (id === undefined) {
      const text = list.map((x) => ("rule" in x ? `${x.policy.id}#${x.rule.direction}[${x.rule.index}]` : x.id)).join(",");
      id = this.byText.get(text);
      if (id === undefined) this.byText.set(text, (id = this.byText.size));
      this.byList.set(list, id);
    }
    return id;
  }
}

/** A class's named ports as text (classes with the same ones share one map). */
const portsKeys = new WeakMap<ReadonlyMap<string, number>, string>();
export function namedPortsKey(ports: ReadonlyMap<string, number>): string {
  let k = portsKeys.get(ports);
  if (k === undefined) portsKeys.set(ports, (k = JSON.stringify([...ports])));
  return k;
}

