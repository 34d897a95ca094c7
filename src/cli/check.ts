// `netreach check [PATHS... | --git REV]`: the assertions of `.netreach.yaml` (or --config FILE)
// judged at one revision, for the main branch's CI and pre-commit. Where things come from:
//   - no arguments: the working tree of the repository the current directory is in (or the
//     current directory outside one), its targets as `diff` resolves them;
//   - PATHS: the paths read as they are, one cluster (target `paths`) judged on every assertion;
//   - --git REV: the configuration and every target built at REV, never checked out.
// `--suggest` proposes assertions that hold today instead (assert/suggest.ts).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { reach, type AnalyzeOptions, type ReachReport } from "../analyze.js";
import type { Assertion, AssertionResult } from "../assert/assertion.js";
import { pickSuggestions, suggestCandidates, suggestionsYaml, type Suggestion } from "../assert/suggest.js";
import { UsageError } from "../files/usage-error.js";
import { readSources } from "../files/read-sources.js";
import { gitResult } from "../git/run.js";
import { repoRoot } from "../git/repo.js";
import type { Diagnostic } from "../load/object/diagnostic.js";
import type { SourceFile } from "../load/object/source.js";
import { plain } from "../render/escape.js";
import { checkExitCode, type CheckReport, type CheckTarget } from "../render/check-report.js";
import { renderCheckJson } from "../render/check-json.js";
import { renderCheckMarkdown } from "../render/check-md.js";
import { renderCheckSarif } from "../render/check-sarif.js";
import { renderCheckText } from "../render/check-text.js";
import { capTargets, DEFAULT_MAX_TARGETS, pastCap, pastDeadline } from "../targets/bounds.js";
import { CONFIG_FILE, parseConfig, type TargetsConfig } from "../targets/config.js";
import { Deadline, DEFAULT_DEADLINE_SECONDS, timeLeftFor } from "../targets/deadline.js";
import { buildSide } from "../targets/diff-targets.js";
import { dirTree, gitTree, type RepoTree } from "../targets/repo-tree.js";
import { resolveTargets } from "../targets/resolve.js";
import { originUrl } from "../targets/run.js";
import { describeSource, type Target } from "../targets/target.js";
import { DEFAULT_TIMEOUT_MS } from "../tools/build-options.js";
import { VERSION } from "../version.js";
import type { Command } from "./args.js";
import { readInThreads } from "../workers/read-pool.js";
import { readPool, type Io } from "./io.js";
import { formatDiagnostic, targetFlags } from "./target-flags.js";
import { cniOptions } from "../targets/cni-of.js";

type CheckCommand = Extract<Command, { command: "check" }>;

/** One cluster to judge: its files, or why there are none. */
interface Unit {
  readonly target: Target;
  readonly files?: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly failure?: string;
}

