// The explanation core on its own: from a diff's analyzed revisions (no second analysis), the
// baseline tier (consulted, or not where NetworkPolicy isolates), and endpoints named as reports do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff, reach } from "../../src/analyze.js";
import { explainPair } from "../../src/explain/explain-pair.js";
import { findEndpoint } from "../../src/explain/find-endpoint.js";
import type { Endpoint } from "../../src/model/endpoint.js";
import type { SourceFile } from "../../src/load/object/source.js";

const dir = join(import.meta.dirname, "../fixtures/why");
const file = (f: string): SourceFile => ({ path: f, text: readFileSync(join(dir, f), "utf8") });
const one = (spec: string, endpoints: readonly Endpoint[]): Endpoint => {
  const f = findEndpoint(spec, endpoints);
  if (!f.ok || f.endpoints.length !== 1) throw new Error(`${spec}: ${JSON.stringify(f)}`);
  return f.endpoints[0]!;
};

const BANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  egress:
    - name: no-dns-elsewhere
      action: Deny
      to:
        - namespaces:
            matchLabels: {kubernetes.io/metadata.name: backend}
      ports:
        - portNumber: {protocol: UDP, port: 53}
  ingress:
    - name: baseline-deny
      action: Deny
      from:
        - namespaces: {}
`;

describe("explainPair", () => {
  it("explains either revision of a diff from what the diff analyzed", () => {
    const head = [file("workloads.yaml"), file("policies.yaml")];
    const base = [file("workloads.yaml"), { path: "policies.yaml", text: file("policies.yaml").text.split("---")[0]! }];
    const report = diff(base, head);
    const revs = report.revisions!;
    const pair = (rev: typeof revs.head) => explainPair(rev, one("backend/api", rev.endpoints), one("backend/db[Deployment]", rev.endpoints));
    const h = pair(revs.head);
    const b = pair(revs.base);
    expect(h.allowed.toString()).toBe("TCP 5432");
    expect(b.allowed.toString()).toBe("No Connections");
    const change = report.changes.find((c) => c.src.id === "backend/api[Deployment]" && c.dst.id === "backend/db[Deployment]")!;
    expect(change.head.toString()).toBe(h.allowed.toString());
    expect(b.segments).toEqual([expect.objectContaining({ allowed: false, ingress: expect.objectContaining({ by: "isolated", policies: [expect.objectContaining({ policy: "backend/default-deny" })] }) })]);
  });

  it("the baseline tier decides where no NetworkPolicy isolates, and is not consulted where one does", () => {
    const r = reach([file("workloads.yaml"), file("policies.yaml"), { path: "banp.yaml", text: BANP }]);
    const e = r.revision.endpoints;
    // frontend/web: no NetworkPolicy selects it; the baseline's ingress rule denies everything from pods.
    const toWeb = explainPair(r.revision, one("backend/api", e), one("frontend/web", e));
    expect(toWeb.allowed.toString()).toBe("No Connections");
    const ingress = toWeb.ingress;
    if (ingress.side !== "pod") throw new Error("a pod's side");
    expect(ingress.networkPolicy.state).toBe("not-isolated");
    expect(ingress.baseline).toMatchObject({ state: "consulted", rules: 1, policies: 1, steps: [{ rule: { kind: "BaselineAdminNetworkPolicy", ruleName: "baseline-deny", action: "Deny", tier: "Baseline", priority: null } }] });
    expect(ingress.pieces).toEqual([expect.objectContaining({ decision: expect.objectContaining({ by: "tier-rule" }) })]);
    // backend/db: NetworkPolicies isolate its ingress, so the baseline rule is never consulted.
    const toDb = explainPair(r.revision, one("backend/api", e), one("backend/db[Deployment]", e));
    if (toDb.ingress.side !== "pod") throw new Error("a pod's side");
    expect(toDb.ingress.baseline).toEqual({ state: "not-consulted", rules: 1 });
    // Egress from frontend/web to backend: UDP 53 denied by the baseline, the rest not isolated.
    const fromWeb = explainPair(r.revision, one("frontend/web", e), one("backend/db[StatefulSet]", e));
    if (fromWeb.egress.side !== "pod") throw new Error("a pod's side");
    expect(fromWeb.egress.pieces.map((p) => [p.conn.toString(), p.decision.by])).toEqual([
      ["UDP 53", "tier-rule"],
      ["SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535", "not-isolated"],
    ]);
  });

  it("a representative's named port (number unknown) stays allowed beside an admin rule on port numbers, as in the flows", () => {
    const np = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-only, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - ports: [{port: http}]
`;
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: no-80}
spec:
  priority: 1
  subject: {namespaces: {}}
  ingress:
    - action: Deny
      from: [{namespaces: {}}]
      ports: [{portNumber: {protocol: TCP, port: 80}}]
