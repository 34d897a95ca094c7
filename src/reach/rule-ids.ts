// Rules named by what they say, not by which object holds them: the base and head revisions of a
// diff parse the same rule into two objects, and a class governed by the same rules on both sides
// must be recognised as unchanged without evaluating it.
import type { Policy, Rule } from "../model/policy.js";
import { adminRulePeers, type AdminRule } from "../model/admin-policy.js";
import { peerKey } from "./peer-nodes.js";

export class RuleIds {
  private readonly byKey = new Map<string, number>();
  private readonly byRule = new WeakMap<Rule | AdminRule, number>();

  /** Same id for rules of the same direction, namespace, peers and ports. */
  id(policy: Policy, rule: Rule): number {
    let id = this.byRule.get(rule);
    if (id !== undefined) return id;
    const key = JSON.stringify([rule.direction, policy.namespace, rule.peers === "any" ? "any" : rule.peers.map(peerKey), rule.ports]);
    id = this.byKey.get(key);
    if (id === undefined) this.byKey.set(key, (id = this.byKey.size));
    this.byRule.set(rule, id);
    return id;
  }

  private readonly lists = new Map<string, number>();

  /**
   * A short name for a list of rule ids (their text): signatures made of these stay short, so
   * comparing and hashing them costs little however many rules govern a class.
   */
  listId(text: string): number {
    let id = this.lists.get(text);
    if (id === undefined) this.lists.set(text, (id = this.lists.size));
    return id;
  }

  /** Same id for admin-tier rules of the same direction, action, matched peers and ports. */
  adminId(rule: AdminRule): number {
    let id = this.byRule.get(rule);
    if (id !== undefined) return id;
    const key = JSON.stringify(["admin", rule.direction, rule.action, adminRulePeers(rule).map(peerKey), rule.ports]);
    id = this.byKey.get(key);
    if (id === undefined) this.byKey.set(key, (id = this.byKey.size));
    this.byRule.set(rule, id);
    return id;
  }
}
