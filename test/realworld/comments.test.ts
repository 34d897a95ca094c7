// The PR comment on five real pull requests (test/realworld/prs.ts): headline counts, rows and
// callouts a reviewer reads, pinned word for word where the wording is the point.
import { describe, expect, it } from "vitest";
import { diff, reach } from "../../src/analyze.js";
import { renderComment } from "../../src/render/diff-md.js";
import { diffJson } from "../../src/render/diff-json.js";
import { reachMarkdown } from "../../src/render/reach-md.js";
import { argoCdRedisPolicyRemoved, fluxWebhooksPort, kubePrometheusGateway, microservicesDemoMemorystore, microservicesDemoPolicies, readTree, type RealPr } from "./prs.js";

const MARKER = "<!-- netreach -->";

function comment(pr: RealPr): { md: string; lines: string[]; report: ReturnType<typeof diff> } {
  const report = diff(pr.base, pr.head);
  // Zero-width spaces let long ids break in table cells (src/render/cell-code.ts); the words
  // pinned here read without them.
  const md = renderComment(report, { marker: MARKER }).replaceAll("\u200b", "");
  return { md, lines: md.split("\n"), report };
}

/** The table rows (not the collapsed full list) of a section. */
function rows(md: string, section: "Opened" | "Closed"): string[] {
  const start = md.indexOf(`#### ${section} flows`);
  if (start < 0) return [];
  const end = md.indexOf("\n\n", md.indexOf("| --- |", start));
  return md.slice(start, end).split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Source") && !l.startsWith("| ---"));
}

describe("kube-prometheus: the gateway namespace admitted to grafana, prometheus and alertmanager", () => {
  const { md, lines, report } = comment(kubePrometheusGateway());

  it("counts the three flows that open, to the operator's pods too, with the ports' names", () => {
    expect(lines[4]).toBe("**3 flows opened, 0 closed — gate passed.**");
    expect(rows(md, "Opened").map((r) => r.split(" | ").slice(0, 3).join(" | "))).toEqual([
      "| any pod in `gateway-system` | `monitoring/grafana[Deployment]` | TCP 3000 (`http`)",
      "| any pod in `gateway-system` | `monitoring/k8s[Prometheus]` | TCP 8080 (`reloader-web`), 9090 (`web`)",
      "| any pod in `gateway-system` | `monitoring/main[Alertmanager]` | TCP 8080 (`reloader-web`), 9093 (`web`)",
    ]);
    expect(report.changes.every((c) => c.closed.isEmpty)).toBe(true);
  });

  it("raises no DNS warning and no diagnostics", () => {
    expect(md).not.toContain("DNS:");
    expect(report.diagnostics).toEqual([]);
  });

  it("reads its 8 Services, all ClusterIP: nothing is exposed outside, so no exposure section and no exposure assumption", () => {
    expect(kubePrometheusGateway().head.some((f) => f.text.includes("kind: Service\n"))).toBe(true);
    expect(report.exposureChanges).toEqual([]);
    expect(md).not.toContain("Newly exposed");
    expect(report.assumptions.join("\n")).not.toMatch(/LoadBalancer|ingress controller/);
  });
});

describe("argo-cd: argocd-redis-network-policy removed", () => {
  const { md, lines } = comment(argoCdRedisPolicyRemoved());

  it("fails the gate on redis opened to the internet, one violation", () => {
    expect(lines[4]).toBe(
      "**9 flows opened, 0 closed — gate failed:** `default/argocd-redis[Deployment]` all connections newly reachable from outside the cluster: from any external address (external-ingress)",
    );
    expect(md).toContain("#### Gate violations (1)");
  });

  it("draws no graph of three rows into one destination: the table's column says it", () => {
    expect(md).not.toContain("```mermaid");
  });

  it("says that the namespace's pods the install does not declare reach redis too (partial view)", () => {
    const row = rows(md, "Opened").find((r) => r.includes("other pods in `default`"));
    expect(row).toBe(
      "| any pod in any other namespace, `default/argocd-applicationset-controller[Deployment]`, `default/argocd-dex-server[Deployment]`, `default/argocd-notifications-controller[Deployment]` and other pods in `default` | `default/argocd-redis[Deployment]` | all connections (5 flows) |",
    );
    // Every row's reason, once.
    expect(md).toContain("**Why, for every row:** no longer isolated by `default/argocd-redis-network-policy` (base `namespace-install.yaml:2986`) (ingress).\n\n| Source | Destination | Opened |\n");
  });

  it("says port sets as a person reads them, before and after, never as complements", () => {
    expect(rows(md, "Opened").find((r) => r.includes("argocd-repo-server"))).toMatch(/ \| was TCP 6379, now all connections \(3 flows\) \|$/);
    expect(md).not.toContain("all but");
    expect(md).not.toMatch(/1-6378|6380-65535|1-65535/);
  });
});

