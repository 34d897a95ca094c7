// Synthetic pods (DESIGN section 4, "Synthetic pods"; `--pods synthetic|auto|declared`), unit by
// unit through `reach` / `analyzeReach` and `representatives`: how representatives are named, the
// four matchExpressions operators, conflicting requirements, representative namespaces, named
// ports, the assumptions, the bound and its fallback, scale, and declared workloads alongside.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reach, representatives, type PodsMode } from "../src/analyze.js";
import { analyzeReach } from "../src/render/reach-json.js";
import type { SourceFile } from "../src/load/object/source.js";
import type { EndpointJson } from "../src/report/reach-json.js";
import { selectorMatches } from "./reference/evaluator.js";
import type { Labels, LabelSelector } from "./reference/kube.js";
import { reachOf } from "./scenarios/reach.js";
import { labelSets, pattern, satisfiablePatterns } from "./synthetic/brute-force.js";
import { ALL, NONE, deployment, manifests, namespace, netpol, seed, syntheticIds, type Manifest } from "./synthetic/support.js";

function analyze(files: readonly SourceFile[], pods: PodsMode = "synthetic") {
  return reachOf(analyzeReach(files, { pods }));
}

/** A policy in `x` isolating ingress of `subject`, admitting the given peers on the given ports. */
function ingressPolicy(name: string, subject: LabelSelector, from?: Manifest[], ports?: Manifest[], ns = "x"): Manifest {
  const rule: Manifest = {};
  if (from !== undefined) rule.from = from;
  if (ports !== undefined) rule.ports = ports;
  return netpol(ns, name, { podSelector: subject, policyTypes: ["Ingress"], ingress: [rule] });
}

const matchLabels = (labels: Record<string, string>): LabelSelector => ({ matchLabels: labels });

/** The witness labels of every representative pod of a namespace (values no selector names included). */
function witnesses(files: readonly SourceFile[], ns: string): Map<string, Labels> {
  return new Map(representatives(files).pods.filter((p) => p.pod.namespace === ns).map((p) => [p.id, { ...p.pod.labels }]));
}

// ---------------------------------------------------------------------------------------------

