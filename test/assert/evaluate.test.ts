// Assertions judged on small hand-made clusters: each kind, each spec form, representatives,
// CIDRs cut as ipBlocks are, the ingress controller, the admin tiers, and a diff.
import { describe, expect, it } from "vitest";
import { diff, reach, type PodsMode } from "../../src/analyze.js";
import type { Assertion, AssertionResult } from "../../src/assert/assertion.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { diffJson } from "../../src/render/diff-json.js";
import { parseConfig } from "../../src/targets/config.js";
import { deployment, namespace, netpol, yamlFile, type Obj } from "../render/fixtures.js";

function assertions(text: string): Assertion[] {
  const c = parseConfig(".netreach.yaml", `assertions:\n${text}`);
  expect(c.assertionErrors).toEqual([]);
  return [...c.assertions];
}

function judge(files: readonly SourceFile[], text: string, pods: PodsMode = "declared"): AssertionResult[] {
  return [...reach(files, { pods, assertions: assertions(text) }).assertions];
}

/** "name: status" and each violation as "src -> dst conn". */
function shown(results: readonly AssertionResult[]): Record<string, string[]> {
  return Object.fromEntries(results.map((r) => [r.assertion.name, [r.status, ...r.violations.map((v) => `${v.src} -> ${v.dst} ${v.conn}`), ...r.notes]]));
}

const shop = (extra: Obj[] = []) => [
  yamlFile("deploy/shop.yaml", [
    namespace("backend", { tenant: "b" }),
    namespace("frontend", { tenant: "f" }),
    deployment("backend", "db", { app: "db" }, [{ containerPort: 5432 }]),
    deployment("backend", "api", { app: "api" }, [{ containerPort: 8080 }]),
    deployment("frontend", "web", { app: "web" }, [{ containerPort: 80 }]),
    ...extra,
  ]),
];

const dbOnlyFromApi = netpol("backend", "db", {
  podSelector: { matchLabels: { app: "db" } },
  policyTypes: ["Ingress"],
  ingress: [{ from: [{ podSelector: { matchLabels: { app: "api" } } }], ports: [{ port: 5432 }] }],
});

