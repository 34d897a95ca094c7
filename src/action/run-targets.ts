// The Action for runs with several targets (or a built one): each target diffed and gated on
// its own, one comment with the targets table and a section per changed target, outputs summed,
// and the step failed when any target's gate failed or any target could not be built.
import * as core from "@actions/core";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { makeClient } from "../github/client.js";
import { commentMarker } from "../github/comment.js";
import { pullRequestLabels } from "../github/labels.js";
import { violationLines } from "../render/diff-text.js";
import { groupChanges } from "../render/group.js";
import type { TargetOutcome } from "../render/target-outcome.js";
import { noteText, type ConfigReview } from "../render/config-review.js";
import { targetsJsonChunks } from "../render/targets-json.js";
import { writeFileChunks } from "../files/write-chunks.js";
import { renderTargetsComment, type UnreadFiles } from "../render/targets-md.js";
import { normalizeRepoUrl } from "../targets/gitops.js";
import { gitTree } from "../targets/repo-tree.js";
import { runTargets } from "../targets/run.js";
import { shardPayload, type ShardPayload } from "../targets/shard-report.js";
import { MergeError, mergeShards } from "../targets/shard-merge.js";
import { expandGlob } from "./glob.js";
import { Deadline, DEFAULT_DEADLINE_SECONDS } from "../targets/deadline.js";
import { openingAnnotations, MAX_ANNOTATIONS } from "./annotations.js";
import { log, safe, writeComment, SUMMARY_MAX_BYTES } from "./comment-step.js";
import type { EventContext } from "./event.js";
import type { ActionInputs } from "./inputs.js";


/** Runs the targets; false when the run is a single plain analysis, which the caller does as before. */
export async function runActionTargets(
  repoDir: string,
  revs: { readonly base: string; readonly head: string },
  inputs: ActionInputs,
  event: EventContext,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const server = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
  const repo = event.owner && event.repo ? normalizeRepoUrl(`${server}/${event.owner}/${event.repo}`) : undefined;
  const trees = { base: gitTree(repoDir, revs.base, "base"), head: gitTree(repoDir, revs.head, "head") };
  let outcomes: readonly TargetOutcome[];
  let config: ConfigReview | undefined;
  let unread: UnreadFiles = { files: [], fails: false };
  let skipped: string | undefined;
  let shard: ShardPayload | undefined;
  const deadline = Deadline.after(inputs.bounds.deadline ?? DEFAULT_DEADLINE_SECONDS);
  try {
    const started = Date.now();
    const options = {
      ...analysisOptions(inputs),
      deadline,
      ...(inputs.bounds.maxTargets !== undefined ? { maxTargets: inputs.bounds.maxTargets } : {}),
      ...(inputs.shard !== null ? { shard: inputs.shard } : {}),
    };
    const run = await runTargets(
      { kustomize: inputs.targets.kustomize, helm: inputs.targets.helm, names: inputs.targets.names, configPath: inputs.targets.config, discover: inputs.targets.discover },
      inputs.paths,
      trees,
      repo,
      options,
    );
    if (run === undefined) {
      if (inputs.shard !== null) throw new Error("input shard splits a run's targets, and this run has none: it is one plain analysis of the manifests (see netreach targets)");
      return false;
    }
    outcomes = run.outcomes;
    config = run.resolved.review;
    unread = { files: run.unread, fails: inputs.gate.failOn.includes("unanalyzed") };
    for (const f of run.unread) core.info(safe(`netreach: ${f}: changed, and no target reads it (not analyzed)`));
    for (const n of config?.notes ?? []) core.info(safe(`netreach: ${config!.file}: ${noteText(n)}`));
    skipped = run.skipped;
    if (inputs.shard !== null)
      shard = shardPayload(inputs.shard, { all: run.resolved.targets, diffs: run.diffs, unread: run.unread, unreadFails: unread.fails, review: config }, trees, options, run.resolved.assertions);
    core.info(safe(`netreach: ${outcomes.length} target(s) from ${run.resolved.from}, built and diffed in ${((Date.now() - started) / 1000).toFixed(1)} s`));
    for (const o of outcomes)
      core.info(safe(`netreach: target ${o.name} (${o.built}): base ${o.base.absent ? "absent" : `${o.base.ms} ms`}, head ${o.head.absent ? "absent" : o.head.reused ? "unchanged, built once" : `${o.head.ms} ms`}`));
  } finally {
    trees.base.cleanup();
    trees.head.cleanup();
  }
  await publishTargets({ outcomes, config, unread, skipped, ...(shard !== undefined ? { shard } : {}) }, repoDir, revs, inputs, event, env);
  return true;
}

