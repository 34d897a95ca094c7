// The render step of `npm run bench`, in a process of its own: the comment and the job summary
// of a diff that changes 1,000,000 pairs (built as data, test/support/million-diff.ts: analysing
// YAML that changes that much is not what is measured here), then its JSON report written in
// pieces to nowhere. Prints one JSON line: times, sizes, peak RSS.
// Usage (through scripts/bench.mjs): node bench-render.mjs
import { SUMMARY_MAX_BYTES } from "../src/action/comment-step.js";
import { diffJsonChunks } from "../src/render/diff-json.js";
import { renderComment } from "../src/render/diff-md.js";
import { relaunchWithHeapFlagsSync } from "../src/heap-flags.js";
import { manyChanges } from "../test/support/million-diff.js";

// Measured as the Action renders: with its heap flags.
const relaunched = relaunchWithHeapFlagsSync();
if (relaunched !== undefined) process.exit(relaunched);

const report = manyChanges();
const marker = "<!-- netreach:comment:default -->";

// As the Action does: the job summary first (grouping the changes), then the comment. CPU time
// too: on a shared machine it says more than the clock.
const cpu0 = process.cpuUsage();
let t0 = performance.now();
const summary = renderComment(report, { marker, maxChars: SUMMARY_MAX_BYTES, measure: "utf8" });
const summaryMs = performance.now() - t0;
t0 = performance.now();
const comment = renderComment(report, { marker, summaryNote: "The job summary of this run has the full report." });
const commentMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const renderCpuMs = (cpu.user + cpu.system) / 1000;

t0 = performance.now();
let jsonChars = 0;
let largestChunk = 0;
for (const c of diffJsonChunks(report)) {
  jsonChars += c.length;
  largestChunk = Math.max(largestChunk, c.length);
}
const jsonMs = performance.now() - t0;

console.log(
  JSON.stringify({
    changes: report.changes.length,
    summaryMs,
    commentMs,
    renderCpuMs,
    commentChars: comment.length,
    summaryBytes: Buffer.byteLength(summary, "utf8"),
    jsonMs,
    jsonChars,
    largestChunk,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
