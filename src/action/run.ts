// The Action: inputs and event in; PR comment, job summary, annotations, outputs and the gate out.
// Everything here is I/O around the pure core (`diff`, renderers).
import * as core from "@actions/core";
import { join } from "node:path";
import { diff, type DiffReport } from "../analyze.js";
import { ensureMergeBase } from "../git/merge-base.js";
import { readRevision, type BlobTexts } from "../git/read-revision.js";
import { hasCommit, resolveRev } from "../git/repo.js";
import { makeClient } from "../github/client.js";
import { commentMarker } from "../github/comment.js";
import { pullRequestLabels } from "../github/labels.js";
import { renderComment } from "../render/diff-md.js";
import { groupChanges } from "../render/group.js";
import { diffJsonChunks } from "../render/diff-json.js";
import { writeFileChunks } from "../files/write-chunks.js";
import { violationLines } from "../render/diff-text.js";
import { openingAnnotations } from "./annotations.js";
import { log, safe, writeComment, SUMMARY_MAX_BYTES } from "./comment-step.js";
import { runActionMerge, runActionTargets } from "./run-targets.js";
import { readInThreads } from "../workers/read-pool.js";
import { gitTree } from "../targets/repo-tree.js";
import { unreadFiles } from "../targets/unread-files.js";
import { readEvent, type EventContext } from "./event.js";
import { readInputs, type ActionInputs } from "./inputs.js";

export { safe } from "./comment-step.js";

interface Revisions {
  readonly base: string;
  readonly head: string;
}

/** Beside the annotations on lines that open flows (GitHub shows 10 of each level per step). */
const MAX_DIAGNOSTIC_ANNOTATIONS = 5;

const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

/** A commit id for a revision a user typed (workflow_dispatch, inputs): local ref, else the remote's. */
function toSha(repoDir: string, rev: string): string {
  if (FULL_SHA.test(rev)) return rev;
  try {
    return resolveRev(repoDir, rev);
  } catch (e) {
    try {
      return resolveRev(repoDir, `origin/${rev}`);
    } catch {
      throw e;
    }
  }
}

function revisions(repoDir: string, inputs: ActionInputs, event: EventContext): Revisions {
  const headRev = inputs.head ?? event.headSha;
  if (headRev === null) throw new Error(`no head revision: the ${event.name || "unknown"} event carries none; set the head input`);
  if (inputs.base !== null) {
    // An explicit base is compared as given (no merge base): the user chose it.
    return { base: toSha(repoDir, inputs.base), head: toSha(repoDir, headRev) };
  }
  if (event.baseSha === null) throw new Error(`no base revision: the ${event.name || "unknown"} event carries none; set the base input`);
  const head = toSha(repoDir, headRev);
  // The PR's changes are what its head adds to the merge base, not to the base branch's tip.
  const base = ensureMergeBase(repoDir, toSha(repoDir, event.baseSha), head, "origin", { log: (m) => core.info(safe(m)) });
  if (!hasCommit(repoDir, head)) throw new Error(`head commit ${head} is not in the repository`);
  return { base, head };
}

