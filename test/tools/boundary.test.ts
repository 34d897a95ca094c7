// src/tools is an edge (it spawns processes and writes files): the pure core must not import it.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const CORE = ["load", "model", "reach", "diff", "render", "net", "synth", "report", "gate", "assert"];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("src/tools boundary", () => {
  it("no core module imports src/tools, and src/tools imports no cli, action or github code", () => {
    const offenders: string[] = [];
    for (const part of CORE) {
      const dir = path.join(SRC, part);
      if (!fs.existsSync(dir)) continue;
      for (const f of files(dir)) if (/from "\.\.\/(\.\.\/)*tools\//.test(fs.readFileSync(f, "utf8"))) offenders.push(path.relative(SRC, f));
    }
    for (const f of files(path.join(SRC, "tools"))) {
      const imports = [...fs.readFileSync(f, "utf8").matchAll(/from "(\.\.\/[^"]+)"/g)].map((m) => m[1]!);
      for (const i of imports) if (/^\.\.\/(action|github|cli|targets)\//.test(i)) offenders.push(`${path.relative(SRC, f)} -> ${i}`);
    }
    expect(offenders).toEqual([]);
  });
});
