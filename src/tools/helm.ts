// `helm template` of a chart in a materialized tree, offline: the chart and its values files
// are paths inside the tree (never a repository reference or URL), dependencies must already be
// vendored under charts/ (no --dependency-update, no repositories configured), and no cluster
// is reachable (helm template renders `lookup` as empty unless given --dry-run=server, which is
// never passed; KUBECONFIG names no file). Works with Helm v3 and v4, whose `template` flags
// used here are the same.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAllDocuments } from "yaml";
import { resolvedOptions, type BuildOptions } from "./build-options.js";
import { findOnPath, missingToolMessage } from "./find-tool.js";
import { splitHelmOutput, templatePath } from "./helm-source.js";
import { mapByTemplate } from "./line-map.js";
import { templateKindLine } from "./object-line.js";
import { groupBySource, type BuildFailure, type BuildResult, type PieceOfOutput } from "./rendered.js";
import { neverRejects, runFailure } from "./run-failure.js";
import { runTool, type RunToolResult } from "./run-tool.js";
import { resolveInTree } from "./target-path.js";
import { makeToolHome } from "./tool-env.js";
import { trimToolMessage } from "./tool-message.js";

export interface HelmTarget {
  /** Repository-relative directory holding Chart.yaml. */
  readonly chart: string;
  readonly release: string;
  readonly namespace: string;
  /** Repository-relative values files, applied in order after the chart's values.yaml. */
  readonly values?: readonly string[];
  /** Inline values (YAML or JSON text), applied after the files: Argo CD `helm.values`, Flux `spec.values`. */
  readonly inlineValues?: string;
}

// DNS-1123: what helm accepts for a release name (≤ 53) and Kubernetes for a namespace (≤ 63).
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const versions = new Map<string, Promise<RunToolResult>>();

/**
 * The tool a render would name (`helm v4.1.4`) without rendering: for a target whose inputs did
 * not change. Undefined when helm is missing or not v3/v4 (a render would then fail, and says why).
 */
export async function helmToolName(options: BuildOptions = {}): Promise<string | undefined> {
  const opts = resolvedOptions(options);
  const helm = findOnPath("helm", opts.searchPath);
  if (helm === undefined) return undefined;
  let version = versions.get(helm);
  if (version === undefined) {
    const home = makeToolHome(opts.searchPath);
    version = runTool(helm, ["version", "--short"], { cwd: home.dir, env: home.env, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes }).finally(() => home.cleanup());
    versions.set(helm, version);
  }
  const ran = await version;
  const v = ran.kind === "exited" && ran.status === 0 ? ran.stdout.toString("utf8").trim() : "";
  return /^v[34]\./.test(v) ? `helm ${v.replace(/\+.*$/, "")}` : undefined;
}

/** Renders `target` from the tree at `root`. Never rejects: failures are results. */
export function helmTemplate(root: string, target: HelmTarget, options: BuildOptions = {}): Promise<BuildResult> {
  return neverRejects("helm template", () => render(root, target, options));
}

async function render(root: string, target: HelmTarget, options: BuildOptions): Promise<BuildResult> {
  const opts = resolvedOptions(options);
  let tool = "helm template";
  const fail = (failure: BuildFailure, error: string, detail = ""): BuildResult => ({ ok: false, tool, failure, error, detail });
  const helm = findOnPath("helm", opts.searchPath);
  if (helm === undefined) return fail("missing-tool", missingToolMessage(["helm"]));

  const chart = resolveInTree(root, target.chart, "directory");
  if ("problem" in chart) return fail("invalid-target", `helm chart: ${chart.problem}`);
  if (!fs.existsSync(path.join(chart.abs, "Chart.yaml"))) return fail("invalid-target", `helm chart ${chart.rel || "."} has no Chart.yaml`);
  if (target.release.length > 53 || !DNS_LABEL.test(target.release))
    return fail("invalid-target", `helm release name ${JSON.stringify(target.release)} must be a DNS label (lowercase letters, digits and "-", at most 53)`);
  if (target.namespace.length > 63 || !DNS_LABEL.test(target.namespace))
    return fail("invalid-target", `namespace ${JSON.stringify(target.namespace)} must be a DNS label (lowercase letters, digits and "-", at most 63)`);
  const values: string[] = [];
  for (const v of target.values ?? []) {
    const file = resolveInTree(root, v, "file");
    if ("problem" in file) return fail("invalid-target", `helm values file: ${file.problem}`);
    values.push(file.abs);
  }

  const home = makeToolHome(opts.searchPath);
  try {
    const run = (args: string[]) => runTool(helm, args, { cwd: home.dir, env: home.env, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes });
    // Asked once per binary and process: every target of a run uses the same helm.
    let version = versions.get(helm);
    if (version === undefined) {
      version = run(["version", "--short"]);
      versions.set(helm, version);
    }
    const ran = await version;
    const versionFailed = runFailure("helm", "`helm version`", ran, opts.timeoutMs);
    if (versionFailed !== undefined) {
      versions.delete(helm);
      return versionFailed;
    }
    const v = ran.kind === "exited" ? ran.stdout.toString("utf8").trim() : "";
    const major = /^v(\d+)\./.exec(v)?.[1];
    if (major !== "3" && major !== "4")
      return fail("missing-tool", `netreach needs Helm v3 or v4; \`helm version --short\` says ${JSON.stringify(v.slice(0, 40))}`);
    tool = `helm ${v.replace(/\+.*$/, "")}`;

    if (target.inlineValues !== undefined) {
      const inline = path.join(home.dir, "inline-values.yaml");
      fs.writeFileSync(inline, target.inlineValues);
      values.push(inline);
    }
    const args = ["template", target.release, chart.abs, `--namespace=${target.namespace}`, ...values.map((f) => `--values=${f}`)];
    const r = await run(args);
    const failed = runFailure(tool, `rendering chart ${chart.rel || "."}`, r, opts.timeoutMs, (stderr) => classify(stderr, chart.rel || "."));
    if (failed !== undefined) return failed;
    if (r.kind !== "exited") throw new Error("unreachable");
    return readOutput(root, chart.rel, tool, target.namespace, r.stdout.toString("utf8"), trimToolMessage(r.stderr));
  } finally {
    home.cleanup();
  }
}