describe("assertions on a declared cluster", () => {
  it("deny: the allowed pairs from `from` to `to`, within ports; passes once a policy closes them", () => {
    const text = `  - name: db-private
    deny: {from: internet, to: {namespace: backend, labels: {app: db}}}
  - name: web-not-db-on-5432
    deny: {from: {workload: web}, to: {labels: {app: db}}, ports: [TCP 5432, UDP 53]}
`;
    expect(shown(judge(shop(), text))).toEqual({
      "db-private": ["failed", "0.0.0.0/0 -> backend/db[Deployment] All Connections"],
      "web-not-db-on-5432": ["failed", "frontend/web[Deployment] -> backend/db[Deployment] TCP 5432,UDP 53"],
    });
    expect(shown(judge(shop([dbOnlyFromApi]), text))).toEqual({ "db-private": ["passed"], "web-not-db-on-5432": ["passed"] });
  });

  it("only: pairs from any endpoint not in `from` to `to`, the external ones too", () => {
    const text = `  - name: only-api-reaches-db
    only:
      to: {namespace: backend, labels: {app: db}}
      from: [{namespace: backend, labels: {app: api}}]
      ports: [TCP 5432]
`;
    expect(shown(judge(shop(), text))["only-api-reaches-db"]).toEqual([
      "failed",
      "0.0.0.0/0 -> backend/db[Deployment] TCP 5432",
      "frontend/web[Deployment] -> backend/db[Deployment] TCP 5432",
    ]);
    expect(shown(judge(shop([dbOnlyFromApi]), text))["only-api-reaches-db"]).toEqual(["passed"]);
  });

  it("allow: pairs that lack part of the ports, with the missing part, allowed or not", () => {
    const apiOn8080 = netpol("backend", "api", {
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { tenant: "f" } } }], ports: [{ port: 8080 }] }],
    });
    const text = `  - name: web-reaches-api
    allow: {from: {namespace: frontend, workload: web}, to: {namespace: backend, labels: {app: api}}, ports: [TCP 8080, TCP 9090]}
`;
    expect(shown(judge(shop(), text))["web-reaches-api"]).toEqual(["passed"]);
    expect(shown(judge(shop([apiOn8080]), text))["web-reaches-api"]).toEqual(["failed", "frontend/web[Deployment] -> backend/api[Deployment] TCP 9090"]);
    const closed = netpol("backend", "deny-all", { podSelector: {}, policyTypes: ["Ingress"] });
    expect(shown(judge(shop([closed]), text))["web-reaches-api"]).toEqual(["failed", "frontend/web[Deployment] -> backend/api[Deployment] TCP 8080,9090"]);
  });

  it("isolated: pairs between pods of two different matching namespaces; a workload is never paired with itself", () => {
    const text = `  - name: tenants
    isolated: {namespaces: {namespaces: {labels: {tenant: "*"}}}, ports: [TCP 80]}
  - name: any-pod-to-itself
    deny: {from: {workload: web}, to: {workload: web}}
`;
    expect(shown(judge(shop(), text))).toEqual({
      tenants: [
        "failed",
        "backend/api[Deployment] -> frontend/web[Deployment] TCP 80",
        "backend/db[Deployment] -> frontend/web[Deployment] TCP 80",
        "frontend/web[Deployment] -> backend/api[Deployment] TCP 80",
        "frontend/web[Deployment] -> backend/db[Deployment] TCP 80",
      ],
      "any-pod-to-itself": ["passed"],
    });
  });

  it("isolated as DESIGN writes it: `namespaces: {labels: …}` are namespace labels, `name` a namespace; pod keys are refused", () => {
    const literal = `  - name: tenants
    isolated: {namespaces: {labels: {tenant: "*"}}, ports: [TCP 80]}
  - name: two
    isolated: {namespaces: [{name: backend}, {namespace: frontend}], ports: [TCP 80]}
  - name: just-b
    isolated: {namespaces: {labels: {tenant: b}}}
`;
    const got = shown(judge(shop(), literal));
    // The same four cross-namespace pairs as the endpoint-spec form: tenant is a namespace label here, no pod carries it.
    expect(got["tenants"]).toEqual(["failed", "backend/api[Deployment] -> frontend/web[Deployment] TCP 80", "backend/db[Deployment] -> frontend/web[Deployment] TCP 80", "frontend/web[Deployment] -> backend/api[Deployment] TCP 80", "frontend/web[Deployment] -> backend/db[Deployment] TCP 80"]);
    expect(got["two"]).toEqual(got["tenants"]);
    // One namespace alone has no pair of two different namespaces.
    expect(got["just-b"]).toEqual(["passed"]);
    const bad = parseConfig(".netreach.yaml", "assertions:\n  - name: x\n    isolated: {namespaces: {workload: web}}\n");
    expect(bad.assertionErrors).toEqual([`.netreach.yaml:3: unknown key "workload" in isolated's namespaces (known: labels, name; isolated speaks of namespaces, not pods)`]);
  });

  it("no-match: a spec that matches nothing (a namespace that does not exist, a list of such) is said, with no violations", () => {
    const text = `  - name: ghost
    deny: {from: [{namespace: nope}, {workload: nobody}], to: any-pod}
  - name: kind
    deny: {from: {kind: StatefulSet}, to: any-pod}
  - name: half
    deny: {from: [{namespace: nope}, {workload: web}], to: {labels: {app: db}}}
`;
    expect(shown(judge(shop(), text))).toEqual({
      ghost: ["no-match", "from [{namespace: nope}, {workload: nobody}] matches nothing in this revision"],
      kind: ["no-match", "from {kind: StatefulSet} matches nothing in this revision"],
      half: ["failed", "frontend/web[Deployment] -> backend/db[Deployment] All Connections"],
    });
  });
});

