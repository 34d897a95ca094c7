// `--namespace`/`-n`, as users apply manifests without metadata.namespace (`kubectl apply -n`),
// and duplicate workloads, on argo-cd's real namespace-install.yaml.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, runCli, tempTree } from "../support/cli.js";
import { isolatedGitEnv, makeRepo } from "../support/git-repo.js";

const ARGO = join(REPO, "test/fixtures/realworld/argo-cd/manifests");
const INSTALL = join(ARGO, "namespace-install.yaml");
const INSTALL_TEXT = readFileSync(INSTALL, "utf8");

/** The install without argocd-redis-network-policy (test/realworld/prs.ts's argo-cd PR). */
const WITHOUT_REDIS_POLICY = INSTALL_TEXT.split("\n---\n")
  .filter((d) => !d.includes("name: argocd-redis-network-policy"))
  .join("\n---\n");

interface ReachJson {
  endpoints: { id: string; type: string }[];
  assumptions: string[];
}

const reachJson = (args: string[]) => {
  const r = runCli(["reach", ...args, "--format", "json"]);
  return { ...r, json: JSON.parse(r.stdout) as ReachJson };
};
const workloadIds = (j: ReachJson) => j.endpoints.filter((e) => e.type === "workload").map((e) => e.id);
const placedLine = (j: { assumptions: string[] }) => j.assumptions.filter((a) => a.includes("without metadata.namespace"));

describe("reach --namespace on argo-cd's namespace-install.yaml (no metadata.namespace anywhere)", () => {
  it("without -n the objects are in default, and the assumption says so and how to choose another", () => {
    const r = reachJson([INSTALL]);
    expect(r.code).toBe(0);
    expect(workloadIds(r.json)).toContain("default/argocd-server[Deployment]");
    expect(placedLine(r.json)).toEqual([
      "22 objects without metadata.namespace are placed in namespace default (as kubectl apply does without -n); pass --namespace (the Action's namespace input) to choose another.",
    ]);
  });

  // Read by the next test too: the same run twice cost half a second of the suite's CPU.
  let withArgocd: ReturnType<typeof reachJson> | undefined;
  const reachArgocd = () => (withArgocd ??= reachJson([INSTALL, "-n", "argocd"]));

  it("with -n argocd every workload is in argocd, and the assumption names it", () => {
    const r = reachArgocd();
    expect(r.code, r.stderr).toBe(0);
    const ids = workloadIds(r.json);
    expect(ids).toContain("argocd/argocd-server[Deployment]");
    expect(ids).toContain("argocd/argocd-application-controller[StatefulSet]");
    expect(ids).toHaveLength(7);
    expect(ids.every((id) => id.startsWith("argocd/"))).toBe(true);
    expect(placedLine(r.json)).toEqual(["22 objects without metadata.namespace are placed in namespace argocd, the one given (as kubectl apply -n argocd does)."]);
  });

  it("--namespace NS, --namespace=NS and -n=NS are the same option", () => {
    const expected = workloadIds(reachArgocd().json);
    for (const form of [["--namespace", "argocd"], ["--namespace=argocd"], ["-n=argocd"]]) {
      expect(workloadIds(reachJson([INSTALL, ...form]).json)).toEqual(expected);
    }
  });

  it("the markdown report lists the assumption", () => {
    const r = runCli(["reach", INSTALL, "-n", "argocd", "--format", "md"]);
    expect(r.stdout).toContain("- 22 objects without metadata.namespace are placed in namespace argocd, the one given");
  });

  it("says nothing about it when every object names its namespace", () => {
    const r = reachJson([join(REPO, "examples/head")]);
    expect(r.code).toBe(0);
    expect(placedLine(r.json)).toEqual([]);
  });
});

