// The targets of a run when `.netreach.yaml` exists at the base, the head, or both (DESIGN section
// 4b). The base's file decides: its targets are analyzed as it defines them, with its gate
// settings; the pull request's file may add targets (gated by the run's `fail-on` at least) but
// cannot drop, rename away, redefine away or relax what the base's file sets. Everything the
// pull request's file tried that was not taken is said in the review.
import { createTwoFilesPatch } from "diff";
import type { GateRule } from "../gate/config.js";
import type { ConfigFileState, ConfigReview, Note } from "../render/config-review.js";
import { ConfigError, parseConfig, type TargetsConfig } from "./config.js";
import { describeSource, sameSource, type Target } from "./target.js";
import { mergeAssertions, type ChosenAssertion } from "./assertion-merge.js";

export interface MergedConfig {
  readonly targets: readonly Target[];
  /** Whether discovery adds the targets it finds. */
  readonly discover: boolean;
  /** The assertions judged (DESIGN section 4c): the base's as it wrote them, and those the pull request adds. */
  readonly assertions: readonly ChosenAssertion[];
  readonly review: ConfigReview;
}

type Read = { state: "absent" } | { state: "present"; config: TargetsConfig } | { state: "invalid"; error: string };

function read(file: string, text: string | undefined): Read {
  if (text === undefined) return { state: "absent" };
  try {
    return { state: "present", config: parseConfig(file, text) };
  } catch (e) {
    if (e instanceof ConfigError) return { state: "invalid", error: e.message };
    throw e;
  }
}

/** A note from a template: interpolated values are shown as code. */
function note(strings: TemplateStringsArray, ...values: (string | Note)[]): Note {
  const out: (string | { code: string })[] = [];
  strings.forEach((s, i) => {
    if (s !== "") out.push(s);
    if (i < values.length) {
      const v = values[i]!;
      if (typeof v === "string") out.push({ code: v });
      else out.push(...v);
    }
  });
  return out;
}

const rules = (r: readonly GateRule[] | undefined): Note => (r === undefined ? ["the run's ", { code: "fail-on" }] : [{ code: `fail-on: ${r.join(",")}` }]);
const sameRules = (a: readonly GateRule[] | undefined, b: readonly GateRule[] | undefined) => (a ?? []).join(",") === (b ?? []).join(",") && (a === undefined) === (b === undefined);

/** The pull request's definition of a target with the base's settings (gate rules, pods, CNI) in place of its own. */
function baseSettings(head: Target, base: Target): Target {
  const { failOn: _f, pods: _p, cni: _c, ciliumCluster: _k, ...definition } = head;
  return {
    ...definition,
    ...(base.failOn !== undefined ? { failOn: base.failOn } : {}),
    ...(base.pods !== undefined ? { pods: base.pods } : {}),
    ...(base.cni !== undefined ? { cni: base.cni } : {}),
    ...(base.ciliumCluster !== undefined ? { ciliumCluster: base.ciliumCluster } : {}),
  };
}

/** Same thing built the same way: source, namespace and (Helm) release. */
export function sameDefinition(a: Target, b: Target): boolean {
  if (!sameSource(a.source, b.source) || a.namespace !== b.namespace) return false;
  return a.source.kind !== "helm" || b.source.kind !== "helm" || a.source.release === b.source.release;
}

/**
 * Merges the base's and the head's configuration texts (undefined: no file at that revision).
 * Throws ConfigError when the head's file is invalid: the pull request must fix what it broke.
 */
