// `npm test`: the committed bundle checked against the sources, then the type check and the test
// suite side by side, so that the type check does not add its quarter of a minute to the suite's
// three. Fails when either fails, after both have finished.
import { spawn, spawnSync } from "node:child_process";

const dist = spawnSync(process.execPath, ["scripts/check-dist.mjs"], { stdio: "inherit" });
if (dist.status !== 0) process.exit(dist.status ?? 1);

const run = (args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const [typecheck, tests] = await Promise.all([run(["node_modules/typescript/bin/tsc", "--noEmit"]), run(["node_modules/vitest/vitest.mjs", "run"])]);
if (typecheck !== 0) console.error("npm test: the type check failed (tsc --noEmit).");
process.exit(typecheck !== 0 ? typecheck : tests);
