// Every policy of the two seed tutorials (test/fixtures/seeds, README there), checked against a small
// cluster of our own (test/fixtures/seeds/cluster) for the results the tutorials promise.
// - 000 "Kubernetes Network Policies" (anatomy): example-policy (as printed it is invalid; a corrected
//   copy is in corrected/), the AND vs OR selector pair, and the docs' default policies
//   (k8s-docs-defaults/, no namespace: they land in `default`).
// - 001 "Configuring NetworkPolicies to Isolate Namespaces": backend isolation step by step, the DNS
//   egress mistake, egress to an external database, the production isolation pattern.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../src/load/object/source.js";
import { analyze, formatDiagnostics, type Reach } from "./scenarios/reach.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEEDS = "test/fixtures/seeds";

function source(rel: string): SourceFile {
  return { path: rel, text: readFileSync(join(ROOT, rel), "utf8") };
}

function cluster(): SourceFile[] {
  const dir = `${SEEDS}/cluster`;
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => source(`${dir}/${f}`));
}

/** The seed policy file for a name: `allow-dns` is test/fixtures/seeds/allow-dns.yaml. */
function policyPath(name: string): string {
  return `${SEEDS}/${name}.yaml`;
}

/** The cluster plus the named seed policies, analyzed with `--pods declared`. */
function loadRaw(...policies: string[]): Reach {
  return analyze([...cluster(), ...policies.map((p) => source(policyPath(p)))], { pods: "declared" });
}

/** As loadRaw, and no input is invalid. */
function load(...policies: string[]): Reach {
  const reach = loadRaw(...policies);
  expect(reach.errors(), formatDiagnostics(reach.errors())).toEqual([]);
  return reach;
}

/** The namespace of an endpoint id, or undefined for external endpoints. */
function namespaceOf(reach: Reach, id: string): string | undefined {
  const e = reach.json.endpoints.find((x) => x.id === id);
  return e && e.type !== "external" ? e.namespace : undefined;
}

/** Allowed flows (anything but "No Connections") as [src, dst, conn], optionally filtered. */
function flows(reach: Reach, keep: (src: string, dst: string) => boolean = () => true): [string, string, string][] {
  return reach.json.flows
    .filter((f) => f.conn !== "No Connections" && keep(f.src, f.dst))
    .map((f): [string, string, string] => [f.src, f.dst, f.conn])
    .sort();
}

const WORKLOADS = [
  "default/db",
  "default/frontend",
  "default/server",
  "frontend/web",
  "frontend/admin",
  "backend/db",
  "backend/api",
  "kube-system/coredns",
  "production/web",
  "production/worker",
  "analytics/reporter",
  "clients/server",
  "clients/worker",
] as const;

/** Sample external addresses: public DNS, the RDS endpoint of step 4 and its neighbours. */
const EXTERNALS = ["8.8.8.8", "10.0.1.49", "10.0.1.50", "10.0.1.51", "128.12.1.1", "192.0.2.10"] as const;

const DNS = "TCP 53,UDP 53";

describe("the seed cluster", () => {
  it("loads without errors and declares every workload", () => {
    const reach = load();
    for (const w of WORKLOADS) expect(reach.id(w)).toMatch(/\[(Pod|Deployment)\]$/);
    expect(reach.id("kube-system/coredns")).toBe("kube-system/coredns[Deployment]");
    expect(reach.id("backend/db")).toBe("backend/db[Pod]");
    // Kubernetes networking is flat by default.
    expect(reach.conn("frontend/web", "backend/db")).toBe("All Connections");
    expect(reach.conn("8.8.8.8", "production/web")).toBe("All Connections");
  });
});

