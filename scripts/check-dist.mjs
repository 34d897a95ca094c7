// Fails when the committed dist/ does not match what the sources build to:
// users and CI run the committed bundle, so a stale one is a bug.
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const before = new Map(readdirSync("dist").map((f) => [f, readFileSync(join("dist", f), "utf8")]));
execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
const after = new Map(readdirSync("dist").map((f) => [f, readFileSync(join("dist", f), "utf8")]));
const stale = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
if (stale.length > 0) {
  console.error(`dist/ is stale (${stale.join(", ")}): run 'npm run build' and commit dist/.`);
  process.exit(1);
}
console.log("dist/ is current");