describe("assertions over representatives", () => {
  // Policies only: the pods are representatives.
  const policies = [
    yamlFile("policies.yaml", [
      namespace("backend", { tenant: "b" }),
      dbOnlyFromApi,
      netpol("backend", "from-teams", {
        podSelector: { matchLabels: { app: "api" } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: "x" } } }] }],
      }),
    ]),
  ];

  it("a representative matches a label spec only when every pod it stands for has the label", () => {
    const r = judge(
      policies,
      `  - name: db-from-internet
    deny: {from: internet, to: {namespace: backend, labels: {app: db}}}
  - name: api-from-internet
    deny: {from: internet, to: {labels: {app: api}}}
  - name: any-app
    deny: {from: internet, to: {namespace: backend, labels: {app: "*"}}}
  - name: unused-key
    deny: {from: internet, to: {labels: {role: x}}}
`,
      "synthetic",
    );
    expect(shown(r)).toEqual({
      "db-from-internet": ["passed"],
      // backend/[app=api] (every pod labelled app=api there) is matched, and from-teams closes it to the internet.
      "api-from-internet": ["passed"],
      // [*] stands for pods without app and with other values: it matches app=* only where every pod has an app.
      "any-app": ["passed"],
      "unused-key": ["no-match", "to {labels: {role: x}} matches nothing in this revision"],
    });
    const open = judge(policies, `  - name: other-pods\n    deny: {from: internet, to: {namespace: backend}}\n`, "synthetic");
    expect(shown(open)["other-pods"]).toEqual(["failed", "0.0.0.0/0 -> backend/[*] All Connections"]);
  });

  it("a representative namespace matches namespace labels every namespace it stands for has, and never a namespace name", () => {
    const r = judge(
      policies,
      `  - name: team-x-reaches-api
    allow: {from: {namespaces: {labels: {team: x}}}, to: {namespace: backend, labels: {app: api}}, ports: [TCP 80]}
  - name: team-x-by-name
    deny: {from: {namespace: default}, to: any-pod}
`,
      "synthetic",
    );
    expect(shown(r)["team-x-reaches-api"]).toEqual(["passed"]);
    expect(r[0]!.violations).toEqual([]);
    // The pods of [team=x] are matched: taking them away (by requiring another team) leaves nothing.
    const other = judge(policies, `  - name: t\n    allow: {from: {namespaces: {labels: {team: y}}}, to: {labels: {app: api}}, ports: [TCP 80]}\n`, "synthetic");
    expect(other[0]!.status).toBe("no-match");
    expect(shown(r)["team-x-by-name"]![0]).toBe("no-match");
    // "*": [team=x] surely has a team; [*]/[*] stands for namespaces with and without one. And
    // app=* in backend: [app=api] and [app=db], not backend/[*] (pods without app among them).
    const star = judge(policies, `  - name: s
    deny: {from: {namespaces: {labels: {team: "*"}}}, to: {namespace: backend, labels: {app: "*"}}}
`, "synthetic");
    expect(shown(star)["s"]).toEqual(["failed", "[team=x]/[*] -> backend/[app=api] All Connections"]);
  });
});

