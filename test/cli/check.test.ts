// `netreach check [PATHS | --git REV]` as a user runs it: the built bundle in real git
// repositories. Exit 0 when every assertion holds (or matches nothing), 1 on a violation, 2 when
// something cannot be judged (an invalid assertion, a target not built, no assertions at all);
// each format parses; --git reads the configuration and manifests at the revision.
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../support/cli.js";
import { isolatedGitEnv, makeRepo, type TestRepo } from "../support/git-repo.js";
import { kubeTools } from "../support/kube-tools.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
}, 60_000);

const env = () => ({ ...isolatedGitEnv(), PATH: `${path.dirname(kubeTools().helm)}${path.delimiter}${process.env.PATH ?? ""}` });
const check = (repo: TestRepo, ...args: string[]) => runCli(["check", ...args], repo.dir, env());

const APP = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: postgres, image: postgres, ports: [{name: postgres, containerPort: 5432}]}]}
`;

/** Only web reaches db, on 5432: nothing from outside. */
const DB_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{protocol: TCP, port: 5432}]}]
`;

const CONFIG = `assertions:
  - name: db-private
    deny:
      from: internet
      to: {namespace: shop, workload: db}
  - name: web-reaches-db
    allow:
      from: {namespace: shop, workload: web}
      to: {namespace: shop, workload: db}
      ports: [TCP 5432]
`;

function shop(files: Record<string, string> = {}): TestRepo {
  const repo = makeRepo();
  repos.push(repo);
  repo.write("k8s/app.yaml", APP);
  repo.write(".netreach.yaml", CONFIG);
  for (const [f, t] of Object.entries(files)) repo.write(f, t);
  return repo;
}

interface CheckJson {
  schema: string;
  assertions: { name: string; type: string; status: string; violations: { src: string; dst: string; conn: string; target?: string }[] }[];
  targets?: { name: string; error?: string; assertions: { name: string; status: string }[] }[];
  errors: string[];
}