describe("names of representatives", () => {
  it("a pod selector behind a namespaceSelector splits only the namespaces it picks: NotIn and Exists alike", () => {
    const files = manifests(
      namespace("red", { team: "red" }),
      namespace("blue", { team: "blue" }),
      namespace("green", { team: "green", tier: "edge" }),
      netpol("red", "from-other-teams", {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [
          { from: [{ namespaceSelector: { matchExpressions: [{ key: "team", operator: "NotIn", values: ["red", "green"] }] }, podSelector: matchLabels({ app: "api" }) }] },
          { from: [{ namespaceSelector: { matchExpressions: [{ key: "tier", operator: "Exists" }] }, podSelector: matchLabels({ app: "edge" }) }] },
        ],
      }),
    );
    expect([...witnesses(files, "red").keys()]).toEqual(["red/[*]"]);
    expect([...witnesses(files, "blue").keys()]).toEqual(["blue/[*]", "blue/[app=api]"]);
    expect([...witnesses(files, "green").keys()]).toEqual(["green/[*]", "green/[app=edge]"]);
  });

  it("allow-frontend-to-db: backend/[app=db], backend/[*], frontend/[app=web], frontend/[*], [*]/[*] (JSON type synthetic, with labels)", () => {
    const r = analyze([seed("allow-frontend-to-db")]);
    expect(r.json.endpoints.filter((e) => e.type === "synthetic")).toEqual([
      { id: "[*]/[*]", type: "synthetic", namespace: "[*]", labels: {} },
      { id: "backend/[*]", type: "synthetic", namespace: "backend", labels: {} },
      { id: "backend/[app=db]", type: "synthetic", namespace: "backend", labels: { app: "db" } },
      { id: "frontend/[*]", type: "synthetic", namespace: "frontend", labels: {} },
      { id: "frontend/[app=web]", type: "synthetic", namespace: "frontend", labels: { app: "web" } },
    ]);
    expect(r.conn("frontend/[app=web]", "backend/[app=db]")).toBe("TCP 5432");
    expect(r.conn("frontend/[*]", "backend/[app=db]")).toBe(NONE);
    expect(r.conn("[*]/[*]", "backend/[app=db]")).toBe(NONE);
    expect(r.conn("0.0.0.0", "backend/[app=db]")).toBe(NONE);
    // backend/[*] is not selected by the policy: open to everything, itself included.
    expect(r.conn("backend/[*]", "backend/[*]")).toBe(ALL);
    expect(r.conn("[*]/[*]", "backend/[*]")).toBe(ALL);
  });

  it("a representative's flow to its own class is reported: production/[*] -> production/[*]", () => {
    const r = analyze([seed("default-deny-all"), seed("allow-same-namespace")]);
    expect(r.conn("production/[*]", "production/[*]")).toBe(ALL);
    expect(r.json.flows.some((f) => f.src === "production/[*]" && f.dst === "production/[*]")).toBe(true);
    expect(r.conn("[*]/[*]", "production/[*]")).toBe(NONE);
    expect(r.conn("production/[*]", "[*]/[*]")).toBe(NONE);
    expect(r.conn("[*]/[*]", "[*]/[*]")).toBe(ALL);
  });

  it("a namespaceSelector on project=exampleproject: namespace [project=exampleproject] with [project=exampleproject]/[role=frontend]", () => {
    const files = manifests(
      ingressPolicy("db", matchLabels({ app: "db" }), [{ namespaceSelector: matchLabels({ project: "exampleproject" }), podSelector: matchLabels({ role: "frontend" }) }], [
        { protocol: "TCP", port: 6379 },
      ]),
    );
    const r = analyze(files);
    expect(syntheticIds(r.json.endpoints)).toEqual([
      "[*]/[*]",
      "[project=exampleproject]/[*]",
      "[project=exampleproject]/[role=frontend]",
      "x/[*]",
      "x/[app=db]",
    ]);
    expect(r.json.endpoints.find((e) => e.id === "[project=exampleproject]/[role=frontend]")).toEqual({
      id: "[project=exampleproject]/[role=frontend]",
      type: "synthetic",
      namespace: "[project=exampleproject]",
      labels: { role: "frontend" },
    });
    expect(r.conn("[project=exampleproject]/[role=frontend]", "x/[app=db]")).toBe("TCP 6379");
    expect(r.conn("[project=exampleproject]/[*]", "x/[app=db]")).toBe(NONE);
    expect(r.conn("[*]/[*]", "x/[app=db]")).toBe(NONE);
    // The peer reaches project=exampleproject namespaces only: not x's own pods (x's labels are unknown: only its name).
    expect(r.conn("x/[*]", "x/[app=db]")).toBe(NONE);
    // The namespace representatives map back from real namespace labels.
    const reps = representatives(files);
    expect(reps.representativeOf("team-a", { project: "exampleproject", env: "prod" }, { role: "frontend", tier: "gold" })).toBe(
      "[project=exampleproject]/[role=frontend]",
    );
    expect(reps.representativeOf("team-a", { project: "exampleproject" }, { role: "backend" })).toBe("[project=exampleproject]/[*]");
    expect(reps.representativeOf("team-b", { project: "other" }, { role: "frontend" })).toBe("[*]/[*]");
    expect(reps.representativeOf("x", {}, { app: "db", role: "frontend" })).toBe("x/[app=db]");
  });

  it("every namespace named by kubernetes.io/metadata.name gets its own representatives; the name label never shows in a name", () => {
    const files = manifests(
      netpol("x", "egress", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["kube-system", "monitoring"] }] },
                podSelector: matchLabels({ "k8s-app": "kube-dns" }),
              },
            ],
          },
        ],
      }),
    );
    const r = analyze(files);
    expect(syntheticIds(r.json.endpoints)).toEqual([
      "[*]/[*]",
      "kube-system/[*]",
      "kube-system/[k8s-app=kube-dns]",
      "monitoring/[*]",
      "monitoring/[k8s-app=kube-dns]",
      "x/[*]",
    ]);
    expect(r.json.endpoints.some((e) => e.id.includes("metadata.name"))).toBe(false);
    expect(r.conn("x/[*]", "kube-system/[k8s-app=kube-dns]")).toBe(ALL);
    expect(r.conn("x/[*]", "monitoring/[k8s-app=kube-dns]")).toBe(ALL);
    expect(r.conn("x/[*]", "kube-system/[*]")).toBe(NONE);
    expect(r.conn("x/[*]", "[*]/[*]")).toBe(NONE);
  });
});

// ---------------------------------------------------------------------------------------------