describe("seed 001: isolating namespaces step by step", () => {
  const STEP1 = ["default-deny-ingress"];
  const STEP2 = [...STEP1, "allow-frontend-to-db"];
  const STEP3 = [...STEP2, "default-deny-egress"];
  const STEP3_DNS = [...STEP3, "allow-dns-egress"];
  const STEP4 = [...STEP3_DNS, "allow-external-db-egress"];
  const STEP5 = [...STEP4, "default-deny-all", "allow-dns", "allow-same-namespace"];

  it("step 1, default-deny-ingress: frontend can no longer reach backend; nothing gets into backend", () => {
    const reach = load(...STEP1);
    expect(reach.conn("frontend/web", "backend/db")).toBe("No Connections");
    const intoBackend = flows(reach, (_src, dst) => namespaceOf(reach, dst) === "backend");
    expect(intoBackend).toEqual([]);
    for (const ext of EXTERNALS) expect(reach.conn(ext, "backend/db"), ext).toBe("No Connections");
    // Ingress only: backend's own egress is untouched.
    expect(reach.conn("backend/db", "frontend/web")).toBe("All Connections");
    expect(reach.can("backend/db", "kube-system/coredns", "UDP", 53)).toBe(true);
  });

  it("step 2, allow-frontend-to-db: exactly frontend/web -> backend/db TCP 5432 gets in", () => {
    const reach = load(...STEP2);
    expect(reach.conn("frontend/web", "backend/db")).toBe("TCP 5432");
    expect(reach.can("frontend/web", "backend/db", "TCP", 80)).toBe(false);
    expect(reach.can("frontend/web", "backend/db", "UDP", 5432)).toBe(false);
    // Nothing else into backend: not the other frontend pod, not an app=web pod of another
    // namespace (namespaceSelector AND podSelector), not backend's own pods, not external addresses.
    const intoBackend = flows(reach, (_src, dst) => namespaceOf(reach, dst) === "backend");
    expect(intoBackend).toEqual([[reach.id("frontend/web"), reach.id("backend/db"), "TCP 5432"]]);
    expect(reach.conn("production/web", "backend/db")).toBe("No Connections");
    expect(reach.conn("frontend/admin", "backend/db")).toBe("No Connections");
    expect(reach.conn("backend/api", "backend/db")).toBe("No Connections");
    expect(reach.conn("frontend/web", "backend/api")).toBe("No Connections");
    for (const ext of EXTERNALS) expect(reach.conn(ext, "backend/db"), ext).toBe("No Connections");
  });

  it("step 3, default-deny-egress: all egress from backend is blocked, DNS to kube-system included (the DNS mistake)", () => {
    const reach = load(...STEP3);
    expect(reach.can("backend/db", "kube-system/coredns", "UDP", 53)).toBe(false);
    expect(reach.can("backend/db", "kube-system/coredns", "TCP", 53)).toBe(false);
    expect(reach.conn("backend/api", "kube-system/coredns")).toBe("No Connections");
    const outOfBackend = flows(reach, (src) => namespaceOf(reach, src) === "backend");
    expect(outOfBackend).toEqual([]);
    for (const ext of EXTERNALS) expect(reach.conn("backend/db", ext), ext).toBe("No Connections");
    // Egress isolation of backend does not touch its ingress.
    expect(reach.conn("frontend/web", "backend/db")).toBe("TCP 5432");
  });

  it("step 3, allow-dns-egress: UDP and TCP 53 to kube-system, and nothing else", () => {
    const reach = load(...STEP3_DNS);
    expect(reach.conn("backend/db", "kube-system/coredns")).toBe(DNS);
    expect(reach.conn("backend/api", "kube-system/coredns")).toBe(DNS);
    // Port 53 only toward kube-system: not to production, not to external resolvers.
    expect(reach.conn("backend/db", "production/web")).toBe("No Connections");
    expect(reach.conn("backend/db", "frontend/web")).toBe("No Connections");
    expect(reach.can("backend/db", "8.8.8.8", "UDP", 53)).toBe(false);
    for (const ext of EXTERNALS) expect(reach.conn("backend/api", ext), ext).toBe("No Connections");
    const outOfBackend = flows(reach, (src) => namespaceOf(reach, src) === "backend");
    const coredns = reach.id("kube-system/coredns");
    expect(outOfBackend).toEqual([
      [reach.id("backend/api"), coredns, DNS],
      [reach.id("backend/db"), coredns, DNS],
    ]);
  });

  it("step 4, allow-external-db-egress: backend/db -> 10.0.1.50 TCP 5432 only", () => {
    const reach = load(...STEP4);
    expect(reach.conn("backend/db", "10.0.1.50")).toBe("TCP 5432");
    for (const other of ["10.0.1.49", "10.0.1.51", "8.8.8.8", "192.0.2.10"]) {
      expect(reach.conn("backend/db", other), other).toBe("No Connections");
    }
    // Only pods labelled app=db get it.
    expect(reach.conn("backend/api", "10.0.1.50")).toBe("No Connections");
    // The previous steps still hold.
    expect(reach.conn("backend/db", "kube-system/coredns")).toBe(DNS);
    expect(reach.conn("frontend/web", "backend/db")).toBe("TCP 5432");
    expect(reach.conn("backend/db", "frontend/web")).toBe("No Connections");
  });

  it("step 5, production: pods talk to each other, nothing from outside gets in, only port 53 goes out", () => {
    const reach = load(...STEP5);
    expect(reach.conn("production/web", "production/worker")).toBe("All Connections");
    expect(reach.conn("production/worker", "production/web")).toBe("All Connections");
    for (const src of [...WORKLOADS.filter((w) => !w.startsWith("production/")), ...EXTERNALS]) {
      expect(reach.conn(src, "production/web"), src).toBe("No Connections");
      expect(reach.conn(src, "production/worker"), src).toBe("No Connections");
    }
    // allow-dns has no `to`: port 53 to any destination, pods of other namespaces and external
    // addresses included, not only to kube-system.
    expect(reach.conn("production/web", "kube-system/coredns")).toBe(DNS);
    expect(reach.conn("production/web", "frontend/web")).toBe(DNS);
    expect(reach.conn("production/worker", "default/db")).toBe(DNS);
    expect(reach.conn("production/web", "8.8.8.8")).toBe(DNS);
    expect(reach.conn("production/worker", "10.0.1.50")).toBe(DNS);
    // backend's default-deny-ingress still closes backend to them.
    expect(reach.conn("production/web", "backend/db")).toBe("No Connections");
    for (const [src, dst, conn] of flows(reach, (s, d) => namespaceOf(reach, s) === "production" && namespaceOf(reach, d) !== "production")) {
      expect(conn, `${src} => ${dst}`).toBe(DNS);
    }
  });
});

