// The PR comment as GitHub parses it (micromark + GFM, test/render/gfm-check.ts), for the
// real-world pull requests, an exposure PR, a Helm chart's PR, a PR of long ids and a
// 10,000-workload cluster's PR: tables keep their columns, no raw HTML but `details`/`summary`,
// and every table fits the comment column (no unbreakable run longer than a column holds).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { renderComment } from "../../src/render/diff-md.js";
import { generate, SIZES } from "../../scripts/bench-cluster.js";
import { argoCdRedisPolicyRemoved, fluxWebhooksPort, kubePrometheusGateway, microservicesDemoMemorystore, microservicesDemoPolicies } from "../realworld/prs.js";
import { kubeTools } from "../support/kube-tools.js";
import { runCli } from "../support/cli.js";
import { isolatedGitEnv, makeRepo } from "../support/git-repo.js";
import { gfmProblems } from "./gfm-check.js";

const MARKER = "<!-- netreach -->";
const comment = (base: readonly SourceFile[], head: readonly SourceFile[]) => renderComment(diff(base, head), { marker: MARKER, link: (f, l) => `https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/${f}#L${l}` });

describe("the GFM check itself", () => {
  it("finds a row that gains a column, raw HTML, and an id too long for a cell", () => {
    const md = `${MARKER}\n\n| A | B |\n| --- | --- |\n| x | y \\| z | w |\n| <sub>x</sub> | \`${"a".repeat(40)}\` |\n\n<details><summary>ok</summary>\n\nfine\n\n</details>\n`;
    expect(gfmProblems(md, MARKER).map((p) => p.kind).sort()).toEqual(["columns", "html", "html", "run"]);
  });

  it("finds a table wider than the column when every cell holds a long id", () => {
    const id = "`default/db01234567890123456789`";
    const md = `| A | B | C | D |\n| --- | --- | --- | --- |\n| ${id} | ${id} | ${id} | ${id} |\n`;
    expect(gfmProblems(md).map((p) => p.kind)).toContain("width");
  });
});

describe("real-world pull requests", () => {
  it.each([
    ["kube-prometheus", kubePrometheusGateway],
    ["argo-cd", argoCdRedisPolicyRemoved],
    ["microservices-demo policies", microservicesDemoPolicies],
    ["microservices-demo memorystore", microservicesDemoMemorystore],
    ["flux", fluxWebhooksPort],
  ])("%s: reads on GitHub as written and fits the column", (_, pr) => {
    const { base, head } = pr();
    expect(gfmProblems(comment(base, head), MARKER)).toEqual([]);
  });
});

const longName = "payments-reconciliation-settlement-worker-eu-west";
const pod = (ns: string, name: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {${labels}}}
  template:
    metadata: {labels: {${labels}}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8443, name: https-metrics}, {containerPort: 9090, name: grpc}]}]
`;

describe("a pull request of long ids and selectors", () => {
  const ns = "financial-operations-settlement-prod";
  const base = [
    pod(ns, longName, "app.kubernetes.io/name: settlement, app.kubernetes.io/component: reconciliation-worker"),
    pod(ns, `${longName}-canary`, "app.kubernetes.io/name: settlement, app.kubernetes.io/component: reconciliation-canary"),
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-settlement-reconciliation-from-observability-stack, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: settlement}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {observability.example.com/stack-component: prometheus-operator}}
      podSelector: {matchLabels: {app.kubernetes.io/instance: kube-prometheus-stack-prometheus}}
`,
  ];
  const head = [
    ...base.slice(0, 2),
    base[2]!.replace("      podSelector: {matchLabels: {app.kubernetes.io/instance: kube-prometheus-stack-prometheus}}\n", "      podSelector: {matchLabels: {app.kubernetes.io/instance: kube-prometheus-stack-prometheus}}\n    ports: [{port: 8443}]\n"),
    `apiVersion: v1
kind: Service
metadata: {name: settlement-public-reconciliation-endpoint, namespace: ${ns}}
spec:
  type: LoadBalancer
  selector: {app.kubernetes.io/component: reconciliation-worker}
  ports: [{port: 443, targetPort: https-metrics}]
`,
  ];
  const files = (docs: string[]): SourceFile[] => [{ path: "clusters/production/eu-west-1/financial-operations/settlement.yaml", text: docs.join("---\n") }];
  const md = comment(files(base), files(head));

  it("breaks long ids in table cells so that the Why column shows without scrolling", () => {
    expect(md).toContain("#### Closed flows");
    expect(gfmProblems(md, MARKER)).toEqual([]);
  });

  it("says what the port set was and is now, with the pod's port names", () => {
    expect(md).toMatch(/\| was all connections, now TCP 8443 \(`https-metrics`\) \(2 flows\) \|/);
  });
});