describe("netreach check", () => {
  it("exit 0 when every assertion holds, each listed as passed", () => {
    const repo = shop({ "k8s/db-policy.yaml": DB_POLICY });
    const r = check(repo);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^netreach check: 2 assertions: 0 failed, 2 passed — passed\n/);
    expect(r.stdout).toContain("✓ db-private (deny, .netreach.yaml:2)");
    expect(r.stdout).toContain("✓ web-reaches-db (allow, .netreach.yaml:6)");
  });

  it("exit 1 on a violation: text names the pairs and connections, json lists them in canonical form", () => {
    const repo = shop();
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ db-private (deny, .netreach.yaml:2)");
    // With why: no NetworkPolicy isolates the database's ingress.
    expect(r.stdout).toMatch(/ -> shop\/db\[Deployment\]: all connections {2}\(ingress not isolated\)\n/);
    const json = JSON.parse(check(repo, "--format", "json").stdout) as CheckJson;
    expect(json.schema).toBe("netreach.check/v1");
    expect(json.targets).toBeUndefined();
    expect(json.assertions.map((a) => [a.name, a.type, a.status])).toEqual([
      ["db-private", "deny", "failed"],
      ["web-reaches-db", "allow", "passed"],
    ]);
    expect(json.assertions[0]!.violations.length).toBeGreaterThan(0);
    for (const v of json.assertions[0]!.violations) {
      expect(v.dst).toBe("shop/db[Deployment]");
      expect(v.conn).toBe("All Connections");
    }
  });

  it("md and sarif: md has the table, sarif one error per violation at the assertion's line", () => {
    const repo = shop();
    const md = check(repo, "--format", "md");
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("| ❌ failed | `db-private` | deny |");
    const sarifRun = check(repo, "--format", "sarif");
    expect(sarifRun.code).toBe(1);
    const sarif = JSON.parse(sarifRun.stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(["db-private", "web-reaches-db"]);
    expect(run.results.length).toBe((JSON.parse(check(repo, "--format", "json").stdout) as CheckJson).assertions[0]!.violations.length);
    for (const res of run.results) {
      expect(res.ruleId).toBe("db-private");
      expect(res.level).toBe("error");
      expect(res.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: ".netreach.yaml" }, region: { startLine: 2 } });
    }
  });

  it("an invalid assertion: exit 2 naming file:line, the others still judged and printed", () => {
    const repo = shop({
      "k8s/db-policy.yaml": DB_POLICY,
      ".netreach.yaml": `${CONFIG}  - name: broken\n    deny:\n      from: internet\n      to: {namespace: shop, colour: blue}\n`,
    });
    const r = check(repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.netreach\.yaml:1[0-4]: /);
    expect(r.stdout).toContain("✓ db-private");
    expect(r.stdout).toContain("✓ web-reaches-db");
    const json = JSON.parse(check(repo, "--format", "json").stdout) as CheckJson;
    expect(json.assertions.map((a) => a.status)).toEqual(["passed", "passed"]);
    expect(json.errors.some((e) => /^\.netreach\.yaml:1[0-4]: /.test(e))).toBe(true);
  });

  it("a violation and an invalid assertion: exit 1, the violation decides", () => {
    const repo = shop({ ".netreach.yaml": `${CONFIG}  - name: broken\n    deny: {from: internet}\n` });
    expect(check(repo).code).toBe(1);
  });

  it("no assertions: exit 2 and says so", () => {
    const repo = shop({ ".netreach.yaml": "targets:\n  - {name: app, kind: paths, path: k8s}\n" });
    const r = check(repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no assertions in .netreach.yaml");
    const none = makeRepo();
    repos.push(none);
    none.write("k8s/app.yaml", APP);
    const r2 = runCli(["check"], none.dir, env());
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("no assertions in .netreach.yaml");
  });

  it("--git REV: the configuration and the manifests at REV, not the working tree", () => {
    const repo = shop();
    repo.commit("violated, assertions named db-private");
    // The working tree fixes the violation and renames the assertion.
    repo.write("k8s/db-policy.yaml", DB_POLICY);
    repo.write(".netreach.yaml", CONFIG.replace("db-private", "db-not-public"));
    const atRev = check(repo, "--git", "HEAD", "--format", "json");
    expect(atRev.code).toBe(1);
    expect((JSON.parse(atRev.stdout) as CheckJson).assertions.map((a) => [a.name, a.status])).toEqual([
      ["db-private", "failed"],
      ["web-reaches-db", "passed"],
    ]);
    const wt = check(repo, "--format", "json");
    expect(wt.code).toBe(0);
    expect((JSON.parse(wt.stdout) as CheckJson).assertions.map((a) => [a.name, a.status])).toEqual([
      ["db-not-public", "passed"],
      ["web-reaches-db", "passed"],
    ]);
    repo.commit("fixed");
    expect(check(repo, "--git", "HEAD~1").code).toBe(1);
    expect(check(repo, "--git", "HEAD").code).toBe(0);
  });

  it("PATHS: the paths as one cluster named paths, with the repository root's .netreach.yaml, from a subdirectory too", () => {
    const repo = shop({ "k8s/db-policy.yaml": DB_POLICY });
    const r = runCli(["check", ".", "--format", "json"], path.join(repo.dir, "k8s"), env());
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as CheckJson).assertions.map((a) => a.status)).toEqual(["passed", "passed"]);
    // Without the policy file, from the root.
    const v = check(repo, "k8s/app.yaml");
    expect(v.code).toBe(1);
  });

  it("--config FILE: assertions from that file", () => {
    const repo = shop({ "k8s/db-policy.yaml": DB_POLICY, "other.yaml": CONFIG.replace("TCP 5432", "TCP 80") });
    const r = check(repo, "--config", "other.yaml", "--format", "json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.assertions.map((a) => [a.name, a.status])).toEqual([
      ["db-private", "passed"],
      ["web-reaches-db", "failed"],
    ]);
    expect(json.assertions[1]!.violations).toEqual([{ src: "shop/web[Deployment]", dst: "shop/db[Deployment]", conn: "TCP 80" }]);
  });

  it("a target that cannot be built: exit 2, says so, and the other targets are still judged", () => {
    const repo = shop({
      "k8s/db-policy.yaml": DB_POLICY,
      "charts/bad/Chart.yaml": "apiVersion: v2\nname: bad\nversion: 0.1.0\n",
      "charts/bad/templates/x.yaml": '{{ fail "this chart cannot be rendered" }}\n',
      ".netreach.yaml": `targets:\n  - {name: app, kind: paths, path: k8s}\n  - {name: bad, kind: helm, path: charts/bad}\n${CONFIG}`,
    });
    const r = check(repo, "--format", "json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/target bad .*not built/);
    expect(r.stderr).toContain("this chart cannot be rendered");
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.targets!.map((t) => [t.name, t.assertions.map((a) => a.status), t.error !== undefined])).toEqual([
      ["app", ["passed", "passed"], false],
      ["bad", [], true],
    ]);
    expect(json.assertions.map((a) => a.status)).toEqual(["passed", "passed"]);
    const text = check(repo);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain("== bad (helm charts/bad) ==\n! not built: ");
  });

  it("--git REV: a target the configuration names that is not there at REV fails closed (exit 2)", () => {
    const repo = shop({ "k8s/db-policy.yaml": DB_POLICY, ".netreach.yaml": `targets:\n  - {name: app, kind: paths, path: k8s}\n  - {name: overlay, kind: kustomize, path: deploy/prod}\n${CONFIG}` });
    repo.commit("overlay not written yet");
    const r = check(repo, "--git", "HEAD");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/target overlay \(kustomize deploy\/prod\) not built, its assertions not judged: not found in HEAD [0-9a-f]{12}/);
    expect(r.stdout).toContain("✓ db-private");
  });

  it("targets: an assertion is judged only on the targets it names", () => {
    const repo = shop({
      "prod/app.yaml": APP,
      "prod/db-policy.yaml": DB_POLICY,
      ".netreach.yaml":
        "targets:\n  - {name: dev, kind: paths, path: k8s}\n  - {name: prod, kind: paths, path: prod}\n" +
        "assertions:\n  - name: db-private\n    deny: {from: internet, to: {namespace: shop, workload: db}}\n    targets: [prod]\n",
    });
    const r = check(repo, "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.targets!.map((t) => [t.name, t.assertions.map((a) => a.status)])).toEqual([
      ["dev", []],
      ["prod", ["passed"]],
    ]);
  });

  it("bad usage: paths and --git together, an unknown format", () => {
    const repo = shop();
    expect(check(repo, "k8s", "--git", "HEAD").code).toBe(2);
    const t = check(repo, "k8s", "--target", "prod");
    expect(t.code).toBe(2);
    expect(t.stderr).toContain("--target go with --git <rev>");
    const f = check(repo, "--format", "csv");
    expect(f.code).toBe(2);
    expect(f.stderr).toContain("netreach check [<path>...");
  });
});

