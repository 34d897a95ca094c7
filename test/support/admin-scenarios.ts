// The upstream admin-tier conformance scenarios in test/fixtures/admin-tiers: their names, the
// step directories of each (every step self-contained) and each step's probes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../conformance/cases.js";
import type { Protocol } from "./conn.js";

export const SCENARIOS = path.join(REPO_ROOT, "test", "fixtures", "admin-tiers");

export interface Probe {
  id: string;
  src: { namespace: string; pod: string };
  dst: { namespace: string; pod: string };
  protocol: Protocol;
  port: number;
  allowed: boolean;
}

export const scenarioNames: readonly string[] = readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** The step directories of a scenario (`evaluate:` in case.yaml; the case folder itself when there is none). */
export function steps(name: string): string[] {
  const caseDir = path.join(SCENARIOS, name);
  const meta = parse(readFileSync(path.join(caseDir, "case.yaml"), "utf8")) as { evaluate?: string[] } | null;
  return (meta?.evaluate ?? ["."]).map((s) => path.join(caseDir, s));
}

/** A step's probes; a step may only set the scene for the next one (none). */
export function probes(stepDir: string): Probe[] {
  return (parse(readFileSync(path.join(stepDir, "expected.yaml"), "utf8")) as { probes: Probe[] | null }).probes ?? [];
}
