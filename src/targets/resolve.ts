// Which targets a run analyzes: those named by flags or inputs (--kustomize, --helm), else those
// `.netreach.yaml` lists, else discovery; each at base and head (a target of either side
// counts: one the pull request adds or removes is analyzed with an empty other side), then
// narrowed by name (--target).
import type { GateRule } from "../gate/config.js";
import { parseConfig, CONFIG_FILE, ConfigError } from "./config.js";
import { discoverTargets, type DiscoverTree } from "./discover.js";
import { resolvePath } from "./repo-path.js";
import type { Target } from "./target.js";

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
  if (flags.kustomize.length > 0 || flags.helm.length > 0) {
    targets = uniqueNames([...flags.kustomize.map((d) => kustomizeFlag(d, flags.rootName)), ...flags.helm.map((h) => helmFlag(h, chartReader(trees), flags.rootName))]);
    from = "flags";
  } else {
    const configPath = flags.configPath ?? CONFIG_FILE;
    const read = (t: DiscoverTree) => {
      const text = t.read(configPath);
      return text === undefined ? undefined : parseConfig(configPath, text);
    };
    const baseCfg = flags.config ? undefined : safeBase(() => read(trees.base));
    const headCfg = flags.config ? parseConfig(flags.config.file, flags.config.text) : read(trees.head);
    if (headCfg !== undefined || baseCfg !== undefined) {
      from = flags.config?.file ?? configPath;
      // The head's definitions (a pull request may add a target), but the gate rules the base
      // had: a pull request must not relax its own check.
      const byName = new Map<string, Target>();
      for (const t of baseCfg?.targets ?? []) byName.set(t.name, t);
      for (const t of headCfg?.targets ?? []) {
        const before = byName.get(t.name);
        byName.set(t.name, before === undefined ? t : withFailOn(t, before.failOn));
      }
      targets = [...byName.values()];
      if (headCfg?.discover ?? baseCfg?.discover ?? true) targets = [...targets, ...discovered(paths, trees, repo, targets)];
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
  return { targets, plain, from };
}

/** Chart.yaml as the head has it, else as the base had it. */
function chartReader(trees: { readonly base: DiscoverTree; readonly head: DiscoverTree }): { read(file: string): string | undefined } {
  return { read: (f) => trees.head.read(f) ?? safeBase(() => trees.base.read(f)) };
}

function safeBase<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    // The base's configuration is broken: the head's (being fixed by this pull request) decides.
    return undefined;
  }
}

function withFailOn(t: Target, failOn: readonly GateRule[] | undefined): Target {
  const { failOn: _own, ...rest } = t;
  return failOn === undefined ? rest : { ...rest, failOn };
}

/** Discovery at head and base: a target found on either side (head's definition first). */
function discovered(paths: readonly string[], trees: { base: DiscoverTree; head: DiscoverTree }, repo: string | undefined, configured: readonly Target[]): Target[] {
  const head = discoverTargets(trees.head, paths, repo);
  const base = discoverTargets(trees.base, paths, repo);
  const out: Target[] = [];
  const covered = [...new Set([...head.covered, ...base.covered])];
  for (const t of [...head.targets, ...base.targets]) {
    if (out.some((o) => o.name === t.name) || configured.some((c) => c.name === t.name)) continue;
    out.push(t.source.kind === "paths" && t.origin === "discovered" && t.name === "manifests" ? { ...t, source: { ...t.source, exclude: covered } } : t);
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