describe("assertions and the engine's endpoints", () => {
  it("cuts external ranges at an assertion's CIDR, so that it means exactly its addresses", () => {
    const files = shop();
    const text = `  - name: office-not-db
    deny: {from: {cidr: 192.168.0.0/16}, to: {labels: {app: db}}}
`;
    const r = reach(files, { pods: "declared", assertions: assertions(text) });
    expect(shown(r.assertions)["office-not-db"]).toEqual(["failed", "192.168.0.0/16 -> backend/db[Deployment] All Connections"]);
    expect(r.endpoints.filter((e) => e.type === "external").map((e) => e.id)).toEqual(["0.0.0.0/0 except 192.168.0.0/16", "192.168.0.0/16"]);
    // Without the assertion, one range.
    expect(reach(files, { pods: "declared" }).endpoints.filter((e) => e.type === "external").map((e) => e.id)).toEqual(["0.0.0.0/0"]);
  });

  it("judges the ingress controller by its exposures through Ingress routes", () => {
    const files = [
      ...shop([
        netpol("frontend", "web", {
          podSelector: { matchLabels: { app: "web" } },
          policyTypes: ["Ingress"],
          ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 80 }] }],
        }),
      ]),
      {
        path: "deploy/ingress.yaml",
        text: `apiVersion: v1
kind: Service
metadata: { name: web, namespace: frontend }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 80 }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: frontend }
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: web, port: { number: 80 } } }
`,
      },
    ];
    const r = judge(
      files,
      `  - name: controller-not-web
    deny: {from: ingress-controller, to: {workload: web}}
  - name: controller-reaches-web
    allow: {from: ingress-controller, to: {workload: web}, ports: [TCP 80, TCP 443]}
  - name: only-controller-reaches-web
    only: {from: ingress-controller, to: {workload: web}}
`,
    );
    expect(shown(r)).toEqual({
      "controller-not-web": ["failed", "{ingress-controller} -> frontend/web[Deployment] TCP 80"],
      "controller-reaches-web": ["failed", "{ingress-controller} -> frontend/web[Deployment] TCP 443"],
      "only-controller-reaches-web": [
        "failed",
        "backend/api[Deployment] -> frontend/web[Deployment] TCP 80",
        "backend/db[Deployment] -> frontend/web[Deployment] TCP 80",
      ],
    });
  });

  it("follows the admin tiers: an AdminNetworkPolicy Deny wins over what NetworkPolicies allow", () => {
    const anp = {
      path: "deploy/admin.yaml",
      text: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: { name: no-frontend-to-db }
spec:
  priority: 5
  subject:
    pods:
      namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: backend } }
      podSelector: { matchLabels: { app: db } }
  ingress:
    - name: deny-frontend
      action: Deny
      from:
        - namespaces: { matchLabels: { kubernetes.io/metadata.name: frontend } }
`,
    };
    const text = `  - name: web-not-db
    deny: {from: {namespace: frontend}, to: {labels: {app: db}}}
  - name: web-reaches-db
    allow: {from: {namespace: frontend}, to: {labels: {app: db}}, ports: [TCP 5432]}
`;
    expect(shown(judge(shop(), text))).toEqual({
      "web-not-db": ["failed", "frontend/web[Deployment] -> backend/db[Deployment] All Connections"],
      "web-reaches-db": ["passed"],
    });
    expect(shown(judge([...shop(), anp], text))).toEqual({
      "web-not-db": ["passed"],
      "web-reaches-db": ["failed", "frontend/web[Deployment] -> backend/db[Deployment] TCP 5432"],
    });
  });
});

  it("judges an assertion with ports alike whether the full rows were made before it or not (an admin Deny to every pod, cut to TCP 80)", () => {
    const denyAll = {
      path: "deploy/admin.yaml",
      text: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: { name: no-pod-egress }
spec:
  priority: 0
  subject: { namespaces: {} }
  egress:
    - action: Deny
      to:
        - pods: { namespaceSelector: {}, podSelector: {} }
`,
    };
    const isolated = `  - name: apart-on-80
    isolated: {namespaces: any-pod, ports: [TCP 80]}
`;
    // A deny without ports first: every row it asks for is made in full, then cut to TCP 80 for the next.
    const both = `  - name: pods-not-out
    deny: {from: any-pod, to: {cidr: 0.0.0.0/0}}
${isolated}`;
    expect(shown(judge([...shop(), denyAll], isolated))["apart-on-80"]).toEqual(["passed"]);
    expect(shown(judge([...shop(), denyAll], both))["apart-on-80"]).toEqual(["passed"]);
    expect(shown(judge(shop(), both))["apart-on-80"]).toContain("frontend/web[Deployment] -> backend/api[Deployment] TCP 80");
  });

