// One command builds both bundles: dist/index.js (the Action) and dist/cli.js (the CLI).
import { build } from "esbuild";

// @actions/github pulls in CommonJS dependencies; an ESM bundle needs a real `require` for them.
const banner = {
  js: [
    'import { createRequire as __netreachCreateRequire } from "node:module";',
    "const require = __netreachCreateRequire(import.meta.url);",
  ].join("\n"),
};

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  banner,
};

const entries = [
  { entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node\n" + banner.js } },
];
if (process.argv.includes("--with-action") || (await import("node:fs")).existsSync("src/action/main.ts")) {
  entries.push({ entryPoints: ["src/action/main.ts"], outfile: "dist/index.js" });
}
for (const e of entries) await build({ ...common, ...e });
