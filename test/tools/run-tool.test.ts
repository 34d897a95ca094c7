import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { findOnPath } from "../../src/tools/find-tool.js";
import { runTool } from "../../src/tools/run-tool.js";
import { DEAD_PROXY, makeToolHome } from "../../src/tools/tool-env.js";
import { kubeTools } from "../support/kube-tools.js";
import { onCleanup, toolsPath, tree } from "./support.js";

/** Running, as opposed to gone or a zombie (killed, but in a container no init may reap it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // no /proc (macOS): kill(0) is all there is
  }
}

describe("runTool", () => {
  it("kills the whole process group on timeout, children included", async () => {
    const dir = tree({});
    const pidFile = path.join(dir, "child.pid");
    const started = Date.now();
    // The process runner itself under test: a shell whose child outlives a plain kill of the shell.
    const r = await runTool("/bin/sh", ["-c", `sleep 30 & echo $! > "${pidFile}"; wait`], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "" },
      timeoutMs: 300,
      maxOutputBytes: 1024,
    });
    expect(r.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5000);
    const child = Number(fs.readFileSync(pidFile, "utf8"));
    await new Promise((res) => setTimeout(res, 100));
    expect(alive(child)).toBe(false);
  });

  it("reports a binary that cannot be started", async () => {
    const r = await runTool(path.join(tree({}), "nothing"), [], { cwd: tree({}), env: {}, timeoutMs: 1000, maxOutputBytes: 1024 });
    expect(r).toMatchObject({ kind: "not-started", code: "ENOENT" });
  });
});

describe("the tools' environment", () => {
  it("carries no variable of this process but PATH, and points every proxy at a dead loopback port", async () => {
    process.env.NETREACH_TEST_SECRET = "do-not-pass";
    onCleanup(() => delete process.env.NETREACH_TEST_SECRET);
    const home = makeToolHome("/usr/bin");
    onCleanup(home.cleanup);
    expect(Object.values(home.env)).not.toContain("do-not-pass");
    expect(home.env.PATH).toBe("/usr/bin");
    expect(home.env.HOME).toBe(home.dir);
    expect(fs.readdirSync(home.dir).every((f) => fs.statSync(path.join(home.dir, f)).isDirectory())).toBe(true);
    for (const k of ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"]) expect(home.env[k]).toBe(DEAD_PROXY);
    expect(new URL(DEAD_PROXY).hostname).toBe("127.0.0.1");
    // The real helm sees that environment and nothing of ours.
    const r = await runTool(kubeTools().helm, ["env"], { cwd: home.dir, env: home.env, timeoutMs: 10_000, maxOutputBytes: 1 << 20 });
    if (r.kind !== "exited") throw new Error(r.kind);
    const helmEnv = r.stdout.toString("utf8");
    expect(helmEnv).toContain(`HELM_CACHE_HOME="${home.dir}/helm-cache"`);
    expect(helmEnv).toContain(`HELM_REPOSITORY_CONFIG="${home.dir}/helm-config/repositories.yaml"`);
  });

  it("finds tools by absolute PATH entries only", () => {
    const bin = path.dirname(kubeTools().kubectl);
    expect(findOnPath("kubectl", toolsPath())).toBe(kubeTools().kubectl);
    expect(findOnPath("kubectl", `.${path.delimiter}relative`)).toBeUndefined();
    expect(findOnPath("kustomize", bin)).toBeUndefined();
  });
});
