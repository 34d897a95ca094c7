// Rules named by what they say, not by which object holds them: the base and head revisions of a
// diff parse the same rule into two objects, and a class governed by the same rules on both sides
// must be recognised as unchanged without evaluating it.
import type { Policy, Rule } from "../model/policy.js";
import { adminRulePeers, type AdminRule } from "../model/admin-policy.js";
import { peerKey } from "./peer-nodes.js";

export class RuleIds {
  private readonly byKey = new Map<string, number>();
  private readonly byRule = new WeakMap<Rule | AdminRule, number>();
  private readonly lists = new Map<string, number>();
  private next = 0;

  /**
   * `common`: whether every revision holds a policy object (as those of the files a pull request
   * left alone). Their rules are the same objects on every side, so they are named by identity,
   * without the text of what they say; only the rules of changed files need that to be recognised
   * across sides. A common rule and a changed one that say the same get different ids: a class
   * governed by them is then compared row by row, which costs time, never an answer.
   */
  constructor(private readonly common: (policy: object) => boolean = () => false) {}

  /** Same id for rules of the same direction, namespace, peers and ports. */
  id(policy: Policy, rule: Rule): number {
    let id = this.byRule.get(rule);
    if (id !== undefined) return id;
    id = this.common(policy) ? this.next++ : this.byText(JSON.stringify([rule.direction, policy.namespace, rule.peers === "any" ? "any" : rule.peers.map(peerKey), rule.ports]));
    this.byRule.set(rule, id);
    return id;
  }

  /** Same id for admin-tier rules of the same direction, action, matched peers and ports. */
  adminId(policy: object, rule: AdminRule): number {
    let id = this.byRule.get(rule);
    if (id !== undefined) return id;
    id = this.common(policy) ? this.next++ : this.byText(JSON.stringify(["admin", rule.direction, rule.action, adminRulePeers(rule).map(peerKey), rule.ports]));
    this.byRule.set(rule, id);
    return id;
  }

  /**
   * A short name for a list of rule ids (their text): signatures made of these stay short, so
   * comparing and hashing them costs little however many rules govern a class.
   */
  listId(text: string): number {
    let id = this.lists.get(text);
    if (id === undefined) this.lists.set(text, (id = this.lists.size));
    return id;
  }

  private byText(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) this.byKey.set(key, (id = this.next++));
    return id;
  }
}