export function mergeConfigs(file: string, baseText: string | undefined, headText: string | undefined): MergedConfig {
  const base = read(file, baseText);
  const head = read(file, headText);
  if (head.state === "invalid") throw new ConfigError(head.error);
  const notes: Note[] = [];
  const headTargets = head.state === "present" ? head.config.targets : [];
  const baseTargets = base.state === "present" ? base.config.targets : [];
  if (base.state === "invalid")
    notes.push(note`The base revision's ${file} is invalid (${[base.error]}); the pull request's targets are analyzed, each gated by the run's ${"fail-on"} at least.`);
  if (base.state === "absent" && head.state === "present")
    notes.push(note`This pull request adds ${file}: its targets are analyzed and gated by the run's ${"fail-on"} at least; what the base discovers is still analyzed.`);
  if (base.state === "present" && head.state === "absent") notes.push(note`This pull request deletes ${file}; the base's targets and settings still apply.`);

  const targets: Target[] = [];
  const taken = new Set<Target>();
  for (const b of baseTargets) {
    targets.push(b);
    const same = headTargets.find((h) => h.name === b.name);
    if (same !== undefined) {
      taken.add(same);
      if (!sameRules(same.failOn, b.failOn)) notes.push(note`Target ${b.name}: this pull request sets ${rules(same.failOn)}; ${b.failOn === undefined ? note`the run's ${"fail-on"} (the base sets none)` : note`the base's ${rules(b.failOn)}`} applies until it merges.`);
      if (same.pods !== b.pods) notes.push(note`Target ${b.name}: this pull request sets ${`pods: ${same.pods ?? "(the run's)"}`}; the base's ${`pods: ${b.pods ?? "(the run's)"}`} applies until it merges.`);
      // The CNI is a gate setting too: a pull request must not switch Cilium's policies off for its own check.
      if (same.cni !== b.cni) notes.push(note`Target ${b.name}: this pull request sets ${`cni: ${same.cni ?? "(the run's)"}`}; the base's ${`cni: ${b.cni ?? "(the run's)"}`} applies until it merges.`);
      if (same.ciliumCluster !== b.ciliumCluster)
        notes.push(note`Target ${b.name}: this pull request sets ${`cilium-cluster: ${same.ciliumCluster ?? "(the run's)"}`}; the base's ${`cilium-cluster: ${b.ciliumCluster ?? "(the run's)"}`} applies until it merges.`);
      if (!sameDefinition(same, b)) {
        // Both are analyzed: the base's definition at both revisions (what the base's gate guards)
        // and the pull request's at its head against the base's at the base (what would deploy).
        const name = `${b.name}@head`;
        targets.push({ ...baseSettings(same, b), name, baseSource: b.source, fromHead: false });
        notes.push(note`Target ${b.name}: this pull request builds it from ${describeSource(same.source)} instead of ${describeSource(b.source)}; ${b.name} is analyzed as the base defines it, and ${name} as the pull request does, both with the base's settings.`);
      }
      continue;
    }
    const renamed = headTargets.find((h) => !taken.has(h) && !baseTargets.some((o) => o.name === h.name) && sameDefinition(h, b));
    if (renamed !== undefined) {
      taken.add(renamed);
      notes.push(note`Target ${b.name} is renamed ${renamed.name} by this pull request; it is analyzed under its base name, with the base's settings.`);
    } else if (head.state === "present") notes.push(note`This pull request's ${file} drops target ${b.name}; it is still analyzed, with the base's settings.`);
  }
  for (const h of headTargets) {
    if (taken.has(h)) continue;
    targets.push({ ...h, fromHead: true });
    if (base.state === "present" || base.state === "invalid")
      notes.push(note`Target ${h.name} is added by this pull request: analyzed, and gated by the run's ${"fail-on"}${h.failOn === undefined ? [] : h.failOn.every((r) => r === "none") ? note` (its own ${"fail-on: none"} cannot lower that)` : note` and its own ${h.failOn.join(",")}`}.`);
  }

  // No file at the base means the base discovered its targets: the pull request cannot turn that off.
  const baseDiscover = base.state === "present" ? base.config.discover : true;
  const headDiscover = head.state === "present" ? head.config.discover : baseDiscover;
  if (baseDiscover && !headDiscover) notes.push(note`This pull request sets ${"discover: false"}; ${[base.state === "present" ? "the base's file sets discovery on" : "the base has no file, so discovery stays on"]}, and discovered targets are still analyzed.`);

  const asserted = mergeAssertions(base.state === "present" ? base.config : undefined, head.state === "present" ? head.config : undefined);
  notes.push(...asserted.notes);

  const changed = (baseText ?? null) !== (headText ?? null);
  const state = (r: Read): ConfigFileState => r.state;
  return {
    targets,
    discover: baseDiscover || headDiscover,
    assertions: asserted.assertions,
    review: {
      file,
      base: state(base),
      head: state(head),
      changed,
      notes,
      ...(asserted.errors.length > 0 ? { errors: asserted.errors } : {}),
      ...(changed ? { patch: createTwoFilesPatch(`a/${file}`, `b/${file}`, baseText ?? "", headText ?? "", undefined, undefined, { context: 3 }).split("\n").slice(1).join("\n") } : {}),
    },
  };
}

/**
 * The assertions alone, for a run whose targets come from flags (the Action's `kustomize` and
 * `helm` inputs): the targets are the workflow's, but what must hold is still the base's
 * `.netreach.yaml` (DESIGN section 4b). A file either side cannot read gives no assertions from
 * that side; the base's unreadable ones are errors, as in `mergeConfigs`.
 */
export function mergeAssertionsOnly(file: string, baseText: string | undefined, headText: string | undefined): { assertions: readonly ChosenAssertion[]; review?: ConfigReview } {
  const base = read(file, baseText);
  const head = read(file, headText);
  const asserted = mergeAssertions(base.state === "present" ? base.config : undefined, head.state === "present" ? head.config : undefined);
  const notes: Note[] = [...asserted.notes];
  if (base.state === "invalid") notes.unshift(note`The base revision's ${file} is invalid (${[base.error]}): none of its assertions are judged.`);
  if (head.state === "invalid") notes.push(note`This pull request's ${file} is invalid (${[head.error]}): the base's assertions are judged.`);
  if (notes.length === 0 && asserted.errors.length === 0) return { assertions: asserted.assertions };
  return {
    assertions: asserted.assertions,
    review: { file, base: base.state, head: head.state, changed: (baseText ?? null) !== (headText ?? null), notes, ...(asserted.errors.length > 0 ? { errors: asserted.errors } : {}) },
  };
}
