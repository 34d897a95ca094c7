// `.netreach.yaml` assertions as written: each mistake at its line, the rest still read.
import { describe, expect, it } from "vitest";
import type { Assertion } from "../../src/assert/assertion.js";
import { parseConfig } from "../../src/targets/config.js";

const FILE = ".netreach.yaml";

function parse(text: string) {
  return parseConfig(FILE, text);
}

describe("assertions in .netreach.yaml", () => {
  it("reads the four kinds of DESIGN 4c, with their specs, ports, targets and strict", () => {
    const c = parse(`targets:
  - name: prod
    kind: paths
    paths: [deploy]
assertions:
  - name: db-private
    deny:
      from: internet
      to: {namespace: backend, labels: {app: db}}
  - name: only-api-reaches-db
    only:
      to: {namespace: backend, labels: {app: db}}
      from: [{namespace: backend, labels: {app: api}}]
      ports: [TCP 5432]
  - name: web-reaches-api
    allow:
      from: {namespace: frontend, workload: web}
      to: {namespace: backend, labels: {app: api}}
      ports: [TCP 8080, UDP 9000-9010]
  - name: tenants-isolated
    isolated:
      namespaces: {namespaces: {labels: {tenant: "*"}}}
    targets: [prod]
    strict: true
  - name: office
    deny: {from: [{cidr: 10.1.2.3/8}, ingress-controller], to: [any-pod, {kind: StatefulSet}]}
`);
    expect(c.assertionErrors).toEqual([]);
    expect(c.assertions.map((a) => [a.name, a.type, a.source.line, a.strict, a.targets])).toEqual([
      ["db-private", "deny", 6, false, null],
      ["only-api-reaches-db", "only", 10, false, null],
      ["web-reaches-api", "allow", 15, false, null],
      ["tenants-isolated", "isolated", 20, true, ["prod"]],
      ["office", "deny", 25, false, null],
    ]);
    const [deny, only, allow, iso, office] = c.assertions as [Assertion, Assertion, Assertion, Assertion, Assertion];
    expect(deny!.type === "deny" && deny.from).toEqual([{ kind: "internet" }]);
    expect(deny!.type === "deny" && deny.to).toEqual([{ kind: "pods", namespace: "backend", labels: { app: "db" } }]);
    expect(only!.type === "only" && only.ports?.toString()).toBe("TCP 5432");
    expect(allow!.type === "allow" && allow.ports.toString()).toBe("TCP 8080,UDP 9000-9010");
    expect(allow!.type === "allow" && allow.from).toEqual([{ kind: "pods", namespace: "frontend", workload: "web" }]);
    expect(iso!.type === "isolated" && iso.namespaces).toEqual([{ kind: "pods", namespaceLabels: { tenant: "*" } }]);
    // Host bits masked: the canonical CIDR.
    expect(office!.type === "deny" && office.from).toEqual([{ kind: "cidr", cidr: "10.0.0.0/8" }, { kind: "ingress-controller" }]);
    expect(office!.type === "deny" && office.to).toEqual([{ kind: "any-pod" }, { kind: "pods", workloadKind: "StatefulSet" }]);
  });

  it("gives the same key to the same meaning in another layout, and another key to another meaning", () => {
    const a = parse(`assertions:
  - name: x
    deny: {from: [internet, any-pod], to: {labels: {b: "2", a: "1"}, namespace: n}, ports: [UDP 53, TCP 80]}
`).assertions[0]!;
    const b = parse(`assertions:
  - deny:
      ports:
        - TCP 80
        - UDP 53
      to:
        namespace: n
        labels: {a: "1", b: "2"}
      from: [any-pod, internet]
    strict: false
    name: x
`).assertions[0]!;
    const c = parse(`assertions:
  - name: x
    deny: {from: [internet, any-pod], to: {labels: {b: "2", a: "1"}, namespace: n}, ports: [UDP 53, TCP 81]}
`).assertions[0]!;
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(c.key);
  });

  it("reports every mistake at its line, leaves the bad assertions out and keeps the good ones", () => {
    const text = `assertions:
  - name: good
    deny: {from: internet, to: any-pod}
  - name: good
    deny: {from: internet, to: any-pod}
  - name: "bad name!"
    deny: {from: internet, to: any-pod}
  - name: two-kinds
    deny: {from: internet, to: any-pod}
    only: {from: internet, to: any-pod}
  - name: allow-without-ports
    allow: {from: any-pod, to: any-pod}
  - name: bad-port
    deny:
      from: internet
      to: any-pod
      ports: [TCP 70000]
  - name: bad-cidr
    deny: {from: {cidr: 10.0.0.0/33}, to: any-pod}
  - name: unknown-word
    deny: {from: everyone, to: any-pod}
  - name: number-label
    deny:
      from: internet
      to:
        labels:
          app: 1
  - name: empty-list
    deny: {from: [], to: any-pod}
  - name: targets-not-list
    deny: {from: internet, to: any-pod}
    targets: prod
  - name: strict-not-bool
    deny: {from: internet, to: any-pod}
    strict: "yes"
  - name: unknown-key
    deny: {from: internet, to: any-pod}
    severity: high
  - name: unknown-spec-key
    deny: {from: internet, to: {pod: web}}
  - name: also-good
    isolated: {namespaces: any-pod}
`;
    const c = parse(text);
    expect(c.assertions.map((a) => a.name)).toEqual(["good", "also-good"]);
    expect(c.assertionErrors).toEqual([
      `${FILE}:4: assertion name "good" is used twice`,
      `${FILE}:6: assertion name "bad name!" must be letters, digits, ".", "_" or "-" (at most 100)`,
      `${FILE}:10: an assertion has one kind: both deny and only`,
      `${FILE}:12: allow needs ports: the connections that must stay allowed`,
      `${FILE}:17: port "TCP 70000": 70000 is not a port (1 to 65535)`,
      `${FILE}:19: cidr "10.0.0.0/33" has an invalid prefix length "33" (0 to 32 for IPv4)`,
      `${FILE}:21: unknown endpoint "everyone" (known: internet, any-pod, ingress-controller, {cidr: …}, or a mapping of namespace, namespaces, workload, kind, labels)`,
      `${FILE}:27: label app: the value must be a string (quote it: "1")`,
      `${FILE}:29: an endpoint list must not be empty`,
      `${FILE}:32: targets must be a non-empty list of target names`,
      `${FILE}:35: strict must be true or false`,
      `${FILE}:38: unknown assertion key "severity" (known: name, deny, only, allow, isolated, targets, strict)`,
      `${FILE}:40: unknown endpoint key "pod" (known: cidr, namespace, namespaces, workload, kind, labels)`,
    ]);
    // The targets part of the file is still read.
    expect(c.targets).toEqual([]);
  });

  it("refuses the ingress controller as a destination and non-pods in isolated", () => {
    const c = parse(`assertions:
  - name: a
    deny: {from: any-pod, to: ingress-controller}
  - name: b
    isolated: {namespaces: internet}
  - name: c
    isolated: {namespaces: {cidr: 10.0.0.0/8}}
`);
    expect(c.assertions).toEqual([]);
    expect(c.assertionErrors.map((e) => e.split(":").slice(0, 2).join(":"))).toEqual([`${FILE}:3`, `${FILE}:5`, `${FILE}:7`]);
  });

  it("reads a file without assertions as none, and a non-list as one error", () => {
    expect(parse("targets: []\n").assertions).toEqual([]);
    expect(parse("assertions:\n").assertionErrors).toEqual([]);
    expect(parse("discover: true\nassertions: {name: x}\n").assertionErrors).toEqual([`${FILE}:2: \`assertions\` must be a list`]);
  });
});
