// SARIF 2.1.0 for code scanning: one result per opened group and gate rule, located at the policy
// line that opens it, and one per group of broken assertion violations, at the assertion's line.
// Gate violations are errors; other opened flows are notes, as is each changed admin-tier policy
// (at its line), which applies across namespaces.
import type { DiffReport } from "../analyze.js";
import type { Change, Reason } from "../diff/change.js";
import type { WorkloadEndpoint } from "../model/endpoint.js";
import { GATE_RULES, type GateRule } from "../gate/config.js";
import { plain } from "./escape.js";
import { groupChanges, type FlowGroup } from "./group.js";
import { setWords } from "./set-words.js";
import { reasonName } from "./reason-words.js";
import { newlyOpened } from "../exposure/changes.js";
import { exposureSentence, type ExposureFormat } from "./exposure-words.js";
import { clusterWideChanges, rankWords, scopeWords } from "./cluster-wide.js";
import { assertionViews } from "./assertion-groups.js";
import { brokenWords } from "./assertion-words.js";

const SARIF_WORDS: ExposureFormat = {
  code: plain,
  text: plain,
  hop: (h) => `${plain(h.kind)} ${plain(`${h.namespace}/${h.name}`)}`,
  reason: (r) => reasonName(r, plain, plain),
};

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const OPENED_FLOW_RULE = "opened-flow";

export type SarifLevel = "error" | "warning" | "note" | "none";

export interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string };
    readonly region: { readonly startLine: number };
  };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly SarifLocation[];
  readonly partialFingerprints: { readonly netreachFlow: string };
  readonly properties: { readonly opened: string; readonly pairs: number };
}

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: "2.1.0";
  readonly runs: readonly [
    {
      readonly tool: { readonly driver: { readonly name: "netreach"; readonly version: string; readonly informationUri?: string; readonly rules: readonly SarifRule[] } };
      readonly results: readonly SarifResult[];
    },
  ];
}

export interface SarifOptions {
  readonly toolVersion: string;
  readonly informationUri?: string;
}

/** A changed admin-tier policy: it applies across namespaces (a note, never a gate violation). */
export const CLUSTER_WIDE_RULE = "cluster-wide";

type RuleId = Exclude<GateRule, "none"> | typeof OPENED_FLOW_RULE | typeof CLUSTER_WIDE_RULE;

const RULE_TEXT: Record<RuleId, [string, string]> = {
  exposed: ["Exposed", "A workload port is newly reachable from outside the cluster through a Service, Ingress, Gateway route or Route."],
  "external-ingress": ["ExternalIngress", "A flow is newly opened from addresses outside the cluster into a workload."],
  "external-egress": ["ExternalEgress", "A workload is newly allowed to reach addresses outside the cluster."],
  "cross-namespace": ["CrossNamespace", "A flow is newly opened between workloads of different namespaces."],
  "sensitive-ports": ["SensitivePorts", "A flow is newly opened to a sensitive port (SSH, databases, Docker, kubelet, ...)."],
  "any-opened": ["AnyOpened", "A flow is newly opened."],
  unanalyzed: ["Unanalyzed", "The change adds, removes or edits an object of a kind netreach does not analyze, or a file no analysis reads."],
  assertions: ["Assertions", "An assertion of .netreach.yaml is broken by this change (or, written strict: true, is broken at all)."],
  "opened-flow": ["OpenedFlow", "A flow is newly opened by this change (not a gate violation)."],
  "cluster-wide": ["ClusterWide", "An AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy is added, removed or changed: it applies across namespaces, to those created later too (not a gate violation)."],
};

/** Rule order is rule indexes: new rules go last, so results of older rules keep theirs. */
const RULE_IDS: readonly RuleId[] = [...GATE_RULES.filter((r): r is Exclude<GateRule, "none"> => r !== "none"), OPENED_FLOW_RULE, CLUSTER_WIDE_RULE];
const NOTE_RULES: ReadonlySet<RuleId> = new Set([OPENED_FLOW_RULE, CLUSTER_WIDE_RULE]);

