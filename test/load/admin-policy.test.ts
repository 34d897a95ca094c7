// AdminNetworkPolicy, BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy (v1alpha2):
// the model they are read into, and each rule by which the API server rejects one, at its line,
// with an input that passes beside each input that fails.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../conformance/cases.js";
import { buildCluster } from "../../src/load/cluster.js";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { extractObjects } from "../../src/load/objects.js";
import { isAdminPolicyObject, loadAdminPolicy } from "../../src/load/admin/policy.js";
import type { KubeObject } from "../../src/load/object/source.js";

function objects(text: string): KubeObject[] {
  const file = { path: "admin.yaml", text };
  return extractObjects(file, parseDocuments(file).docs).objects;
}

function load(text: string) {
  return loadAdminPolicy(objects(text)[0]!);
}

/** Loaded with no error or warning (a note may say what netreach cannot know). */
function accepted(text: string) {
  const r = load(text);
  expect(r.diagnostics.filter((d) => d.severity !== "note")).toEqual([]);
  expect(r.policy).toBeDefined();
  return r.policy!;
}

/** Left out, with exactly one error: its line and message. */
function rejected(text: string): { line: number; message: string } {
  const r = load(text);
  expect(r.policy).toBeUndefined();
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((e) => `${e.line}: ${e.message}`)).toHaveLength(1);
  return { line: errors[0]!.line, message: errors[0]!.message };
}

const V1 = "policy.networking.k8s.io/v1alpha1";
const V2 = "policy.networking.k8s.io/v1alpha2";

// Lines 1-6; rules start at line 7.
const anp = (spec: string, priority = "  priority: 10\n") =>
  `apiVersion: ${V1}\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n${priority}  subject: {namespaces: {}}\n${spec}`;
const banp = (spec: string, name = "default") =>
  `apiVersion: ${V1}\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  subject: {namespaces: {}}\n${spec}`;
const cnp = (spec: string, tier = "Admin") =>
  `apiVersion: ${V2}\nkind: ClusterNetworkPolicy\nmetadata: {name: c}\nspec:\n  tier: ${tier}\n  priority: 10\n  subject: {namespaces: {}}\n${spec}`;

/** n rules (or peers, ports) of one line each. */
const times = (n: number, line: string) => Array.from({ length: n }, () => line).join("");