`;
    const r = reach([{ path: "np.yaml", text: np }, { path: "anp.yaml", text: anp }], { pods: "synthetic" });
    const e = r.revision.endpoints;
    const src = one("shop/[*]", e);
    const dst = one("shop/[app=web]", e);
    const flow = [...r.flows].find((f) => f.src.id === src.id && f.dst.id === dst.id)!;
    expect(flow.conn.toString()).toBe("TCP http");
    const why = explainPair(r.revision, src, dst);
    expect(why.allowed.toString()).toBe("TCP http");
    expect(why.segments.filter((x) => x.allowed).map((x) => [x.conn.toString(), x.ingress.by])).toEqual([["TCP http", "networkpolicy-rules"]]);
  });

  it("a representative's named port is allowed where an admin rule takes some numbers and NetworkPolicy the rest (property seed 225401934)", () => {
    // The property test's counterexample: p0's egress allows only TCP http to pods of default; the
    // ingress of default/[*] is cnp0's Accept on TCP 1-2 and np0's ingress[0] on every other
    // number, so http (number unknown) lies in neither piece but in their union, as in the flows.
    const part0 = `apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: default}
spec:
  containers: [{name: c0, image: registry.example/app:1}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np0, namespace: default}
spec:
  podSelector: {}
  policyTypes: [Egress, Ingress]
  ingress:
    - from: []
      ports: []
  egress:
    - to: [{podSelector: {}}]
      ports: [{port: http}]
