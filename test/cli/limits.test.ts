// Input past a limit is refused up front, with exit 2 and a message naming the limit and the flag
// (and Action input) that raises it: never a V8 crash after minutes of work.
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempTree } from "../support/cli.js";

const deployment = (name: string, app: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: ${app}}\n`;
const policy = (name: string, app: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: ${app}}}\n  ingress: [{}]\n`;
const manifests = [deployment("web", "web"), deployment("api", "api"), deployment("db", "db"), policy("web", "web"), policy("api", "api")].join("---\n");
const tree = tempTree({ "base/shop.yaml": manifests, "head/shop.yaml": manifests });
afterAll(() => tree.cleanup());
const diff = (...flags: string[]) => runCli(["diff", `${tree.dir}/base`, `${tree.dir}/head`, ...flags]);

describe("input limits", () => {
  it("within the limits, a diff runs as ever", () => {
    expect(diff("--max-workloads", "3", "--max-pod-classes", "3", "--pods", "declared").code).toBe(0);
  });

  it("refuses more workloads, policies or pod classes than allowed, naming the flag and the Action input", () => {
    const w = diff("--max-workloads", "2");
    expect(w.code).toBe(2);
    expect(w.stderr).toBe(
      "netreach: input too large: 3 workloads in the base revision, over the limit of 2; raise it with --max-workloads (Action input max-workloads) if the machine has the time and memory for it\n",
    );
    expect(w.stdout).toBe("");
    const p = runCli(["reach", `${tree.dir}/head`, "--max-policies", "1"]);
    expect([p.code, p.stderr]).toEqual([2, "netreach: input too large: 2 NetworkPolicies, over the limit of 1; raise it with --max-policies (Action input max-policies) if the machine has the time and memory for it\n"]);
    const c = diff("--max-pod-classes=2", "--pods", "declared");
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^netreach: input too large: 3 distinct pod classes \(kinds of pod that policies tell apart\), over the limit of 2; raise it with --max-pod-classes \(Action input max-pod-classes\)/);
  });

  it("refuses more bytes of manifests than allowed before reading them", () => {
    const r = diff("--max-bytes", "500");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netreach: input too large: at least \d{3} bytes of manifests in the base \(.*base\), over the limit of 500 bytes; raise it with --max-bytes \(Action input max-bytes\)/);
  });

  it("says what a limit must look like", () => {
    const r = diff("--max-workloads", "lots");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netreach: --max-workloads \(input max-workloads\) must be a positive whole number, not "lots"/);
  });
});