describe("admin-tier policies read into the model", () => {
  it("ANP: id, tier, priority, subject, rules in order with actions, peers, ports and lines", () => {
    const p = accepted(
      `apiVersion: ${V1}\nkind: AdminNetworkPolicy\nmetadata: {name: deny-web}\nspec:\n  priority: 3\n` +
        "  subject:\n    pods: {namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: web}}}\n" + // 6-7
        "  ingress:\n  - name: allow-mon\n    action: Allow\n    from: [{namespaces: {matchLabels: {mon: 'yes'}}}]\n" + // 8-11
        "  - action: Deny\n    from: [{pods: {namespaceSelector: {}, podSelector: {}}}]\n    ports:\n    - portNumber: {port: 80}\n    - portRange: {protocol: UDP, start: 53, end: 54}\n    - namedPort: web\n" + // 12-17
        "  egress:\n  - action: Pass\n    to: [{networks: [10.0.0.0/8, '::/0']}, {nodes: {matchLabels: {role: infra}}}]\n", // 18-20
    );
    expect(p).toMatchObject({ id: "AdminNetworkPolicy/deny-web", kind: "AdminNetworkPolicy", name: "deny-web", tier: "admin", priority: 3 });
    expect(p.source.line).toBe(1);
    expect(p.subject).toEqual({
      namespaces: { requirements: [{ key: "team", op: "In", values: ["a"] }] },
      pods: { requirements: [{ key: "app", op: "In", values: ["web"] }] },
    });
    expect(p.ingress.map((r) => [r.index, r.name, r.action, r.source.line])).toEqual([
      [0, "allow-mon", "accept", 9],
      [1, null, "deny", 12],
    ]);
    expect(p.ingress[0]!.peers).toEqual([{ kind: "pods", namespaces: { requirements: [{ key: "mon", op: "In", values: ["yes"] }] }, pods: { requirements: [] } }]);
    expect(p.ingress[0]!.ports).toBe("any");
    expect(p.ingress[1]!.ports).toEqual([
      { protocol: "TCP", port: { kind: "range", from: 80, to: 80 } },
      { protocol: "UDP", port: { kind: "range", from: 53, to: 54 } },
      // A named port carries its protocol on the pod: one entry per protocol, only one resolves.
      { protocol: "SCTP", port: { kind: "named", name: "web" } },
      { protocol: "TCP", port: { kind: "named", name: "web" } },
      { protocol: "UDP", port: { kind: "named", name: "web" } },
    ]);
    expect(p.egress[0]).toMatchObject({ direction: "egress", index: 0, action: "pass" });
    expect(p.egress[0]!.peers).toEqual([
      { kind: "networks", cidrs: [{ family: "v4", base: 10n << 24n, prefix: 8 }, { family: "v6", base: 0n, prefix: 0 }] },
      { kind: "nodes", selector: { requirements: [{ key: "role", op: "In", values: ["infra"] }] } },
    ]);
  });

  it("BANP: baseline tier, no priority; Allow is accept", () => {
    const p = accepted(banp("  egress:\n  - {action: Allow, to: [{pods: {namespaceSelector: {}, podSelector: {}}}]}\n"));
    expect(p).toMatchObject({ id: "BaselineAdminNetworkPolicy/default", tier: "baseline", priority: null });
    expect(p.egress[0]!.action).toBe("accept");
    expect(p.ingress).toEqual([]);
  });

  it("CNP: tier Admin or Baseline, Accept is accept, protocols read as PortSpecs, pods.namespaceSelector optional", () => {
    const p = accepted(
      cnp(
        "  ingress:\n  - action: Accept\n    from: [{pods: {podSelector: {matchLabels: {app: db}}}}]\n" +
          "    protocols:\n    - tcp: {destinationPort: {number: 5432}}\n    - udp: {destinationPort: {range: {start: 1, end: 65535}}}\n    - sctp: {destinationPort: {number: 9}}\n    - destinationNamedPort: dns\n",
        "Baseline",
      ),
    );
    expect(p).toMatchObject({ id: "ClusterNetworkPolicy/c", tier: "baseline", priority: 10 });
    expect(p.ingress[0]!.action).toBe("accept");
    expect(p.ingress[0]!.peers).toEqual([{ kind: "pods", namespaces: { requirements: [] }, pods: { requirements: [{ key: "app", op: "In", values: ["db"] }] } }]);
    expect(p.ingress[0]!.ports).toEqual([
      { protocol: "TCP", port: { kind: "range", from: 5432, to: 5432 } },
      { protocol: "UDP", port: { kind: "range", from: 1, to: 65535 } },
      { protocol: "SCTP", port: { kind: "range", from: 9, to: 9 } },
      { protocol: "SCTP", port: { kind: "named", name: "dns" } },
      { protocol: "TCP", port: { kind: "named", name: "dns" } },
      { protocol: "UDP", port: { kind: "named", name: "dns" } },
    ]);
    expect(accepted(cnp("  egress:\n  - {action: Accept, to: [{domainNames: ['*.example.com']}]}\n")).tier).toBe("admin");
  });

  it("a policy without rules, and priorities 0 and 1000, are valid", () => {
    expect(accepted(anp("", "  priority: 0\n")).priority).toBe(0);
    expect(accepted(anp("", "  priority: 1000\n")).priority).toBe(1000);
    expect(accepted(anp("  ingress: []\n")).ingress).toEqual([]);
  });

  it("a namespace on the (cluster-scoped) object is ignored", () => {
    expect(accepted(anp("").replace("{name: a}", "{name: a, namespace: x}")).id).toBe("AdminNetworkPolicy/a");
  });
});