export async function runCheck(cmd: CheckCommand, io: Io): Promise<number> {
  const cwd = process.cwd();
  const root = cmd.rev !== null ? repoRoot(cwd) : topOf(cwd);
  const tree: RepoTree | undefined = cmd.paths.length > 0 ? undefined : cmd.rev !== null ? gitTree(root, cmd.rev, cmd.rev) : dirTree(root, "working tree");
  try {
    const configFile = cmd.targets.config ?? CONFIG_FILE;
    const text = cmd.targets.config !== null ? readFileSync(cmd.targets.config, "utf8") : tree !== undefined ? tree.read(CONFIG_FILE) : readOr(resolve(root, CONFIG_FILE));
    const config: TargetsConfig | undefined = text === undefined ? undefined : parseConfig(configFile, text);
    const assertions: readonly Assertion[] = config?.assertions ?? [];
    const errors = [...(config?.assertionErrors ?? [])];
    if (!cmd.suggest && assertions.length === 0 && errors.length === 0) {
      io.err(`netreach: no assertions in ${configFile}${text === undefined ? ` (there is no ${configFile}${cmd.rev !== null ? ` at ${cmd.rev}` : ""})` : ""}: nothing to check; \`netreach check --suggest\` proposes some\n`);
      return 2;
    }

    const units = await unitsOf(cmd, tree, root, io);
    if (tree !== undefined && cmd.targets.names.length === 0) errors.push(...unknownTargets(assertions, units.map((u) => u.target.name)));
    const several = units.length > 1;
    for (const u of units) for (const d of u.diagnostics) io.err(`${several ? `[${u.target.name}] ` : ""}${formatDiagnostic(d)}\n`);
    const inputErrors = units.some((u) => u.diagnostics.some((d) => d.severity === "error"));

    if (cmd.suggest) return await suggest(cmd, units, new Set(assertions.map((a) => a.name)), configFile, io, inputErrors);

    const targets: CheckTarget[] = units.map((u) => {
      const built = describeSource(u.target.source);
      if (u.failure !== undefined) return { name: u.target.name, built, results: [], failure: u.failure };
      const applying = tree === undefined ? assertions : assertions.filter((a) => a.targets === null || a.targets.includes(u.target.name));
      const { report, results } = judge(u, cmd, applying);
      return { name: u.target.name, built, results, revision: report.revision };
    });
    const report: CheckReport = { configFile, assertions, targets, errors };
    const render = {
      text: () => renderCheckText(report),
      json: () => renderCheckJson(report),
      md: () => renderCheckMarkdown(report),
      sarif: () => JSON.stringify(renderCheckSarif(report, { toolVersion: VERSION }), null, 2) + "\n",
    };
    await io.stream([render[cmd.format]()]);
    // What the repository wrote (names, messages, tool output) is shown, never interpreted (plain).
    for (const e of errors) io.err(`netreach: ${plain(e)}\n`);
    for (const t of targets) if (t.failure !== undefined) io.err(`netreach: target ${plain(t.name)} (${plain(t.built)}) not built, its assertions not judged: ${plain(t.failure)}\n`);
    for (const t of targets)
      for (const r of t.results)
        if (r.status === "no-match")
          io.err(`netreach: warning: ${plain(r.assertion.source.file)}:${r.assertion.source.line}: assertion ${plain(r.assertion.name)} matches nothing${several ? ` in target ${plain(t.name)}` : ""}${r.notes.length > 0 ? `: ${plain(r.notes.join("; "))}` : ""}\n`);
    const code = checkExitCode(report);
    return code === 0 && inputErrors ? 2 : code;
  } finally {
    tree?.cleanup();
  }
}

/** The clusters to judge: the paths as one, or each target of the tree built (capped, within the deadline). */
async function unitsOf(cmd: CheckCommand, tree: RepoTree | undefined, root: string, io: Io): Promise<Unit[]> {
  if (tree === undefined) {
    const sources = readSources([...cmd.paths], cmd.limits.bytes === undefined ? {} : { maxTotalBytes: cmd.limits.bytes }, "", process.cwd());
    const [files] = readInThreads([sources.files], readPool(io, cmd.threads));
    return [{ target: { name: "paths", source: { kind: "paths", paths: [...cmd.paths] }, origin: "flag" }, files: files!, diagnostics: sources.diagnostics }];
  }
  const resolved = resolveTargets(targetFlags(cmd.targets, [root]), [], { base: tree, head: tree }, originUrl(root));
  const all = resolved.targets;
  if (all.length === 0) throw new UsageError(`no targets in ${tree.label}: nothing to check`);
  const max = cmd.bounds.maxTargets ?? DEFAULT_MAX_TARGETS;
  const deadline = Deadline.after(cmd.bounds.deadline ?? DEFAULT_DEADLINE_SECONDS);
  const { kept, over } = capTargets(all, max);
  const units: Unit[] = [];
  for (const t of kept) {
    if (deadline.passed()) {
      units.push({ target: t, diagnostics: [], failure: pastDeadline(t, deadline).failure!.message });
      continue;
    }
    const side = await buildSide(t, tree, { ...(cmd.namespace !== undefined ? { namespace: cmd.namespace } : {}), build: { timeoutMs: timeLeftFor(DEFAULT_TIMEOUT_MS, deadline) } });
    // Fail closed: a target missing or not built at this revision judges nothing, and says so.
    if (side.absent) units.push({ target: t, diagnostics: side.diagnostics, failure: `not found in ${tree.label}` });
    else if (side.error !== undefined) units.push({ target: t, diagnostics: side.diagnostics, failure: `${side.error.message}${side.error.detail ? `\n${side.error.detail}` : ""}` });
    else units.push({ target: t, files: side.files, diagnostics: side.diagnostics });
  }
  for (const t of over) units.push({ target: t, diagnostics: [], failure: pastCap(t, max, all.length).failure!.message });
  return units;
}