/**
 * Merge mode (input merge-reports): the shards' reports of the matrix's jobs into the comment,
 * job summary, outputs and gate that one run over all the targets would give.
 */
export async function runActionMerge(repoDir: string, inputs: ActionInputs, event: EventContext, env: NodeJS.ProcessEnv): Promise<void> {
  const files = expandGlob(repoDir, inputs.mergeReports);
  let merged;
  try {
    merged = mergeShards(files.map((f) => ({ file: relative(repoDir, f) || f, text: readFileSync(f, "utf8") })));
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    core.setOutput("gate", "error");
    core.setFailed(safe(`netreach: gate error: the shards' reports cannot be merged, which is never a pass: ${e.message} (merge-reports: ${inputs.mergeReports}, found: ${files.length === 0 ? "none" : files.map((f) => relative(repoDir, f)).join(", ")})`));
    return;
  }
  core.info(safe(`netreach: merged ${files.length} shard report(s): ${merged.outcomes.length} target(s), comparing ${merged.base.slice(0, 12)} (base) with ${merged.head.slice(0, 12)} (head)`));
  await publishTargets(merged, repoDir, { base: merged.base, head: merged.head }, inputs, event, env);
}

/** What the Action's analysis reads of its inputs, as a shard's report carries it (data only). */
function analysisOptions(inputs: ActionInputs) {
  return {
    pods: inputs.pods,
    cni: inputs.cni,
    ...(inputs.ciliumCluster !== null ? { ciliumCluster: inputs.ciliumCluster } : {}),
    gate: inputs.gate,
    limits: inputs.limits,
    ...(inputs.namespace !== null ? { namespace: inputs.namespace } : {}),
    ...(inputs.ingressController !== null ? { ingressController: inputs.ingressController } : {}),
    ...(inputs.dnsServer !== null ? { dnsServer: inputs.dnsServer } : {}),
  };
}

interface Published {
  readonly outcomes: readonly TargetOutcome[];
  readonly config?: ConfigReview | undefined;
  readonly unread: UnreadFiles;
  readonly skipped?: string | undefined;
  /** A shard's run: its report carries this, and the merge job comments and gates. */
  readonly shard?: ShardPayload;
}

