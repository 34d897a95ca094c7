// `netreach why` through the built bundle, as a user runs it: the explanation in text and JSON,
// how endpoints are named (ids, ns/name, addresses, CIDRs), exit codes, and --git with targets.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, runCli, tempTree } from "../support/cli.js";
import { isolatedGitEnv, makeRepo } from "../support/git-repo.js";

const FIXTURE = "test/fixtures/why";
const fixture = (f: string) => readFileSync(join(REPO, FIXTURE, f), "utf8");

interface Decision {
  by: string;
  rule?: { policy: string; rule: string; action: string; file: string; line: number };
  rules?: { policy: string; rule: string; file: string; line: number }[];
  policies?: { policy: string; file: string; line: number }[];
  passedBy?: unknown[];
}

interface WhyJson {
  schema: string;
  port: { protocol: string; port: number } | null;
  endpoints: { id: string; type: string }[];
  notes: string[];
  pairs: {
    src: string;
    dst: string;
    allowed: string;
    allowedWords: string;
    port: { allowed: boolean; egress: Decision; ingress: Decision } | null;
    segments: { conn: string; allowed: boolean; egress: Decision; ingress: Decision }[];
    egress: { side: string; networkPolicy?: { state: string } };
    ingress: {
      side: string;
      admin: { state: string; steps: { rule: { name: string; action: string }; matches: string; decides: string }[] };
      networkPolicy: { state: string; policies: { policy: string }[]; matching: { rule: { policy: string; rule: string }; conn: string }[] };
      baseline: { state: string };
    };
  }[];
}

