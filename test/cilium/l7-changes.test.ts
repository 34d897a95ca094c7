// A pull request that changes only what an L7 rule lets through (the port stays open): no flow
// opens or closes, yet removing a filter lets every request in. The diff says so, widening first.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import type { SourceFile } from "../../src/load/object/source.js";

const apps = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: i, ports: [{containerPort: 9090}]}]}
`;
const policy = (rules: string) => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts:
    - ports: [{port: "9090", protocol: TCP}]
${rules}`;
const filtered = policy('      rules: {http: [{method: GET, path: "/v1/.*"}]}\n');
const open = policy("");
const side = (text: string): SourceFile[] => [
  { path: "apps.yaml", text: apps },
  { path: "policy.yaml", text },
];

describe("L7 filtering changes", () => {
  it("a filter removed from a port that stays open is listed, said on the verdict line, and in JSON", () => {
    const report = diff(side(filtered), side(open), { pods: "declared" });
    const json = diffJson(report);
    expect(json.changes).toEqual([]);
    expect(json.l7Changes).toEqual([
      {
        src: "shop/web[Deployment]",
        dst: "shop/api[Deployment]",
        conn: "TCP 9090",
        base: { conn: "TCP 9090", by: [expect.objectContaining({ policy: "shop/api", rule: "ingress[0].toPorts[0]", filters: ["http GET /v1/.*"] })] },
        head: null,
      },
    ]);
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md).toContain("**No change to reachability — gate passed.** ⚠️ **L7 filtering: 1 flow now lets more requests through a port that stays open** (below).");
    expect(md).toContain("#### L7 filtering changed (1)");
    expect(md).toContain("| ⚠️ `shop/web​[Deployment]` | `shop/api​[Deployment]` | TCP 9090 | TCP 9090: http GET /v1/.\\* by CiliumNetworkPolicy `shop/api` ingress\\[0\\].toPorts\\[0\\] | every request (no L7 filter) |");
    expect(renderDiffText(report)).toContain("shop/web[Deployment] -> shop/api[Deployment] TCP 9090: was TCP 9090: http GET /v1/.* by CiliumNetworkPolicy shop/api ingress[0].toPorts[0]; now every request (no L7 filter)");
  });

  it("a filter added or edited is listed without the warning; an unchanged one is not listed", () => {
    const added = diffJson(diff(side(open), side(filtered), { pods: "declared" }));
    expect(added.l7Changes).toEqual([expect.objectContaining({ base: null, head: expect.objectContaining({ conn: "TCP 9090" }) })]);
    const edited = diff(side(filtered), side(filtered.replace("GET", "POST")), { pods: "declared" });
    expect(renderComment(edited, { marker: "" })).toContain("L7 filtering changed on 1 flow");
    expect(diffJson(diff(side(filtered), side(filtered + "\n"), { pods: "declared" })).l7Changes).toBeUndefined();
  });

  it("a plain rule removed beside a filter makes the port filtered: listed, though no rule with filters changed", () => {
    const withPlain = `${filtered}  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: "9090", protocol: TCP}]}]\n`;
    const json = diffJson(diff(side(withPlain), side(filtered), { pods: "declared" }));
    expect(json.l7Changes).toEqual([expect.objectContaining({ base: null, head: expect.objectContaining({ conn: "TCP 9090" }) })]);
  });
});

describe("L7 filtering changes in the JSON report", () => {
  it("name endpoints the report lists", () => {
    const json = diffJson(diff(side(filtered), side(open), { pods: "declared" }));
    const ids = new Set(json.endpoints.map((e) => e.id));
    for (const c of json.l7Changes ?? []) expect([ids.has(c.src), ids.has(c.dst)]).toEqual([true, true]);
    expect(json.l7Changes).toHaveLength(1);
  });
});

describe("closed flows to addresses, some of them L7-filtered before", () => {
  // Egress is open but for port 80 to the upper half of IPv4, which an HTTP filter governs; the
  // head denies every egress. The two halves close alike, with the same reasons: they stay apart,
  // since only one of them was filtered.
  const base = `apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: beta, labels: {role: front}}
spec: {containers: [{name: c0, image: app}]}
---
apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: ccnp0}
spec:
  endpointSelector: {matchLabels: {role: front}}
  egress:
    - toCIDRSet: [{cidr: 0.0.0.0/0, except: [0.0.0.0/1]}]
      toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET, path: /api/.*}]}}]
  enableDefaultDeny: {ingress: true, egress: false}
`;
  const head = `apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: beta, labels: {role: front}}
spec: {containers: [{name: c0, image: app}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp1, namespace: beta}
spec:
  endpointSelector: {}
  egressDeny: [{}]
`;

  it("are not merged into one address range with one side's filters", () => {
    const d = diff([{ path: "base.yaml", text: base }], [{ path: "head.yaml", text: head }], { pods: "declared" });
    const toAddresses = d.changes.filter((c) => c.src.id === "beta/p0[Pod]" && c.dst.type === "external");
    expect(toAddresses.map((c) => [c.dst.id, c.closed.toString(), c.l7?.base?.conn.toString() ?? null])).toEqual([
      ["0.0.0.0/1", "All Connections", null],
      ["128.0.0.0/1", "All Connections", "TCP 80"],
    ]);
  });
});