/** The unit's cluster analyzed with these assertions judged on it. */
function judge(u: Unit, cmd: CheckCommand, assertions: readonly Assertion[]): { report: ReachReport; results: readonly AssertionResult[] } {
  const t = u.target;
  const helm = t.source.kind === "helm";
  const namespace = t.namespace ?? cmd.namespace;
  const options: AnalyzeOptions = {
    pods: t.pods ?? cmd.pods,
    hostNetwork: cmd.hostNetwork,
    limits: cmd.limits,
    ...cniOptions(t, cmd),
    ...(cmd.ingressController !== undefined ? { ingressController: cmd.ingressController } : {}),
    ...(cmd.dnsServer !== undefined ? { dnsServer: cmd.dnsServer } : {}),
    ...(helm ? { defaultNamespace: namespace ?? "default" } : namespace !== undefined ? { namespace } : {}),
    assertions,
  };
  const report = reach(u.files ?? [], options);
  return { report, results: report.assertions };
}

/** `--suggest`: candidates from every built target, kept when they hold on each target they match. */
async function suggest(cmd: CheckCommand, units: readonly Unit[], taken: ReadonlySet<string>, configFile: string, io: Io, inputErrors: boolean): Promise<number> {
  const built = units.filter((u) => u.failure === undefined);
  const candidates = new Map<string, Suggestion>();
  for (const u of built) {
    const { report } = judge(u, cmd, []);
    for (const s of suggestCandidates({ endpoints: report.endpoints, ...(cmd.dnsServer !== undefined ? { dnsServer: cmd.dnsServer } : {}), taken }))
      if (!candidates.has(s.assertion.name)) candidates.set(s.assertion.name, s);
  }
  const list = [...candidates.values()];
  const passedOn = new Map<string, string[]>();
  const failed = new Set<string>();
  for (const u of built) {
    for (const r of judge(u, cmd, list.map((s) => s.assertion)).results) {
      if (r.status === "failed") failed.add(r.assertion.name);
      if (r.status === "passed") passedOn.set(r.assertion.name, [...(passedOn.get(r.assertion.name) ?? []), u.target.name]);
    }
  }
  const kept = pickSuggestions(list, (name) => !failed.has(name) && passedOn.has(name)).map((s) => {
    const on = passedOn.get(s.assertion.name)!;
    // Held where it matched, matched nothing elsewhere: named for the targets where it means something.
    return units.length > 1 && on.length < units.length ? { ...s, assertion: { ...s.assertion, targets: on } } : s;
  });
  const where = units.length === 1 ? (units[0]!.target.name === "paths" ? "the paths given" : `target ${units[0]!.target.name}`) : `${units.length} targets`;
  io.out(
    suggestionsYaml(kept, [
      `netreach check --suggest: ${kept.length} assertion${kept.length === 1 ? "" : "s"} that hold today in ${where}.`,
      `Keep the ones you mean in ${configFile === CONFIG_FILE ? CONFIG_FILE : `${configFile} (or .netreach.yaml)`}, under its \`assertions:\` list; each was judged before it was printed.`,
    ]),
  );
  const notBuilt = units.filter((u) => u.failure !== undefined);
  for (const u of notBuilt) io.err(`netreach: target ${plain(u.target.name)} not built, nothing suggested from it: ${plain(u.failure!)}\n`);
  return notBuilt.length > 0 || inputErrors ? 2 : 0;
}

/** Assertions naming a target the revision does not have: a mistake at the assertion's line. */
function unknownTargets(assertions: readonly Assertion[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of assertions) {
    const unknown = (a.targets ?? []).filter((n) => !names.includes(n));
    if (unknown.length > 0)
      out.push(`${a.source.file}:${a.source.line}: assertion ${a.name} names target${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => JSON.stringify(n)).join(", ")}, which ${unknown.length > 1 ? "are" : "is"} not a target here (the targets: ${names.join(", ") || "none"})`);
  }
  return out;
}

/** The working tree's top directory, or `dir` itself outside a git repository. */
function topOf(dir: string): string {
  const r = gitResult(dir, ["rev-parse", "--show-toplevel"]);
  return r.status === 0 ? r.stdout.toString("utf8").trim() : dir;
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
