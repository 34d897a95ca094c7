// One command builds both bundles: dist/index.js (the Action) and dist/cli.js (the CLI).
// `node scripts/build.mjs --outdir DIR` builds elsewhere (the stale-bundle check uses it).
import { build } from "esbuild";

const at = process.argv.indexOf("--outdir");
const outdir = at > 0 ? process.argv[at + 1] : "dist";

// @actions/github and yaml's CommonJS parts need a real `require` inside an ESM bundle.
const requireShim = [
  'import { createRequire as __netreachCreateRequire } from "node:module";',
  "const require = __netreachCreateRequire(import.meta.url);",
].join("\n");

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
};

await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: `${outdir}/cli.js`, banner: { js: "#!/usr/bin/env node\n" + requireShim } });
await build({ ...common, entryPoints: ["src/action/main.ts"], outfile: `${outdir}/index.js`, banner: { js: requireShim } });
