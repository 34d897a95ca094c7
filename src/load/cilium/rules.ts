// One direction's rules of a Cilium spec: allow rules as NetworkPolicy-like rules (one per
// `toPorts` entry with L7 rules, so that the evaluator can tell L7-filtered ports apart), deny
// rules as rules of the deny tier.
import type { AdminPeer, AdminRule } from "../../model/admin-policy.js";
import { NAMESPACE_NAME_LABEL } from "../../model/labels.js";
import type { Direction, Peer, PortSpec, Rule } from "../../model/policy.js";
import { formatPath, type Checker } from "../object/checker.js";
import type { DocPath } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";
import { EVERY_PEER, parseRulePeers, ruleFields, type CidrGroups, type Scope } from "./peers.js";
import { parsePortRule, type PortRule } from "./ports.js";

export type RuleList = "ingress" | "egress" | "ingressDeny" | "egressDeny";

export const directionOf = (list: RuleList): Direction => (list.startsWith("ingress") ? "ingress" : "egress");

interface Parsed {
  readonly peers: readonly Peer[] | "any";
  readonly said: string;
  readonly ports: readonly PortRule[] | "any";
  readonly at: DocPath;
  readonly index: number;
}

/** Undefined for an invalid rule (reported); null for one that matches nothing (`{}`). */
function parseRule(c: Checker, at: DocPath, index: number, list: RuleList, scope: Scope, groups: CidrGroups): Parsed | null | undefined {
  const raw = c.get(at);
  if (raw === null || raw === undefined) return null;
  if (c.map(at) === undefined) return undefined;
  const dir = directionOf(list);
  const deny = list.endsWith("Deny");
  c.knownKeys(at, [...ruleFields(dir), "toPorts", "icmps", "authentication", "auth"]);
  for (const k of ["authentication", "auth"]) if (!c.isUnset([...at, k])) c.note([...at, k], "mutual authentication is not modelled: the rule is read as if it were met");
  const written = Object.keys(c.map(at) ?? {});
  if (written.length === 0) return null;
  const peers = parseRulePeers(c, at, dir, scope, groups);
  if (peers === undefined) return undefined;
  let ports: PortRule[] | "any" = "any";
  const toPorts = c.list([...at, "toPorts"]);
  if (toPorts !== undefined && toPorts.length > 0) {
    const parsed = toPorts.map((_, i) => parsePortRule(c, [...at, "toPorts", i], deny));
    if (parsed.some((p) => p === undefined)) return undefined;
    ports = parsed as PortRule[];
  }
  if (!c.isUnset([...at, "icmps"])) {
    c.warning([...at, "icmps"], "ICMP rules are not modelled: this report covers TCP, UDP and SCTP, which ICMP rules do not allow");
    // ICMP rules and port rules are alternatives: with no port rule, the rule allows no port.
    if (ports === "any") ports = [];
  }
  // A rule with peers and no L3 field left after the unmodelled ones holds no known peer.
  return { peers: peers.peers, said: peers.said, ports, at, index };
}

/** Each rule of one list that matches something, read; undefined when one is invalid (reported). */
function eachRule<T>(c: Checker, base: DocPath, list: RuleList, scope: Scope, groups: CidrGroups, read: (r: Parsed, i: number, at: DocPath, out: T[]) => void): T[] | undefined {
  const out: T[] = [];
  let ok = true;
  (c.list([...base, list]) ?? []).forEach((_, i) => {
    const at = [...base, list, i];
    const r = parseRule(c, at, i, list, scope, groups);
    if (r === undefined) ok = false;
    else if (r !== null) read(r, i, at, out);
  });
  return ok ? out : undefined;
}

/** The allow rules of one list: one Rule per rule, plus one per toPorts entry with L7 rules. */
export function allowRules(c: Checker, base: DocPath, list: "ingress" | "egress", prefix: string, scope: Scope, groups: CidrGroups): Rule[] | undefined {
  return eachRule<Rule>(c, base, list, scope, groups, (r, i, at, out) => {
    const path = `${prefix}${list}[${i}]`;
    const rule = (ports: readonly PortSpec[] | "any", extra: Partial<Rule>, where: DocPath): Rule => ({
      direction: list,
      index: i,
      peers: r.peers,
      ports,
      source: sourceRef(c.object, where),
      path,
      said: r.said,
      ...extra,
    });
    if (r.ports === "any") {
      out.push(rule("any", {}, at));
      return;
    }
    const plain = r.ports.filter((p) => p.l7 === undefined);
    if (plain.length > 0 || r.ports.length === 0) out.push(rule(portsOf(plain), {}, at));
    for (const p of r.ports) {
      if (p.l7 === undefined) continue;
      out.push(rule(p.ports, { l7: p.l7, path: `${path}.${formatPath(p.path.slice(at.length))}` }, p.path));
    }
  });
}

function portsOf(rules: readonly PortRule[]): readonly PortSpec[] | "any" {
  if (rules.some((p) => p.ports === "any")) return "any";
  return rules.flatMap((p) => p.ports as readonly PortSpec[]);
}

/** The deny rules of one list, as rules of the deny tier. */
export function denyRules(c: Checker, base: DocPath, list: "ingressDeny" | "egressDeny", prefix: string, scope: Scope, groups: CidrGroups): AdminRule[] | undefined {
  return eachRule<AdminRule>(c, base, list, scope, groups, (r, i, at, out) => {
    // A deny rule with ports alone denies them from every peer: pods, hosts and the world.
    const peers = (r.peers === "any" ? EVERY_PEER : r.peers).map((p) => adminPeer(p, scope));
    if (peers.length === 0) return;
    out.push({
      direction: directionOf(list),
      index: i,
      name: null,
      action: "deny",
      peers,
      ports: r.ports === "any" ? "any" : portsOf(r.ports),
      source: sourceRef(c.object, at),
      path: `${prefix}${list}[${i}]`,
      said: r.said,
    });
  });
}

function adminPeer(p: Peer, scope: Scope): AdminPeer {
  switch (p.kind) {
    case "pods":
      return {
        kind: "pods",
        namespaces:
          p.namespaces.kind === "selector"
            ? p.namespaces.selector
            : { requirements: [{ key: NAMESPACE_NAME_LABEL, op: "In", values: [scope.kind === "namespace" ? scope.namespace : ""] }] },
        pods: p.pods,
      };
    case "ipBlock":
      return { kind: "ipBlock", cidr: p.cidr, except: p.except };
    case "hostNetwork":
      return p;
  }
}