async function publishTargets(run: Published, repoDir: string, revs: { readonly base: string; readonly head: string }, inputs: ActionInputs, event: EventContext, env: NodeJS.ProcessEnv): Promise<void> {
  const { outcomes, config, unread, skipped } = run;
  const server = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
  const linkAt = (sha: string) => (file: string, line: number) =>
    event.owner && event.repo ? `${server}/${event.owner}/${event.repo}/blob/${sha}/${file.split("/").map(encodeURIComponent).join("/")}#L${line}` : undefined;
  const reports = outcomes.flatMap((o) => (o.report !== undefined ? [{ name: o.name, report: o.report }] : []));
  const unreadFails = unread.fails && unread.files.length > 0;
  const gateFailed = reports.some((r) => !r.report.gate.passed) || unreadFails;
  const notBuilt = outcomes.filter((o) => o.failure !== undefined);
  // The base's unreadable assertions: what they guard is unknown, never a pass (DESIGN section 4b).
  const configErrors = config?.errors ?? [];

  let allowedByLabel: string | null = null;
  let client: ReturnType<typeof makeClient> | null = null;
  const apiUrl = env["GITHUB_API_URL"] || "https://api.github.com";
  if (inputs.token && event.pullRequest !== null) client = makeClient({ token: inputs.token, baseUrl: apiUrl, log });
  // The label waives a failed rule, never what was not analyzed (DESIGN section 4b).
  if (gateFailed && notBuilt.length === 0 && configErrors.length === 0 && inputs.allowLabel && event.pullRequest !== null) {
    const labels = client ? await pullRequestLabels(client, event.owner, event.repo, event.pullRequest, { fallback: [...event.labels], log }) : event.labels;
    if (labels.includes(inputs.allowLabel)) allowedByLabel = inputs.allowLabel;
  }

  const shardSuffix = run.shard !== undefined ? `-shard-${run.shard.index}-of-${run.shard.count}` : "";
  const reportPath = join(env["RUNNER_TEMP"] || repoDir, `netreach-report${inputs.commentHeader ? "-" + inputs.commentHeader.replace(/[^A-Za-z0-9_.-]/g, "_") : ""}${shardSuffix}.json`);
  await writeFileChunks(reportPath, targetsJsonChunks(outcomes, { unread, ...(config !== undefined ? { config } : {}), ...(run.shard !== undefined ? { shard: run.shard } : {}) }));
  const sum = (f: (r: (typeof reports)[number]["report"]) => number) => reports.reduce((n, r) => n + f(r.report), 0);
  // Flows as each target's section counts them.
  const opened = sum((r) => groupChanges(r).openedFlows);
  const closed = sum((r) => groupChanges(r).closedFlows);
  const changed = sum((r) => groupChanges(r).changedFlows);
  const gate = notBuilt.length > 0 || configErrors.length > 0 ? "error" : gateFailed ? (allowedByLabel !== null ? "allowed" : "failed") : "passed";
  core.setOutput("opened", String(opened));
  core.setOutput("closed", String(closed));
  core.setOutput("changed", String(changed));
  core.setOutput("gate", gate);
  core.setOutput("report-json", reportPath);
  if (run.shard !== undefined) {
    // One job of a matrix: the merge job posts the comment and gates on every shard together.
    core.setOutput("comment-id", "");
    core.info(safe(`netreach: shard ${run.shard.shard}: ${outcomes.length} of ${run.shard.targets.length} target(s) analyzed (${outcomes.map((o) => o.name).join(", ") || "none"}); gate ${gate} for these; report ${reportPath}, for the merge job (input merge-reports)`));
    return;
  }

  const marker = commentMarker(inputs.commentHeader);
  const ctxBase = { marker, header: inputs.commentHeader || undefined, link: linkAt(revs.head), baseLink: linkAt(revs.base), gateAllowedByLabel: allowedByLabel, unread, ...(config !== undefined ? { config } : {}) };
  try {
    await core.summary.addRaw(renderTargetsComment(outcomes, { ...ctxBase, maxChars: SUMMARY_MAX_BYTES, measure: "utf8" })).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }

  // Annotations: failures first, then the lines that open flows, across targets.
  for (const o of notBuilt.slice(0, 5)) core.error(o.failure!.message, { file: o.failure!.file, startLine: o.failure!.line, title: `netreach: target ${o.name} not built` });
  let annotations = 0;
  for (const { name, report } of reports) {
    for (const a of openingAnnotations(report)) {
      if (annotations++ >= MAX_ANNOTATIONS) break;
      const props = { file: a.file, startLine: a.line, title: `${a.title} (${name})` };
      if (a.level === "error" && allowedByLabel === null) core.error(a.message, props);
      else if (a.level === "error") core.warning(a.message, props);
      else core.notice(a.message, props);
    }
  }

  const commentId = await writeComment(inputs, event, client, marker, () =>
    renderTargetsComment(outcomes, { ...ctxBase, maxChars: inputs.maxCommentChars, summaryNote: "The job summary of this run has the full report." }),
  );
  core.setOutput("comment-id", commentId === null ? "" : String(commentId));
  core.info(safe(`netreach: ${outcomes.length} targets; ${opened} flow(s) opened, ${closed} closed, ${changed} changed; gate ${gate}`));

  const messages: string[] = [];
  for (const { name, report } of reports) {
    if (report.gate.passed) continue;
    const { lines, count } = violationLines(report, 20);
    messages.push(`netreach gate failed for target ${name} (fail-on: ${report.gateConfig.failOn.join(",")}): ${count} violation(s)\n${lines.map((l) => `- ${l}`).join("\n")}`);
  }
  if (unreadFails) messages.push(`netreach gate failed (unanalyzed): ${unread.files.length} changed file(s) no target reads\n${unread.files.slice(0, 20).map((f) => `- ${f}`).join("\n")}`);
  if (messages.length > 0) {
    if (allowedByLabel !== null) core.notice(`${messages.join("\n")}\nAllowed by the PR label "${allowedByLabel}".`);
    else core.setFailed(messages.join("\n"));
  }
  if (skipped !== undefined) core.error(safe(`netreach: ${skipped}`), { title: "netreach: targets not analyzed" });
  // At most 20 names: past the target cap there can be thousands (the JSON report names them all).
  const named = notBuilt.slice(0, 20).map((o) => `${o.name} (${o.failure!.message.split("\n")[0]})`).join("; ") + (notBuilt.length > 20 ? `; … and ${notBuilt.length - 20} more` : "");
  if (notBuilt.length > 0) core.setFailed(safe(`netreach: gate error: ${notBuilt.length} target(s) not analyzed, which is never a pass: ${named}`));
  if (configErrors.length > 0)
    core.setFailed(safe(`netreach: gate error: the base revision's ${config!.file} has ${configErrors.length} assertion(s) that cannot be read, so what they guard is unknown (fix them on the main branch): ${configErrors.slice(0, 5).join("; ")}`));
}