`;
    const admin = (action: string) => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: cnp0}
spec:
  tier: Admin
  priority: 1
  subject: {namespaces: {}}
  ingress:
    - action: ${action}
      from: [{pods: {namespaceSelector: {}, podSelector: {}}}]
      protocols: [{tcp: {destinationPort: {range: {start: 1, end: 2}}}}]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: cnp1}
spec:
  tier: Admin
  priority: 2
  subject: {pods: {namespaceSelector: {}, podSelector: {}}}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: anp2}
spec:
  priority: 0
  subject: {pods: {namespaceSelector: {}, podSelector: {matchExpressions: [{key: tier, operator: In, values: [gold]}]}}}
`;
    // Accept: the admin rule decides TCP 1-2; Pass: it passes them on to the same NetworkPolicy.
    for (const [action, byAdmin] of [["Accept", "tier-rule"], ["Pass", "networkpolicy-rules"]] as const) {
      const r = reach([{ path: "manifests/part0.yaml", text: part0 }, { path: "manifests/admin.yaml", text: admin(action) }], { pods: "synthetic" });
      const e = r.revision.endpoints;
      const src = one("default/p0[Pod]", e);
      const dst = one("default/[*]", e);
      const flow = [...r.flows].find((f) => f.src.id === src.id && f.dst.id === dst.id)!;
      expect(flow.conn.toString()).toBe("TCP http");
      const why = explainPair(r.revision, src, dst);
      expect(why.allowed.toString(), action).toBe("TCP http");
      // Its number unknown, http is named beside both pieces of the ingress that could hold it.
      const allowed = why.segments.filter((x) => x.allowed);
      expect(allowed.map((x) => [x.conn.toString(), x.egress.by, x.ingress.by]), action).toEqual([
        ["TCP http", "networkpolicy-rules", byAdmin],
        ["TCP http", "networkpolicy-rules", "networkpolicy-rules"],
      ]);
    }
  });

  it("a representative's named port is not allowed where a baseline Deny on numbers may hold it, as in the flows (property seed 3)", () => {
    // The baseline denies TCP 1 and passes http on (no tier below: allowed); http's number is
    // unknown and may be 1, so the engine allows every number but 1 and not the name.
    const files = [
      { path: "p.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: {name: p0, namespace: default}\nspec:\n  containers: [{name: c0, image: registry.example/app:1}]\n" },
      {
        path: "admin.yaml",
        text: `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: cnp1}
spec:
  tier: Baseline
  priority: 0
  subject: {namespaces: {}}
  egress:
    - action: Deny
      to: [{pods: {namespaceSelector: {}, podSelector: {}}}]
      protocols: [{tcp: {destinationPort: {number: 1}}}]
    - action: Pass
      to: [{namespaces: {}}]
      protocols: [{destinationNamedPort: http}]
`,
      },
    ];
    const r = reach(files, { pods: "synthetic" });
    const e = r.revision.endpoints;
    const src = one("default/p0[Pod]", e);
    const dst = one("[*]/[*]", e);
    const flow = [...r.flows].find((f) => f.src.id === src.id && f.dst.id === dst.id)!;
    expect(flow.conn.toString()).toBe("SCTP 1-65535,TCP 2-65535,UDP 1-65535");
    const why = explainPair(r.revision, src, dst);
    expect(why.allowed.toString()).toBe(flow.conn.toString());
    // Named beside the Deny on TCP 1, the number it may be.
    const http = why.segments.filter((x) => x.conn.ports("TCP").names.includes("http"));
    expect(http.map((x) => [x.conn.toString(), x.allowed, x.egress.by === "tier-rule" ? x.egress.rule.action : x.egress.by])).toEqual([["TCP 1,http", false, "Deny"]]);
    if (why.egress.side !== "pod") throw new Error("a pod's side");
    expect(why.egress.allowed.toString()).toBe(flow.conn.toString());
  });

  it("a representative's named port the engine allows though no piece lists it is explained as allowed (property seed 331894447)", () => {
    // Admin: Accept TCP 1-2, then Deny all; NetworkPolicy allows http and 1. The engine keeps http
    // (its number unknown, it may be 1 or 2): no piece lists the name, only the row holds it.
    const files = [
      {
        path: "p.yaml",
        text: `apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: default}
spec:
  containers: [{name: c0, image: registry.example/app:1}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np0, namespace: default}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: []
      ports: [{port: http}, {port: 1, endPort: 1}]
`,
      },
      {
        path: "admin.yaml",
        text: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: anp1}
spec:
  priority: 2
  subject: {pods: {namespaceSelector: {}, podSelector: {}}}
  egress:
    - action: Deny
      to: [{pods: {namespaceSelector: {}, podSelector: {}}}]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: cnp2}
spec:
  tier: Admin
  priority: 1
  subject: {namespaces: {}}
  egress:
    - action: Accept
      to: [{pods: {namespaceSelector: {}, podSelector: {}}}]
      protocols: [{tcp: {destinationPort: {range: {start: 1, end: 2}}}}]
`,
      },
    ];
    const r = reach(files, { pods: "synthetic" });
    const e = r.revision.endpoints;
    const src = one("default/p0[Pod]", e);
    const dst = one("[*]/[*]", e);
    const flow = [...r.flows].find((f) => f.src.id === src.id && f.dst.id === dst.id)!;
    expect(flow.conn.toString()).toBe("TCP 1-2,http");
    expect(explainPair(r.revision, src, dst).allowed.toString()).toBe(flow.conn.toString());
  });

  it("finds representatives by their id, addresses by the range holding them, the controller only where routes exist", () => {
    const r = reach([file("workloads.yaml"), file("policies.yaml")], { pods: "synthetic" });
    const e = r.revision.endpoints;
    expect(one("backend/[app=db]", e).type).toBe("synthetic");
    expect(one("10.255.255.255", e).id).toBe("10.0.0.0/8");
    expect(one("11.0.0.0", e).id).toBe("0.0.0.0/0 except 10.0.0.0/8");
    expect(findEndpoint("10.0.0.0/7", e)).toMatchObject({ ok: true, endpoints: [{ id: "0.0.0.0/0 except 10.0.0.0/8" }, { id: "10.0.0.0/8" }] });
    expect(findEndpoint("{ingress-controller}", e)).toMatchObject({ ok: false, reason: "invalid" });
    expect(findEndpoint("backend/db", e)).toMatchObject({ ok: false, reason: "ambiguous", candidates: ["backend/db[Deployment]", "backend/db[StatefulSet]"] });
    expect(findEndpoint("frontend/wbe", e)).toMatchObject({ ok: false, reason: "unknown", candidates: expect.arrayContaining(["frontend/web[Deployment]"]) });
  });
});