describe("admin-tier validation: each rule rejects the object, at its line", () => {
  const POD_PEER = "{pods: {namespaceSelector: {}, podSelector: {}}}";
  // [what, failing input, line, message, passing input]
  const cases: [string, string, number, RegExp, string][] = [
    ["priority required", anp("", ""), 4, /spec: priority is required .*"spec\.priority: Required value"/, anp("")],
    ["priority above 1000", anp("", "  priority: 1001\n"), 5, /priority 1001 is out of range: use 0-1000.*should be less than or equal to 1000/, anp("", "  priority: 1000\n")],
    ["priority below 0", anp("", "  priority: -1\n"), 5, /priority -1 is out of range.*greater than or equal to 0/, anp("", "  priority: 0\n")],
    ["priority an integer", anp("", "  priority: '10'\n"), 5, /must be an integer, not the string "10"/, anp("", "  priority: 10\n")],
    ["CNP priority required too", cnp("").replace("  priority: 10\n", ""), 4, /priority is required/, cnp("")],
    ["BANP named default", banp("", "base"), 3, /must be named "default".*Only one baseline admin network policy with metadata.name=\\"default\\"/, banp("")],
    ["name a DNS subdomain", anp("").replace("{name: a}", "{name: A_b}"), 3, /metadata\.name: "A_b" is invalid/, anp("")],
    ["spec required", `apiVersion: ${V1}\nkind: AdminNetworkPolicy\nmetadata: {name: a}\n`, 1, /spec is required/, anp("")],
    ["tier required", cnp("").replace("  tier: Admin\n", ""), 4, /tier is required: Admin or Baseline/, cnp("")],
    ["tier enum", cnp("", "admin"), 5, /unsupported tier the string "admin": use Admin or Baseline.*supported values: "Admin", "Baseline"/, cnp("", "Baseline")],
    ["subject required", anp("").replace("  subject: {namespaces: {}}\n", ""), 4, /subject is required/, anp("")],
    ["subject sets one field", anp("").replace("{namespaces: {}}", "{}"), 6, /the subject must set exactly one of namespaces, pods; it sets none.*at least 1 properties/, anp("")],
    ["subject sets only one field", anp("").replace("{namespaces: {}}", `{namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}`), 6, /it sets namespaces and pods.*at most 1 properties/, anp("").replace("{namespaces: {}}", `{pods: {namespaceSelector: {}, podSelector: {}}}`)],
    ["v1alpha1 pods needs namespaceSelector", anp("").replace("{namespaces: {}}", "\n    pods: {podSelector: {}}"), 7, /namespaceSelector is required/, anp("").replace("{namespaces: {}}", "\n    pods: {podSelector: {}, namespaceSelector: {}}")],
    ["pods needs podSelector (v1alpha2 too)", cnp("").replace("{namespaces: {}}", "\n    pods: {namespaceSelector: {}}"), 8, /podSelector is required/, cnp("").replace("{namespaces: {}}", "\n    pods: {podSelector: {}}")],
    ["selector syntax", anp("").replace("{namespaces: {}}", "{namespaces: {matchLabels: {'a b': x}}}"), 6, /label key "a b" must consist of alphanumerics/, anp("").replace("{namespaces: {}}", "{namespaces: {matchLabels: {ab: x}}}")],
    ["action required", anp(`  ingress:\n  - from: [${POD_PEER}]\n`), 8, /action is required: Allow, Deny, Pass/, anp(`  ingress:\n  - {action: Pass, from: [${POD_PEER}]}\n`)],
    ["ANP action enum (Accept is v1alpha2's)", anp(`  ingress:\n  - from: [${POD_PEER}]\n    action: Accept\n`), 9, /unsupported action the string "Accept": use Allow, Deny, Pass \(Accept is v1alpha2's word; write Allow\).*Unsupported value/, anp(`  ingress:\n  - from: [${POD_PEER}]\n    action: Allow\n`)],
    ["CNP action enum (Allow is v1alpha1's)", cnp(`  ingress:\n  - from: [${POD_PEER}]\n    action: Allow\n`), 10, /use Accept, Deny, Pass \(Allow is v1alpha1's word; write Accept\)/, cnp(`  ingress:\n  - from: [${POD_PEER}]\n    action: Accept\n`)],
    ["BANP has no Pass", banp(`  egress:\n  - to: [${POD_PEER}]\n    action: Pass\n`), 8, /use Allow, Deny \(Pass exists only in the admin tier in v1alpha1\)/, banp(`  egress:\n  - to: [${POD_PEER}]\n    action: Deny\n`)],
    ["CNP baseline may Pass", cnp(`  ingress:\n  - from: [${POD_PEER}]\n    action: Pass\n`, "Baseline").replace("Pass", "Bypass"), 10, /unsupported action/, cnp(`  ingress:\n  - from: [${POD_PEER}]\n    action: Pass\n`, "Baseline")],
    ["from required", anp("  ingress:\n  - action: Deny\n"), 8, /from is required/, anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n`)],
    ["to not empty", anp("  egress:\n  - action: Deny\n    to: []\n"), 9, /must have at least 1 item.*should have at least 1 items/, anp(`  egress:\n  - action: Deny\n    to: [${POD_PEER}]\n`)],
    ["peer not empty", anp("  egress:\n  - action: Deny\n    to:\n    - {}\n"), 10, /a peer must set exactly one of namespaces, pods, networks, nodes, domainNames; it sets none/, anp("  egress:\n  - action: Deny\n    to:\n    - {namespaces: {}}\n")],
    ["peer sets one field", anp("  egress:\n  - action: Deny\n    to:\n    - {namespaces: {}, networks: [10.0.0.0/8]}\n"), 10, /it sets namespaces and networks \(use separate entries\)/, anp("  egress:\n  - action: Deny\n    to:\n    - {namespaces: {}}\n    - {networks: [10.0.0.0/8]}\n")],
    ["ingress peers have no networks (pruned: an empty peer)", anp("  ingress:\n  - action: Deny\n    from:\n    - {networks: [10.0.0.0/8]}\n"), 10, /a peer must set exactly one of namespaces, pods; it sets none/, anp("  egress:\n  - action: Deny\n    to:\n    - {networks: [10.0.0.0/8]}\n")],
    ["BANP egress has no domainNames", banp("  egress:\n  - action: Allow\n    to:\n    - {domainNames: [a.example]}\n"), 9, /it sets none/, anp("  egress:\n  - action: Allow\n    to:\n    - {domainNames: [a.example]}\n")],
    ["rule name at most 100", anp(`  ingress:\n  - action: Deny\n    name: ${"n".repeat(101)}\n    from: [${POD_PEER}]\n`), 9, /is 101 characters long; at most 100.*Too long/, anp(`  ingress:\n  - action: Deny\n    name: ${"n".repeat(100)}\n    from: [${POD_PEER}]\n`)],
    ["v1alpha1: at most 100 rules", anp(`  ingress:\n${times(101, `  - {action: Deny, from: [${POD_PEER}]}\n`)}`), 7, /has 101 items; at most 100 are allowed in policy.networking.k8s.io\/v1alpha1.*Too many: 101: must have at most 100 items/, anp(`  ingress:\n${times(100, `  - {action: Deny, from: [${POD_PEER}]}\n`)}`)],
    ["v1alpha2: at most 25 rules", cnp(`  egress:\n${times(26, `  - {action: Deny, to: [${POD_PEER}]}\n`)}`), 8, /has 26 items; at most 25.*v1alpha2/, cnp(`  egress:\n${times(25, `  - {action: Deny, to: [${POD_PEER}]}\n`)}`)],
    ["v1alpha1: at most 100 peers", anp(`  ingress:\n  - action: Deny\n    from:\n${times(101, `    - ${POD_PEER}\n`)}`), 9, /has 101 items; at most 100/, anp(`  ingress:\n  - action: Deny\n    from:\n${times(100, `    - ${POD_PEER}\n`)}`)],
    ["v1alpha2: at most 25 peers", cnp(`  ingress:\n  - action: Deny\n    from:\n${times(26, `    - ${POD_PEER}\n`)}`), 10, /has 26 items; at most 25/, cnp(`  ingress:\n  - action: Deny\n    from:\n${times(25, `    - ${POD_PEER}\n`)}`)],
    ["v1alpha1: at most 100 ports", anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n${times(101, "    - portNumber: {port: 80}\n")}`), 10, /has 101 items; at most 100/, anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n${times(100, "    - portNumber: {port: 80}\n")}`)],
    ["v1alpha2: at most 25 protocols", cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n${times(26, "    - tcp: {destinationPort: {number: 80}}\n")}`), 11, /has 26 items; at most 25/, cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n${times(25, "    - tcp: {destinationPort: {number: 80}}\n")}`)],
    ["ports not empty", anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports: []\n`), 10, /must have at least 1 item/, anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n`)],
    ["networks not empty", anp("  egress:\n  - action: Deny\n    to:\n    - networks: []\n"), 10, /must have at least 1 item/, anp("  egress:\n  - action: Deny\n    to:\n    - networks: [0.0.0.0/0]\n")],
    ["at most 25 networks", anp(`  egress:\n  - action: Deny\n    to:\n    - networks: [${Array.from({ length: 26 }, (_, i) => `10.0.${i}.0/24`).join(", ")}]\n`), 10, /has 26 items; at most 25/, anp(`  egress:\n  - action: Deny\n    to:\n    - networks: [${Array.from({ length: 25 }, (_, i) => `10.0.${i}.0/24`).join(", ")}]\n`)],
    ["CIDR format", anp("  egress:\n  - action: Deny\n    to:\n    - networks:\n      - 10.0.0.0/8\n      - 10.0.0/8\n"), 12, /"10\.0\.0\/8" has an invalid IPv4 address.*"Invalid CIDR format provided"/, anp("  egress:\n  - action: Deny\n    to:\n    - networks:\n      - 10.0.0.0/8\n      - 10.1.0.0/16\n")],
    ["CIDR needs a prefix", cnp("  egress:\n  - action: Deny\n    to:\n    - networks:\n      - 10.0.0.1\n"), 12, /is not in CIDR notation.*Invalid CIDR format provided/, cnp("  egress:\n  - action: Deny\n    to:\n    - networks:\n      - 10.0.0.1/32\n")],
    ["no IPv4-mapped IPv6", cnp("  egress:\n  - action: Deny\n    to:\n    - networks: ['::ffff:10.0.0.1/128']\n"), 11, /IPv4-mapped IPv6.*Invalid CIDR format provided/, cnp("  egress:\n  - action: Deny\n    to:\n    - networks: ['fd00::/8']\n")],
    ["CIDR at most 43 characters", cnp(`  egress:\n  - action: Deny\n    to:\n    - networks: ['${"0000:".repeat(7)}0000/128  ']\n`), 11, /longer than 43 characters/, cnp(`  egress:\n  - action: Deny\n    to:\n    - networks: ['${"0000:".repeat(7)}0000/128']\n`)],
    ["networks a set", anp("  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8, 10.0.0.0/8]\n"), 10, /"10\.0\.0\.0\/8" is listed twice.*Duplicate value/, anp("  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8]\n")],
    ["domainName pattern", cnp("  egress:\n  - action: Accept\n    to:\n    - domainNames: ['*example.com']\n"), 11, /"\*example\.com" is not a domain name.*should match/, cnp("  egress:\n  - action: Accept\n    to:\n    - domainNames: ['*.example.com']\n")],
    ["port number required", anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portNumber: {protocol: UDP}\n`), 11, /port is required/, anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portNumber: {protocol: UDP, port: 53}\n`)],
    ["port 1-65535", anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portNumber: {port: 65536}\n`), 11, /port 65536 is out of range: use 1-65535/, anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portNumber: {port: 65535}\n`)],
    ["port 0", cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - udp: {destinationPort: {number: 0}}\n`), 12, /port 0 is out of range/, cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - udp: {destinationPort: {number: 1}}\n`)],
    ["portRange needs end", anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portRange: {start: 1}\n`), 11, /end is required/, anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portRange: {start: 1, end: 1}\n`)],
    ["a port sets one field", anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - {portNumber: {port: 80}, namedPort: web}\n`), 11, /a port must set exactly one of portNumber, portRange, namedPort; it sets portNumber and namedPort/, anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - {namedPort: web}\n`)],
    ["a protocol sets one field", cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - {tcp: {destinationPort: {number: 80}}, udp: {destinationPort: {number: 80}}}\n`), 12, /it sets tcp and udp/, cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - {tcp: {destinationPort: {number: 80}}}\n`)],
    ["tcp needs a destinationPort", cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - tcp: {}\n`), 12, /tcp needs a destinationPort.*at least 1 properties/, cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - tcp: {destinationPort: {range: {start: 1, end: 65535}}}\n`)],
    ["destinationPort sets one field", cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - tcp: {destinationPort: {number: 80, range: {start: 1, end: 2}}}\n`), 12, /a destinationPort must set exactly one of number, range; it sets number and range/, cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - tcp: {destinationPort: {number: 80}}\n`)],
    ["v1alpha2 range start < end", cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - tcp:\n        destinationPort:\n          range: {start: 80, end: 80}\n`), 14, /start 80 must be less than end 80.*"Start port must be less than End port"/, cnp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    protocols:\n    - tcp:\n        destinationPort:\n          range: {start: 80, end: 81}\n`)],
    ["ANP: named port with networks", anp(`  egress:\n  - action: Allow\n    to: [{networks: [10.0.0.0/8]}]\n    ports: [{namedPort: dns}]\n`), 8, /a named port cannot be used in a rule with networks peers.*"networks\/nodes\/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks\/nodes\/domainNames"/, anp(`  egress:\n  - action: Allow\n    to: [${POD_PEER}]\n    ports: [{namedPort: dns}]\n`)],
    ["BANP: named port with nodes", banp(`  egress:\n  - action: Allow\n    to: [{nodes: {}}]\n    ports: [{namedPort: dns}]\n`), 7, /with nodes peers.*"networks\/nodes peer cannot be set with namedPorts since there are no namedPorts for networks\/nodes"/, banp(`  egress:\n  - action: Allow\n    to: [{nodes: {}}]\n    ports: [{portNumber: {port: 53, protocol: UDP}}]\n`)],
    ["CNP: named port with networks (experimental CRD)", cnp(`  egress:\n  - action: Deny\n    to: [${POD_PEER}, {networks: ['::/0']}]\n    protocols: [{destinationNamedPort: dns}]\n`), 9, /with networks peers.*networks\/nodes\/domainNames peer cannot be set/, cnp(`  egress:\n  - action: Deny\n    to: [${POD_PEER}]\n    protocols: [{destinationNamedPort: dns}]\n`)],
  ];
  for (const [what, bad, line, message, good] of cases) {
    it(what, () => {
      const r = rejected(bad);
      expect(r.message).toMatch(message);
      expect(r.line).toBe(line);
      accepted(good);
    });
  }

  it("a rejected object names itself and what the API server does", () => {
    expect(rejected(banp("", "base")).message).toMatch(/^BaselineAdminNetworkPolicy base: metadata\.name: .*; the API server rejects this BaselineAdminNetworkPolicy/);
  });
});

describe("admin-tier input the API server admits, with a warning", () => {
  const POD_PEER = "{pods: {namespaceSelector: {}, podSelector: {}}}";
  function warned(text: string): { policy: NonNullable<ReturnType<typeof load>["policy"]>; line: number; message: string } {
    const r = load(text);
    expect(r.policy).toBeDefined();
    expect(r.diagnostics).toHaveLength(1);
    return { policy: r.policy!, line: r.diagnostics[0]!.line, message: `${r.diagnostics[0]!.severity}: ${r.diagnostics[0]!.message}` };
  }

  it("v1alpha1 portRange start > end: an empty range (no CEL in v1alpha1); start == end is one port", () => {
    const w = warned(anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portRange: {start: 90, end: 80}\n`));
    expect(w.message).toMatch(/^warning: .*start 90 is greater than end 80: the range is empty and matches no port \(the API server accepts it\)/);
    expect(w.line).toBe(11);
    expect(w.policy.ingress[0]!.ports).toEqual([]);
    expect(accepted(anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portRange: {start: 80, end: 80}\n`)).ingress[0]!.ports).toEqual([
      { protocol: "TCP", port: { kind: "range", from: 80, to: 80 } },
    ]);
  });

  it("v1alpha1 protocol other than TCP/UDP/SCTP: admitted (no enum), its entry matches nothing", () => {
    const w = warned(anp(`  ingress:\n  - action: Deny\n    from: [${POD_PEER}]\n    ports:\n    - portNumber: {port: 80}\n    - portNumber: {protocol: tcp, port: 80}\n`));
    expect(w.message).toMatch(/protocol the string "tcp" is not TCP, UDP or SCTP: the API server admits it, but netreach reads this entry as matching no traffic \(write TCP/);
    expect(w.line).toBe(12);
    expect(w.policy.ingress[0]!.ports).toEqual([{ protocol: "TCP", port: { kind: "range", from: 80, to: 80 } }]);
  });

  it("host bits in a network are masked", () => {
    const w = warned(cnp("  egress:\n  - action: Deny\n    to:\n    - networks:\n      - 10.1.2.3/8\n"));
    expect(w.message).toMatch(/^warning: .*"10\.1\.2\.3\/8" has host bits set; it is read as 10\.0\.0\.0\/8/);
    expect(w.line).toBe(12);
  });

  it("domainNames on a Deny rule (documented as Accept-only); on Accept, a note", () => {
    const w = warned(cnp("  egress:\n  - action: Deny\n    to:\n    - domainNames: [a.example.com]\n"));
    expect(w.message).toMatch(/^warning: .*domainNames are documented as supported only for Accept rules, not Deny; their addresses are known only at run time/);
    expect(w.line).toBe(11);
    expect(w.policy.egress[0]!.peers).toEqual([{ kind: "domainNames", names: ["a.example.com"] }]);
    expect(warned(cnp("  egress:\n  - action: Accept\n    to:\n    - domainNames: [a.example.com]\n")).message).toMatch(/^note: /);
  });

  it("the blog's v1alpha1 `namespaces: {namespaceSelector: {}}` (SEMANTICS 10.13): the unknown key pruned, so every namespace, with a warning", () => {
    const w = warned(anp("  ingress:\n  - action: Deny\n    from:\n    - namespaces: {namespaceSelector: {}}\n"));
    expect(w.message).toMatch(/^warning: .*spec\.ingress\[0\]\.from\[0\]\.namespaces\.namespaceSelector: unknown field "namespaceSelector"/);
    expect(w.line).toBe(10);
    expect(w.policy.ingress[0]!.peers).toEqual([{ kind: "pods", namespaces: { requirements: [] }, pods: { requirements: [] } }]);
  });

  it("an unknown field: the API server prunes it", () => {
    const w = warned(banp("").replace("spec:\n", "spec:\n  priority: 5\n"));
    expect(w.message).toMatch(/^warning: .*unknown field "priority"/);
    expect(w.line).toBe(5);
  });
});

describe("admin-tier policies in the cluster", () => {
  const doc = (kind: string, name: string, priority: number, subject: string, version = V1) =>
    `apiVersion: ${version}\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${version === V2 ? "  tier: Admin\n" : ""}  priority: ${priority}\n  subject: ${subject}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n`;

  it("are loaded into adminPolicies and analyzed: neither warned about nor counted as skipped", () => {
    const r = buildCluster(objects(doc("AdminNetworkPolicy", "a", 1, "{namespaces: {}}") + "---\n" + doc("ClusterNetworkPolicy", "b", 2, "{namespaces: {}}", V2)));
    expect(r.cluster.adminPolicies.map((p) => p.id)).toEqual(["AdminNetworkPolicy/a", "ClusterNetworkPolicy/b"]);
    expect(r.skippedKinds.size).toBe(0);
    expect(r.diagnostics.filter((d) => /is not analyzed/.test(d.message))).toEqual([]);
  });

  it("an invalid one is left out; a second of one kind and name is a duplicate, and the later one is used", () => {
    const r = buildCluster(objects(doc("AdminNetworkPolicy", "a", 1, "{namespaces: {}}") + "---\n" + doc("AdminNetworkPolicy", "a", 2, "{namespaces: {}}") + "---\n" + doc("AdminNetworkPolicy", "b", 2000, "{namespaces: {}}")));
    // kubectl apply applies both in turn: the later one is what the cluster has.
    expect(r.cluster.adminPolicies.map((p) => [p.id, p.priority])).toEqual([["AdminNetworkPolicy/a", 2]]);
    expect(r.diagnostics.find((d) => /declared more than once/.test(d.message))).toMatchObject({ line: 9, message: "AdminNetworkPolicy a is declared more than once (at admin.yaml:1 and admin.yaml:9); the later declaration (admin.yaml:9) is used, as kubectl apply would keep it" });
    expect(r.diagnostics.find((d) => d.severity === "error")).toMatchObject({ line: 21 });
  });

  it("same tier, same priority, subjects that can overlap: a warning naming both and the order read", () => {
    const text =
      doc("AdminNetworkPolicy", "zeta", 5, "{namespaces: {matchLabels: {team: a}}}") + "---\n" + // 1
      doc("ClusterNetworkPolicy", "alpha", 5, "{pods: {podSelector: {matchLabels: {app: web}}}}", V2) + "---\n" + // 9
      doc("AdminNetworkPolicy", "other", 5, "{namespaces: {matchLabels: {team: b}}}") + "---\n" + // 18: disjoint from zeta, overlaps alpha
      doc("AdminNetworkPolicy", "later", 6, "{namespaces: {}}"); // 26: other priority
    const ties = buildCluster(objects(text)).diagnostics.filter((d) => /undefined/.test(d.message));
    expect(ties.map((d) => [d.severity, d.line])).toEqual([
      ["warning", 18],
      ["warning", 1],
    ]);
    expect(ties[1]!.message).toBe(
      "AdminNetworkPolicy zeta and ClusterNetworkPolicy alpha (admin.yaml:9) are both admin-tier policies at priority 5, their subjects can select the same pods and both have ingress rules: " +
        "upstream leaves their order undefined (an implementation may apply either). netreach reads ClusterNetworkPolicy alpha first (equal priorities are ordered by name, then kind); give them different priorities to make the order certain",
    );
    expect(ties[0]!.message).toMatch(/^AdminNetworkPolicy other and ClusterNetworkPolicy alpha/);
  });

  it("no tie warning across tiers, for disjoint subjects, or when the two have no direction in common", () => {
    const v2 = (name: string, tier: string, subject: string, rules: string) =>
      `apiVersion: ${V2}\nkind: ClusterNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  tier: ${tier}\n  priority: 1\n  subject: ${subject}\n${rules}`;
    const ing = "  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n";
    const eg = "  egress: [{action: Deny, to: [{namespaces: {}}]}]\n";
    const text = [
      v2("a", "Admin", "{namespaces: {}}", ing),
      v2("b", "Baseline", "{namespaces: {}}", ing),
      v2("c", "Admin", "{namespaces: {}}", eg).replace("priority: 1", "priority: 2"),
      v2("d", "Admin", "{namespaces: {}}", ing).replace("priority: 1", "priority: 2"),
    ].join("---\n");
    expect(buildCluster(objects(text)).diagnostics.filter((d) => /undefined/.test(d.message))).toEqual([]);
    const disjoint = [
      v2("a", "Admin", "{namespaces: {matchLabels: {kubernetes.io/metadata.name: x}}}", ing),
      v2("b", "Admin", "{namespaces: {matchLabels: {kubernetes.io/metadata.name: y}}}", ing),
    ].join("---\n");
    expect(buildCluster(objects(disjoint)).diagnostics.filter((d) => /undefined/.test(d.message))).toEqual([]);
  });
});

describe("admin-tier policies of the conformance fixtures", () => {
  const root = join(REPO_ROOT, "test", "fixtures");
  function policyFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? policyFiles(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  }
  function loadAll(files: readonly string[]) {
    return files.flatMap((path) => {
      const file = { path: relative(root, path), text: readFileSync(path, "utf8") };
      return extractObjects(file, parseDocuments(file).docs).objects.filter(isAdminPolicyObject).map((obj) => ({ file: file.path, r: loadAdminPolicy(obj) }));
    });
  }

  it("every policy of the upstream scenarios (both versions) loads without a diagnostic", () => {
    const loaded = loadAll(policyFiles(join(root, "admin-tiers")).filter((f) => f.endsWith("policies.yaml")));
    expect(loaded.length).toBeGreaterThanOrEqual(30);
    expect(loaded.flatMap((l) => l.r.diagnostics.map((d) => `${l.file}:${d.line} ${d.message}`))).toEqual([]);
  });

  it("netpol-analyzer's anp/banp inputs: all load but those the API server would reject (pods without podSelector; namedPort beside networks)", () => {
    const cases = readdirSync(join(root, "netpol-analyzer", "tests")).filter((c) => /^b?anp/.test(c));
    const loaded = loadAll(cases.flatMap((c) => policyFiles(join(root, "netpol-analyzer", "tests", c))));
    const rejected = [...new Set(loaded.filter((l) => l.r.policy === undefined).map((l) => l.file.split("/")[2]))].sort();
    expect(rejected).toEqual([
      "anp_test_11",
      "anp_test_12_swapping_rules",
      "anp_test_3_pass_traffic",
      "anp_test_8_swapping_rules",
      "anp_test_combining_test_6_and_test_10",
      "anp_test_named_ports_multiple_peers",
    ]);
    const reasons = new Set(loaded.flatMap((l) => l.r.diagnostics.map((d) => d.message.replace(/^.*?: spec\.[^:]*: /, ""))));
    expect([...reasons].sort()).toEqual([
      'a named port cannot be used in a rule with networks peers: only pods have named ports; the API server rejects this AdminNetworkPolicy ("networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames")',
      'podSelector is required (`{}` selects every pod); the API server rejects this AdminNetworkPolicy ("podSelector: Required value")',
    ]);
  });
});
