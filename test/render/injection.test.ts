// Names, labels, namespaces, file paths and messages come from the pull request: none of them may
// turn into markup, links, mentions, table cells, new lines or terminal escapes.
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { renderSarif } from "../../src/render/diff-sarif.js";
import { md as escapeMd, mdCode as escapeMdCode, plain } from "../../src/render/escape.js";
import { deployment, diffOf, exampleLink, namespace, netpol, yamlFile } from "./fixtures.js";
import { liveMarkup, outsideFences, structureProblems } from "./markdown-check.js";

const EVIL = "x<img src=x onerror=alert(1)> @org/team | `tick` ``` [link](http://x)\nline2 <!-- c --> ]] \u001b[2J";
// The loader refuses names the API server would (so a hostile name never reaches a report from a
// manifest), but the renderers must not rely on that: objects are named with a token the loader
// accepts, and the finished report has the token replaced by hostile text everywhere.
const TOKEN = "zz-evil-zz";
const EVIL_NS = `ns${EVIL}`;
const md = (s: string) => escapeMd(plain(s));
const mdCode = (s: string) => escapeMdCode(plain(s));
const LINK_PREFIX = "https://github.com/acme/shop/blob/0123abc/";

/** A copy of plain data with every string's TOKEN replaced by EVIL (shared objects stay shared). */
function withEvil<T>(value: T, seen = new Map<unknown, unknown>()): T {
  if (typeof value === "string") return value.replaceAll(TOKEN, EVIL) as T;
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(withEvil(v, seen));
    return out as T;
  }
  if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) out.set(withEvil(k, seen), withEvil(v, seen));
    return out as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // connection sets and the like
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = withEvil(v, seen);
  return out as T;
}

function evilReport() {
  const nsEvil = `ns${TOKEN}`;
  const workloads = yamlFile(`deploy/${EVIL}/workloads.yaml`, [
    namespace("shop"),
    deployment("shop", `web${TOKEN}`, { app: "web" }),
    deployment("shop", "api", { app: "api" }),
    deployment(nsEvil, "a", { app: "a" }),
    deployment(nsEvil, "b", { app: "b" }),
  ]);
  const lockShop = netpol("shop", `deny${TOKEN}`, { podSelector: {}, policyTypes: ["Ingress"] });
  const base = [workloads, yamlFile(`deploy/${EVIL}.yaml`, [lockShop])];
  const head = [
    workloads,
    yamlFile(`deploy/${EVIL}.yaml`, [
      lockShop,
      netpol("shop", `open${TOKEN}`, {
        podSelector: { matchLabels: { app: "web" } },
        ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }, { namespaceSelector: {} }], ports: [{ port: 443 }] }],
      }),
      // Rejected (a port name that long is invalid): a diagnostic that quotes hostile text.
      netpol("shop", "bad-port", { podSelector: {}, ingress: [{ ports: [{ port: `p${EVIL}` }] }] }),
      netpol(nsEvil, "egress", { podSelector: {}, policyTypes: ["Egress"] }),
      // Rejected: a namespace the API server refuses, quoted in the diagnostic.
      netpol(`a${EVIL}`, "bad-namespace", { podSelector: {} }),
    ]),
  ];
  return withEvil(diffOf(base, head));
}

describe("PR-controlled text in the comment", () => {
  const report = evilReport();
  const comment = renderComment(report, { marker: "<!-- netreach -->", link: exampleLink, header: EVIL, gateAllowedByLabel: null });

  it("really contains the hostile names (the test is not vacuous)", () => {
    expect(report.changes.some((c) => c.dst.id.includes("<img"))).toBe(true);
    expect(report.gate.passed).toBe(false);
    expect(comment).toContain(mdCode(`shop/web${EVIL}[Deployment]`));
    expect(comment).toContain(`every declared workload in ${mdCode(EVIL_NS)}`);
    expect(comment).toContain(`### netreach: network flows — ${md(EVIL)}`);
    expect(comment).toContain("&lt;img");
    expect(comment).toContain("@\u200borg");
    expect(comment).toContain("\\x1b\\[2J"); // the escape character, shown
    expect(comment).toContain("```diff"); // policy diffs
    expect(comment).toContain("```mermaid");
    expect(report.diagnostics.some((d) => d.message.includes("<img"))).toBe(true);
    expect(comment).toContain("<details><summary>Diagnostics (");
  });

  it("lets no tag, link, mention, table cell or line break through", () => {
    expect(structureProblems(comment)).toEqual([]);
    expect(liveMarkup(comment, LINK_PREFIX)).toEqual([]);
    for (const line of outsideFences(comment)) expect(line.startsWith("line2")).toBe(false);
    expect(comment.split("\n").filter((l) => l.includes("\u001b"))).toEqual([]);
  });

  it("encodes link targets built from hostile file paths", () => {
    const links = [...comment.matchAll(/\]\((https:[^)]*)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) {
      expect(url.startsWith(LINK_PREFIX)).toBe(true);
      expect(url).not.toMatch(/[\s<>()[\]|`"]/);
    }
  });

  it("keeps Mermaid labels free of quotes, brackets, angle brackets and backticks", () => {
    const graph = comment.slice(comment.indexOf("```mermaid"), comment.indexOf("```", comment.indexOf("```mermaid") + 3));
    for (const m of graph.matchAll(/"([^"\n]*)"/g)) expect(m[1]).not.toMatch(/[<>[\]`"{}|()]/);
    expect(graph).toContain("#60;img");
    expect(graph.split("\n").every((l) => l === "" || /^(```mermaid|flowchart LR| {2}\S.*)$/.test(l))).toBe(true);
  });

  it("survives truncation too", () => {
    for (const max of [1500, 3000, 6000]) {
      const c = renderComment(report, { marker: "<!-- netreach -->", link: exampleLink, maxChars: max, gateAllowedByLabel: EVIL });
      expect(c.length).toBeLessThanOrEqual(max);
      expect(structureProblems(c)).toEqual([]);
      expect(liveMarkup(c, LINK_PREFIX)).toEqual([]);
    }
  });
});

describe("PR-controlled text elsewhere", () => {
  const report = evilReport();

  it("shows control characters in text output instead of sending them to the terminal", () => {
    const text = renderDiffText(report);
    expect(text).toContain("web");
    expect(text).not.toContain("\u001b");
    expect(text).toContain("\\x1b[2J");
    // One line per group: a newline in a name never starts a line of its own.
    for (const line of text.split("\n")) expect(line.startsWith("line2")).toBe(false);
  });

  it("percent-encodes file URIs and keeps messages free of control characters in SARIF", () => {
    const sarif = renderSarif(report, { toolVersion: "0.0.0" });
    const results = sarif.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.message.text).not.toMatch(/[\u0000-\u001f]/);
      for (const l of r.locations) expect(l.physicalLocation.artifactLocation.uri).not.toMatch(/[\s<>`|"]/);
    }
  });
});
