// Which targets a run analyzes: those named by flags or inputs (--kustomize, --helm), else those
// `.netreach.yaml` lists, else discovery; each at base and head (a target of either side
// counts: one the pull request adds or removes is analyzed with an empty other side), then
// narrowed by name (--target).
import type { ConfigReview } from "../render/config-review.js";
import { parseConfig, CONFIG_FILE, ConfigError } from "./config.js";
import { mergeAssertionsOnly, mergeConfigs } from "./config-merge.js";
import type { ChosenAssertion } from "./assertion-merge.js";
import { discoverTargets, type DiscoverTree } from "./discover.js";
import { resolvePath } from "./repo-path.js";
import { sameSource, type Target } from "./target.js";

export interface TargetFlags {
  /** Kustomize directories, repository-relative. */
  readonly kustomize: readonly string[];
  /** `CHART[:values.yaml,...]`, repository-relative. */
  readonly helm: readonly string[];
  /** Names to keep (--target). */
  readonly names: readonly string[];
  /** A configuration's text given outside the revisions (--config FILE), with its name. */
  readonly config?: { readonly file: string; readonly text: string };
  /** Repository-relative configuration path to read from the revisions (default .netreach.yaml). */
  readonly configPath?: string;
  /** Whether discovery may run when nothing configures targets (default true). */
  readonly discover?: boolean;
  /** The repository's (or directory's) name: names a chart or kustomization at its root. */
  readonly rootName?: string;
}

export interface Resolved {
  readonly targets: readonly Target[];
  /**
   * Nothing but one plain-manifest target over the given paths, without configuration: the run
   * is today's single analysis, with today's reports exactly.
   */
  readonly plain: boolean;
  /** Where targets came from, for logs: "flags", ".netreach.yaml", "discovery". */
  readonly from: string;
  /** What the pull request did to the configuration file and what the run made of it, when there is one. */
  readonly review?: ConfigReview;
  /** The assertions to judge, each on the targets it names (DESIGN section 4c). */
  readonly assertions: readonly ChosenAssertion[];
}

export function resolveTargets(
  flags: TargetFlags,
  paths: readonly string[],
  trees: { readonly base: DiscoverTree; readonly head: DiscoverTree },
  repo: string | undefined,
): Resolved {
  let targets: Target[];
  let from: string;
  let plain = false;
  let review: ConfigReview | undefined;
  let assertions: readonly ChosenAssertion[] = [];
  if (flags.kustomize.length > 0 || flags.helm.length > 0) {
    targets = uniqueNames([...flags.kustomize.map((d) => kustomizeFlag(d, flags.rootName)), ...flags.helm.map((h) => helmFlag(h, chartReader(trees), flags.rootName))]);
    from = "flags";
    // The flags choose the targets; what must hold is still the base's to say (DESIGN section 4b).
    const configPath = flags.configPath ?? CONFIG_FILE;
    if (flags.config !== undefined) assertions = userAssertions(flags.config);
    else {
      const asserted = mergeAssertionsOnly(configPath, trees.base.read(configPath), trees.head.read(configPath));
      assertions = asserted.assertions;
      if (asserted.review !== undefined) review = asserted.review;
    }
  } else {
    const configPath = flags.configPath ?? CONFIG_FILE;
    const baseText = flags.config ? undefined : trees.base.read(configPath);
    const headText = flags.config ? undefined : trees.head.read(configPath);
    if (flags.config !== undefined) {
      // A file the user gave on the command line: theirs, for both revisions.
      const cfg = parseConfig(flags.config.file, flags.config.text);
      assertions = userAssertions(flags.config);
      from = flags.config.file;
      targets = [...cfg.targets];
      if (cfg.discover) targets = [...targets, ...discovered(paths, trees, repo, targets)];
    } else if (baseText !== undefined || headText !== undefined) {
      // The base's file decides (DESIGN section 4b); the head's may only add.
      const merged = mergeConfigs(configPath, baseText, headText);
      from = configPath;
      review = merged.review;
      assertions = merged.assertions;
      targets = [...merged.targets];
      // The configuration file is no manifest: a discovered target over the root does not read it.
      if (merged.discover) targets = [...targets, ...discovered(paths, trees, repo, targets, [configPath])];
    } else if (flags.discover === false) {
      targets = [{ name: "manifests", source: { kind: "paths", paths: [...paths] }, origin: "discovered" }];
      from = "paths";
      plain = true;
    } else {
      targets = discovered(paths, trees, repo, []);
      from = "discovery";
      plain = targets.length === 1 && targets[0]!.source.kind === "paths" && (targets[0]!.source.exclude ?? []).length === 0;
    }
  }
  if (flags.names.length > 0) {
    const unknown = flags.names.filter((n) => !targets.some((t) => t.name === n));
    if (unknown.length > 0)
      throw new ConfigError(`no target named ${unknown.map((n) => JSON.stringify(n)).join(", ")}; the targets are: ${targets.map((t) => t.name).join(", ") || "(none)"}`);
    targets = targets.filter((t) => flags.names.includes(t.name));
    plain = false;
  }
  return { targets, plain, from, assertions, ...(review !== undefined ? { review } : {}) };
}