describe("seed 000: NetworkPolicy anatomy", () => {
  it("example-policy as printed (except 128.12.46.0/16 not inside cidr 128.12.0.0/24) is rejected: error at the except's line, policy left out, rest analyzed", () => {
    const file = policyPath("example-policy");
    const lines = source(file).text.split("\n");
    const exceptLine = lines.findIndex((l) => l.includes("- 128.12.46.0/16")) + 1;
    expect(exceptLine).toBeGreaterThan(0);

    const reach = loadRaw("example-policy", "default-deny-ingress");
    const errors = reach.errors();
    expect(errors.length, "an error for the invalid except").toBeGreaterThan(0);
    expect(errors.every((d) => d.file === file), formatDiagnostics(errors)).toBe(true);
    expect(
      errors.some((d) => d.line === exceptLine),
      `an error at ${file}:${exceptLine}; got:\n${formatDiagnostics(errors)}`,
    ).toBe(true);

    // Left out: role=db is selected by no policy, so it is open both ways.
    expect(reach.conn("default/server", "default/db")).toBe("All Connections");
    expect(reach.conn("128.12.46.1", "default/db")).toBe("All Connections");
    expect(reach.conn("default/db", "8.8.8.8")).toBe("All Connections");
    // The rest is still analyzed: backend's default-deny-ingress applies.
    expect(reach.conn("frontend/web", "backend/db")).toBe("No Connections");
  });

  describe("example-policy, corrected (cidr 128.12.0.0/16, except 128.12.46.0/24)", () => {
    const corrected = "corrected/example-policy";

    it("role=db in default is reachable on TCP 6379 from role=frontend in default, from namespaces labelled project=exampleproject, and from 128.12.x.x except 128.12.46.x", () => {
      const reach = load(corrected);
      expect(reach.conn("default/frontend", "default/db")).toBe("TCP 6379");
      expect(reach.conn("analytics/reporter", "default/db")).toBe("TCP 6379");
      for (const ip of ["128.12.0.0", "128.12.1.1", "128.12.45.255", "128.12.47.0", "128.12.255.255"]) {
        expect(reach.conn(ip, "default/db"), ip).toBe("TCP 6379");
      }
      for (const ip of ["128.12.46.0", "128.12.46.77", "128.12.46.255", "128.11.255.255", "128.13.0.0", "8.8.8.8", "10.0.1.50"]) {
        expect(reach.conn(ip, "default/db"), ip).toBe("No Connections");
      }
      // podSelector alone = the policy's namespace: role=frontend elsewhere does not count.
      expect(reach.conn("clients/worker", "default/db")).toBe("No Connections");
      for (const src of ["default/server", "clients/server", "frontend/web", "backend/db", "kube-system/coredns", "production/web"]) {
        expect(reach.conn(src, "default/db"), src).toBe("No Connections");
      }
    });

    it("egress from role=db only to 10.0.0.0/8 on TCP 5978", () => {
      const reach = load(corrected);
      for (const ip of ["10.0.0.0", "10.0.1.50", "10.255.255.255"]) {
        expect(reach.conn("default/db", ip), ip).toBe("TCP 5978");
      }
      for (const ip of ["9.255.255.255", "11.0.0.0", "8.8.8.8", "128.12.1.1"]) {
        expect(reach.conn("default/db", ip), ip).toBe("No Connections");
      }
      // ipBlocks match external addresses, never pods; and no DNS either.
      for (const dst of WORKLOADS.filter((w) => w !== "default/db")) {
        expect(reach.conn("default/db", dst), dst).toBe("No Connections");
      }
      // Other pods of default are not selected.
      expect(reach.conn("default/frontend", "default/server")).toBe("All Connections");
      expect(reach.conn("default/frontend", "8.8.8.8")).toBe("All Connections");
    });
  });

  describe("combining selectors: AND (one from element) vs OR (two from elements)", () => {
    it("AND: only role=server pods in namespaces labelled user=client", () => {
      const reach = load("ns-and-pod-selector");
      expect(reach.conn("clients/server", "default/db")).toBe("All Connections");
      for (const src of ["clients/worker", "default/server", "default/frontend", "analytics/reporter", "frontend/web", "8.8.8.8"]) {
        expect(reach.conn(src, "default/db"), src).toBe("No Connections");
      }
      expect(reach.conn("default/frontend", "default/server")).toBe("All Connections");
    });

    it("OR: any pod in namespaces labelled user=client, or role=server pods of the policy's own namespace", () => {
      const reach = load("ns-or-pod-selector");
      for (const src of ["clients/server", "clients/worker", "default/server"]) {
        expect(reach.conn(src, "default/db"), src).toBe("All Connections");
      }
      for (const src of ["default/frontend", "analytics/reporter", "frontend/web", "production/web", "8.8.8.8"]) {
        expect(reach.conn(src, "default/db"), src).toBe("No Connections");
      }
    });
  });

  describe("default policies (Kubernetes docs), no namespace: they apply to `default`", () => {
    const defaults = (name: string) => `k8s-docs-defaults/${name}`;
    const DEFAULT_PODS = ["default/db", "default/frontend", "default/server"] as const;
    const OTHERS = ["frontend/web", "backend/db", "clients/server", "8.8.8.8"] as const;

    it("deny all ingress traffic", () => {
      const reach = load(defaults("default-deny-ingress"));
      expect(flows(reach, (_s, d) => namespaceOf(reach, d) === "default")).toEqual([]);
      for (const src of OTHERS) expect(reach.conn(src, "default/db"), src).toBe("No Connections");
      expect(reach.conn("default/frontend", "default/db")).toBe("No Connections");
      // Egress of default and the other namespaces are untouched.
      expect(reach.conn("default/db", "frontend/web")).toBe("All Connections");
      expect(reach.conn("default/db", "8.8.8.8")).toBe("All Connections");
      expect(reach.conn("frontend/web", "backend/db")).toBe("All Connections");
    });

    it("deny all egress traffic", () => {
      const reach = load(defaults("default-deny-egress"));
      expect(flows(reach, (s) => namespaceOf(reach, s) === "default")).toEqual([]);
      for (const dst of OTHERS) expect(reach.conn("default/db", dst), dst).toBe("No Connections");
      expect(reach.conn("default/db", "kube-system/coredns")).toBe("No Connections");
      expect(reach.conn("frontend/web", "default/db")).toBe("All Connections");
      expect(reach.conn("8.8.8.8", "default/db")).toBe("All Connections");
    });

    it("allow all ingress traffic: nothing closed, and no other policy can deny ingress", () => {
      for (const set of [[defaults("allow-all-ingress")], [defaults("default-deny-ingress"), defaults("allow-all-ingress")]]) {
        const reach = load(...set);
        for (const src of [...OTHERS, "default/frontend"]) {
          expect(reach.conn(src, "default/db"), `${set.join("+")}: ${src}`).toBe("All Connections");
        }
      }
    });

    it("allow all egress traffic, even with deny all egress", () => {
      const reach = load(defaults("default-deny-egress"), defaults("allow-all-egress"));
      for (const dst of [...OTHERS, "default/frontend", "kube-system/coredns"]) {
        expect(reach.conn("default/db", dst), dst).toBe("All Connections");
      }
    });

    it("deny all ingress and all egress traffic", () => {
      const reach = load(defaults("default-deny-all"));
      expect(flows(reach, (s, d) => namespaceOf(reach, s) === "default" || namespaceOf(reach, d) === "default")).toEqual([]);
      for (const a of DEFAULT_PODS) {
        for (const b of [...DEFAULT_PODS, ...OTHERS]) {
          if (a === b) continue;
          expect(reach.conn(a, b), `${a} => ${b}`).toBe("No Connections");
          expect(reach.conn(b, a), `${b} => ${a}`).toBe("No Connections");
        }
      }
      expect(reach.conn("frontend/web", "backend/db")).toBe("All Connections");
    });
  });
});