export function renderSarif(report: DiffReport, options: SarifOptions): SarifLog {
  const enabled = new Set<string>(report.gateConfig.failOn);
  const rules: SarifRule[] = RULE_IDS.map((id) => ({
    id,
    name: RULE_TEXT[id][0],
    shortDescription: { text: RULE_TEXT[id][1] },
    fullDescription: {
      text: NOTE_RULES.has(id) ? RULE_TEXT[id][1] : `${RULE_TEXT[id][1]} Gate rule \`${id}\` (fail-on)${enabled.has(id) ? "; enabled in this run" : ""}.`,
    },
    defaultConfiguration: { level: NOTE_RULES.has(id) ? "note" : "error" },
  }));
  const results: SarifResult[] = [];
  for (const g of groupChanges(report).opened) {
    const at = locationOf(g);
    const flow = `${setWords(g.sources, "source", plain)} -> ${setWords(g.destinations, "destination", plain)}`;
    const base: Omit<SarifResult, "ruleId" | "ruleIndex" | "level" | "message" | "partialFingerprints"> = {
      locations: at ? [at] : [],
      properties: { opened: g.conn.toString(), pairs: g.changes.length },
    };
    const by = g.reasons.filter((r) => r.side === "head" && r.effect === "allows").map((r) => reasonName(r, plain, plain));
    const because = by.length > 0 ? ` (allowed by ${by.join(", ")})` : "";
    const hits = g.gate.length > 0 ? g.gate : null;
    if (hits) {
      for (const h of hits) {
        results.push({
          ...base,
          ruleId: h.rule,
          ruleIndex: RULE_IDS.indexOf(h.rule),
          level: "error",
          message: { text: `Gate ${h.rule}: newly opened ${h.conn.toString()} from ${flow}${because}.` },
          partialFingerprints: { netreachFlow: fingerprint(h.rule, g) },
        });
      }
    } else {
      results.push({
        ...base,
        ruleId: OPENED_FLOW_RULE,
        ruleIndex: RULE_IDS.indexOf(OPENED_FLOW_RULE),
        level: "note",
        message: { text: `Newly opened ${g.conn.toString()} from ${flow}${because}.` },
        partialFingerprints: { netreachFlow: fingerprint(OPENED_FLOW_RULE, g) },
      });
    }
  }
  // Exposures: located at the outermost object that carries the traffic (the Ingress, route or Service).
  for (const c of report.exposureChanges) {
    if (c.opened.isEmpty) continue;
    const hits = report.gate.violations.filter((v) => v.change === c);
    // Moved (public before through another object): no note of its own; the comment shows the move.
    if (hits.length === 0 && newlyOpened(c).isEmpty) continue;
    const hop = c.via.head.find((v) => !v.conn.intersect(c.opened).isEmpty)?.chain[0];
    const sentence = exposureSentence(c, "opened", SARIF_WORDS);
    for (const h of hits.length > 0 ? hits : [null]) {
      const ruleId: RuleId = h === null ? OPENED_FLOW_RULE : h.rule;
      results.push({
        locations: hop ? [at(hop.at.file, hop.at.line)] : [],
        properties: { opened: c.opened.toString(), pairs: 1 },
        ruleId,
        ruleIndex: RULE_IDS.indexOf(ruleId),
        level: h === null ? "note" : "error",
        message: { text: `${h === null ? "" : `Gate ${h.rule}: `}${sentence}.` },
        partialFingerprints: { netreachFlow: hashText(`${ruleId}|exposure|${c.source}|${c.src.id}|${c.dst.id}|${c.opened.toString()}`) },
      });
    }
  }
  // Cluster-wide: each changed admin-tier policy, at its line (a removed one has none at the head).
  for (const c of clusterWideChanges(report)) {
    const priority = rankWords(c);
    const effect = c.changesFlows ? "changes flows in this pull request" : "no flow changes today";
    results.push({
      locations: c.change === "removed" ? [] : [at(c.file, c.line)],
      properties: { opened: "", pairs: 0 },
      ruleId: CLUSTER_WIDE_RULE,
      ruleIndex: RULE_IDS.indexOf(CLUSTER_WIDE_RULE),
      level: "note",
      message: { text: `Cluster-wide: ${plain(c.kind)} ${plain(c.name)}${priority} ${c.change} — ${scopeWords(c)}; ${effect}.` },
      partialFingerprints: { netreachFlow: hashText(`${CLUSTER_WIDE_RULE}|${c.policy}|${c.change}`) },
    });
  }
  // Assertions: one result per group of new violations (and of a strict assertion's existing ones),
  // at the assertion's line in .netreach.yaml: what the team wrote down is what broke.
  for (const view of assertionViews(report)) {
    const a = view.diff.assertion;
    for (const g of view.groups) {
      if (!g.isNew && !g.fails) continue;
      results.push({
        locations: [at(a.source.file, a.source.line)],
        properties: { opened: g.conn.toString(), pairs: g.violations.length },
        ruleId: "assertions",
        ruleIndex: RULE_IDS.indexOf("assertions"),
        level: g.fails ? "error" : "warning",
        message: { text: `Gate assertions: ${brokenWords(view.diff, g, { code: plain, text: plain })}.` },
        partialFingerprints: { netreachFlow: hashText(`assertions|${a.name}|${a.key}|${g.conn.toString()}|${g.sources.endpoints.map((e) => e.id).join(",")}|${g.destinations.endpoints.map((e) => e.id).join(",")}`) },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "netreach", version: options.toolVersion, ...(options.informationUri ? { informationUri: options.informationUri } : {}), rules } },
        results,
      },
    ],
  };
}

/**
 * The policy line that opens the group: the first rule on head that allows it; else the base
 * policy whose isolation went away; else the manifest of a workload the change adds.
 */
function locationOf(g: FlowGroup): SarifLocation | null {
  const pick = (r: Reason | undefined) => (r ? at(r.file, r.line) : null);
  const allows = g.reasons.find((r) => r.side === "head" && r.effect === "allows");
  if (allows) return pick(allows);
  if (g.endpoint === "added") {
    // The added workload is in every pair it explains: the one named most often.
    const seen = new Map<string, { w: WorkloadEndpoint; n: number }>();
    for (const e of g.changes.flatMap((c: Change) => [c.src, c.dst])) {
      if (e.type !== "workload") continue;
      const s = seen.get(e.id) ?? { w: e, n: 0 };
      s.n++;
      seen.set(e.id, s);
    }
    const top = [...seen.values()].sort((a, b) => b.n - a.n)[0];
    if (top) return at(top.w.pod.source.file, top.w.pod.source.line);
  }
  return pick(g.reasons[0]);
}

function at(file: string, line: number): SarifLocation {
  return { physicalLocation: { artifactLocation: { uri: fileUri(file) }, region: { startLine: Math.max(1, line) } } };
}

/** A relative URI reference: each path segment percent-encoded, separators kept. */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
}

/** Stable across runs for the same flow, so code scanning tracks an alert instead of re-opening it. */
function fingerprint(rule: string, g: FlowGroup): string {
  return hashText(`${rule}|${g.conn.toString()}|${g.sources.endpoints.map((e) => e.id).join(",")}|${g.destinations.endpoints.map((e) => e.id).join(",")}`);
}

export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
