// The environment kustomize, kubectl and helm run in: built from nothing, not copied from the
// runner, so that no token, cloud credential or kubeconfig reaches a tool that is reading a
// pull request's files. Network access is cut three ways, because a build must never fetch:
// every proxy variable names a loopback port nothing listens on (Go's HTTP client then fails at
// once for any host); git, which kustomize runs for remote bases, may use no transport at all;
// and HOME and every config/cache directory are a fresh empty directory (no git credentials,
// no helm repositories or registry logins, no kubeconfig).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { removeTrackedDir, trackDir } from "./cleanup.js";

/** A loopback port with no service (discard; never bound on CI runners). */
export const DEAD_PROXY = "http://127.0.0.1:9";

export interface ToolHome {
  /** An empty directory to serve as HOME and for every tool's config and cache. */
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/** A fresh HOME and the environment built around it. `searchPath` becomes PATH. */
export function makeToolHome(searchPath: string): ToolHome {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "netreach-home-")));
  trackDir(dir);
  const sub = (name: string) => {
    const d = path.join(dir, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  const env: NodeJS.ProcessEnv = {
    PATH: searchPath,
    HOME: dir,
    TMPDIR: sub("tmp"),
    LANG: "C.UTF-8",
    XDG_CONFIG_HOME: sub("config"),
    XDG_CACHE_HOME: sub("cache"),
    XDG_DATA_HOME: sub("data"),
    // Never read: points at a file that does not exist, so no cluster is ever contacted.
    KUBECONFIG: path.join(dir, "no-kubeconfig"),
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    ALL_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    all_proxy: DEAD_PROXY,
    NO_PROXY: "",
    no_proxy: "",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: "0",
    GCM_INTERACTIVE: "never",
    // A protocol name that does not exist: git refuses every transport (https, ssh, git, file).
    GIT_ALLOW_PROTOCOL: "netreach-none",
    HELM_CACHE_HOME: sub("helm-cache"),
    HELM_CONFIG_HOME: sub("helm-config"),
    HELM_DATA_HOME: sub("helm-data"),
    HELM_PLUGINS: sub("helm-plugins"),
    HELM_REGISTRY_CONFIG: path.join(dir, "helm-config", "registry.json"),
    HELM_REPOSITORY_CONFIG: path.join(dir, "helm-config", "repositories.yaml"),
    HELM_REPOSITORY_CACHE: sub("helm-cache/repository"),
    HELM_CONTENT_CACHE: sub("helm-cache/content"),
  };
  return { dir, env, cleanup: () => removeTrackedDir(dir) };
}
