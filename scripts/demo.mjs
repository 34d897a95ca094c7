// `npm run demo`: what netreach shows on the bundled examples — the reachability table of the
// head revision, then the pull-request comment for examples/base -> examples/head.
import { spawnSync } from "node:child_process";

const run = (args) => spawnSync(process.execPath, ["dist/cli.js", ...args], { stdio: "inherit" }).status;

console.log("$ netreach reach examples/head --pods declared\n");
run(["reach", "examples/head", "--pods", "declared"]);
console.log("\n$ netreach diff examples/base examples/head --format md\n");
const code = run(["diff", "examples/base", "examples/head", "--format", "md"]);
console.log(`\nnetreach diff exited with ${code}${code === 1 ? ": the gate failed, as it should for this change (a database opened to the internet)" : ""}.`);