/** `workerEntry`: the running bundle, for worker threads that read large inputs (workers/read-pool.ts). */
export async function runAction(env: NodeJS.ProcessEnv = process.env, workerEntry?: URL): Promise<void> {
  const inputs = readInputs();
  const event = readEvent(env);
  const repoDir = env["GITHUB_WORKSPACE"] || process.cwd();
  // The job after a matrix of shards: their reports carry the revisions, nothing is read from git.
  if (inputs.mergeReports !== "") return await runActionMerge(repoDir, inputs, event, env);
  const revs = revisions(repoDir, inputs, event);
  core.info(safe(`netreach: comparing ${revs.base.slice(0, 12)} (${inputs.base === null ? "merge base" : "base"}) with ${revs.head.slice(0, 12)} (head)`));

  if (await runActionTargets(repoDir, revs, inputs, event, env)) return;

  const readLimits = inputs.limits.bytes === undefined ? {} : { maxTotalBytes: inputs.limits.bytes };
  const texts: BlobTexts = new Map(); // blobs both revisions hold are read once
  const baseFiles = readRevision(repoDir, revs.base, [...inputs.paths], readLimits, "in the base revision", texts);
  const headFiles = readRevision(repoDir, revs.head, [...inputs.paths], readLimits, "in the head revision", texts);
  const [base, head] = readInThreads([baseFiles.files, headFiles.files], { entry: workerEntry });
  const analyzed = diff(base!, head!, {
    pods: inputs.pods,
    cni: inputs.cni,
    ...(inputs.ciliumCluster !== null ? { ciliumCluster: inputs.ciliumCluster } : {}),
    namespace: inputs.namespace ?? undefined,
    ingressController: inputs.ingressController ?? undefined,
    ...(inputs.dnsServer !== null ? { dnsServer: inputs.dnsServer } : {}),
    gate: inputs.gate,
    limits: inputs.limits,
    unreadFiles: unreadOutside(repoDir, revs, inputs.paths),
  });
  const report = { ...analyzed, diagnostics: [...headFiles.diagnostics, ...analyzed.diagnostics] };

  const server = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
  const linkAt = (sha: string) => (file: string, line: number) =>
    event.owner && event.repo ? `${server}/${event.owner}/${event.repo}/blob/${sha}/${file.split("/").map(encodeURIComponent).join("/")}#L${line}` : undefined;
  const link = linkAt(revs.head);

  // Allow label: the API knows the labels as they are now; the payload's may be stale.
  let allowedByLabel: string | null = null;
  let client: ReturnType<typeof makeClient> | null = null;
  const apiUrl = env["GITHUB_API_URL"] || "https://api.github.com";
  if (inputs.token && event.pullRequest !== null) client = makeClient({ token: inputs.token, baseUrl: apiUrl, log });
  if (!report.gate.passed && inputs.allowLabel && event.pullRequest !== null) {
    const labels = client ? await pullRequestLabels(client, event.owner, event.repo, event.pullRequest, { fallback: [...event.labels], log }) : event.labels;
    if (labels.includes(inputs.allowLabel)) allowedByLabel = inputs.allowLabel;
  }

  // Report file, outputs.
  const reportPath = join(env["RUNNER_TEMP"] || repoDir, `netreach-report${inputs.commentHeader ? "-" + inputs.commentHeader.replace(/[^A-Za-z0-9_.-]/g, "_") : ""}.json`);
  await writeFileChunks(reportPath, diffJsonChunks(report));
  // Flows as the comment counts them: the headline, the tables and the outputs agree.
  const { openedFlows: opened, closedFlows: closed, changedFlows: changed } = groupChanges(report);
  const gate = report.gate.passed ? "passed" : allowedByLabel !== null ? "allowed" : "failed";
  core.setOutput("opened", String(opened));
  core.setOutput("closed", String(closed));
  core.setOutput("changed", String(changed));
  core.setOutput("gate", gate);
  core.setOutput("report-json", reportPath);

  // Job summary: always, with room for everything the comment may have to cut.
  const marker = commentMarker(inputs.commentHeader);
  const ctxBase = { marker, header: inputs.commentHeader || undefined, link, baseLink: linkAt(revs.base), gateAllowedByLabel: allowedByLabel };
  try {
    await core.summary.addRaw(renderComment(report, { ...ctxBase, maxChars: SUMMARY_MAX_BYTES, measure: "utf8" })).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }

  annotate(report, allowedByLabel);

  // The comment: skipped, never fatal, when the token cannot write (fork PRs).
  const commentId = await writeComment(inputs, event, client, marker, () =>
    renderComment(report, { ...ctxBase, maxChars: inputs.maxCommentChars, summaryNote: "The job summary of this run has the full report." }),
  );
  core.setOutput("comment-id", commentId === null ? "" : String(commentId));

  core.info(safe(`netreach: ${opened} flow(s) opened, ${closed} closed, ${changed} changed; gate ${gate}`));
  decide(report, allowedByLabel);
}

/** Changed files that could feed a cluster outside the `paths` read (DESIGN section 4b). */
function unreadOutside(repoDir: string, revs: Revisions, paths: readonly string[]): string[] {
  const trees = { base: gitTree(repoDir, revs.base, "base"), head: gitTree(repoDir, revs.head, "head") };
  return unreadFiles([{ name: "manifests", source: { kind: "paths", paths: [...paths] }, origin: "discovered" }], trees);
}

/** Lines a reviewer should look at: invalid objects, then the policy lines that open flows. */
function annotate(report: DiffReport, allowedByLabel: string | null): void {
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  for (const d of report.diagnostics) core.info(safe(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`));
  for (const d of errors.slice(0, MAX_DIAGNOSTIC_ANNOTATIONS)) {
    core.error(d.message, { file: d.file, startLine: d.line, startColumn: d.column, title: "netreach: invalid input, left out of the analysis" });
  }
  for (const a of openingAnnotations(report)) {
    const props = { file: a.file, startLine: a.line, title: a.title };
    // A reviewed and allowed change still deserves the pointer, but not a red mark.
    if (a.level === "error" && allowedByLabel === null) core.error(a.message, props);
    else if (a.level === "error") core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}

/** The required check: fails the step on violations, unless the allow label is on the PR. */
function decide(report: DiffReport, allowedByLabel: string | null): void {
  if (report.gate.passed) return;
  const { lines, count } = violationLines(report, 20);
  const message = `netreach gate failed (fail-on: ${report.gateConfig.failOn.join(",")}): ${count} violation(s)\n${lines.map((l) => `- ${l}`).join("\n")}`;
  if (allowedByLabel !== null) core.notice(`${message}\nAllowed by the PR label "${allowedByLabel}".`);
  else core.setFailed(message);
}