describe("--namespace values and objects of another namespace", () => {
  it("a value that is not a DNS label is a usage error naming it (exit 2)", () => {
    for (const bad of ["Argo_CD", "-argocd", "a".repeat(64), ""]) {
      const r = runCli(["reach", INSTALL, "--namespace", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`netreach: --namespace ${JSON.stringify(bad.length > 40 ? bad.slice(0, 40) + "…" : bad)} is not a valid namespace name`);
      expect(r.stdout).toBe("");
    }
    const short = runCli(["diff", INSTALL, INSTALL, "-n", "Shop"]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('-n "Shop" is not a valid namespace name: it must be a lower-case DNS label');
    expect(runCli(["reach", INSTALL, "-n"]).stderr).toContain("-n needs a value");
  });

  const SHOP = [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: web",
    "  namespace: shop",
    "spec:",
    "  selector: { matchLabels: { app: web } }",
    "  template:",
    "    metadata: { labels: { app: web } }",
    "    spec: { containers: [ { name: c, image: nginx } ] }",
    "---",
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: api",
    "spec:",
    "  selector: { matchLabels: { app: api } }",
    "  template:",
    "    metadata: { labels: { app: api } }",
    "    spec: { containers: [ { name: c, image: api } ] }",
    "",
  ].join("\n");

  it("with an explicit -n, an object naming another namespace is an error at its namespace line and left out, as kubectl apply -n refuses it", () => {
    const t = tempTree({ "app.yaml": SHOP });
    try {
      const r = runCli(["reach", t.dir, "-n", "argocd", "--format", "json"], t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `app.yaml:5:3: error: Deployment shop/web: metadata.namespace: the namespace from the provided object "shop" does not match the namespace "argocd" given with --namespace; kubectl apply refuses such an object, so it is left out`,
      );
      const json = JSON.parse(r.stdout) as ReachJson;
      expect(workloadIds(json)).toEqual(["argocd/api[Deployment]"]);
      expect(placedLine(json)).toEqual(["1 object without metadata.namespace is placed in namespace argocd, the one given (as kubectl apply -n argocd does)."]);
    } finally {
      t.cleanup();
    }
  });

  it("without -n objects may name any namespace (kubectl apply without -n takes them all)", () => {
    const t = tempTree({ "app.yaml": SHOP });
    try {
      const r = runCli(["reach", t.dir, "--format", "json"], t.dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(workloadIds(JSON.parse(r.stdout) as ReachJson).sort()).toEqual(["default/api[Deployment]", "shop/web[Deployment]"]);
    } finally {
      t.cleanup();
    }
  });

  it("-n naming the namespace objects declare accepts them", () => {
    const t = tempTree({ "app.yaml": SHOP });
    try {
      const r = runCli(["reach", t.dir, "-n", "shop", "--format", "json"], t.dir);
      expect(r.stderr).toBe("");
      expect(workloadIds(JSON.parse(r.stdout) as ReachJson).sort()).toEqual(["shop/api[Deployment]", "shop/web[Deployment]"]);
    } finally {
      t.cleanup();
    }
  });
});

describe("diff --namespace: ids, assumption and policy text on argo-cd's removed redis policy", () => {
  const t = tempTree({ "base/namespace-install.yaml": INSTALL_TEXT, "head/namespace-install.yaml": WITHOUT_REDIS_POLICY });
  afterAll(() => t.cleanup());

  it("-n argocd: the removed policy is argocd/…, its text shows no namespace line the file does not have", () => {
    // One run: the comment on stdout, the JSON report with --output (the bytes --format json prints).
    const r = runCli(["diff", "base", "head", "-n", "argocd", "--format", "md", "--output", "report.json", "--fail-on", "none"], t.dir);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(t.dir, "report.json"), "utf8"));
    expect(json.changes.length).toBeGreaterThan(0);
    expect(json.changes.every((c: { src: string; dst: string }) => !c.src.startsWith("default/") && !c.dst.startsWith("default/"))).toBe(true);
    expect(json.changes.some((c: { dst: string }) => c.dst === "argocd/argocd-redis[Deployment]")).toBe(true);
    expect(placedLine(json)).toEqual(["21 objects without metadata.namespace (22 in the base revision) are placed in namespace argocd, the one given (as kubectl apply -n argocd does)."]);

    const md = r.stdout;
    expect(md).toContain("`argocd/argocd-redis-network-policy`: **removed**");
    const fenceStart = md.indexOf("```diff", md.indexOf("`argocd/argocd-redis-network-policy`: **removed**"));
    const patch = md.slice(fenceStart, md.indexOf("\n```", fenceStart + 1));
    expect(patch).toContain("-  name: argocd-redis-network-policy");
    expect(patch).not.toMatch(/^[-+ ]\s*namespace:/m);
  });

  it("without -n: the ids are default/…, and still no namespace line in the policy text", () => {
    const md = runCli(["diff", "base", "head", "--format", "md", "--fail-on", "none"], t.dir).stdout;
    expect(md).toContain("`default/argocd-redis-network-policy`: **removed**");
    const fenceStart = md.indexOf("```diff", md.indexOf("`default/argocd-redis-network-policy`: **removed**"));
    const patch = md.slice(fenceStart, md.indexOf("\n```", fenceStart + 1));
    expect(patch).toContain("-  name: argocd-redis-network-policy");
    expect(patch).not.toMatch(/^[-+ ]\s*namespace:/m);
    expect(md).toContain("- 21 objects without metadata.namespace \\(22 in the base revision\\) are placed in namespace default \\(as kubectl apply does without -n\\)");
  });

  it("diff --git takes -n too", () => {
    const repo = makeRepo();
    try {
      repo.write("deploy/namespace-install.yaml", INSTALL_TEXT);
      const base = repo.commit("argo-cd");
      repo.write("deploy/namespace-install.yaml", WITHOUT_REDIS_POLICY);
      const head = repo.commit("drop the redis policy");
      const r = runCli(["diff", "--git", base, head, "-n", "argocd", "--format", "json", "--fail-on", "none"], repo.dir, isolatedGitEnv());
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.changes.some((c: { dst: string }) => c.dst === "argocd/argocd-redis[Deployment]")).toBe(true);
      expect(placedLine(json)[0]).toMatch(/placed in namespace argocd/);
    } finally {
      repo.cleanup();
    }
  });
});

