// How many flows, and where a reader finds them: the groups of the tables, and the ingress
// controller's, which are said with the exposures that carry them (group.ts counts both).
import type { DiffReport } from "../analyze.js";
import { newlyOpened } from "../exposure/changes.js";
import { failingAssertionGroups } from "./assertion-groups.js";
import { exposureRules } from "./exposure-rules.js";
import { groupChanges } from "./group.js";
import { isEmpty } from "./unanalyzed-words.js";

const count = (n: number) => n.toLocaleString("en-US");
const flows = (n: number) => `${count(n)} ${n === 1 ? "flow" : "flows"}`;
const groups = (n: number) => `${count(n)} ${n === 1 ? "group" : "groups"}`;

/**
 * "3 flows in 2 groups"; with the ingress controller's: "2 flows: 1 in 1 group, 1 from the
 * ingress controller", or "1 flow, from the ingress controller". `where` follows the controller's
 * part (" (with the exposures below)"). `total` is the headline's number, controller included.
 */
export function flowsWhere(total: number, inGroups: number, controller: number, where = ""): string {
  if (controller === 0) return `${flows(total)} in ${groups(inGroups)}`;
  if (total === controller) return `${flows(total)}, ${controller === 1 ? "" : "all "}from the ingress controller${where}`;
  return `${flows(total)}: ${count(total - controller)} in ${groups(inGroups)}, ${count(controller)} from the ingress controller${where}`;
}

/** What a report's counts are read from. */
export type Countable = Pick<DiffReport, "changes" | "universe" | "gate" | "endpoints" | "exposureChanges" | "unanalyzed" | "assertions">;

/**
 * Every number the comment's headline and counts line say, as the JSON report and the Action's
 * outputs say them: flows (ingress controller's included), workloads newly exposed, and gate
 * violations as the Gate violations list has them (one per exposure, assertion group and flow
 * group that breaks a rule, and one for what was not analyzed when the gate fails on it).
 */
export interface ReportCounts {
  readonly opened: number;
  readonly closed: number;
  readonly changed: number;
  readonly exposed: number;
  readonly violations: number;
}

export function reportCounts(report: Countable): ReportCounts {
  const g = groupChanges(report);
  return {
    opened: g.openedFlows,
    closed: g.closedFlows,
    changed: g.changedFlows,
    exposed: newlyExposedWorkloads(report),
    violations: violationTotal(report),
  };
}

/** Workloads with some port newly reachable from outside (a move is not): the headline's "N workloads newly exposed". */
export function newlyExposedWorkloads(report: Pick<DiffReport, "exposureChanges">): number {
  return new Set(report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty).map((c) => c.dst.id)).size;
}

/** The gate's violations as the comment counts and lists them. */
export function violationTotal(report: Countable): number {
  return exposureRules(report).size + failingAssertionGroups(report).length + groupChanges(report).violating.length + (isEmpty(report.gate.unanalyzed) ? 0 : 1);
}