describe("a Helm chart's pull request (allowExternal turned on)", () => {
  it("reads on GitHub as written and fits the column", () => {
    const chart = fileURLToPath(new URL("../fixtures/targets/shop/charts/shop", import.meta.url));
    const dir = mkdtempSync(path.join(tmpdir(), "netreach-gfm-"));
    try {
      writeFileSync(path.join(dir, "head.yaml"), "networkPolicy:\n  enabled: true\n  allowExternal: true\n");
      const render = (values: string) => execFileSync(kubeTools().helm, ["template", "shop", chart, "--namespace", "shop-prod", "-f", values], { encoding: "utf8" });
      const base = [{ path: "rendered.yaml", text: render(path.join(chart, "values-prod.yaml")) }];
      const head = [{ path: "rendered.yaml", text: render(path.join(dir, "head.yaml")) }];
      const md = comment(base, head);
      expect(md).toContain("#### Opened flows");
      expect(gfmProblems(md, MARKER)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a 10,000-workload cluster's pull request", () => {
  it("one policy admitting every namespace: reads on GitHub as written and fits the column", () => {
    const { base } = generate(SIZES.find((s) => s.label === "10k")!);
    const open: SourceFile = {
      path: "clusters/prod/team0-svc0/allow-scraping.yaml",
      text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-scraping, namespace: team0-svc0}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector: {}
`,
    };
    const md = comment(base, [...base, open]);
    expect(md).toContain("#### Opened flows");
    // Kinds of namespace no policy names are counted as such, not as a namespace called "[".
    expect(md).not.toContain("more in `[`");
    expect(gfmProblems(md, MARKER)).toEqual([]);
  }, 240_000);
});

describe("a run with several targets (the shop fixture: overlays and a Helm chart), one overlay with a long name", () => {
  it("leads with the worst risk and breakage naming the target; reads on GitHub as written and fits the column", () => {
    const fixture = fileURLToPath(new URL("../fixtures/targets/shop", import.meta.url));
    // A dotted name has no place a browser may break: only the zero-width breaks keep the table narrow.
    const overlay = "payments.reconciliation.settlement.eu-west-1-prod";
    const ns = "payments-reconciliation-settlement-eu-west-1";
    const repo = makeRepo();
    try {
      const walk = (dir: string, rel: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const r = (rel ? `${rel}/${e.name}` : e.name).replace("deploy/overlays/prod", `deploy/overlays/${overlay}`);
          if (e.isDirectory()) walk(path.join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
          else repo.write(r, readFileSync(path.join(dir, e.name), "utf8").replace("namespace: prod", `namespace: ${ns}`));
        }
      };
      walk(fixture, "");
      const base = repo.commit("base");
      // The long overlay: the patch opens the web port to everyone; a new policy cuts every workload
      // there off from egress (dev gets one too); the chart's prod values admit monitoring.
      const at = `deploy/overlays/${overlay}`;
      const denyEgress = (name: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n`;
      const addResource = (dir: string, file: string) => repo.write(`${dir}/kustomization.yaml`, readFileSync(path.join(repo.dir, dir, "kustomization.yaml"), "utf8").replace("  - ../../base\n", `  - ../../base\n  - ${file}\n`));
      repo.write(`${at}/web-ingress.yaml`, readFileSync(path.join(repo.dir, at, "web-ingress.yaml"), "utf8").replace("10.20.0.0/16", "0.0.0.0/0"));
      repo.write(`${at}/deny-egress.yaml`, denyEgress("deny-all-egress-for-settlement-reconciliation"));
      addResource(at, "deny-egress.yaml");
      repo.write("deploy/overlays/dev/deny-egress.yaml", denyEgress("deny-egress"));
      addResource("deploy/overlays/dev", "deny-egress.yaml");
      const values = path.join(repo.dir, "charts/shop/values-prod.yaml");
      repo.write("charts/shop/values-prod.yaml", `${readFileSync(values, "utf8")}  extraIngress:\n    - from:\n        - podSelector:\n            matchLabels: {app: monitor}\n      ports:\n        - port: 9090\n`);
      const head = repo.commit("head");
      const t = kubeTools();
      const env = { ...isolatedGitEnv(), PATH: [path.dirname(t.kubectl), path.dirname(t.helm), process.env.PATH ?? ""].join(path.delimiter) };
      const run = runCli(["diff", "--git", base, head, "--format", "md"], repo.dir, env);
      expect(run.code, run.stderr).toBe(1);
      const md = run.stdout;
      // To look at it: NETREACH_SHOW_TARGETS_MD=out.md writes the comment out, to render as GitHub would.
      if (process.env.NETREACH_SHOW_TARGETS_MD) writeFileSync(process.env.NETREACH_SHOW_TARGETS_MD, md);
      expect(gfmProblems(md, md.split("\n")[0]!)).toEqual([]);
      const verdict = md.split("\n\n").find((p) => p.startsWith("**5 targets, 4 changed"))!;
      // The worst risk and the worst breakage over all targets, each naming the target, the workload, the port and the cause.
      expect(verdict).toContain(`⛔ **In \`${overlay}\`:** \`${ns}/web[Deployment]\` TCP 8080 newly reachable from outside the cluster`);
      expect(verdict).toContain(`opened by \`${ns}/web-ingress\``);
      // (The words for a set of pods are set-words.ts's: only the target, namespace and what breaks are pinned.)
      // No cluster DNS server is declared: the lockdown is said as workloads that can send nothing, not as a DNS loss.
      expect(verdict).toMatch(/⚠️ \*\*Stops working in `dev`:\*\* [^.]* in `dev`: they can send nothing any more \(isolated for egress by `dev\/deny-egress`/);
      expect(verdict).toContain("; and 1 more in the targets' sections.");
      expect(md).not.toContain("resolve names");
      // The long overlay's line gives its own breakage (its risk is in the verdict).
      const row = md.split("\n").find((l) => l.replaceAll("\u200b", "").startsWith(`| \`${overlay}\` |`))!;
      expect(row.replaceAll("\u200b", "")).toMatch(new RegExp(`gate failed; ⚠️ stops working: [^|]*: they can send nothing any more \\(isolated for egress by \`${ns}/deny-all-egress`));
    } finally {
      repo.cleanup();
    }
  }, 60_000);
});