describe("duplicate workloads", () => {
  it("argo-cd's two installs read together: each Deployment warned at its second declaration, naming both lines; the later one is used", () => {
    const r = runCli(["reach", ARGO, "--format", "json"], ARGO);
    const ha = readFileSync(join(ARGO, "ha/namespace-install.yaml"), "utf8");
    const warnings = r.stderr.split("\n").filter((l) => l.includes("is declared more than once") && /: (Deployment|StatefulSet) /.test(l));
    expect(warnings).toHaveLength(6);
    const server = warnings.find((l) => l.includes("Deployment default/argocd-server "));
    expect(server).toBeDefined();
    const [, file, line] = /^([^:]+):(\d+):1: warning: /.exec(server!)!;
    expect(file).toBe("namespace-install.yaml");
    // Both lines are where the Deployment object starts, in the file each names.
    expect(INSTALL_TEXT.split("\n").slice(Number(line) - 1, Number(line) + 2)).toEqual(["apiVersion: apps/v1", "kind: Deployment", "metadata:"]);
    const [, firstLine] = /\(at ha\/namespace-install\.yaml:(\d+) and namespace-install\.yaml:(\d+)\)/.exec(server!)!;
    expect(ha.split("\n").slice(Number(firstLine) - 1, Number(firstLine) + 2)).toEqual(["apiVersion: apps/v1", "kind: Deployment", "metadata:"]);
    expect(server).toContain(`the later declaration (namespace-install.yaml:${line}) is used, as kubectl apply would keep it`);
  });

  const pod = (name: string, owner: string | null) =>
    [
      "apiVersion: v1",
      "kind: Pod",
      "metadata:",
      `  name: ${name}`,
      "  namespace: shop",
      "  labels: { app: web }",
      ...(owner ? ["  ownerReferences:", `    - { apiVersion: apps/v1, kind: ReplicaSet, name: ${owner}, controller: true, uid: u }`] : []),
      "spec: { containers: [ { name: c, image: nginx } ] }",
    ].join("\n");

  it("pods of one ReplicaSet are one workload, not duplicates; two Pods of one name are", () => {
    const t = tempTree({
      "replicas.yaml": [pod("web-7d9f-a", "web-7d9f"), pod("web-7d9f-b", "web-7d9f"), pod("web-7d9f-c", "web-7d9f")].join("\n---\n") + "\n",
      "pods.yaml": [pod("debug", null), pod("debug", null)].join("\n---\n") + "\n",
    });
    try {
      const r = runCli(["reach", t.dir, "--format", "json"], t.dir);
      expect(workloadIds(JSON.parse(r.stdout) as ReachJson).sort()).toEqual(["shop/debug[Pod]", "shop/web-7d9f[ReplicaSet]"]);
      const warnings = r.stderr.split("\n").filter((l) => l.includes("declared more than once"));
      expect(warnings).toEqual([
        "pods.yaml:9:1: warning: Pod shop/debug is declared more than once (at pods.yaml:1 and pods.yaml:9); the later declaration (pods.yaml:9) is used, as kubectl apply would keep it",
      ]);
    } finally {
      t.cleanup();
    }
  });
});
