// `netreach why --format json`: one pair (or one per external range a CIDR spans) explained.
//
//   {"schema": "netreach.why/v1",
//    "target": "prod",                                  (only when the run named a target)
//    "port": {"protocol": "TCP", "port": 5432} | null,  (--port)
//    "endpoints": [ reach's endpoint form, for every src and dst named below ],
//    "pairs": [{
//      "src": "<endpoint id>", "dst": "<endpoint id>",
//      "allowed": "<conn>", "allowedWords": "TCP 5432",  (canonical form, DESIGN section 5; and in words)
//      "port": {"protocol", "port", "allowed": bool, "egress": <decision>, "ingress": <decision>} | null,
//      "segments": [{"conn", "allowed", "egress": <decision>, "ingress": <decision>}],
//                                             (disjoint, covering every connection, allowed ones first)
//      "egress":  <direction>, "ingress": <direction>}],
//    "notes": ["..."], "diagnostics": [reach's diagnostic form]}
//
//   <direction>: {"side": "outside-cluster"}
//              | {"side": "pod", "subject": "<id>", "hostNetwork": bool, "allowed": "<conn>",
//                 "admin": <tier>, "networkPolicy": <np>, "baseline": <tier>,
//                 "pieces": [{"conn", "allowed", "decision": <decision>}]}
//   <tier>:     {"state": "none"} | {"state": "not-consulted", "rules": n}
//             | {"state": "consulted", "rules": n, "policies": n, "reaching": "<conn>", "undecided": "<conn>",
//                "steps": [{"rule": <tier rule>, "matches": "<conn>", "decides": "<conn>"}]}
//   <np>:       {"state": "not-isolated"}
//             | {"state": "isolated", "policies": [{"policy", "file", "line"}], "allows": "<conn>",
//                "matching": [{"rule": {"policy", "rule", "file", "line"}, "conn": "<conn>"}]}
//   <decision>: {"by": "tier-rule", "rule": <tier rule>, "passedBy": [<tier rule>]}
//             | {"by": "networkpolicy-rules", "rules": [{"policy", "rule", "file", "line"}], "passedBy": [...]}
//             | {"by": "isolated", "policies": [{"policy", "file", "line"}], "passedBy": [...]}
//             | {"by": "not-isolated", "passedBy": [...]} | {"by": "outside-cluster"}
//   <tier rule>: {"policy": "Kind/name", "kind", "name", "tier": "Admin|Baseline", "priority": n|null,
//                 "rule": "ingress[0]", "ruleName": s|null, "action": "Allow|Accept|Deny|Pass", "file", "line"}
import type { Diagnostic } from "../load/object/diagnostic.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Endpoint } from "../model/endpoint.js";
import { decisionAllows, portVerdict, type Decision, type DirectionWhy, type PairWhy, type PolicyRef, type PolicyRuleRef, type PortQuery, type TierPart, type TierRuleRef } from "../explain/why.js";
import { connWords } from "./conn-words.js";
import { diagnosticJson, endpointJson } from "./reach-json.js";

export interface WhyReport {
  readonly pairs: readonly PairWhy[];
  readonly port: PortQuery | null;
  readonly target?: string;
  readonly notes: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

const conn = (c: ConnSet) => c.toString();

export function whyJson(r: WhyReport): unknown {
  const endpoints = new Map<string, Endpoint>();
  for (const p of r.pairs) for (const e of [p.src, p.dst]) if (!endpoints.has(e.id)) endpoints.set(e.id, e);
  return {
    schema: "netreach.why/v1",
    ...(r.target !== undefined ? { target: r.target } : {}),
    port: r.port,
    endpoints: [...endpoints.values()].map(endpointJson),
    pairs: r.pairs.map((p) => pairJson(p, r.port)),
    notes: r.notes,
    diagnostics: r.diagnostics.map(diagnosticJson),
  };
}

export function pairJson(p: PairWhy, port: PortQuery | null): unknown {
  const v = port === null ? null : portVerdict(p, port);
  return {
    src: p.src.id,
    dst: p.dst.id,
    allowed: conn(p.allowed),
    allowedWords: connWords(p.allowed),
    port: v === null || port === null ? null : { protocol: port.protocol, port: port.port, allowed: v.allowed, egress: decisionJson(v.egress), ingress: decisionJson(v.ingress) },
    segments: p.segments.map((s) => ({ conn: conn(s.conn), allowed: s.allowed, egress: decisionJson(s.egress), ingress: decisionJson(s.ingress) })),
    egress: directionJson(p.egress),
    ingress: directionJson(p.ingress),
  };
}

function directionJson(d: DirectionWhy): unknown {
  if (d.side === "outside-cluster") return { side: d.side };
  return {
    side: d.side,
    subject: d.subject,
    hostNetwork: d.hostNetwork,
    allowed: conn(d.allowed),
    admin: tierJson(d.admin),
    deny: tierJson(d.deny),
    networkPolicy:
      d.networkPolicy.state === "not-isolated"
        ? { state: "not-isolated" }
        : {
            state: "isolated",
            policies: d.networkPolicy.policies.map(policyJson),
            allows: conn(d.networkPolicy.allows),
            matching: d.networkPolicy.matching.map((m) => ({ rule: ruleJson(m.rule), conn: conn(m.conn) })),
          },
    baseline: tierJson(d.baseline),
    pieces: d.pieces.map((p) => ({ conn: conn(p.conn), allowed: decisionAllows(p.decision), decision: decisionJson(p.decision) })),
  };
}

function tierJson(t: TierPart): unknown {
  switch (t.state) {
    case "none":
      return { state: t.state };
    case "not-consulted":
      return { state: t.state, rules: t.rules };
    case "consulted":
      return {
        state: t.state,
        rules: t.rules,
        policies: t.policies,
        reaching: conn(t.reaching),
        undecided: conn(t.undecided),
        steps: t.steps.map((s) => ({ rule: tierRuleJson(s.rule), matches: conn(s.matches), decides: conn(s.decides) })),
      };
  }
}

export function decisionJson(d: Decision): unknown {
  switch (d.by) {
    case "tier-rule":
      return { by: d.by, rule: tierRuleJson(d.rule), passedBy: d.passedBy.map(tierRuleJson) };
    case "networkpolicy-rules":
      return { by: d.by, rules: d.rules.map(ruleJson), passedBy: d.passedBy.map(tierRuleJson) };
    case "isolated":
      return { by: d.by, policies: d.policies.map(policyJson), passedBy: d.passedBy.map(tierRuleJson) };
    case "not-isolated":
      return { by: d.by, passedBy: d.passedBy.map(tierRuleJson) };
    case "outside-cluster":
      return { by: d.by };
  }
}

const policyJson = (p: PolicyRef) => ({ policy: p.policy, ...(p.kind === undefined ? {} : { kind: p.kind }), file: p.at.file, line: p.at.line });
const ruleJson = (r: PolicyRuleRef) => ({
  policy: r.policy,
  ...(r.kind === undefined ? {} : { kind: r.kind }),
  rule: r.rule,
  ...(r.said === undefined ? {} : { said: r.said }),
  file: r.at.file,
  line: r.at.line,
});
const tierRuleJson = (r: TierRuleRef) => ({
  policy: r.policy,
  kind: r.kind,
  name: r.name,
  tier: r.tier,
  priority: r.priority,
  rule: r.rule,
  ruleName: r.ruleName,
  action: r.action,
  ...(r.said === undefined ? {} : { said: r.said }),
  file: r.at.file,
  line: r.at.line,
});
