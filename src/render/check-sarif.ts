// `netreach check --format sarif`: one result per violation, at the assertion's line in the
// configuration, so code scanning shows it where the intent is written. One rule per assertion.
import { fileUri, hashText, SARIF_SCHEMA, type SarifLevel } from "./diff-sarif.js";
import { plain } from "./escape.js";
import type { CheckReport } from "./check-report.js";

export interface CheckSarifOptions {
  readonly toolVersion: string;
}

export function renderCheckSarif(report: CheckReport, options: CheckSarifOptions) {
  const rules = report.assertions.map((a) => ({
    id: a.name,
    name: a.name,
    shortDescription: { text: `Assertion ${a.name} (${a.type})` },
    fullDescription: { text: `Assertion ${a.name} (${a.type}) written at ${a.source.file}:${a.source.line}.` },
    defaultConfiguration: { level: "error" as SarifLevel },
  }));
  const several = report.targets.length > 1;
  const results = report.targets.flatMap((t) =>
    t.results.flatMap((r) =>
      r.violations.map((v) => {
        const a = r.assertion;
        const words = a.type === "allow" ? `${plain(v.conn.toString())} is not allowed` : `${plain(v.conn.toString())} allowed`;
        return {
          ruleId: a.name,
          ruleIndex: rules.findIndex((x) => x.id === a.name),
          level: "error" as SarifLevel,
          message: { text: `Assertion ${plain(a.name)} (${a.type}) violated${several ? ` in target ${plain(t.name)}` : ""}: ${plain(v.src)} -> ${plain(v.dst)}: ${words}.` },
          locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(a.source.file) }, region: { startLine: Math.max(1, a.source.line) } } }],
          partialFingerprints: { netreachAssertion: hashText(`${a.name}|${t.name}|${v.src}|${v.dst}`) },
          properties: { target: t.name, src: v.src, dst: v.dst, conn: v.conn.toString() },
        };
      }),
    ),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0" as const,
    runs: [{ tool: { driver: { name: "netreach" as const, version: options.toolVersion, rules } }, results }],
  };
}
