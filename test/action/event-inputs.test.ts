// Which revisions and pull request each event names, and how inputs are validated.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { readEvent } from "../../src/action/event.js";
import { InputError, readInputs } from "../../src/action/inputs.js";

const dir = mkdtempSync(join(tmpdir(), "netreach-event-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function event(name: string, payload: unknown, extra: NodeJS.ProcessEnv = {}) {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return readEvent({ GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: "acme/shop", GITHUB_SHA: "f".repeat(40), ...extra });
}

describe("event payloads", () => {
  const pr = { number: 7, base: { sha: "a".repeat(40) }, head: { sha: "b".repeat(40) }, labels: [{ name: "netreach-allow" }, { name: "x" }] };

  it("pull_request: PR number, base and head commits, labels", () => {
    expect(event("pull_request", { pull_request: pr })).toEqual({
      name: "pull_request", owner: "acme", repo: "shop", pullRequest: 7, baseSha: "a".repeat(40), headSha: "b".repeat(40), labels: ["netreach-allow", "x"],
    });
  });

  it("pull_request_target: the PR's head, never GITHUB_SHA (the base branch's tip there)", () => {
    const e = event("pull_request_target", { pull_request: pr });
    expect(e.headSha).toBe("b".repeat(40));
    expect(e.headSha).not.toBe("f".repeat(40));
  });

  it("merge_group: base and head of the queue entry, no PR to comment on", () => {
    expect(event("merge_group", { merge_group: { base_sha: "c".repeat(40), head_sha: "d".repeat(40) } })).toMatchObject({ pullRequest: null, baseSha: "c".repeat(40), headSha: "d".repeat(40) });
  });

  it("workflow_dispatch: revisions and an optional PR from the inputs", () => {
    expect(event("workflow_dispatch", { inputs: { base: "main", head: "feature", "pull-request": "12" } })).toMatchObject({ pullRequest: 12, baseSha: "main", headSha: "feature" });
    expect(event("workflow_dispatch", { inputs: {} })).toMatchObject({ pullRequest: null, baseSha: null, headSha: null });
  });

  it("push: before and after; a new branch (before = zeros) has no base", () => {
    expect(event("push", { before: "1".repeat(40), after: "2".repeat(40) })).toMatchObject({ baseSha: "1".repeat(40), headSha: "2".repeat(40) });
    expect(event("push", { before: "0".repeat(40), after: "2".repeat(40) })).toMatchObject({ baseSha: null });
  });

  it("an unreadable payload is a clear error", () => {
    expect(() => readEvent({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: join(dir, "missing.json") })).toThrow(/cannot read the event payload/);
  });
});

describe("inputs", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (k.startsWith("INPUT_")) delete process.env[k];
    Object.assign(process.env, saved);
  });
  const set = (inputs: Record<string, string>) => {
    for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  };

  it("defaults and lists", () => {
    set({ paths: "k8s, deploy\nextra", "fail-on": "external-ingress,sensitive-ports", "max-comment-chars": "30000" });
    const i = readInputs();
    expect(i.paths).toEqual(["k8s", "deploy", "extra"]);
    expect(i.gate.failOn).toEqual(["external-ingress", "sensitive-ports"]);
    expect(i.comment).toBe("update");
    expect(i.pods).toBe("auto");
    expect(i.namespace).toBeNull();
    expect(i.maxCommentChars).toBe(30000);
    expect(i.gate.sensitive.allows("TCP", 5432)).toBe(true);
    expect(i.gate.sensitive.allows("TCP", 80)).toBe(false);
  });

  it("namespace: a DNS label, as kubectl apply -n takes it; anything else names the input and the value", () => {
    set({ namespace: " argocd \n" });
    expect(readInputs().namespace).toBe("argocd");
    for (const bad of ["ArgoCD", "argo_cd", "-argocd", "a".repeat(64)]) {
      set({ namespace: bad });
      expect(() => readInputs()).toThrow(new InputError(`input namespace ${JSON.stringify(bad.length > 40 ? bad.slice(0, 40) + "…" : bad)} is not a valid namespace name: it must be a lower-case DNS label: at most 63 characters a-z, 0-9 and '-', starting and ending with a letter or digit`));
    }
  });

  it("max-targets and deadline: unset means the defaults; set, a positive whole number (the deadline in seconds, or with m or h)", () => {
    expect(readInputs().bounds).toEqual({});
    set({ "max-targets": " 50 ", deadline: "90" });
    expect(readInputs().bounds).toEqual({ maxTargets: 50, deadline: 90 });
    set({ deadline: "20m" });
    expect(readInputs().bounds.deadline).toBe(1200);
    set({ deadline: "1h" });
    expect(readInputs().bounds.deadline).toBe(3600);
    set({ deadline: "", "max-targets": "0" });
    expect(() => readInputs()).toThrow(new InputError('--max-targets (input max-targets) must be a positive whole number, not "0"'));
    set({ "max-targets": "10m" });
    expect(() => readInputs()).toThrow(/input max-targets\) must be a positive whole number, not "10m"/);
    set({ "max-targets": "", deadline: "soon" });
    expect(() => readInputs()).toThrow(/input deadline\) must be a positive whole number of seconds/);
  });

  it("bad values are errors that name the input and the allowed values", () => {
    set({ comment: "sometimes" });
    expect(() => readInputs()).toThrow(new InputError('input comment must be one of update, recreate, off, not "sometimes"'));
    set({ comment: "update", "fail-on": "everything" });
    expect(() => readInputs()).toThrow(/fail-on: unknown rule "everything"/);
    set({ "fail-on": "", "max-comment-chars": "100000" });
    expect(() => readInputs()).toThrow(/max-comment-chars must be an integer from 1000 to 65536/);
    set({ "max-comment-chars": "", "sensitive-ports": "22,70000" });
    expect(() => readInputs()).toThrow(/"70000" is not a port/);
  });

  it("cni: auto unless set; cilium-cluster a label value, and not with cni generic", () => {
    expect(readInputs()).toMatchObject({ cni: "auto", ciliumCluster: null });
    set({ cni: " cilium ", "cilium-cluster": "east-1" });
    expect(readInputs()).toMatchObject({ cni: "cilium", ciliumCluster: "east-1" });
    set({ cni: "calico", "cilium-cluster": "" });
    expect(() => readInputs()).toThrow(new InputError('input cni must be one of auto, cilium, generic, not "calico"'));
    set({ cni: "auto", "cilium-cluster": "east 1" });
    expect(() => readInputs()).toThrow(/^input cilium-cluster "east 1" is not a valid Cilium cluster name: pods carry it as a label value/);
    set({ cni: "generic", "cilium-cluster": "east" });
    expect(() => readInputs()).toThrow(new InputError("input cilium-cluster names the cluster of a Cilium cluster: it does not go with cni generic"));
  });
});
