// An object declared twice is what `kubectl apply` leaves: the later declaration, in the order
// kubectl reads files (arguments in order, a directory's entries by name, depth first). A pull
// request that re-declares a Service as NodePort in a second file must not pass the gate.
import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "../support/cli.js";
import { isolatedGitEnv, makeRepo } from "../support/git-repo.js";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}
`;

const service = (type: string) => `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: ${type}
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

interface DiffJson {
  gate: { passed: boolean; violations: { rule: string }[] };
  exposures: { dst: string; type: string; opened: string }[];
  changes: { src: string; dst: string; opened: string }[];
  diagnostics: { file: string; line: number; message: string }[];
}

/** Base: the Deployment and one Service file; head: a second file re-declaring the Service. */
function serviceRedeclared(first: string, headFile: string) {
  const repo = makeRepo();
  repo.write("deploy/app.yaml", DEPLOYMENT);
  repo.write(`deploy/${first}`, service("ClusterIP"));
  const base = repo.commit("web");
  repo.write(`deploy/${headFile}`, service("NodePort"));
  const head = repo.commit("web again, as NodePort");
  return { repo, base, head };
}

describe("a Service declared twice: the later file is used, as kubectl apply does", () => {
  it("b.yaml re-declares web as NodePort after a.yaml: the exposure is shown and the default gate fails (git revisions and the working tree)", () => {
    const { repo, base, head } = serviceRedeclared("a.yaml", "b.yaml");
    try {
      for (const args of [["diff", "--git", base, head, "--format", "json"], ["diff", "--git", base, "--format", "json"]]) {
        const r = runCli(args, repo.dir, isolatedGitEnv());
        expect(r.code, r.stderr).toBe(1);
        const json = JSON.parse(r.stdout) as DiffJson;
        expect(json.gate.passed).toBe(false);
        expect(json.gate.violations.map((v) => v.rule)).toContain("exposed");
        expect(json.exposures.some((e) => e.dst === "shop/web[Deployment]" && e.opened === "TCP 8080")).toBe(true);
        const warning = json.diagnostics.find((d) => d.message.includes("declared more than once"));
        expect(warning).toMatchObject({
          file: "deploy/b.yaml",
          line: 1,
          message: "Service shop/web is declared more than once (at deploy/a.yaml:1 and deploy/b.yaml:1); the later declaration (deploy/b.yaml:1) is used, as kubectl apply would keep it",
        });
      }
    } finally {
      repo.cleanup();
    }
  });

  it("reversed names: a.yaml re-declares it as NodePort before b.yaml's ClusterIP: nothing changes and the gate passes", () => {
    const { repo, base, head } = serviceRedeclared("b.yaml", "a.yaml");
    try {
      for (const args of [["diff", "--git", base, head, "--format", "json"], ["diff", "--git", base, "--format", "json"]]) {
        const r = runCli(args, repo.dir, isolatedGitEnv());
        expect(r.code, r.stderr).toBe(0);
        const json = JSON.parse(r.stdout) as DiffJson;
        expect(json.gate.passed).toBe(true);
        expect(json.exposures).toEqual([]);
        expect(json.diagnostics.find((d) => d.message.includes("declared more than once"))).toMatchObject({
          file: "deploy/b.yaml",
          message: expect.stringContaining("(at deploy/a.yaml:1 and deploy/b.yaml:1); the later declaration (deploy/b.yaml:1) is used"),
        });
      }
    } finally {
      repo.cleanup();
    }
  });

  it("files of subdirectories are read where the walk reaches them: deploy/a/ before deploy/a.yaml, deploy/a.yaml before deploy/b/", () => {
    const t = tempTree({
      "base/app.yaml": DEPLOYMENT,
      "base/svc.yaml": service("ClusterIP"),
      // kubectl -R: `a` (a directory) sorts before `a.yaml`, which sorts before `b`.
      "head/app.yaml": DEPLOYMENT,
      "head/a/svc.yaml": service("ClusterIP"),
      "head/a.yaml": service("NodePort"),
      "head/b/svc.yaml": service("LoadBalancer"),
    });
    try {
      const r = runCli(["diff", "base", "head", "--format", "json", "--fail-on", "none"], t.dir);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as DiffJson;
      const warnings = json.diagnostics.filter((d) => d.message.includes("declared more than once")).map((d) => d.message);
      expect(warnings).toEqual([
        "Service shop/web is declared more than once (at a/svc.yaml:1 and a.yaml:1); the later declaration (a.yaml:1) is used, as kubectl apply would keep it",
        "Service shop/web is declared more than once (at a.yaml:1 and b/svc.yaml:1); the later declaration (b/svc.yaml:1) is used, as kubectl apply would keep it",
      ]);
      // The LoadBalancer wins.
      expect(json.exposures.some((e) => e.dst === "shop/web[Deployment]")).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});

const POLICY = (from: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [${from}]
`;
const CLIENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: shop}
spec:
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec: {containers: [{name: c, image: curl}]}
`;

describe("a NetworkPolicy declared twice: the later one is used", () => {
  const run = (later: "allow" | "deny") => {
    const repo = makeRepo();
    repo.write("deploy/app.yaml", DEPLOYMENT + "---\n" + CLIENT);
    repo.write("deploy/policy.yaml", POLICY(""));
    const base = repo.commit("web isolated");
    // z- sorts after policy.yaml, 0- before it.
    repo.write(later === "allow" ? "deploy/z-open.yaml" : "deploy/0-open.yaml", POLICY("{}"));
    const head = repo.commit("open web again in another file");
    try {
      const r = runCli(["diff", "--git", base, head, "--format", "json", "--fail-on", "any-opened"], repo.dir, isolatedGitEnv());
      const json = JSON.parse(r.stdout) as DiffJson;
      const md = runCli(["diff", "--git", base, head, "--format", "md", "--fail-on", "none"], repo.dir, isolatedGitEnv()).stdout;
      return { code: r.code, json, stderr: r.stderr, policyChanges: md.includes("Policy changes") ? md.slice(md.indexOf("Policy changes")) : "" };
    } finally {
      repo.cleanup();
    }
  };

  it("declared again in a later file: its rules are the ones analyzed, and the policy's text change is the later one", () => {
    const r = run("allow");
    expect(r.code, r.stderr).toBe(1);
    expect(r.json.changes.some((c) => c.src === "shop/client[Deployment]" && c.dst === "shop/web[Deployment]" && c.opened === "All Connections")).toBe(true);
    expect(r.policyChanges).toMatch(/^Policy changes \(1\)/);
    expect(r.policyChanges).toContain("deploy/z-open.yaml:1");
  });

  it("declared again in an earlier file: the later (unchanged) one stays in force: no change", () => {
    const r = run("deny");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.changes).toEqual([]);
    expect(r.policyChanges).toBe("");
  });
});
