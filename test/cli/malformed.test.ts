// Bad input gets a diagnostic naming file and line, exit code 2, the rest still analyzed, and
// never a stack trace.
import { truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempTree } from "../support/cli.js";

const NS_AND_PODS = `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [ { name: c, image: nginx } ] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: shop, labels: { app: db } }
spec: { containers: [ { name: c, image: postgres } ] }
`;

const policy = (body: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: broken
  namespace: shop
spec:
${body}`;

// [case name, file text, expected line of the diagnostic, a phrase the message must contain]
const CASES: [string, string, number, RegExp][] = [
  ["bad YAML", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n", 4, /YAML/i],
  ["wrong type (ingress is a string)", policy("  podSelector: {}\n  ingress: allow-all\n"), 8, /must be a list/],
  ["invalid CIDR", policy("  podSelector: {}\n  ingress:\n    - from:\n        - ipBlock:\n            cidr: 10.0.0.300/8\n"), 11, /invalid IPv4 address/],
  ["except outside the cidr", policy("  podSelector: {}\n  ingress:\n    - from:\n        - ipBlock:\n            cidr: 10.0.0.0/16\n            except: [10.1.0.0/24]\n"), 12, /strictly inside/],
  ["endPort without port", policy("  podSelector: {}\n  ingress:\n    - ports:\n        - endPort: 90\n"), 10, /endPort needs a numeric port/],
  ["port 0", policy("  podSelector: {}\n  ingress:\n    - ports:\n        - port: 0\n"), 10, /out of range/],
  ["empty peer {}", policy("  podSelector: {}\n  ingress:\n    - from:\n        - {}\n"), 10, /must set podSelector, namespaceSelector or ipBlock/],
  ["unknown protocol", policy("  podSelector: {}\n  ingress:\n    - ports:\n        - protocol: ICMP\n          port: 80\n"), 10, /unsupported protocol/],
  ["lower-case protocol", policy("  podSelector: {}\n  ingress:\n    - ports:\n        - protocol: tcp\n"), 10, /write TCP/],
  ["bad selector operator", policy("  podSelector:\n    matchExpressions:\n      - { key: app, operator: Equals, values: [a] }\n"), 9, /unknown operator/],
  ["invalid metadata.namespace", policy("  podSelector: {}\n").replace("namespace: shop", 'namespace: "a\\n::error ::x<img src=x>"'), 5, /metadata\.namespace: "a\\n::error ::x<img src=x>" is invalid: it must be a lower-case DNS label/],
  ["invalid metadata.name", policy("  podSelector: {}\n").replace("name: broken", "name: Broken_Policy"), 4, /metadata\.name: "Broken_Policy" is invalid: it must be a lower-case DNS subdomain/],
  ["invalid workload namespace", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  namespace: Shop\n", 5, /Pod "Shop"\/x: metadata\.namespace: "Shop" is invalid/],
  ["invalid Namespace name", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b\n", 4, /Namespace "a\.b": metadata\.name: "a\.b" is invalid: it must be a lower-case DNS label/],
  ["quoted port number", policy("  podSelector: {}\n  ingress:\n    - ports:\n        - port: \"80\"\n"), 10, /must contain a letter/],
];

describe("malformed inputs", () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it.each(CASES)("%s: diagnostic with file and line, exit 2, the rest still analyzed", (_name, text, line, phrase) => {
    const t = tempTree({ "cluster.yaml": NS_AND_PODS, "bad.yaml": text });
    cleanups.push(t.cleanup);
    const r = runCli(["reach", t.dir, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    const json = JSON.parse(r.stdout);
    const errors = json.diagnostics.filter((d: { severity: string }) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].file).toMatch(/bad\.yaml$/);
    expect(errors[0].line).toBe(line);
    expect(errors[0].message).toMatch(phrase);
    // The rest is analyzed: the two pods still reach each other (no valid policy selects them).
    expect(json.flows).toContainEqual({ src: "shop/web[Pod]", dst: "shop/db[Pod]", conn: "All Connections" });
    expect(r.stderr).toContain(`bad.yaml:${line}:`);
  });

  it("a policy in an invalid namespace is left out of a diff and its comment, its text escaped", () => {
    const evil = policy("  podSelector: {}\n").replace("namespace: shop", 'namespace: "a\\n::error ::x<img src=x>"');
    const base = tempTree({ "cluster.yaml": NS_AND_PODS });
    const head = tempTree({ "cluster.yaml": NS_AND_PODS, "evil.yaml": evil });
    cleanups.push(base.cleanup, head.cleanup);
    const json = JSON.parse(runCli(["diff", base.dir, head.dir, "--format", "json"]).stdout);
    expect(json.changes).toEqual([]);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", line: 5, file: expect.stringMatching(/evil\.yaml$/) }));
    const md = runCli(["diff", base.dir, head.dir, "--format", "md"]);
    expect(md.code).toBe(2);
    expect(md.stdout).not.toMatch(/Policy changes/i);
    expect(md.stdout).not.toContain("<img");
    expect(md.stdout).not.toMatch(/^::error/m);
    expect(md.stderr).not.toMatch(/^::error/m);
  });

  it("a 10,000-alias YAML bomb is refused with a diagnostic, quickly", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 9_999; i++) lines.push(`k${i}: *a`);
    const t = tempTree({ "cluster.yaml": NS_AND_PODS, "bomb.yaml": lines.join("\n") + "\n" });
    cleanups.push(t.cleanup);
    const r = runCli(["reach", t.dir, "--format", "json"]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    const d = json.diagnostics.find((x: { file: string }) => x.file.endsWith("bomb.yaml"));
    expect(d).toMatchObject({ severity: "error", line: expect.any(Number) });
    expect(d.message).toMatch(/alias/i);
    expect(json.flows.length).toBeGreaterThan(0);
  });

  it("a 50 MB file is not read: a diagnostic gives its size and the limit", () => {
    const t = tempTree({ "cluster.yaml": NS_AND_PODS });
    cleanups.push(t.cleanup);
    const big = join(t.dir, "huge.yaml");
    writeFileSync(big, "");
    truncateSync(big, 50 * 1024 * 1024);
    const r = runCli(["reach", t.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.yaml:1:1: error: .*50(\.0)? MiB.*16 MiB/);
    expect(r.stdout).toContain("shop/web[Pod]");
  });

  it("a path that does not exist is a usage error (exit 2) naming it", () => {
    const r = runCli(["reach", "/nonexistent/netreach-path"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/nonexistent/netreach-path");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a bad flag is a usage error with the usage text", () => {
    const r = runCli(["reach", ".", "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of text, json, md, csv/);
    expect(r.stderr).toContain("Usage:");
  });

  it("a stray non-manifest JSON file is a note, not an error", () => {
    const t = tempTree({ "cluster.yaml": NS_AND_PODS, "package.json": '{"name":"x"}' });
    cleanups.push(t.cleanup);
    const r = runCli(["reach", t.dir, "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "note", file: expect.stringMatching(/package\.json$/) }));
  });
});
