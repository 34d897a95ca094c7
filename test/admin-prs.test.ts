// Pull requests that change admin-tier policies, as a reviewer sees them: the comment, the
// text report and the JSON `why`, from the built CLI.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli, tempTree } from "./support/cli.js";
import { readFileSync } from "node:fs";

const fixture = (name: string, side: "base" | "head") => join(REPO, "test/fixtures/admin-prs", name, side);
// Zero-width spaces let long ids break in the comment's table cells (test/render/gfm-fit.test.ts): not pinned here.
const diff = (name: string, ...args: string[]) => {
  const r = runCli(["diff", fixture(name, "base"), fixture(name, "head"), "--fail-on", "none", ...args]);
  return { ...r, stdout: r.stdout.replaceAll("\u200b", "") };
};

interface WhyJson {
  side: string;
  policy: string;
  rule: string | null;
  effect: string;
  kind?: string;
  tier?: string;
  priority?: number | null;
  action?: string;
  ruleName?: string | null;
  file: string;
  line: number;
}
interface ChangeJson {
  src: string;
  dst: string;
  base: string;
  head: string;
  closed: string;
  opened: string;
  why: WhyJson[];
}

describe("a ClusterNetworkPolicy that walls off tier=sensitive namespaces", () => {
  it("closes every pod's traffic into them but monitoring's metrics port, naming the Admin-tier rule", () => {
    const r = diff("sensitive-deny", "--format", "md", "--pods", "declared");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("**0 flows opened, 2 closed — gate passed.**");
    // The rule closes both rows: named once, above the table.
    expect(r.stdout).toContain("**Why, for every row:** denied by ClusterNetworkPolicy `sensitive-isolation` (Admin, priority 10) ingress rule `deny-everyone-else` (`sensitive.yaml:21`).");
    expect(r.stdout).toContain("| `monitoring/prometheus[Deployment]` | `payments/ledger[StatefulSet]` | was all connections, now TCP 9187 (`metrics`) |");
    expect(r.stdout).toContain("| `shop/web[Deployment]` | `payments/ledger[StatefulSet]` | all connections |");
    // The internet still reaches the ledger through its LoadBalancer: no admin ingress rule can
    // match outside traffic, and the report says so rather than implying it is closed.
    expect(r.stdout).toContain("Admin-tier ingress rules match pods only");
    expect(r.stdout).not.toMatch(/not analyzed/);
  });

  it("builds representative pods from the admin subject (--pods auto): a namespace labelled tier=sensitive that no manifest declares", () => {
    const r = diff("sensitive-deny", "--format", "text");
    // Said by the labels that define them, not as the analysis' id `[tier=sensitive]/[*]`.
    expect(r.stdout).toContain("any pod in namespaces labelled tier=sensitive");
    expect(r.stdout).not.toMatch(/\[tier=sensitive\]/);
    // payments' pods that the manifests do not declare (no `metrics` port known) lose prometheus too.
    expect(r.stdout).toMatch(/monitoring\/prometheus\[Deployment\] -> any pod in namespaces labelled tier=sensitive and other pods in payments: all connections closed \[2 flows\]/);
  });

  it("gives the tier, priority, action and rule name in the JSON why, at the rule's line", () => {
    const r = diff("sensitive-deny", "--format", "json", "--pods", "declared");
    const json = JSON.parse(r.stdout) as { changes: ChangeJson[]; exposures?: unknown };
    const web = json.changes.find((c) => c.src === "shop/web[Deployment]" && c.dst === "payments/ledger[StatefulSet]")!;
    expect(web).toMatchObject({ base: "All Connections", head: "No Connections" });
    expect(web.why).toEqual([
      {
        side: "head",
        policy: "ClusterNetworkPolicy/sensitive-isolation",
        rule: "ingress[1]",
        direction: "ingress",
        file: "sensitive.yaml",
        line: 21,
        effect: "denies",
        kind: "ClusterNetworkPolicy",
        tier: "Admin",
        priority: 10,
        action: "Deny",
        ruleName: "deny-everyone-else",
      },
    ]);
    const text = readFileSync(join(fixture("sensitive-deny", "head"), "sensitive.yaml"), "utf8").split("\n");
    expect(text[20]).toBe("    - name: deny-everyone-else");
    const prom = json.changes.find((c) => c.src === "monitoring/prometheus[Deployment]" && c.dst === "payments/ledger[StatefulSet]")!;
    expect(prom).toMatchObject({ head: "TCP 9187", closed: "SCTP 1-65535,TCP 1-9186,9188-65535,UDP 1-65535" });
  });

  it("an ingress rule from `networks` (what \"deny the internet\" would need) is an error at its line, and the rest is analyzed", () => {
    const t = tempTree({
      "cluster.yaml": readFileSync(join(fixture("sensitive-deny", "base"), "cluster.yaml")),
      "internet.yaml": [
        "apiVersion: policy.networking.k8s.io/v1alpha2",
        "kind: ClusterNetworkPolicy",
        "metadata:",
        "  name: no-internet",
        "spec:",
        "  tier: Admin",
        "  priority: 10",
        "  subject:",
        "    namespaces: {}",
        "  ingress:",
        "    - action: Deny",
        "      from:",
        '        - networks: ["0.0.0.0/0"]',
        "",
      ].join("\n"),
    });
    try {
      const r = runCli(["reach", t.dir, "--pods", "declared"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("internet.yaml:13:11: error: ClusterNetworkPolicy no-internet: spec.ingress[0].from[0]: a peer must set exactly one of namespaces, pods");
      expect(r.stdout).toMatch(/^shop\/web\[Deployment\] +=> payments\/ledger\[StatefulSet\] +: All Connections$/m);
    } finally {
      t.cleanup();
    }
  });
});

describe("an AdminNetworkPolicy rule that passed monitoring on to NetworkPolicy now denies it", () => {
  it("explains the whole chain on both sides: denied now, passed on and allowed by the NetworkPolicy before", () => {
    const r = diff("pass-to-deny", "--format", "md", "--pods", "declared");
    expect(r.stdout).toContain("**0 flows opened, 2 closed — gate passed.**");
    // What both rows share is said once above the table; the ledger's row adds the NetworkPolicy that allowed it.
    expect(r.stdout).toContain(
      "**Why, for every row:** denied by AdminNetworkPolicy `monitoring` (Admin, priority 5) ingress rule `pass-monitoring` (`policies.yaml:10`); no longer passed on by AdminNetworkPolicy `monitoring` (Admin, priority 5) ingress rule `pass-monitoring` (base `policies.yaml:10`).",
    );
    expect(r.stdout).toContain("| `monitoring/prometheus[Deployment]` | `payments/ledger[StatefulSet]` | TCP 9187 (`metrics`) | no longer allowed by `payments/allow-scrape` ingress\\[0\\] (base `policies.yaml:26`) |");
    // Where no NetworkPolicy isolates, Pass fell through to the default allow: the shared reasons only.
    expect(r.stdout).toContain("| `monitoring/prometheus[Deployment]` | `shop/web[Deployment]` | all connections | as above |");
    const json = JSON.parse(diff("pass-to-deny", "--format", "json", "--pods", "declared").stdout) as { changes: ChangeJson[] };
    const ledger = json.changes.find((c) => c.dst === "payments/ledger[StatefulSet]")!;
    expect(ledger.why.map((w) => [w.side, w.effect, w.action ?? null, w.policy])).toEqual([
      ["head", "denies", "Deny", "AdminNetworkPolicy/monitoring"],
      ["base", "passes", "Pass", "AdminNetworkPolicy/monitoring"],
      ["base", "allows", null, "payments/allow-scrape"],
    ]);
  });
});

describe("an Admin-tier Deny of DNS for every namespace", () => {
  it("is one line, with the DNS warning", () => {
    const r = diff("dns-deny", "--format", "text", "--pods", "declared");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("- "))).toEqual([
      "- every declared workload -> kube-system/coredns[Deployment]: TCP and UDP 53 closed [6 flows]  (guard.yaml:15 ClusterNetworkPolicy no-cluster-dns (Admin, priority 1) egress rule deny-dns: denied)",
    ]);
    expect(r.stdout).toMatch(/! DNS: every declared workload except kube-system\/coredns\[Deployment\] can no longer resolve names/);
  });

  it("fails a gate on nothing opened, and reach agrees with the diff's head", () => {
    expect(diff("dns-deny", "--fail-on", "any-opened").code).toBe(0);
    const reach = runCli(["reach", fixture("dns-deny", "head"), "--pods", "declared"]);
    expect(reach.stdout).toMatch(/^alpha\/app\[Deployment\] +=> kube-system\/coredns\[Deployment\] +: SCTP 1-65535,TCP 1-52,54-65535,UDP 1-52,54-65535$/m);
  });
});

