// --cni and --cilium-cluster on every command, read in-process from the sources (the subprocess
// tests in cni.test.ts run the built bundle).
import { afterAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.js";
import { runCli } from "../../src/cli/main.js";
import { usageOf } from "../../src/cli/usage.js";
import { tempTree } from "../support/cli.js";
import { WEB, CNP } from "../support/cilium-objects.js";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    stream: async (chunks) => {
      for (const c of chunks) stdout += c;
      return true;
    },
  });
  return { code, stdout, stderr };
}

describe("parsing --cni and --cilium-cluster", () => {
  it("every command takes them, --flag value and --flag=value alike; the default is auto", () => {
    const commands: string[][] = [["reach", "k8s"], ["diff", "a", "b"], ["check", "k8s"], ["why", "shop/web", "shop/db", "k8s"]];
    for (const c of commands) {
      expect(parseArgs(c)).toMatchObject({ cni: "auto", ciliumCluster: undefined });
      expect(parseArgs([...c, "--cni", "cilium", "--cilium-cluster", "east-1"])).toMatchObject({ cni: "cilium", ciliumCluster: "east-1" });
      expect(parseArgs([...c, "--cni=generic"])).toMatchObject({ cni: "generic" });
    }
  });

  it("a CNI it does not know is a usage error naming the allowed ones", () => {
    expect(() => parseArgs(["reach", "k8s", "--cni", "calico"])).toThrow('--cni must be one of auto, cilium, generic, not "calico"');
    expect(() => parseArgs(["why", "a", "b", "--cni", "Cilium"])).toThrow("--cni must be one of auto, cilium, generic");
  });

  it("a cluster name must be a label value, and does not go with --cni generic", () => {
    expect(() => parseArgs(["diff", "a", "b", "--cilium-cluster", "east 1"])).toThrow(/^--cilium-cluster "east 1" is not a valid Cilium cluster name: pods carry it as a label value: label value "east 1" must consist of alphanumerics/);
    expect(() => parseArgs(["reach", "k8s", "--cilium-cluster="])).toThrow("the cluster name is empty");
    expect(() => parseArgs(["check", "k8s", "--cni", "generic", "--cilium-cluster", "east"])).toThrow("--cilium-cluster names the cluster of a Cilium cluster: it does not go with --cni generic");
  });

  it("the usage of reach, diff, check and why lists them", () => {
    for (const topic of ["reach", "diff", "check", "why", undefined] as const) {
      const u = usageOf(topic);
      expect(u).toMatch(/--cni C {15}(the cluster's CNI: )?auto \(default: cilium when the input/);
      expect(u).toContain("--cilium-cluster NAME");
    }
  });
});

describe("the CLI analyzes for the CNI chosen", () => {
  const t = tempTree({ "base/web.yaml": WEB, "head/web.yaml": WEB, "head/cnp.yaml": CNP });
  afterAll(() => t.cleanup());

  it("reach: auto is Cilium on input with a CiliumNetworkPolicy, and says so", async () => {
    const r = await run(["reach", `${t.dir}/head`, "--format", "json"]);
    const json = JSON.parse(r.stdout) as { cni: unknown; assumptions: string[] };
    expect(json.cni).toEqual({ kind: "cilium", choice: "auto", cluster: "default" });
    expect(json.assumptions.some((a) => a.startsWith("CNI: Cilium (chosen because the input holds Cilium policies;"))).toBe(true);
  });

  it("reach --cni generic: the policy is not analyzed, as a warning says", async () => {
    const r = await run(["reach", `${t.dir}/head`, "--format", "json", "--cni", "generic"]);
    const json = JSON.parse(r.stdout) as { cni: unknown; skipped: { kinds: Record<string, number> } };
    expect(json.cni).toEqual({ kind: "generic", choice: "generic" });
    expect(json.skipped.kinds).toEqual({ CiliumNetworkPolicy: 1 });
    expect(r.stderr).toMatch(/warning: CiliumNetworkPolicy \(cilium\.io\/v2\) is not analyzed/);
  });

  it("diff: a head that adds the first Cilium policy reads the base as Cilium too, with the cluster name given", async () => {
    const r = await run(["diff", `${t.dir}/base`, `${t.dir}/head`, "--format", "json", "--cilium-cluster", "east-1"]);
    const json = JSON.parse(r.stdout) as { cni: unknown; assumptions: string[] };
    expect(json.cni).toEqual({ kind: "cilium", choice: "auto", cluster: "east-1" });
    expect(json.assumptions.find((a) => a.startsWith("CNI: "))).toMatch(/^CNI: Cilium \(chosen because the head revision holds Cilium policies, and both revisions are read alike;.*io\.cilium\.k8s\.policy\.cluster=east-1/);
  });

  it("a bad value exits 2 with the message and the command's usage", async () => {
    const r = await run(["diff", `${t.dir}/base`, `${t.dir}/head`, "--cni", "weave"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netreach: --cni must be one of auto, cilium, generic, not "weave"\n\nUsage:\n {2}netreach diff/);
  });
});
