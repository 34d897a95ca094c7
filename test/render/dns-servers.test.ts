// Which pods count as the cluster's DNS server: the kube-dns Service's pods (or k8s-app=kube-dns),
// or the server --dns-server names; never any pod that happens to listen on port 53.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff, type DiffOptions } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { REPO, runCli, tempTree } from "../support/cli.js";

const DIR = join(REPO, "test/fixtures/dns-servers");
const file = (name: string): SourceFile => ({ path: name, text: readFileSync(join(DIR, name), "utf8") });
const comment = (base: string[], head: string[], options: DiffOptions = {}) =>
  renderComment(diff(base.map(file), head.map(file), { pods: "declared", ...options }), { marker: "<!-- netreach -->" });

describe("a home pihole listening on port 53 is not the cluster's DNS server", () => {
  it("isolating it raises no DNS alarm when the input declares no cluster DNS server", () => {
    const md = comment(["workloads.yaml"], ["workloads.yaml", "isolate-pihole.yaml"]);
    expect(md).toContain("home/pihole[Deployment]");
    expect(md).not.toContain("resolve names");
  });

  it("isolating it raises no DNS alarm beside CoreDNS behind Service kube-system/kube-dns", () => {
    const md = comment(["workloads.yaml", "coredns.yaml"], ["workloads.yaml", "coredns.yaml", "isolate-pihole.yaml"]);
    expect(md).not.toContain("resolve names");
  });

  it("an egress lockdown names only CoreDNS as the server lost", () => {
    const md = comment(["workloads.yaml", "coredns.yaml"], ["workloads.yaml", "coredns.yaml", "deny-egress-default.yaml"]);
    expect(md).toContain("- ⚠️ **DNS:** every declared workload in `default` can no longer resolve names (UDP/TCP 53 closed toward `kube-system/coredns[Deployment]`).");
  });

  it("the kube-dns Service's pods are the server whatever their labels", () => {
    const relabel = (f: SourceFile): SourceFile => ({ ...f, text: f.text.replaceAll("k8s-app: kube-dns", "app: dns") });
    const base = [file("workloads.yaml"), relabel(file("coredns.yaml"))];
    const report = diff(base, [...base, file("deny-egress-default.yaml")], { pods: "declared" });
    expect(renderDiffText(report)).toContain("can no longer resolve names (UDP/TCP 53 closed toward kube-system/coredns[Deployment])");
  });

  it("is the server when --dns-server names it", () => {
    const md = comment(["workloads.yaml"], ["workloads.yaml", "isolate-pihole.yaml"], { dnsServer: { namespace: "home", labels: { app: "pihole" } } });
    expect(md).toContain("can no longer resolve names (UDP/TCP 53 closed toward `home/pihole[Deployment]`)");
  });
});

describe("netreach diff --dns-server", () => {
  const tree = tempTree({
    "base/workloads.yaml": readFileSync(join(DIR, "workloads.yaml")),
    "head/workloads.yaml": readFileSync(join(DIR, "workloads.yaml")),
    "head/isolate-pihole.yaml": readFileSync(join(DIR, "isolate-pihole.yaml")),
  });

  it("takes NAMESPACE/KEY=VALUE and reports the pods cut from that server", () => {
    const plain = runCli(["diff", join(tree.dir, "base"), join(tree.dir, "head"), "--pods", "declared"]);
    expect(plain.stdout).not.toContain("resolve names");
    const named = runCli(["diff", join(tree.dir, "base"), join(tree.dir, "head"), "--pods", "declared", "--dns-server", "home/app=pihole"]);
    expect(named.stderr).toBe("");
    expect(named.stdout).toContain("can no longer resolve names");
  });

  it("refuses a value that is not NAMESPACE/KEY=VALUE", () => {
    const r = runCli(["diff", join(tree.dir, "base"), join(tree.dir, "head"), "--dns-server", "home/app"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--dns-server:");
    tree.cleanup();
  });
});
