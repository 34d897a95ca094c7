// An admin-tier egress lockdown is said as a DNS loss only toward a DNS server the input declares
// (the kube-dns/CoreDNS Service's pods, or --dns-server): never "closed toward any external
// address", never toward a pod that merely listens on port 53.
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { dnsLoss } from "../../src/render/dns-loss.js";
import { deployment, diffOf, namespace, yamlFile, type Obj } from "./fixtures.js";

const anp = (name: string, spec: Obj): Obj => ({ apiVersion: "policy.networking.k8s.io/v1alpha1", kind: "AdminNetworkPolicy", metadata: { name }, spec });
const service = (ns: string, name: string, spec: Obj): Obj => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec });

const workloads = yamlFile("w.yaml", [
  namespace("pay"),
  namespace("home"),
  deployment("pay", "ledger", { app: "ledger" }, [{ containerPort: 8080 }]),
  deployment("pay", "api", { app: "api" }, [{ containerPort: 8080 }]),
  // Listens on 53: a DNS server for someone, not the cluster's.
  deployment("home", "pihole", { app: "pihole" }, [{ containerPort: 53, protocol: "UDP" }, { containerPort: 53 }]),
]);
const coredns = yamlFile("coredns.yaml", [
  namespace("kube-system"),
  deployment("kube-system", "coredns", { "k8s-app": "kube-dns" }, [{ containerPort: 53, protocol: "UDP" }, { containerPort: 53 }]),
  service("kube-system", "kube-dns", { selector: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53 }] }),
]);
// Deny every egress of the ledger's pods, at the admin tier.
const lockdown = yamlFile("lockdown.yaml", [
  anp("ledger-lockdown", {
    priority: 10,
    subject: { pods: { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "pay" } }, podSelector: { matchLabels: { app: "ledger" } } } },
    egress: [
      { name: "deny-all", action: "Deny", to: [{ namespaces: {} }, { networks: ["0.0.0.0/0", "::/0"] }] },
    ],
  }),
]);

describe("an AdminNetworkPolicy Deny of all egress for some pods", () => {
  it("without a declared cluster DNS server: no DNS alarm, no external addresses named as a name server", () => {
    const report = diffOf([workloads], [workloads, lockdown]);
    // The lockdown closes port 53 toward the pihole and the internet alike.
    expect(report.changes.some((c) => c.src.id === "pay/ledger[Deployment]" && c.dst.id === "home/pihole[Deployment]" && !c.closed.isEmpty)).toBe(true);
    expect(dnsLoss(report)).toBeNull();
    const md = renderComment(report, { marker: "<!-- m -->" });
    const text = renderDiffText(report);
    for (const out of [md, text]) {
      expect(out).not.toContain("resolve names");
      expect(out).not.toMatch(/closed toward any external address/);
      expect(out).not.toMatch(/DNS:/);
    }
    // The lockdown itself is still said: the workload is left with no egress at all.
    expect(md).toContain("#### ⚠️ Stops working");
    expect(md).toContain("`pay/ledger[Deployment]`: it can send nothing any more (denied by AdminNetworkPolicy `ledger-lockdown`");
  });

  it("with CoreDNS behind Service kube-system/kube-dns: the DNS line names CoreDNS, and only it", () => {
    const report = diffOf([workloads, coredns], [workloads, coredns, lockdown]);
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md).toContain("- ⚠️ **DNS:** `pay/ledger[Deployment]` can no longer resolve names (UDP/TCP 53 closed toward `kube-system/coredns[Deployment]`).");
    expect(md).not.toMatch(/closed toward[^)]*external/);
    expect(md).not.toMatch(/closed toward[^)]*pihole/);
    expect(renderDiffText(report)).toContain("! DNS: pay/ledger[Deployment] can no longer resolve names (UDP/TCP 53 closed toward kube-system/coredns[Deployment])");
  });

  it("with --dns-server naming the pihole: the pihole is the server lost", () => {
    const report = diffOf([workloads], [workloads, lockdown], { dnsServer: { namespace: "home", labels: { app: "pihole" } } });
    expect(renderComment(report, { marker: "<!-- m -->" })).toContain("can no longer resolve names (UDP/TCP 53 closed toward `home/pihole[Deployment]`)");
  });
});