describe("argo-cd reach", () => {
  it("names the four callers of argocd-repo-server on TCP 8081 instead of a namespace-wide allowance", () => {
    const out = reachMarkdown(reach(readTree("argo-cd/manifests/namespace-install.yaml")));
    const row = out.split("\n").find((l) => l.includes("| `default/argocd-repo-server[Deployment]` | TCP 8081, 8084<br>"));
    expect(row).toBe(
      "| `default/argocd-applicationset-controller[Deployment]`, `default/argocd-notifications-controller[Deployment]`, `default/argocd-server[Deployment]` and `default/argocd-application-controller[StatefulSet]` | `default/argocd-repo-server[Deployment]` | TCP 8081, 8084<br><sub>4 pairs</sub> |",
    );
    expect(out).not.toMatch(/any pod in `default` except/);
  });
});

describe("microservices-demo: the network-policies component", () => {
  const { md, lines } = comment(microservicesDemoPolicies());

  it("closes 172 flows, opens none: 29 of them of the namespace's pods the demo does not declare", () => {
    expect(lines[4]).toBe(
      "**0 flows opened, 172 closed — gate passed.** ⚠️ **Stops working:** `default/loadgenerator[Deployment]`: nothing can reach it any more (isolated for ingress by `default/deny-all`, which allows nothing).",
    );
  });

  it("says that deny-all isolates the namespace's other pods; no DNS alarm, as the demo declares no cluster DNS server", () => {
    // Port 53 to external addresses is not the cluster's resolver: kube-dns/CoreDNS is not in the input.
    expect(md).not.toContain("resolve names");
    expect(md).not.toContain("**DNS:**");
    expect(rows(md, "Closed")).toContain(
      "| other pods in `default` | any external address, any pod in any other namespace and `default/frontend[Deployment]` | all connections (3 flows) | ② |",
    );
    // deny-all's egress isolation, which many rows give, is a note above the table.
    expect(md).toContain(
      "- ② now selected by `default/deny-all` (`app.yaml:1042`) (isolates egress)",
    );
    expect(md).not.toMatch(/except[^|]*`default\/\[\*\]`/);
  });

  it("lists the kinds of sources first and never folds the outside or another namespace into 'more'", () => {
    const row = rows(md, "Closed").find((r) => r.includes("| `default/productcatalogservice[Deployment]` | all connections"));
    // Every source but three closed: said as what it was and who is left, not as ten sources and "more".
    expect(row?.startsWith("| was any source; now only `default/frontend[Deployment]`, `default/recommendationservice[Deployment]` and `default/checkoutservice[Deployment]` TCP 3550 | ")).toBe(true);
    for (const r of rows(md, "Closed")) expect(r).not.toMatch(/and \d+ more \|/);
  });
});

describe("microservices-demo: memorystore and operations components", () => {
  const pr = microservicesDemoMemorystore();
  const { md, report } = comment(pr);

  it("reports the added collector as isolated, and the removed redis-cart as removed", () => {
    expect(md).toContain("- **added** `default/opentelemetrycollector[Deployment]` (`app.yaml:714`): isolated — no ingress, no egress, no DNS");
    expect(md).toContain("- **removed** `default/redis-cart[Deployment]` (`app.yaml:841`): its flows close with it");
    expect(diffJson(report).workloads).toEqual([
      { id: "default/redis-cart[Deployment]", change: "removed", ingress: "some", egress: "some", dns: true, file: "app.yaml", line: 841 },
      { id: "default/opentelemetrycollector[Deployment]", change: "added", ingress: "none", egress: "none", dns: false, file: "app.yaml", line: 714 },
    ]);
  });

  it("gives no DNS warning for the workload the PR removes", () => {
    expect(md).not.toContain("DNS:**");
  });

  it("warns that the redis-cart policy now selects nothing", () => {
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "warning", file: "app.yaml", message: expect.stringMatching(/^NetworkPolicy default\/redis-cart selects no workload declared here/) }),
    );
  });
});

describe("flux: allow-webhooks restricted to TCP 9292", () => {
  const { md, lines } = comment(fluxWebhooksPort());

  it("says what was open from other namespaces and what is now: the webhook port and the one another policy keeps, by their names", () => {
    expect(lines[4]).toBe("**0 flows opened, 1 closed — gate passed.**");
    expect(rows(md, "Closed")).toEqual([
      "| any pod in any other namespace | `flux-system/notification-controller[Deployment]` | was all connections, now TCP 8080 (`http-prom`), 9292 (`http-webhook`) | no longer allowed by `flux-system/allow-webhooks` ingress\\[0\\] (base `gotk-components.yaml:5544`) |",
    ]);
    // One row says it all: no graph, no full list repeating it.
    expect(md).not.toContain("```mermaid");
    expect(md).not.toContain("changed pair");
  });
});

describe("the README's real comment", () => {
  it("is what netreach prints today for the argo-cd and microservices-demo pull requests", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## A real comment"), readme.indexOf("## Set up"));
    const quoted = section.split("\n").filter((l) => l.startsWith("> ") && l.length > 4).map((l) => l.slice(2));
    expect(quoted.length).toBeGreaterThan(10);
    const printed = `${comment(argoCdRedisPolicyRemoved()).md}\n${comment(microservicesDemoMemorystore()).md}`.split("\n");
    for (const line of quoted) expect(printed, line).toContain(line);
  });
});