function classify(stderr: string, chart: string): { failure: BuildFailure; error: string } | undefined {
  if (/missing in charts\/ directory|helm dependency build/.test(stderr))
    return {
      failure: "failed",
      error: `chart ${chart} has dependencies that are not in its charts/ directory; netreach never downloads charts: run \`helm dependency build\` and commit charts/`,
    };
  return undefined;
}

function readOutput(root: string, chartRel: string, tool: string, namespace: string, stdout: string, warnings: string): BuildResult {
  const docs = splitHelmOutput(stdout);
  const parsed: { template: string | undefined; text: string; apiVersion: string; kind: string; name: string; namespace: string | undefined }[] = [];
  for (const d of docs) {
    const [doc, ...extra] = parseAllDocuments(d.text, { uniqueKeys: false });
    const error = doc?.errors[0] ?? extra[0]?.errors[0];
    if (doc === undefined || error !== undefined)
      return {
        ok: false,
        tool,
        failure: "unreadable-output",
        error: `${tool} rendered YAML netreach cannot read${d.template ? ` from ${d.template}` : ""}`,
        detail: trimToolMessage(error?.message ?? ""),
      };
    const get = (...p: string[]) => {
      const v = doc.getIn(p);
      return typeof v === "string" ? v : undefined;
    };
    parsed.push({ template: d.template, text: d.text, apiVersion: get("apiVersion") ?? "", kind: get("kind") ?? "", name: get("metadata", "name") ?? "", namespace: get("metadata", "namespace") });
  }

  const kindsByTemplate = new Map<string, string[]>();
  for (const p of parsed) if (p.template !== undefined) kindsByTemplate.set(p.template, [...(kindsByTemplate.get(p.template) ?? []), p.kind]);
  const seen = new Map<string, number>();
  const templates = new Map<string, string | undefined>();
  const pieces: PieceOfOutput[] = parsed.map((p) => {
    const shownChart = chartRel === "" ? "." : chartRel;
    if (p.template === undefined) {
      const { template: _t, ...rest } = p;
      return { ...rest, group: `${shownChart}/Chart.yaml`, origin: { file: undefined } };
    }
    const index = seen.get(p.template) ?? 0;
    seen.set(p.template, index + 1);
    const rel = templatePath(chartRel, p.template);
    if (!templates.has(rel)) templates.set(rel, readIfFile(root, rel));
    const source = templates.get(rel);
    const file = source !== undefined ? rel : vendoredArchive(root, rel);
    const line = source === undefined ? undefined : templateKindLine(source, kindsByTemplate.get(p.template)!, index);
    const { template, ...rest } = p;
    const lines = source === undefined ? undefined : mapByTemplate(p.text, source, line);
    return { ...rest, group: rel, origin: { file, template, ...(line !== undefined ? { line } : {}) }, ...(lines !== undefined ? { lines } : {}) };
  });
  return { ok: true, tool, warnings, defaultNamespace: namespace, ...groupBySource(pieces) };
}

function readIfFile(root: string, rel: string): string | undefined {
  const abs = path.join(root, ...rel.split("/"));
  try {
    return fs.lstatSync(abs).isFile() ? fs.readFileSync(abs, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For a template of a subchart vendored as an archive (`charts/sub-1.2.3.tgz`), the archive's
 * repository-relative path: the closest `charts/<name>/` on the template's path that is not a
 * directory, whose charts/ holds `<name>-<version>.tgz`.
 */
function vendoredArchive(root: string, rel: string): string | undefined {
  const parts = rel.split("/");
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i] !== "charts") continue;
    const chartsDir = parts.slice(0, i + 1).join("/");
    const name = parts[i + 1]!;
    if (fs.existsSync(path.join(root, ...parts.slice(0, i + 2)))) continue;
    let entries: string[];
    try {
      entries = fs.readdirSync(path.join(root, ...chartsDir.split("/")));
    } catch {
      return undefined;
    }
    const archive = entries.filter((e) => e.endsWith(".tgz") && (e === `${name}.tgz` || (e.startsWith(`${name}-`) && /^\d/.test(e.slice(name.length + 1))))).sort()[0];
    return archive === undefined ? undefined : `${chartsDir}/${archive}`;
  }
  return undefined;
}
