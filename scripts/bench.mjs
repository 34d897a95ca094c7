// `npm run bench [-- SIZE... [--pods declared|auto]...]`: times `diff` on generated clusters
// (scripts/bench-cluster.ts) of 1k, 10k and 100k workloads, each in a process of its own, and
// prints parse time, analysis time, diff total, peak RSS and pod classes. Not a test: numbers to
// compare runs. Bundles scripts/bench-main.ts with esbuild into a temp file and runs it.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+k$/.test(a));
const modes = args.flatMap((a, i) => (args[i - 1] === "--pods" ? [a] : []));
const runs = (sizes.length > 0 ? sizes : ["1k", "10k", "100k"]).flatMap((s) =>
  (modes.length > 0 ? modes : ["declared", "auto"]).map((m) => [s, m]),
);

const dir = mkdtempSync(join(tmpdir(), "netreach-bench-"));
const outfile = join(dir, "bench.mjs");
await build({
  entryPoints: ["scripts/bench-main.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  logLevel: "warning",
  banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
});

const secs = (ms) => (ms === null || ms === undefined ? "—" : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const mib = (b) => `${Math.round(b / 2 ** 20)} MiB`;
const n = (x) => x.toLocaleString("en-US");
console.log(`netreach bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
console.log("");
console.log("| workloads / policies / namespaces (YAML) | pods | parse | analysis | diff total | peak RSS | pod classes |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
try {
  for (const [size, mode] of runs) {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [outfile, size, mode], { encoding: "utf8", maxBuffer: 1 << 24 });
    const elapsed = performance.now() - t0;
    const lines = child.stdout.trim().split("\n").filter((l) => l.startsWith("{"));
    const r = lines.length > 0 ? JSON.parse(lines[lines.length - 1]) : undefined;
    const what = r ? `${n(r.workloads)} / ${n(r.policies)} / ${n(r.namespaces)} (${mib(r.bytes)})` : size;
    const classes = r?.classes === null || r?.classes === undefined ? "—" : n(r.classes);
    if (r === undefined || r.totalMs === undefined) {
      // Crashed (or refused) after parsing: say how far it got.
      const why = r?.refused ? `refused: ${r.refused.replace(/;.*/, "")}` : `failed after ${secs(elapsed)} (${child.signal ?? `exit ${child.status}`}): ${(child.stderr.trim().split("\n").filter((l) => /error|heap/i.test(l))[0] ?? "").slice(0, 100)}`;
      console.log(`| ${what} | ${mode} | ${secs(r?.parseMs)} | ${why} | | ${r ? mib(r.peakRssBytes) : "—"} | ${classes} |`);
      continue;
    }
    console.log(`| ${what} | ${mode} | ${secs(r.parseMs)} | ${secs(r.analysisMs)} | ${secs(r.totalMs)} | ${mib(r.peakRssBytes)} | ${classes} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