describe("matchExpressions operators", () => {
  it("In / NotIn / Exists: one pod per satisfiable combination, and the flows follow the selectors", () => {
    // S0 = app In (a,b) (isolated), S1 = app NotIn (a), S2 = tier Exists (admitted sources).
    // app: absent -> S1; a -> S0; b -> S0,S1; any other value -> S1 (as absent). tier: absent or present.
    const files = manifests(
      ingressPolicy("p", { matchExpressions: [{ key: "app", operator: "In", values: ["a", "b"] }] }, [
        { podSelector: { matchExpressions: [{ key: "app", operator: "NotIn", values: ["a"] }] } },
        { podSelector: { matchExpressions: [{ key: "tier", operator: "Exists" }] } },
      ]),
    );
    const r = analyze(files);
    // Labels standing for each representative ("*" = some value no selector names).
    const table: Record<string, Labels> = {
      "x/[*]": {},
      "x/[tier=*]": { tier: "*" },
      "x/[app=a]": { app: "a" },
      "x/[app=a,tier=*]": { app: "a", tier: "*" },
      "x/[app=b]": { app: "b" },
      "x/[app=b,tier=*]": { app: "b", tier: "*" },
    };
    expect(syntheticIds(r.json.endpoints, "x")).toEqual(Object.keys(table).sort());
    const s0: LabelSelector = { matchExpressions: [{ key: "app", operator: "In", values: ["a", "b"] }] };
    const s1: LabelSelector = { matchExpressions: [{ key: "app", operator: "NotIn", values: ["a"] }] };
    const s2: LabelSelector = { matchExpressions: [{ key: "tier", operator: "Exists" }] };
    for (const [dst, dl] of Object.entries(table)) {
      for (const [src, sl] of [...Object.entries(table), ["[*]/[*]", undefined] as const]) {
        const admitted = !selectorMatches(s0, dl) || (sl !== undefined && (selectorMatches(s1, sl) || selectorMatches(s2, sl)));
        expect(r.conn(src, dst), `${src} -> ${dst}`).toBe(admitted ? ALL : NONE);
      }
      expect(r.conn("0.0.0.0", dst), `external -> ${dst}`).toBe(selectorMatches(s0, dl) ? NONE : ALL);
    }
  });

  it("DoesNotExist with In on the same key: [*] (no tier), [tier=gold], and [tier=*], the pod no selector matches", () => {
    const files = manifests(
      ingressPolicy("p", { matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] }, [
        { podSelector: { matchExpressions: [{ key: "tier", operator: "In", values: ["gold"] }] } },
      ]),
    );
    const r = analyze(files);
    expect(syntheticIds(r.json.endpoints, "x")).toEqual(["x/[*]", "x/[tier=*]", "x/[tier=gold]"]);
    // Only pods without tier are isolated; only tier=gold pods of x get in.
    expect(r.conn("x/[tier=gold]", "x/[*]")).toBe(ALL);
    expect(r.conn("x/[*]", "x/[*]")).toBe(NONE);
    expect(r.conn("x/[tier=*]", "x/[*]")).toBe(NONE);
    expect(r.conn("[*]/[*]", "x/[*]")).toBe(NONE);
    for (const dst of ["x/[tier=*]", "x/[tier=gold]"]) {
      for (const src of ["x/[*]", "x/[tier=*]", "x/[tier=gold]", "[*]/[*]", "0.0.0.0"]) expect(r.conn(src, dst), `${src} -> ${dst}`).toBe(ALL);
    }
    const reps = representatives(files);
    expect(reps.representativeOf("x", {}, { tier: "silver", app: "web" })).toBe("x/[tier=*]");
    expect(reps.representativeOf("x", {}, { app: "web" })).toBe("x/[*]");
    expect(reps.representativeOf("x", {}, { tier: "gold" })).toBe("x/[tier=gold]");
  });

  it("Exists with In on the same key: [*], [app=*] (Exists only) and [app=a] (both)", () => {
    const files = manifests(
      ingressPolicy("p", { matchExpressions: [{ key: "app", operator: "Exists" }] }, [{ podSelector: matchLabels({ app: "a" }) }]),
    );
    expect(syntheticIds(analyze(files).json.endpoints, "x")).toEqual(["x/[*]", "x/[app=*]", "x/[app=a]"]);
  });

  it("representative namespaces from matchExpressions: one per satisfiable combination of namespaceSelectors", () => {
    // N0 = env In (prod,staging), N1 = env NotIn (staging), N2 = team Exists.
    // env: absent -> N1; prod -> N0,N1; staging -> N0; other -> N1 (as absent). team: absent or present.
    const files = manifests(
      ingressPolicy("p", {}, [
        { namespaceSelector: { matchExpressions: [{ key: "env", operator: "In", values: ["prod", "staging"] }] } },
        { namespaceSelector: { matchExpressions: [{ key: "env", operator: "NotIn", values: ["staging"] }] } },
        { namespaceSelector: { matchExpressions: [{ key: "team", operator: "Exists" }] } },
      ]),
    );
    const r = analyze(files);
    expect(syntheticIds(r.json.endpoints).filter((id) => id.startsWith("["))).toEqual([
      "[*]/[*]",
      "[env=prod,team=*]/[*]",
      "[env=prod]/[*]",
      "[env=staging,team=*]/[*]",
      "[env=staging]/[*]",
      "[team=*]/[*]",
    ]);
    // Everything gets into x from a namespace matching any of them; [*]/[*] (no env) matches N1.
    for (const src of syntheticIds(r.json.endpoints).filter((id) => id.startsWith("["))) expect(r.conn(src, "x/[*]"), src).toBe(ALL);
    const reps = representatives(files);
    expect(reps.representativeOf("dev", { env: "dev" }, {})).toBe("[*]/[*]");
    expect(reps.representativeOf("stage", { env: "staging", team: "red" }, {})).toBe("[env=staging,team=*]/[*]");
    expect(reps.representativeOf("prod", { env: "prod" }, { app: "web" })).toBe("[env=prod]/[*]");
  });
});