describe("netreach check --suggest", () => {
  it("prints valid YAML of assertions that hold today, which check then passes", () => {
    const repo = shop({ "k8s/db-policy.yaml": DB_POLICY, ".netreach.yaml": "" });
    const r = check(repo, "--suggest");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { assertions: { name: string }[] };
    expect(doc.assertions.map((a) => a.name)).toContain("shop-db-not-public");
    expect(r.stdout).toMatch(/# shop\/db\[Deployment\] looks like a database or cache/);
    repo.write(".netreach.yaml", r.stdout);
    const again = check(repo);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  });

  it("a database reachable from the internet today is not suggested as private", () => {
    const repo = shop({ ".netreach.yaml": "" });
    const r = check(repo, "--suggest");
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { assertions: { name: string }[] };
    expect(doc.assertions.map((a) => a.name)).not.toContain("shop-db-not-public");
  });

  it("several targets: a suggestion that matches only some targets names them, and check passes it", () => {
    const repo = shop({
      "k8s/app.yaml": APP.replaceAll("shop", "dev"),
      "prod/app.yaml": APP.replaceAll("shop", "prod"),
      "prod/db-policy.yaml": DB_POLICY.replaceAll("shop", "prod"),
      ".netreach.yaml": "targets:\n  - {name: dev, kind: paths, path: k8s}\n  - {name: prod, kind: paths, path: prod}\n",
    });
    const r = check(repo, "--suggest");
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { assertions: { name: string; targets?: string[] }[] };
    expect(doc.assertions.find((a) => a.name === "prod-db-not-public")?.targets).toEqual(["prod"]);
    expect(doc.assertions.map((a) => a.name)).not.toContain("dev-db-not-public");
    repo.write(".netreach.yaml", `targets:\n  - {name: dev, kind: paths, path: k8s}\n  - {name: prod, kind: paths, path: prod}\n${r.stdout}`);
    const again = check(repo);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  });
});
