// The "Policy changes" section shows a policy's text as its author wrote it: never a field
// netreach filled in (the namespace an object without one goes to, policyTypes, protocol).
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";

const file = (path: string, text: string): SourceFile => ({ path, text });

const BARE = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
spec:
  podSelector:
    matchLabels: { app: web }
  ingress:
    - ports:
        - port: 80
`;

const OTHER = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: other
spec:
  podSelector: {}
`;

/** The patch lines (+, -, context) of the one policy change, headers dropped. */
function patchOf(base: SourceFile[], head: SourceFile[], options = {}) {
  const changes = diff(base, head, options).policyChanges;
  expect(changes).toHaveLength(1);
  const c = changes[0]!;
  return { ...c, lines: c.patch.split("\n").filter((l) => /^[-+ ]/.test(l) && !/^(---|\+\+\+) /.test(l)) };
}

describe("policy text changes show the author's fields only", () => {
  it("an added policy without a namespace: no namespace, policyTypes or protocol line", () => {
    const c = patchOf([], [file("p.yaml", BARE)]);
    expect(c.id).toBe("default/allow-web");
    expect(c.status).toBe("added");
    expect(c.lines).toEqual([
      "+apiVersion: networking.k8s.io/v1",
      "+kind: NetworkPolicy",
      "+metadata:",
      "+  name: allow-web",
      "+spec:",
      "+  podSelector:",
      "+    matchLabels: { app: web }",
      "+  ingress:",
      "+    - ports:",
      "+        - port: 80",
    ]);
    expect(c.patch).toContain("@@ -0,0 +1,10 @@");
  });

  it("a removed policy without a namespace: the base file's lines, nothing more", () => {
    const c = patchOf([file("p.yaml", BARE)], []);
    expect(c.status).toBe("removed");
    expect(c.lines.every((l) => l.startsWith("-"))).toBe(true);
    expect(c.lines).toContain("-  name: allow-web");
    expect(c.patch).not.toMatch(/namespace|policyTypes|protocol/);
  });

  it("a modified policy: the changed line, with context from the file only", () => {
    const c = patchOf([file("p.yaml", BARE)], [file("p.yaml", BARE.replace("port: 80", "port: 8080"))]);
    expect(c.status).toBe("modified");
    expect(c.lines.filter((l) => !l.startsWith(" "))).toEqual(["-        - port: 80", "+        - port: 8080"]);
    expect(c.patch).not.toMatch(/namespace|policyTypes|protocol/);
  });

  it("a namespace the author wrote is shown, and the id follows --namespace where none is written", () => {
    const written = patchOf([], [file("p.yaml", BARE.replace("  name: allow-web\n", "  name: allow-web\n  namespace: shop\n"))]);
    expect(written.lines).toContain("+  namespace: shop");
    const placed = patchOf([], [file("p.yaml", BARE)], { namespace: "shop" });
    expect(placed.id).toBe("shop/allow-web");
    expect(placed.patch).not.toContain("namespace");
  });

  it("spelling out the defaults is still no semantic change", () => {
    const explicit = BARE.replace("  name: allow-web\n", "  name: allow-web\n  namespace: default\n")
      .replace("- port: 80", "- { port: 80, protocol: TCP }")
      .replace("spec:\n", "spec:\n  policyTypes: [Ingress]\n");
    const changes = diff([file("p.yaml", BARE)], [file("p.yaml", explicit)]).policyChanges;
    expect(changes).toEqual([expect.objectContaining({ id: "default/allow-web", status: "reformatted", patch: "" })]);
  });

  it("policies inside a kind: List: the item's own fields, and an untouched sibling is not listed", () => {
    const list = (port: number) =>
      [
        "apiVersion: v1",
        "kind: List",
        "items:",
        ...[BARE.replace("port: 80", `port: ${port}`), OTHER].flatMap((doc) => doc.trimEnd().split("\n").map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`))),
        "",
      ].join("\n");
    const changes = diff([file("list.yaml", list(80))], [file("list.yaml", list(8080))]).policyChanges;
    expect(changes.map((c) => [c.id, c.status])).toEqual([["default/allow-web", "modified"]]);
    expect(changes[0]!.patch).toContain("+            - port: 8080");
    expect(changes[0]!.patch).toContain("@@ -10,4 +10,4 @@"); // the lines of list.yaml
    expect(changes[0]!.patch).not.toMatch(/namespace|policyTypes|protocol|items/);

    // Only the sibling re-spelled (defaults written out) is "reformatted"; the edited one is modified.
    const respelled = list(8080).replace("podSelector: {}", "podSelector: {}\n      policyTypes: [Ingress]");
    expect(diff([file("list.yaml", list(80))], [file("list.yaml", respelled)]).policyChanges.map((c) => [c.id, c.status])).toEqual([
      ["default/allow-web", "modified"],
      ["default/other", "reformatted"],
    ]);

    const removed = diff([file("list.yaml", list(80))], []).policyChanges;
    expect(removed.map((c) => [c.id, c.status])).toEqual([
      ["default/allow-web", "removed"],
      ["default/other", "removed"],
    ]);
    for (const c of removed) expect(c.patch).not.toContain("namespace");
  });
});

describe("policy text changes are the author's lines, at the file's line numbers", () => {
  const COMMENTED = `# The web tier: only the load balancer reaches it.
apiVersion: v1
kind: ConfigMap
metadata:
  name: unrelated
---
# Who may reach the web pods (ticket NET-42).
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  namespace: shop
  name: allow-web
spec:
  podSelector:
    matchLabels: { app: web }
  ingress:
    - ports:
        - port: 80 # http only
`;

  it("a modified policy keeps its comments and key order, and the hunk counts the file's lines", () => {
    const head = COMMENTED.replace("port: 80 # http only", "port: 8080 # moved off 80");
    const c = patchOf([file("p.yaml", COMMENTED)], [file("p.yaml", head)]);
    expect(c.status).toBe("modified");
    expect(c.lines).toEqual([
      "     matchLabels: { app: web }",
      "   ingress:",
      "     - ports:",
      "-        - port: 80 # http only",
      "+        - port: 8080 # moved off 80",
    ]);
    expect(c.patch).toContain("@@ -15,4 +15,4 @@"); // lines 15-18 of p.yaml
    expect(c.patch).not.toMatch(/^[-+ ]---$/m);
  });

  it("an added policy shows its comment and the author's key order (kind before apiVersion), at its lines", () => {
    const c = patchOf([file("p.yaml", COMMENTED.split("---\n")[0]!)], [file("p.yaml", COMMENTED)]);
    expect(c.status).toBe("added");
    expect(c.lines.slice(0, 3)).toEqual(["+# Who may reach the web pods (ticket NET-42).", "+kind: NetworkPolicy", "+apiVersion: networking.k8s.io/v1"]);
    expect(c.lines).toContain("+        - port: 80 # http only");
    expect(c.patch).toContain("@@ -0,0 +7,12 @@");
    expect(c.rendered).toBe(false);
  });

  it("a comment above the first document of a file is the first policy's", () => {
    const text = COMMENTED.split("---\n")[1]!;
    const c = patchOf([], [file("p.yaml", text)]);
    expect(c.lines[0]).toBe("+# Who may reach the web pods (ticket NET-42).");
    expect(c.patch).toContain("@@ -0,0 +1,12 @@");
  });
});

// Policies keep only their metadata once loaded; their text change is worked out from their
// whole body, read again from their text: the tier, priority and subject of an admin policy, and
// "reformatted" where only the spelling changed.
describe("policy text changes of policies read from many in one file", () => {
  const ANP = (priority: number, port: number) => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: guard
spec:
  tier: Admin
  priority: ${priority}
  subject:
    namespaces: {}
  egress:
    - name: no-smtp
      action: Deny
      to: [{ networks: ["0.0.0.0/0"] }]
      ports: [{ portNumber: { protocol: TCP, port: ${port} } }]
`;

  it("gives an edited admin policy's tier, priority and subject", () => {
    const base = [file("guard.yaml", `${OTHER}---\n${ANP(10, 25)}`)];
    const head = [file("guard.yaml", `${OTHER}---\n${ANP(20, 25)}`)];
    const changes = diff(base, head).policyChanges;
    expect(changes.map((c) => [c.id, c.status, c.line, c.admin])).toEqual([["ClusterNetworkPolicy/guard", "modified", 8, { kind: "ClusterNetworkPolicy", name: "guard", priority: 20, subject: "every-namespace", tier: "Admin" }]]);
    expect(changes[0]!.patch).toContain("-  priority: 10\n+  priority: 20");
  });

  it("says a policy whose fields were only spelled otherwise was reformatted", () => {
    const spelled = BARE.replace("- port: 80", "- port: 80\n          protocol: TCP").replace("matchLabels: { app: web }", "matchLabels:\n        app: web");
    const changes = diff([file("p.yaml", `${OTHER}---\n${BARE}`)], [file("p.yaml", `${OTHER}---\n${spelled}`)]).policyChanges;
    expect(changes.map((c) => [c.id, c.status])).toEqual([["default/allow-web", "reformatted"]]);
    const edited = diff([file("p.yaml", `${OTHER}---\n${BARE}`)], [file("p.yaml", `${OTHER}---\n${spelled.replace("port: 80", "port: 81")}`)]).policyChanges;
    expect(edited.map((c) => [c.id, c.status])).toEqual([["default/allow-web", "modified"]]);
  });
});
