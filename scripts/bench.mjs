// `npm run bench`: times the engine on generated clusters. Not a test: numbers to compare runs.
// Bundles scripts/bench-main.ts with esbuild into a temp file and runs it.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

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
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
