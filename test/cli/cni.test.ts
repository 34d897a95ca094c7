// --cni and --cilium-cluster as a user runs them: the built CLI bundle (dist/cli.js), in a subprocess.
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempTree } from "../support/cli.js";
import { WEB, CNP } from "../support/cilium-objects.js";

describe("netreach --cni (built CLI)", () => {
  const t = tempTree({ "base/web.yaml": WEB, "head/web.yaml": WEB, "head/cnp.yaml": CNP });
  afterAll(() => t.cleanup());

  it("every command's usage lists --cni and --cilium-cluster", () => {
    for (const c of ["reach", "diff", "check", "why"]) {
      const u = runCli([c, "--help"]).stdout;
      expect(u).toContain("--cni C");
      expect(u).toContain("--cilium-cluster NAME");
    }
  });

  it("reach: auto is Cilium on input with a CiliumNetworkPolicy; generic lists it as not analyzed", () => {
    const auto = runCli(["reach", `${t.dir}/head`, "--format", "json"]);
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.stdout).cni).toEqual({ kind: "cilium", choice: "auto", cluster: "default" });
    const generic = runCli(["reach", `${t.dir}/head`, "--format", "json", "--cni=generic"]);
    expect(JSON.parse(generic.stdout)).toMatchObject({ cni: { kind: "generic", choice: "generic" }, skipped: { kinds: { CiliumNetworkPolicy: 1 } } });
    expect(generic.stderr).toMatch(/CiliumNetworkPolicy \(cilium\.io\/v2\) is not analyzed/);
  });

  it("diff: the base is read as Cilium too when only the head holds a Cilium policy, with the cluster name given", () => {
    const r = runCli(["diff", `${t.dir}/base`, `${t.dir}/head`, "--format", "json", "--cilium-cluster", "east-1"]);
    const json = JSON.parse(r.stdout) as { cni: unknown; assumptions: string[] };
    expect(json.cni).toEqual({ kind: "cilium", choice: "auto", cluster: "east-1" });
    expect(json.assumptions.find((a) => a.startsWith("CNI: "))).toMatch(/^CNI: Cilium \(chosen because the head revision holds Cilium policies, and both revisions are read alike;/);
  });

  it("a bad value is a usage error naming the allowed values (exit 2)", () => {
    for (const args of [["reach", `${t.dir}/head`], ["diff", `${t.dir}/base`, `${t.dir}/head`], ["check", `${t.dir}/head`], ["why", "shop/web", "shop/web", `${t.dir}/head`]]) {
      const r = runCli([...args, "--cni", "calico"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^netreach: --cni must be one of auto, cilium, generic, not "calico"/);
    }
    const r = runCli(["reach", `${t.dir}/head`, "--cni", "generic", "--cilium-cluster", "east"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--cilium-cluster names the cluster of a Cilium cluster: it does not go with --cni generic");
  });
});
