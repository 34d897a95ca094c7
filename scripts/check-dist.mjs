// Fails when the committed dist/ differs from what the sources build to: users and CI run the
// committed bundle, so a stale one is a bug. Builds into a temp dir; never touches dist/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const fresh = mkdtempSync(join(tmpdir(), "netreach-dist-"));
try {
  execFileSync(process.execPath, ["scripts/build.mjs", "--outdir", fresh], { stdio: "inherit" });
  const stale = readdirSync(fresh).filter((f) => !existsSync(join("dist", f)) || readFileSync(join("dist", f), "utf8") !== readFileSync(join(fresh, f), "utf8"));
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(", ")}): run 'npm run build' and commit dist/.`);
    process.exit(1);
  }
  console.log("dist/ is current");
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