// ---------------------------------------------------------------------------------------------

describe("conflicting requirements: no invented pods", () => {
  it("app=a and app=b give [app=a], [app=b] and [*], never a pod satisfying both", () => {
    const files = manifests(ingressPolicy("p", matchLabels({ app: "a" }), [{ podSelector: matchLabels({ app: "b" }) }]));
    const r = analyze(files);
    expect(syntheticIds(r.json.endpoints, "x")).toEqual(["x/[*]", "x/[app=a]", "x/[app=b]"]);
    for (const [id, labels] of witnesses(files, "x")) {
      expect(selectorMatches(matchLabels({ app: "a" }), labels) && selectorMatches(matchLabels({ app: "b" }), labels), id).toBe(false);
    }
    expect(r.conn("x/[app=b]", "x/[app=a]")).toBe(ALL);
    expect(r.conn("x/[*]", "x/[app=a]")).toBe(NONE);
    expect(r.conn("x/[app=a]", "x/[app=a]")).toBe(NONE);
  });

  it("a selector no labels can satisfy (app=a AND app NotIn (a); tier Exists AND DoesNotExist) gets no pod and isolates nothing", () => {
    const files = manifests(
      ingressPolicy("p", { matchLabels: { app: "a" }, matchExpressions: [{ key: "app", operator: "NotIn", values: ["a"] }] }, [{ podSelector: matchLabels({ app: "c" }) }]),
      ingressPolicy("q", {
        matchExpressions: [
          { key: "tier", operator: "Exists" },
          { key: "tier", operator: "DoesNotExist" },
        ],
      }),
    );
    const r = analyze(files);
    // app: absent/other -> none; a -> (app=a but NotIn a fails) none; c -> app=c. tier: nothing satisfiable either way.
    expect(syntheticIds(r.json.endpoints, "x")).toEqual(["x/[*]", "x/[app=c]"]);
    for (const f of r.json.flows) expect(f.conn, `${f.src} -> ${f.dst}`).toBe(ALL);
    expect(r.json.flows).toHaveLength(
      // every ordered pair of the 3 representatives (self included), and each with the external endpoint both ways
      3 * 3 + 3 * 2,
    );
  });

  it("property: the representatives of a namespace are exactly the satisfiable combinations (independent brute force)", () => {
    const KEYS = ["app", "tier", "role"] as const;
    const VALUES = ["a", "b", "c"] as const;
    const requirement = fc.oneof(
      fc.record({
        key: fc.constantFrom(...KEYS),
        operator: fc.constantFrom("In" as const, "NotIn" as const),
        values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }),
      }),
      fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom("Exists" as const, "DoesNotExist" as const) }),
    );
    const selector: fc.Arbitrary<LabelSelector> = fc
      .record({
        matchLabels: fc.record({ app: fc.constantFrom(...VALUES), tier: fc.constantFrom(...VALUES), role: fc.constantFrom(...VALUES) }, { requiredKeys: [] }),
        matchExpressions: fc.array(requirement, { maxLength: 2 }),
      })
      .map(({ matchLabels, matchExpressions }) => ({
        ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
        ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
      }));
    const policy = fc.record({ subject: selector, peers: fc.array(selector, { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 4 }), (drafts) => {
        const objects = drafts.map((d, i) => ingressPolicy(`p${i}`, d.subject, d.peers.length === 0 ? undefined : d.peers.map((s) => ({ podSelector: s }))));
        const files = manifests(...objects);
        const selectors = drafts.flatMap((d) => [d.subject, ...d.peers]);
        const expected = satisfiablePatterns(selectors);
        const reps = witnesses(files, "x");
        const context = `selectors: ${JSON.stringify(selectors)}\nrepresentatives: ${JSON.stringify([...reps.keys()])}\nexpected patterns: ${JSON.stringify([...expected])}`;
        const byPattern = new Map<string, string>();
        for (const [id, labels] of reps) {
          const p = pattern(selectors, labels);
          expect(byPattern.has(p), `two representatives behave alike (${byPattern.get(p)}, ${id})\n${context}`).toBe(false);
          byPattern.set(p, id);
        }
        expect([...byPattern.keys()].sort(), context).toEqual([...expected.keys()].sort());
        // Every real label set maps to the representative that behaves like it.
        const synthesis = representatives(files);
        for (const labels of labelSets(selectors)) {
          expect(synthesis.representativeOf("x", {}, labels), `${JSON.stringify(labels)}\n${context}`).toBe(byPattern.get(pattern(selectors, labels)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("property: representative namespaces are exactly the satisfiable combinations of namespaceSelectors, plus nothing", () => {
    const KEYS = ["env", "team"] as const;
    const VALUES = ["prod", "dev", "qa"] as const;
    const requirement = fc.oneof(
      fc.record({
        key: fc.constantFrom(...KEYS),
        operator: fc.constantFrom("In" as const, "NotIn" as const),
        values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }),
      }),
      fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom("Exists" as const, "DoesNotExist" as const) }),
    );
    const selector: fc.Arbitrary<LabelSelector> = fc
      .record({ matchLabels: fc.record({ env: fc.constantFrom(...VALUES), team: fc.constantFrom(...VALUES) }, { requiredKeys: [] }), matchExpressions: fc.array(requirement, { maxLength: 2 }) })
      .map(({ matchLabels, matchExpressions }) => ({
        ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
        ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
      }));
    fc.assert(
      fc.property(fc.array(selector, { minLength: 1, maxLength: 4 }), (nsSelectors) => {
        const files = manifests(ingressPolicy("p", {}, nsSelectors.map((s) => ({ namespaceSelector: s }))));
        const expected = satisfiablePatterns(nsSelectors);
        const synthesis = representatives(files);
        const repNamespaces = synthesis.namespaces.filter((n) => n.name.startsWith("["));
        const context = `namespaceSelectors: ${JSON.stringify(nsSelectors)}\nrepresentative namespaces: ${JSON.stringify(repNamespaces.map((n) => n.name))}`;
        const patterns = repNamespaces.map((n) => pattern(nsSelectors, n.labels));
        expect(new Set(patterns).size, context).toBe(patterns.length);
        expect([...patterns].sort(), context).toEqual([...expected.keys()].sort());
        for (const labels of labelSets(nsSelectors)) {
          const want = repNamespaces[patterns.indexOf(pattern(nsSelectors, labels))]!.name;
          expect(synthesis.representativeOf("some-ns", labels, {}), `${JSON.stringify(labels)}\n${context}`).toBe(`${want}/[*]`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe("named ports on synthetic pods", () => {
  const files = manifests(
    ingressPolicy("db", matchLabels({ app: "db" }), undefined, [{ port: "http" }, { protocol: "UDP", port: "dns" }, { protocol: "TCP", port: 5432 }]),
    netpol("x", "out", {
      podSelector: matchLabels({ app: "db" }),
      policyTypes: ["Egress"],
      egress: [{ to: [{ podSelector: {} }, { ipBlock: { cidr: "10.0.0.0/8" } }], ports: [{ port: "http" }] }],
    }),
  );

  it("a port allowed by name shows by name after the numbers: TCP 5432,http,UDP dns", () => {
    const r = analyze(files);
    expect(r.conn("x/[*]", "x/[app=db]")).toBe("TCP 5432,http,UDP dns");
    expect(r.conn("[*]/[*]", "x/[app=db]")).toBe("TCP 5432,http,UDP dns");
    // Named ports on the egress side resolve on the destination pod: the representative's `http`.
    expect(r.conn("x/[app=db]", "x/[*]")).toBe("TCP http");
    // A named port toward an ipBlock matches nothing.
    expect(r.conn("x/[app=db]", "10.1.1.1")).toBe(NONE);
  });

  it("the assumptions say which named ports representatives expose", () => {
    const text = reach(files, { pods: "synthetic" }).assumptions.join("\n");
    expect(text).toMatch(/named ports/);
    expect(text).toContain("http/TCP");
    expect(text).toContain("dns/UDP");
  });

  it("a declared workload beside them resolves the name to its number", () => {
    const withWorkload = [...files, ...manifests(deployment("x", "db", { app: "db" }, [{ name: "http", containerPort: 8080 }]))];
    const r = analyze(withWorkload);
    expect(r.conn("x/[*]", "x/db[Deployment]")).toBe("TCP 5432,8080");
    expect(r.conn("x/[*]", "x/[app=db]")).toBe("TCP 5432,http,UDP dns");
  });
});

// ---------------------------------------------------------------------------------------------

describe("assumptions", () => {
  it("unknown namespace labels are stated for the named namespaces without a manifest, not for declared or representative ones", () => {
    const files = [
      seed("allow-frontend-to-db"),
      ...manifests(namespace("backend", { team: "data" }), ingressPolicy("p", {}, [{ namespaceSelector: matchLabels({ project: "exampleproject" }) }], undefined, "backend")),
    ];
    const assumptions = reach(files, { pods: "synthetic" }).assumptions;
    const line = assumptions.find((a) => /labels unknown/i.test(a));
    expect(line, assumptions.join("\n")).toBeDefined();
    expect(line).toContain("frontend");
    expect(line).toContain("kubernetes.io/metadata.name");
    expect(line).not.toContain("backend");
    expect(line).not.toContain("[");
    expect(assumptions.some((a) => a.includes("--pods synthetic"))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

/** `n` policies in x, policy i selecting `key(i)=v<i>`. */
function selectorPolicies(n: number, key: (i: number) => string, ns = "x"): SourceFile[] {
  return manifests(...Array.from({ length: n }, (_, i) => netpol(ns, `p${i}`, { podSelector: matchLabels({ [key(i)]: `v${i}` }), policyTypes: ["Ingress"] })));
}

/** The fallback note names the bound. */
const FALLBACK = /256/;

describe("the bound (256 per namespace) and its fallback", () => {
  it("8 independent selectors: 2^8 = 256 representatives, no fallback", () => {
    const r = reach(selectorPolicies(8, (i) => `k${i}`), { pods: "synthetic" });
    expect(r.endpoints.filter((e) => e.type === "synthetic" && e.pod.namespace === "x")).toHaveLength(256);
    expect(r.assumptions.some((a) => FALLBACK.test(a))).toBe(false);
  });

  it("9 independent selectors (512 combinations): one representative per selector plus [*], and the report says so", () => {
    const files = selectorPolicies(9, (i) => `k${i}`);
    const r = reach(files, { pods: "synthetic" });
    const note = r.assumptions.find((a) => FALLBACK.test(a));
    expect(note, r.assumptions.join("\n")).toBeDefined();
    expect(note).toContain("x");
    const ids = r.endpoints.filter((e) => e.type === "synthetic" && e.pod.namespace === "x").map((e) => e.id);
    expect(ids).toHaveLength(10);
    expect(ids).toContain("x/[*]");
    for (let i = 0; i < 9; i++) expect(ids).toContain(`x/[k${i}=v${i}]`);
  });

  it("namespaceSelectors past the bound (9 independent keys, 512 combinations): one representative per selector, [*]/[*] kept, and the report says so", () => {
    const files = manifests(ingressPolicy("p", {}, Array.from({ length: 9 }, (_, i) => ({ namespaceSelector: matchLabels({ [`k${i}`]: "v" }) }))));
    const r = reach(files, { pods: "synthetic" });
    const ids = r.endpoints.filter((e) => e.type === "synthetic").map((e) => e.id);
    // "Any other namespace" must still exist: pods in namespaces no policy names are real.
    expect(ids, JSON.stringify(ids)).toContain("[*]/[*]");
    const repNamespaces = new Set(r.endpoints.flatMap((e) => (e.type === "synthetic" && e.pod.namespace.startsWith("[") ? [e.pod.namespace] : [])));
    expect(repNamespaces.size).toBeGreaterThan(1);
    expect(repNamespaces.size).toBeLessThanOrEqual(10);
    for (let i = 0; i < 9; i++) expect([...repNamespaces]).toContain(`[k${i}=v]`);
    expect(
      r.assumptions.some((a) => FALLBACK.test(a)),
      r.assumptions.join("\n"),
    ).toBe(true);
  });

  it("no fallback when the combinations are few, however many selectors and keys (11 x {a<i>=v, zz=v<i>} and b=v: 24 combinations)", () => {
    // Selector i needs a<i>=v AND zz=v<i>: at most one of them can hold (zz has one value), so with
    // b=v on top there are 12 x 2 = 24 combinations, far below the bound.
    const objects = [
      ...Array.from({ length: 11 }, (_, i) => netpol("x", `p${i}`, { podSelector: matchLabels({ [`a${i}`]: "v", zz: `v${i}` }), policyTypes: ["Ingress"] })),
      netpol("x", "b", { podSelector: matchLabels({ b: "v" }), policyTypes: ["Ingress"] }),
    ];
    const files = manifests(...objects);
    const r = reach(files, { pods: "synthetic" });
    expect(
      r.assumptions.some((a) => FALLBACK.test(a)),
      r.assumptions.join("\n"),
    ).toBe(false);
    expect(r.endpoints.filter((e) => e.type === "synthetic" && e.pod.namespace === "x")).toHaveLength(24);
    // A real pod satisfying selector 3 and b=v has a representative.
    expect(representatives(files).representativeOf("x", {}, { a3: "v", zz: "v3", b: "v" })).toBe("x/[a3=v,b=v,zz=v3]");
  });
});

describe("scale", () => {
  it("30 policies selecting values of one key: 31 representatives (the combinations really are that many), no fallback", () => {
    const files = selectorPolicies(30, () => "app");
    const r = reach(files, { pods: "synthetic" });
    expect(r.endpoints.filter((e) => e.type === "synthetic" && e.pod.namespace === "x")).toHaveLength(31);
    expect(r.assumptions.some((a) => FALLBACK.test(a))).toBe(false);
  });

  it("30 policies with a selector on its own key: 2^30 combinations, so the fallback, O(30) representatives", () => {
    const started = Date.now();
    const r = reach(selectorPolicies(30, (i) => `k${i}`), { pods: "synthetic" });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.endpoints.filter((e) => e.type === "synthetic" && e.pod.namespace === "x")).toHaveLength(31);
    expect(r.assumptions.some((a) => FALLBACK.test(a))).toBe(true);
  });

  it("30 nested selectors (lvl In a suffix of 30 values): 31 combinations, counted independently", () => {
    const values = Array.from({ length: 30 }, (_, i) => `l${String(i).padStart(2, "0")}`);
    const selectors: LabelSelector[] = values.map((_, i) => ({ matchExpressions: [{ key: "lvl", operator: "In", values: values.slice(i) }] }));
    const files = manifests(...selectors.map((s, i) => netpol("x", `p${i}`, { podSelector: s, policyTypes: ["Ingress"] })));
    const expected = satisfiablePatterns(selectors).size;
    expect(expected).toBe(31);
    const r = reach(files, { pods: "synthetic" });
    expect(r.endpoints.filter((e) => e.type === "synthetic" && e.pod.namespace === "x")).toHaveLength(expected);
    expect(r.assumptions.some((a) => FALLBACK.test(a))).toBe(false);
  });

  it("small case: 4 selectors on their own keys plus two on a shared one give the brute-force count", () => {
    const selectors: LabelSelector[] = [
      matchLabels({ k0: "v" }),
      matchLabels({ k1: "v" }),
      { matchExpressions: [{ key: "k2", operator: "Exists" }] },
      { matchExpressions: [{ key: "k3", operator: "NotIn", values: ["v"] }] },
      matchLabels({ app: "a" }),
      { matchExpressions: [{ key: "app", operator: "In", values: ["a", "b"] }] },
    ];
    const files = manifests(...selectors.map((s, i) => netpol("x", `p${i}`, { podSelector: s, policyTypes: ["Ingress"] })));
    // k0..k3 independent (2 each) x app: absent/other, a (both), b (second only) = 16 x 3.
    expect(satisfiablePatterns(selectors).size).toBe(48);
    expect(analyze(files).json.endpoints.filter((e) => e.type === "synthetic" && e.namespace === "x")).toHaveLength(48);
  });
});

// ---------------------------------------------------------------------------------------------

describe("declared workloads and --pods modes", () => {
  const workloads = [deployment("backend", "db", { app: "db" }), deployment("frontend", "web", { app: "web" })];

  it("synthetic mode reports the declared workloads by name (ns/name[Kind]) besides the representatives", () => {
    const files = [seed("default-deny-ingress"), seed("allow-frontend-to-db"), ...manifests(...workloads)];
    const r = analyze(files, "synthetic");
    const ids = r.json.endpoints.filter((e) => e.type !== "external").map((e) => e.id).sort();
    expect(ids).toEqual([
      "[*]/[*]",
      "backend/[*]",
      "backend/[app=db]",
      "backend/db[Deployment]",
      "frontend/[*]",
      "frontend/[app=web]",
      "frontend/web[Deployment]",
    ]);
    expect(r.json.endpoints.find((e) => e.id === "backend/db[Deployment]")).toEqual({
      id: "backend/db[Deployment]",
      type: "workload",
      namespace: "backend",
      name: "db",
      kind: "Deployment",
    });
    expect(r.conn("frontend/web[Deployment]", "backend/db[Deployment]")).toBe("TCP 5432");
    expect(r.conn("frontend/web[Deployment]", "backend/[app=db]")).toBe("TCP 5432");
    expect(r.conn("frontend/[app=web]", "backend/db[Deployment]")).toBe("TCP 5432");
    expect(r.conn("frontend/[*]", "backend/db[Deployment]")).toBe(NONE);
    // A declared workload's traffic to itself is not reported; a representative's is.
    expect(r.json.flows.some((f) => f.src === f.dst && f.src.endsWith("[Deployment]"))).toBe(false);
    expect(r.conn("frontend/[*]", "frontend/[*]")).toBe(ALL);
  });

  it("auto mode synthesizes only where no workload is declared", () => {
    const files = [seed("default-deny-ingress"), seed("allow-frontend-to-db"), ...manifests(workloads[0]!)];
    const r = analyze(files, "auto");
    const ids = r.json.endpoints.filter((e) => e.type !== "external").map((e) => e.id).sort();
    // backend declares a workload: no representatives there. frontend (named by the selector) and
    // the namespaces nothing names get them.
    expect(ids).toEqual(["[*]/[*]", "backend/db[Deployment]", "frontend/[*]", "frontend/[app=web]"]);
    expect(r.conn("frontend/[app=web]", "backend/db[Deployment]")).toBe("TCP 5432");
    expect(r.conn("frontend/[*]", "backend/db[Deployment]")).toBe(NONE);
    const reps = representatives(files, "auto");
    expect(reps.representativeOf("backend", {}, { app: "db" })).toBeUndefined();
    expect(reps.representativeOf("frontend", {}, { app: "web" })).toBe("frontend/[app=web]");
    // The default is auto.
    expect(analyzeReach(files)).toEqual(analyzeReach(files, { pods: "auto" }));
  });

  it("auto mode, where workloads are declared: representatives only for the selectors none of them matches, and exact", () => {
    const objects = [
      deployment("backend", "db", { app: "db" }),
      ingressPolicy("db", matchLabels({ app: "db" }), [{ podSelector: matchLabels({ app: "migrator" }) }], undefined, "backend"),
      // Pods an operator makes: no declared workload has app=cache.
      ingressPolicy("cache", matchLabels({ app: "cache" }), [{ podSelector: matchLabels({ app: "db" }) }], [{ port: 6379, protocol: "TCP" }], "backend"),
    ];
    const files = manifests(...objects);
    const r = analyze(files, "auto");
    expect(r.json.endpoints.filter((e) => e.type !== "external").map((e) => e.id).sort()).toEqual(["[*]/[*]", "backend/[app=cache]", "backend/[app=migrator]", "backend/db[Deployment]"]);
    expect(r.conn("backend/[app=migrator]", "backend/db[Deployment]")).toBe(ALL);
    expect(r.conn("backend/db[Deployment]", "backend/[app=cache]")).toBe("TCP 6379");
    expect(r.conn("backend/[app=migrator]", "backend/[app=cache]")).toBe(NONE);
    const reps = representatives(files, "auto");
    expect(reps.representativeOf("backend", {}, { app: "cache", version: "2" })).toBe("backend/[app=cache]");
    // Pods like the declared ones, or that no selector names, are not represented there.
    expect(reps.representativeOf("backend", {}, { app: "db" })).toBeUndefined();
    expect(reps.representativeOf("backend", {}, { app: "other" })).toBeUndefined();
    // Declared for real, the operator's and the migrator's pods behave as their representatives.
    const real = analyze(manifests(...objects, deployment("backend", "cache", { app: "cache", version: "2" }), deployment("backend", "migrator", { app: "migrator" })), "declared");
    const as: Record<string, string> = { "backend/db[Deployment]": "backend/db[Deployment]", "backend/cache[Deployment]": "backend/[app=cache]", "backend/migrator[Deployment]": "backend/[app=migrator]" };
    for (const [src, repSrc] of Object.entries(as)) {
      for (const [dst, repDst] of Object.entries(as)) if (src !== dst) expect(real.conn(src, dst), `${src} -> ${dst}`).toBe(r.conn(repSrc, repDst));
    }
  });

  it("auto mode with every named namespace declared: only the namespaces nothing declares get representatives", () => {
    const files = [seed("default-deny-ingress"), seed("allow-frontend-to-db"), ...manifests(...workloads)];
    const ids = analyze(files, "auto").json.endpoints.filter((e) => e.type !== "external").map((e) => e.id).sort();
    expect(ids).toEqual(["[*]/[*]", "backend/db[Deployment]", "frontend/web[Deployment]"]);
  });

  it("declared mode: no representatives at all", () => {
    const files = [seed("default-deny-ingress"), seed("allow-frontend-to-db"), ...manifests(...workloads)];
    const r = analyze(files, "declared");
    expect(r.json.endpoints.filter((e: EndpointJson) => e.type === "synthetic")).toEqual([]);
    expect(representatives(files, "declared").pods).toEqual([]);
    expect(r.conn("frontend/web[Deployment]", "backend/db[Deployment]")).toBe("TCP 5432");
  });
});