describe("assertions in a diff", () => {
  it("marks head violations new unless the base broke the assertion for that pair on the same connections, and says where each came from", () => {
    const apiOn8080 = netpol("backend", "api", {
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }], ports: [{ port: 8080 }] }],
    });
    const apiOn8080And9090 = netpol("backend", "api", {
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }], ports: [{ port: 8080 }, { port: 9090 }] }],
    });
    const list = assertions(`  - name: api-only-8080
    deny: {from: any-pod, to: {labels: {app: api}}, ports: [TCP 9090, TCP 9091]}
  - name: db-private
    deny: {from: internet, to: {labels: {app: db}}}
  - name: web-reaches-api
    allow: {from: {workload: web}, to: {labels: {app: api}}, ports: [TCP 8080]}
`);
    const d = diff(shop([apiOn8080]), shop([apiOn8080And9090]), { pods: "declared", assertions: list, assertionOrigin: (a) => (a.name === "web-reaches-api" ? "head" : "base") });
    expect(d.assertions.map((a) => [a.assertion.name, a.baseStatus, a.status, a.origin, a.violations.map((v) => `${v.src} -> ${v.dst} ${v.conn} ${v.isNew ? "new" : "existing"}`)])).toEqual([
      [
        "api-only-8080",
        "passed",
        "failed",
        "base",
        ["backend/db[Deployment] -> backend/api[Deployment] TCP 9090 new", "frontend/web[Deployment] -> backend/api[Deployment] TCP 9090 new"],
      ],
      ["db-private", "failed", "failed", "base", ["0.0.0.0/0 -> backend/db[Deployment] All Connections existing"]],
      ["web-reaches-api", "passed", "passed", "head", []],
    ]);
    expect(diffJson(d).assertions).toEqual([
      {
        name: "api-only-8080",
        type: "deny",
        status: "failed",
        violations: [
          { src: "backend/db[Deployment]", dst: "backend/api[Deployment]", conn: "TCP 9090", new: true },
          { src: "frontend/web[Deployment]", dst: "backend/api[Deployment]", conn: "TCP 9090", new: true },
        ],
      },
      { name: "db-private", type: "deny", status: "failed", violations: [{ src: "0.0.0.0/0", dst: "backend/db[Deployment]", conn: "All Connections", new: false }] },
      { name: "web-reaches-api", type: "allow", status: "passed", violations: [] },
    ]);
    // A diff without assertions has no assertions key in its JSON.
    expect("assertions" in diffJson(diff(shop(), shop(), { pods: "declared" }))).toBe(false);
  });

  it("a pair that breaks an assertion on more connections than at the base is new; on fewer, existing", () => {
    const on = (ports: number[]) =>
      netpol("backend", "api", { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ namespaceSelector: {} }], ports: ports.map((port) => ({ port })) }] });
    const list = assertions(`  - name: web-not-api\n    deny: {from: {workload: web}, to: {labels: {app: api}}}\n`);
    const grows = diff(shop([on([80])]), shop([on([80, 81])]), { pods: "declared", assertions: list });
    expect(grows.assertions[0]!.violations.map((v) => [v.conn.toString(), v.isNew])).toEqual([["TCP 80-81", true]]);
    const shrinks = diff(shop([on([80, 81])]), shop([on([80])]), { pods: "declared", assertions: list });
    expect(shrinks.assertions[0]!.violations.map((v) => [v.conn.toString(), v.isNew])).toEqual([["TCP 80", false]]);
  });

  it("lists violations up to the limit and counts the rest; new or existing stays exact past the limit", () => {
    // Every pair of 5 open workloads across namespaces: 20 pairs; the head adds 2 more workloads.
    const pods = (n: number) => yamlFile("deploy/pods.yaml", Array.from({ length: n }, (_, i) => deployment(`ns${i}`, `w${i}`, { app: `w${i}` })));
    const list = assertions(`  - name: apart\n    isolated: {namespaces: any-pod}\n`);
    const full = reach([pods(5)], { pods: "declared", assertions: list });
    expect(full.assertions[0]!.violations.length).toBe(20);
    expect(full.assertions[0]!.total).toBeUndefined();
    const cut = reach([pods(5)], { pods: "declared", assertions: list, assertionListLimit: 3 });
    expect(cut.assertions[0]!.violations.length).toBe(3);
    expect(cut.assertions[0]!.total).toBe(20);
    const d = diff([pods(5)], [pods(7)], { pods: "declared", assertions: list, assertionListLimit: 25 });
    const a = d.assertions[0]!;
    expect([a.violations.length, a.total]).toEqual([25, 42]);
    // The base listed at most 25 of its 20: every listed head pair between w0..w4 is existing, any with w5 or w6 new.
    const newcomer = (id: string) => /w[56]\[/.test(id);
    for (const v of a.violations) expect(v.isNew, `${v.src} -> ${v.dst}`).toBe(newcomer(v.src) || newcomer(v.dst));
    expect(diffJson(d).assertions![0]!.violationsTruncated).toEqual({ total: 42, listed: 25 });
    // Cut at the base too: the base lists w0's pairs first, the head (w0 closed) others, all
    // existing: asked of the base pair by pair, not of its cut list.
    const closed = yamlFile("deploy/close.yaml", [netpol("ns0", "deny-all", { podSelector: {}, policyTypes: ["Ingress", "Egress"] })]);
    const tight = diff([pods(5)], [pods(5), closed], { pods: "declared", assertions: list, assertionListLimit: 4 });
    expect(tight.assertions[0]!.violations.map((v) => `${v.src} -> ${v.dst} ${v.isNew ? "new" : "existing"}`)).toEqual([
      "ns1/w1[Deployment] -> ns2/w2[Deployment] existing",
      "ns1/w1[Deployment] -> ns3/w3[Deployment] existing",
      "ns1/w1[Deployment] -> ns4/w4[Deployment] existing",
      "ns2/w2[Deployment] -> ns1/w1[Deployment] existing",
    ]);
    expect(tight.assertions[0]!.total).toBe(12);
  });
});