describe("networks and nodes peers on a cluster dump (pod IPs, Nodes)", () => {
  const dump = [
    "apiVersion: v1\nkind: Node\nmetadata:\n  name: infra-1\n  labels:\n    role: infra\nstatus:\n  addresses:\n    - type: InternalIP\n      address: 192.168.0.10",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  namespace: kube-system\nspec:\n  hostNetwork: true\n  nodeName: infra-1\n  containers:\n    - name: a\n      image: agent\nstatus:\n  podIP: 192.168.0.10",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\n  namespace: data\nspec:\n  containers:\n    - name: d\n      image: db\nstatus:\n  podIP: 10.1.2.3",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n    - name: w\n      image: web\nstatus:\n  podIP: 10.9.0.7",
    [
      "apiVersion: policy.networking.k8s.io/v1alpha2",
      "kind: ClusterNetworkPolicy",
      "metadata:",
      "  name: egress-guard",
      "spec:",
      "  tier: Admin",
      "  priority: 3",
      "  subject:",
      "    namespaces:",
      "      matchLabels:",
      "        kubernetes.io/metadata.name: shop",
      "  egress:",
      "    - name: no-nodes",
      "      action: Deny",
      "      to:",
      "        - nodes:",
      "            matchLabels:",
      "              role: infra",
      "    - name: no-data-range",
      "      action: Deny",
      "      to:",
      '        - networks: ["10.1.0.0/16"]',
    ].join("\n"),
  ].join("\n---\n");

  it("a networks Deny stops traffic to the pods whose IPs it holds; a nodes Deny the hostNetwork pods on those nodes", () => {
    const t = tempTree({ "dump.yaml": dump + "\n" });
    try {
      const r = runCli(["reach", t.dir, "--pods", "declared", "--format", "json"]);
      expect(r.stderr).toBe("");
      const json = JSON.parse(r.stdout) as { flows: { src: string; dst: string; conn: string }[]; assumptions: string[] };
      const to = (dst: string) => json.flows.find((f) => f.src === "shop/web[Pod]" && f.dst === dst)?.conn ?? "No Connections";
      expect(to("data/db[Pod]")).toBe("No Connections");
      expect(to("kube-system/agent[Pod]")).toBe("No Connections");
      // The data pod itself is not a subject: it still reaches the shop.
      expect(json.flows.find((f) => f.src === "data/db[Pod]" && f.dst === "shop/web[Pod]")?.conn).toBe("All Connections");
      expect(json.assumptions).toContain(
        "networks peers match outside addresses and the pods whose IPs the input gives (status.podIP), when all of a workload's pods are inside; pods without a known IP are matched by none.",
      );
      expect(json.assumptions.some((a) => a.startsWith("nodes peers match the hostNetwork pods on the Nodes they select"))).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it("without IPs or Nodes in the input, those peers match no pod, and the report says so", () => {
    const manifests = dump.replace(/\nstatus:\n  podIP: [0-9.]+/g, "").split("\n---\n").slice(1).join("\n---\n");
    const t = tempTree({ "manifests.yaml": manifests + "\n" });
    try {
      const json = JSON.parse(runCli(["reach", t.dir, "--pods", "declared", "--format", "json"]).stdout) as { flows: { src: string; dst: string; conn: string }[]; assumptions: string[] };
      expect(json.flows.find((f) => f.src === "shop/web[Pod]" && f.dst === "data/db[Pod]")?.conn).toBe("All Connections");
      expect(json.assumptions).toContain("nodes peers match nothing here: the input declares no Nodes.");
      expect(json.assumptions.some((a) => a.startsWith("networks peers match addresses outside the cluster only"))).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});

describe("reordering admin rules or changing a priority", () => {
  const policy = (priority: number, rules: string[]) =>
    [
      "apiVersion: policy.networking.k8s.io/v1alpha2",
      "kind: ClusterNetworkPolicy",
      "metadata:",
      "  name: order",
      "spec:",
      "  tier: Admin",
      `  priority: ${priority}`,
      "  subject:",
      "    namespaces:",
      "      matchLabels:",
      "        tier: sensitive",
      "  ingress:",
      ...rules,
    ].join("\n");
  const fromShop = ["    - name: deny-shop", "      action: Deny", "      from:", "        - namespaces:", "            matchLabels:", "              kubernetes.io/metadata.name: shop"];
  const fromMonitoring = ["    - name: allow-monitoring", "      action: Accept", "      from:", "        - namespaces:", "            matchLabels:", "              kubernetes.io/metadata.name: monitoring"];
  const fromAll = ["    - name: deny-all", "      action: Deny", "      from:", "        - namespaces: {}"];
  const cluster = readFileSync(join(fixture("sensitive-deny", "base"), "cluster.yaml"));
  const diffOf = (base: string, head: string) => {
    const t = tempTree({ "base/cluster.yaml": cluster, "base/p.yaml": base + "\n", "head/cluster.yaml": cluster, "head/p.yaml": head + "\n" });
    try {
      return JSON.parse(runCli(["diff", join(t.dir, "base"), join(t.dir, "head"), "--format", "json", "--pods", "declared", "--fail-on", "none"]).stdout) as { changes: ChangeJson[] };
    } finally {
      t.cleanup();
    }
  };

  it("is no change where the rules match disjoint traffic, or the priority moves alone", () => {
    expect(diffOf(policy(10, [...fromShop, ...fromMonitoring]), policy(10, [...fromMonitoring, ...fromShop])).changes).toEqual([]);
    expect(diffOf(policy(10, [...fromShop, ...fromAll]), policy(500, [...fromShop, ...fromAll])).changes).toEqual([]);
  });

  it("is a change, explained, where the first match changes", () => {
    const d = diffOf(policy(10, [...fromMonitoring, ...fromAll]), policy(10, [...fromAll, ...fromMonitoring]));
    expect(d.changes.map((c) => [c.src, c.dst, c.closed])).toEqual([["monitoring/prometheus[Deployment]", "payments/ledger[StatefulSet]", "All Connections"]]);
    expect(d.changes[0]!.why.map((w) => [w.side, w.effect, w.ruleName])).toEqual([
      ["head", "denies", "deny-all"],
      ["base", "allows", "allow-monitoring"],
    ]);
  });
});
