// `netreach check --suggest`, its pure part: which candidates the seed cluster gives, in which
// order, capped, and that the YAML printed is valid and says why for each.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { reach } from "../../src/analyze.js";
import { MAX_SUGGESTIONS, pickSuggestions, suggestCandidates, suggestionsYaml } from "../../src/assert/suggest.js";

const CLUSTER = fileURLToPath(new URL("../fixtures/seeds/cluster", import.meta.url));
const files = readdirSync(CLUSTER)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => ({ path: `cluster/${f}`, text: readFileSync(join(CLUSTER, f), "utf8") }));
const endpoints = reach(files, { pods: "declared" }).endpoints;

describe("check --suggest candidates", () => {
  const candidates = suggestCandidates({ endpoints });
  const names = candidates.map((c) => c.assertion.name);

  it("databases and caches: a deny from the internet and from the ingress controller for each, saying why", () => {
    const db = candidates.find((c) => c.assertion.name === "backend-db-not-public")!;
    expect(db.assertion).toMatchObject({ type: "deny", from: [{ kind: "internet" }], to: [{ kind: "pods", namespace: "backend", workload: "db" }], ports: null });
    expect(db.why).toContain("backend/db[Pod] looks like a database or cache");
    expect(names).toContain("backend-db-not-behind-ingress");
    // default/db serves redis on 6379.
    expect(names).toContain("default-db-not-public");
    // Nothing about the web servers.
    expect(names.filter((n) => n.includes("web"))).toEqual([]);
  });

  it("DNS: every pod reaches kube-system's k8s-app=kube-dns on UDP and TCP 53", () => {
    const dns = candidates.find((c) => c.assertion.name === "dns-reachable")!;
    expect(dns.assertion).toMatchObject({ type: "allow", from: [{ kind: "any-pod" }], to: [{ kind: "pods", namespace: "kube-system", labels: { "k8s-app": "kube-dns" } }] });
    expect(dns.assertion.type === "allow" && dns.assertion.ports.toString()).toBe("TCP 53,UDP 53");
  });

  it("namespaces: one isolated per pair, each pair once, names unique", () => {
    const pairs = candidates.filter((c) => c.assertion.type === "isolated");
    const nss = new Set(endpoints.flatMap((e) => (e.type === "workload" ? [e.pod.namespace] : [])));
    expect(pairs).toHaveLength((nss.size * (nss.size - 1)) / 2);
    expect(names).toContain("backend-frontend-isolated");
    expect(new Set(names).size).toBe(names.length);
  });

  it("names already in the configuration are not proposed again", () => {
    const again = suggestCandidates({ endpoints, taken: new Set(["dns-reachable", "backend-db-not-public"]) }).map((c) => c.assertion.name);
    expect(again).not.toContain("dns-reachable");
    expect(again).not.toContain("backend-db-not-public");
    expect(again).toContain("backend-db-not-behind-ingress");
  });

  it("only those that hold are printed, most useful first, at most MAX_SUGGESTIONS", () => {
    const kept = pickSuggestions(candidates, (n) => n !== "backend-db-not-public");
    expect(kept.length).toBe(MAX_SUGGESTIONS);
    expect(kept.map((k) => k.assertion.name)).not.toContain("backend-db-not-public");
    const ranks = kept.map((k) => k.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(kept[0]!.assertion.type).toBe("deny");
  });

  it("the YAML is valid, has a comment per suggestion, and reads back to the same assertions", () => {
    const kept = pickSuggestions(candidates, () => true);
    const text = suggestionsYaml(kept, ["header line"]);
    expect(text.startsWith("# header line\nassertions:\n")).toBe(true);
    const doc = parse(text) as { assertions: Record<string, unknown>[] };
    expect(doc.assertions.map((a) => a.name)).toEqual(kept.map((k) => k.assertion.name));
    expect(text.match(/^ {2}# /gm)).toHaveLength(kept.length);
    const dns = doc.assertions.find((a) => a.name === "dns-reachable")!;
    expect(dns).toEqual({ name: "dns-reachable", allow: { from: "any-pod", to: { namespace: "kube-system", labels: { "k8s-app": "kube-dns" } }, ports: ["TCP 53", "UDP 53"] } });
    expect(text).toContain("      to: {namespace: kube-system, labels: {k8s-app: kube-dns}}\n      ports: [TCP 53, UDP 53]\n");
    const iso = doc.assertions.find((a) => a.name === "backend-frontend-isolated")!;
    expect(iso).toEqual({ name: "backend-frontend-isolated", isolated: { namespaces: [{ namespace: "backend" }, { namespace: "frontend" }] } });
  });

  it("names YAML would read as something else are quoted", () => {
    const yes = suggestCandidates({ endpoints: [], dnsServer: { namespace: "yes", labels: { "k8s-app": "true", on: "1" } } });
    const text = suggestionsYaml(yes);
    expect(text).toContain('to: {namespace: "yes", labels: {k8s-app: "true", "on": "1"}}');
    expect((parse(text) as { assertions: { allow: { to: unknown } }[] }).assertions[0]!.allow.to).toEqual({ namespace: "yes", labels: { "k8s-app": "true", on: "1" } });
  });

  it("nothing holds: a valid YAML that says so", () => {
    const text = suggestionsYaml([]);
    expect(parse(text)).toEqual({ assertions: [] });
    expect(text).toContain("no assertion to suggest");
  });
});
