// Each fact once (issue 19): a reason every row of a table shares is said once above it, and the
// Why column goes when no row has a reason of its own.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import { renderComment } from "../../src/render/diff-md.js";
import { microservicesDemoPolicies } from "../realworld/prs.js";
import { gfmProblems } from "./gfm-check.js";
import { deployment, diffOf, namespace, netpol, yamlFile } from "./fixtures.js";

const strip = (s: string) => s.replaceAll("\u200b", "");
function section(md: string, title: string): string {
  const lines = strip(md).split("\n");
  const at = lines.findIndex((l) => l.startsWith(`#### ${title}`));
  const end = lines.findIndex((l, i) => i > at && (l.startsWith("#### ") || l.startsWith("<details>")));
  return lines.slice(at, end < 0 ? undefined : end).join("\n");
}
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("microservices-demo: deny-all and a policy per service", () => {
  const { base, head } = microservicesDemoPolicies();

  it("declared workloads: deny-all's ingress isolation, every row's, is said once above the table; each row keeps its own policy", () => {
    const md = renderComment(diff(base, head, { pods: "declared" }), { marker: "<!-- m -->" });
    const closed = section(md, "Closed flows");
    expect(closed).toContain("**Why, for every row:** now selected by `default/deny-all` (`app.yaml:1042`) (isolates ingress).");
    expect(count(closed, "`default/deny-all` (`app.yaml:1042`) (isolates ingress)")).toBe(1);
    expect(closed).toMatch(/\| `default\/adservice\[Deployment\]` \| all connections \(\d+ flows\) \| now selected by `default\/adservice` \(`app.yaml:948`\) \(isolates ingress\) \|/);
    expect(gfmProblems(md, "<!-- m -->")).toEqual([]);
  });

  it("with the pods it does not declare: reasons many rows give are numbered notes above the table, each said once", () => {
    const md = renderComment(diff(base, head), { marker: "<!-- m -->" });
    const closed = section(md, "Closed flows");
    expect(closed).toContain("- ① now selected by `default/deny-all` (`app.yaml:1042`) (isolates ingress)\n- ② now selected by `default/deny-all` (`app.yaml:1042`) (isolates egress)\n");
    expect(count(closed, "`default/deny-all` (`app.yaml:1042`)")).toBe(2);
    expect(closed).toMatch(/\| `default\/emailservice\[Deployment\]` \| all connections \(\d+ flows\) \| ①; now selected by `default\/emailservice` \(`app.yaml:1052`\) \(isolates ingress\) \|/);
    expect(gfmProblems(md, "<!-- m -->")).toEqual([]);
  });
});

describe("one policy closes every row", () => {
  it("names it once and drops the Why column", () => {
    const w = yamlFile("w.yaml", [
      namespace("backend"),
      namespace("kube-system"),
      deployment("backend", "api", { app: "api" }, [{ containerPort: 8000 }]),
      deployment("backend", "db", { app: "db" }, [{ containerPort: 5432 }]),
      deployment("kube-system", "coredns", { "k8s-app": "kube-dns" }, [{ containerPort: 53, protocol: "UDP" }]),
    ]);
    const dnsOnly = netpol("backend", "dns-only", {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }], ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }] }],
    });
    const md = strip(renderComment(diffOf([w], [w, yamlFile("p.yaml", [dnsOnly])]), { marker: "<!-- m -->" }));
    const closed = section(md, "Closed flows");
    expect(closed).toContain("**Why, for every row:** now selected by `backend/dns-only` (`p.yaml:1`) (isolates egress).\n\n| Source | Destination | Closed |\n| --- | --- | --- |\n");
    expect(closed.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Source") && !l.startsWith("| ---"))).toHaveLength(2);
    expect(count(md, "`backend/dns-only` (`p.yaml:1`)")).toBe(1);
  });
});