/** A file the user gave on the command line, for both revisions: a mistake in its assertions is theirs to fix now. */
function userAssertions(config: { readonly file: string; readonly text: string }): ChosenAssertion[] {
  const cfg = parseConfig(config.file, config.text);
  if (cfg.assertionErrors.length > 0) throw new ConfigError(cfg.assertionErrors.join("\n"));
  return cfg.assertions.map((assertion) => ({ assertion, origin: "base" as const }));
}

/** Chart.yaml as the head has it, else as the base had it. */
function chartReader(trees: { readonly base: DiscoverTree; readonly head: DiscoverTree }): { read(file: string): string | undefined } {
  return { read: (f) => trees.head.read(f) ?? trees.base.read(f) };
}

/** Discovery at head and base: a target found on either side (head's definition first). */
function discovered(paths: readonly string[], trees: { base: DiscoverTree; head: DiscoverTree }, repo: string | undefined, configured: readonly Target[], skip: readonly string[] = []): Target[] {
  const head = discoverTargets(trees.head, paths, repo);
  const base = discoverTargets(trees.base, paths, repo);
  const out: Target[] = [];
  const covered = [...new Set([...head.covered, ...base.covered])];
  for (const t of [...head.targets, ...base.targets]) {
    if (out.some((o) => o.name === t.name) || configured.some((c) => c.name === t.name || sameSource(c.source, t.source))) continue;
    out.push(t.source.kind === "paths" && t.origin === "discovered" && t.name === "manifests" ? { ...t, source: { ...t.source, exclude: [...covered, ...skip] } } : t);
  }
  return out;
}

/** `--kustomize DIR`: named by the directory's last component. */
export function kustomizeFlag(dir: string, rootName?: string): Target {
  const problems: string[] = [];
  const d = resolvePath("", dir, "--kustomize", problems);
  return { name: d.split("/").pop() || (rootName !== undefined ? safeName(rootName) : "") || "root", source: { kind: "kustomize", dir: d }, origin: "flag", ...invalid(problems) };
}

/**
 * `--helm CHART[:values.yaml,...]` (values files relative to the chart): named by the chart (its
 * directory's name; at the repository's root its Chart.yaml `name`, else the repository's) and
 * the first values file's suffix.
 */
export function helmFlag(spec: string, tree?: { read(file: string): string | undefined }, rootName?: string): Target {
  const [chart, values = ""] = spec.split(":", 2) as [string, string?];
  const problems: string[] = [];
  const c = resolvePath("", chart, "--helm chart", problems);
  const vals = values
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .map((v) => resolvePath(c, v, "--helm values file", problems));
  // A chart at the repository's root has no directory name of its own.
  const declared = c === "" ? /^name:\s*["']?([A-Za-z0-9._-]+)/m.exec(tree?.read("Chart.yaml") ?? "")?.[1] : undefined;
  const chartName = c.split("/").pop() || declared || (rootName !== undefined ? safeName(rootName) : "") || "chart";
  const suffix = vals[0]?.split("/").pop()?.replace(/\.ya?ml$/, "").replace(/^values[-_.]?/, "");
  const release = chartName.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "").slice(0, 53).replace(/-+$/, "") || "release";
  return { name: suffix ? `${chartName}-${suffix}` : chartName, source: { kind: "helm", chart: c, values: vals, release }, origin: "flag", ...invalid(problems) };
}

/** The second target of a name is `name-2`, and so on: `--target` must tell them apart. */
function uniqueNames(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.map((t) => {
    let name = t.name;
    for (let i = 2; seen.has(name); i++) name = `${t.name}-${i}`;
    seen.add(name);
    return name === t.name ? t : { ...t, name };
  });
}

const invalid = (problems: readonly string[]) => (problems.length > 0 ? { invalid: problems.join("; ") } : {});
/** A directory's name as a target name: the characters a name may hold. */
const safeName = (n: string) => n.replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[^A-Za-z0-9]+/, "").slice(0, 100);