describe("netreach why", () => {
  it("explains a pair tier by tier in text: the admin rule consulted, the NetworkPolicy rule that allows the port, isolation for the rest", () => {
    const r = runCli(["why", "backend/api", "backend/db[Deployment]", "--port", "TCP/5432", FIXTURE]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("backend/api[Deployment] -> backend/db[Deployment]: TCP 5432 allowed");
    expect(r.stdout).toContain("Egress of backend/api[Deployment] (all connections to backend/db[Deployment]):");
    expect(r.stdout).toContain("NetworkPolicy: no policy selects it for egress: not isolated in this direction.");
    expect(r.stdout).toContain(`1. AdminNetworkPolicy guard-db (Admin, priority 10) ingress[0] "no-ssh" (${FIXTURE}/admin.yaml:11) Deny: matches TCP 22, decides TCP 22`);
    expect(r.stdout).toContain(`backend/allow-api ingress[0] (${FIXTURE}/policies.yaml:19): TCP 5432`);
    expect(r.stdout).toMatch(/all but TCP 22, 5432: denied: ingress isolated by backend\/default-deny \(test\/fixtures\/why\/policies.yaml:1\)/);
    expect(r.stdout).toContain(`Port TCP 5432: allowed: egress not isolated, allowed; ingress allowed by backend/allow-api ingress[0] (${FIXTURE}/policies.yaml:19)`);
  });

  it("--port names the rule that denies a port", () => {
    const r = runCli(["why", "backend/api", "backend/db[Deployment]", "--port", "tcp/22", FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Port TCP 22: denied: ingress denied by AdminNetworkPolicy guard-db (Admin, priority 10) ingress[0] "no-ssh" (${FIXTURE}/admin.yaml:11)`);
  });

  it("JSON (netreach.why/v1): allowed connections, per-range segments with their deciders, each tier of each direction", () => {
    const r = runCli(["why", "frontend/web", "backend/api[Deployment]", "--port", "TCP/8080", "--format", "json", FIXTURE]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as WhyJson;
    expect(j.schema).toBe("netreach.why/v1");
    expect(j.port).toEqual({ protocol: "TCP", port: 8080 });
    expect(j.endpoints.map((e) => e.id)).toEqual(["frontend/web[Deployment]", "backend/api[Deployment]"]);
    const [p] = j.pairs;
    expect(p!.allowed).toBe("TCP 8080");
    expect(p!.port!.allowed).toBe(true);
    // The named port `http` resolved on the destination; the admin tier passed the port on.
    expect(p!.port!.ingress).toMatchObject({ by: "networkpolicy-rules", rules: [{ policy: "backend/allow-web", rule: "ingress[0]", file: `${FIXTURE}/policies.yaml`, line: 34 }] });
    expect(p!.port!.ingress.passedBy).toHaveLength(1);
    expect(p!.egress.side).toBe("pod");
    expect(p!.egress.networkPolicy!.state).toBe("not-isolated");
    expect(p!.ingress.admin.state).toBe("consulted");
    expect(p!.ingress.admin.steps.map((s) => [s.rule.name, s.rule.action, s.decides])).toEqual([
      ["guard-db", "Deny", "TCP 22"],
      ["guard-db", "Pass", "SCTP 1-65535,TCP 1-21,23-65535,UDP 1-65535"],
    ]);
    expect(p!.ingress.networkPolicy.policies.map((x) => x.policy)).toEqual(["backend/default-deny", "backend/allow-web"]);
    expect(p!.ingress.baseline.state).toBe("none");
    expect(p!.segments.map((s) => [s.conn, s.allowed, s.ingress.by])).toEqual([
      ["TCP 8080", true, "networkpolicy-rules"],
      ["TCP 22", false, "tier-rule"],
      ["SCTP 1-65535,TCP 1-21,23-8079,8081-65535,UDP 1-65535", false, "isolated"],
    ]);
  });

  it("an address names the external range holding it; a CIDR spanning several ranges explains each", () => {
    const one = JSON.parse(runCli(["why", "10.1.2.3", "backend/api[Deployment]", "--format", "json", FIXTURE]).stdout) as WhyJson;
    expect(one.pairs.map((p) => [p.src, p.allowed])).toEqual([["10.0.0.0/8", "All Connections"]]);
    expect(one.pairs[0]!.segments[0]!.egress.by).toBe("outside-cluster");
    const all = runCli(["why", "0.0.0.0/0", "backend/api[Deployment]", "--format", "json", FIXTURE]);
    expect(all.code).toBe(0);
    const j = JSON.parse(all.stdout) as WhyJson;
    expect(j.pairs.map((p) => [p.src, p.allowed])).toEqual([
      ["0.0.0.0/0 except 10.0.0.0/8", "No Connections"],
      ["10.0.0.0/8", "All Connections"],
    ]);
    expect(j.notes[0]).toMatch(/0\.0\.0\.0\/0 spans 2 external address ranges/);
  });

  it("ambiguous and unknown endpoints: exit 2, the candidates or the closest ids", () => {
    const ambiguous = runCli(["why", "backend/api", "backend/db", FIXTURE]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe("");
    expect(ambiguous.stderr).toContain("backend/db names 2 workloads");
    expect(ambiguous.stderr).toContain("backend/db[Deployment], backend/db[StatefulSet]");
    const unknown = runCli(["why", "backend/apii", "backend/db[Deployment]", FIXTURE]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no endpoint backend/apii");
    expect(unknown.stderr).toMatch(/backend\/api\[Deployment\]/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it("pairs the engine has no answer for are refused: two addresses, a workload to itself, no ingress controller", () => {
    const two = runCli(["why", "10.0.0.1", "1.2.3.4", FIXTURE]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/outside the cluster/);
    const self = runCli(["why", "frontend/web", "frontend/web[Deployment]", FIXTURE]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/to itself/);
    const ic = runCli(["why", "ingress-controller", "frontend/web", FIXTURE]);
    expect(ic.code).toBe(2);
    expect(ic.stderr).toMatch(/no Ingress, Gateway route or Route/);
  });

  it("from the ingress controller: the policies' answer, and a note that reports list only what a route sends", () => {
    const ingress = [
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: frontend}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]",
      "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: frontend}\nspec:\n  defaultBackend:\n    service: {name: web, port: {number: 80}}",
    ].join("\n---\n");
    const t = tempTree({ "workloads.yaml": fixture("workloads.yaml"), "policies.yaml": fixture("policies.yaml"), "ingress.yaml": ingress + "\n" });
    try {
      const r = runCli(["why", "ingress-controller", "frontend/web", "--format", "json", t.dir]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as WhyJson;
      expect(j.pairs.map((p) => [p.src, p.dst, p.allowed])).toEqual([["{ingress-controller}", "frontend/web[Deployment]", "All Connections"]]);
      expect(j.notes).toEqual([expect.stringContaining("only where a route sends it: to frontend/web[Deployment], TCP 8080")]);
    } finally {
      t.cleanup();
    }
  });

  it("usage: --help, a missing destination, a bad --port", () => {
    const help = runCli(["why", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("netreach why <src> <dst> [--port PROTO/N]");
    expect(runCli(["help", "why"]).stdout).toBe(help.stdout);
    const missing = runCli(["why", "frontend/web"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("why needs a source and a destination");
    const port = runCli(["why", "a", "b", "--port", "HTTP/80", FIXTURE]);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("give PROTOCOL/PORT");
  });
});

describe("netreach why --git", () => {
  const repo = makeRepo();
  afterAll(() => repo.cleanup());
  for (const f of ["workloads.yaml", "policies.yaml"]) repo.write(`k8s/${f}`, fixture(f));
  const base = repo.commit("base");
  const env = isolatedGitEnv();

  it("reads the revision from git objects, whatever the working tree holds", () => {
    // Uncommitted: allow-api is gone from the working tree, and only the revision counts.
    repo.write("k8s/policies.yaml", fixture("policies.yaml").replace("name: allow-api", "name: allow-api-x").replace("port: 5432", "port: 5433"));
    const atRev = JSON.parse(runCli(["why", "backend/api", "backend/db[Deployment]", "--git", base, "--format", "json"], repo.dir, env).stdout) as WhyJson;
    expect(atRev.pairs[0]!.allowed).toBe("TCP 5432");
    expect(atRev.pairs[0]!.segments[0]!.ingress.rules![0]).toMatchObject({ policy: "backend/allow-api", file: "k8s/policies.yaml", line: 19 });
    const wt = JSON.parse(runCli(["why", "backend/api", "backend/db[Deployment]", "--format", "json"], repo.dir, env).stdout) as WhyJson;
    expect(wt.pairs[0]!.allowed).toBe("TCP 5433");
  });

  it("several targets: --target NAME chooses one, else exit 2 naming them", () => {
    repo.write(".netreach.yaml", "targets:\n  - name: all\n    paths: [k8s]\n  - name: workloads-only\n    paths: [k8s/workloads.yaml]\n");
    const rev = repo.commit("targets");
    const none = runCli(["why", "backend/api", "backend/db[Deployment]", "--git", rev], repo.dir, env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("2 targets (all: ");
    expect(none.stderr).toContain("choose one with --target NAME");
    const all = runCli(["why", "backend/api", "backend/db[Deployment]", "--git", rev, "--target", "all", "--format", "json"], repo.dir, env);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toMatchObject({ target: "all", pairs: [{ allowed: "TCP 5433" }] });
    const open = runCli(["why", "backend/api", "backend/db[Deployment]", "--git", rev, "--target", "workloads-only"], repo.dir, env);
    expect(open.code).toBe(0);
    expect(open.stdout).toContain("Target workloads-only");
    expect(open.stdout).toContain("backend/api[Deployment] -> backend/db[Deployment]: all connections allowed");
  });

  it("an unknown revision: exit 2, no stack trace", () => {
    const r = runCli(["why", "a", "b", "--git", "no-such-rev"], repo.dir, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-rev/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
