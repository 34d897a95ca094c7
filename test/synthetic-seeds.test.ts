// The seed tutorials (policies in test/fixtures/seeds, README there) replayed as pull requests
// against a repository that holds NetworkPolicies but no workloads (DESIGN section 4, "Synthetic
// pods"). Every policy is applied one PR at a time, both on an EMPTY repository (base = no files)
// and on the previous tutorial step (base = the steps so far), with `--pods synthetic`; `--pods
// auto` must give the same answer because nothing declares a workload; and the reverted PR (head =
// previous step) must give the reverse changes (opened <-> closed, added <-> removed).
//
// How the representatives come about (what the expected sets below rely on):
// - A namespace is "named" when a policy lives in it or a namespaceSelector names it through
//   kubernetes.io/metadata.name. Only named namespaces get `<ns>/...` representatives; every other
//   namespace is `[*]/[*]` (no namespaceSelector in the seeds 001 uses other labels).
// - In a namespace, the pod selectors that can tell its pods apart are: the podSelectors of the
//   policies living there, and the podSelectors of peers that can reach it (own namespace for a
//   podSelector alone; namespaces whose labels the peer's namespaceSelector matches). One pod per
//   satisfiable combination; `[*]` is the pod with no label any selector asks for.
// - Both revisions of a diff share one universe: a namespace or a representative that only one
//   revision names exists on both sides.
// - With no ipBlock anywhere, all external addresses are one endpoint (`0.0.0.0/0`).
// External endpoints are written `@<address>` below: the external endpoint holding that address.
import { describe, expect, it } from "vitest";
import { diff, type PodsMode } from "../src/analyze.js";
import type { Endpoint } from "../src/model/endpoint.js";
import type { ChangeJson } from "../src/report/diff-json.js";
import { cidrContains } from "./scenarios/reach.js";
import {
  ALL,
  DNS,
  NONE,
  compareTuples,
  diffJsonOf,
  externalHolding,
  seed,
  tuples,
  type ChangeTuple,
} from "./synthetic/support.js";

/** Everything except TCP and UDP 53. */
const ALL_BUT_DNS = "SCTP 1-65535,TCP 1-52,54-65535,UDP 1-52,54-65535";
/** Everything except TCP 5432. */
const ALL_BUT_5432 = "SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535";
const ALL_BUT_6379 = "SCTP 1-65535,TCP 1-6378,6380-65535,UDP 1-65535";
const ALL_BUT_5978 = "SCTP 1-65535,TCP 1-5977,5979-65535,UDP 1-65535";

/** `[src, dst]` closed entirely (was All Connections, now No Connections). */
const closedAll = (src: string, dst: string): ChangeTuple => [src, dst, NONE, ALL];
const openedAll = (src: string, dst: string): ChangeTuple => [src, dst, ALL, NONE];

function run(base: readonly string[], head: readonly string[], pods: PodsMode = "synthetic") {
  const report = diff(base.map(seed), head.map(seed), { pods });
  return { report, json: diffJsonOf(report) };
}

/**
 * `@addr` resolved to the external endpoint holding it: the one a change between the pair names
 * (changes merge address classes that change alike), else the analysis' class. Tuples that then
 * name the same pair are one change, and must agree.
 */
function resolve(report: ReturnType<typeof run>["report"], expected: readonly ChangeTuple[]): ChangeTuple[] {
  const holds = (e: Endpoint, addr: string) => e.type === "external" && e.cidrs.some((c) => cidrContains(c, addr));
  const fits = (name: string, e: Endpoint) => (name.startsWith("@") ? holds(e, name.slice(1)) : e.id === name);
  const out = new Map<string, ChangeTuple>();
  for (const [s, d, o, c] of expected) {
    const change = report.changes.find((x) => fits(s, x.src) && fits(d, x.dst));
    const name = (n: string, e: Endpoint | undefined) => (!n.startsWith("@") ? n : (e?.id ?? externalHolding(report, n.slice(1))));
    const tuple: ChangeTuple = [name(s, change?.src), name(d, change?.dst), o, c];
    const key = `${tuple[0]} -> ${tuple[1]}`;
    const known = out.get(key);
    if (known && (known[2] !== o || known[3] !== c)) throw new Error(`expected tuples for ${key} disagree`);
    out.set(key, tuple);
  }
  return [...out.values()].sort(compareTuples);
}

function describeChanges(changes: readonly ChangeJson[]): string {
  return changes.map((c) => `  ${c.src} -> ${c.dst}: opened ${c.opened}; closed ${c.closed}`).join("\n") || "  (none)";
}

/** Every change is self-consistent: type from base/head, no workload added or removed, no error. */
function checkConsistency(json: ReturnType<typeof run>["json"]): void {
  for (const c of json.changes) {
    const type = c.base === NONE ? "added" : c.head === NONE ? "removed" : "changed";
    expect(c.type, `${c.src} -> ${c.dst}`).toBe(type);
    // Representatives exist on both sides of a diff (one shared universe).
    expect(c.endpoint, `${c.src} -> ${c.dst}`).toBeNull();
  }
  expect(json.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  // Every endpoint a change names is listed, pods as synthetic representatives with their labels.
  const ids = new Set(json.endpoints.map((e) => e.id));
  for (const c of json.changes) {
    expect(ids.has(c.src), c.src).toBe(true);
    expect(ids.has(c.dst), c.dst).toBe(true);
  }
  for (const e of json.endpoints) {
    expect(e.type === "synthetic" || e.type === "external", e.id).toBe(true);
    if (e.type === "synthetic") expect(e.id.startsWith(`${e.namespace}/[`), e.id).toBe(true);
  }
}

interface Scenario {
  readonly title: string;
  readonly base: readonly string[];
  readonly head: readonly string[];
  readonly expected: readonly ChangeTuple[];
  /** Representative pods the shared universe must hold (exactly), sorted. */
  readonly pods?: readonly string[];
}

function scenarioTests(s: Scenario): void {
  describe(s.title, () => {
    it("synthetic: exactly the expected changes, named by selectors", () => {
      const { report, json } = run(s.base, s.head);
      checkConsistency(json);
      expect(tuples(json.changes), describeChanges(json.changes)).toEqual(resolve(report, s.expected));
      if (s.pods !== undefined) {
        expect(report.universe.filter((e) => e.type === "synthetic").map((e) => e.id).sort()).toEqual([...s.pods].sort());
      }
    });

    it("auto gives the same report (no workload is declared anywhere)", () => {
      // Same endpoints, changes, gate and diagnostics; only the stated pods mode differs.
      const { assumptions: autoSaid, ...auto } = run(s.base, s.head, "auto").json;
      const { assumptions: syntheticSaid, ...synthetic } = run(s.base, s.head, "synthetic").json;
      expect(auto).toEqual(synthetic);
      expect(autoSaid.slice(1)).toEqual(syntheticSaid.slice(1));
    });

    it("reverting the PR (head = previous step) gives the reverse changes", () => {
      const { report, json } = run(s.head, s.base);
      checkConsistency(json);
      const reversed = resolve(report, s.expected).map(([src, dst, opened, closed]): ChangeTuple => [src, dst, closed, opened]);
      expect(tuples(json.changes), describeChanges(json.changes)).toEqual(reversed.sort(compareTuples));
      const forward = run(s.base, s.head).json.changes;
      const swap = { added: "removed", removed: "added", changed: "changed" } as const;
      for (const c of json.changes) {
        const f = forward.find((x) => x.src === c.src && x.dst === c.dst);
        expect(f, `${c.src} -> ${c.dst}`).toBeDefined();
        expect(c.type).toBe(swap[f!.type]);
        expect([c.base, c.head]).toEqual([f!.head, f!.base]);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Seed 001: isolating namespaces step by step.

const STEP1 = ["default-deny-ingress"];
const STEP2 = [...STEP1, "allow-frontend-to-db"];
const STEP3 = [...STEP2, "default-deny-egress"];
const STEP3_DNS = [...STEP3, "allow-dns-egress"];
const STEP4 = [...STEP3_DNS, "allow-external-db-egress"];
const STEP5_1 = [...STEP4, "default-deny-all"];
const STEP5_2 = [...STEP5_1, "allow-dns"];
const STEP5_3 = [...STEP5_2, "allow-same-namespace"];

describe("seed 001 on an empty repository: each policy alone", () => {
  // default-deny-ingress (backend, podSelector {}): backend is the only named namespace and its one
  // selector is {} so it has a single representative `backend/[*]`; every other namespace is
  // `[*]/[*]`. Ingress into backend closes from everything: external addresses, any other
  // namespace, and backend's own pods (a representative's flow to its own class is reported).
  scenarioTests({
    title: "default-deny-ingress",
    base: [],
    head: ["default-deny-ingress"],
    pods: ["[*]/[*]", "backend/[*]"],
    expected: [closedAll("@8.8.8.8", "backend/[*]"), closedAll("[*]/[*]", "backend/[*]"), closedAll("backend/[*]", "backend/[*]")],
  });

  // allow-frontend-to-db alone (no default deny): it isolates backend pods labelled app=db and lets
  // in only frontend pods labelled app=web (namespaceSelector AND podSelector, one peer) on TCP
  // 5432. frontend is named by the kubernetes.io/metadata.name selector; its pods are told apart by
  // app=web. backend's pods by app=db (the policy's podSelector; the peer reaches frontend only).
  // Closed into backend/[app=db]: everything from everyone, except that frontend/[app=web] keeps
  // TCP 5432. backend/[*] is not selected: nothing changes for it.
  scenarioTests({
    title: "allow-frontend-to-db",
    base: [],
    head: ["allow-frontend-to-db"],
    pods: ["[*]/[*]", "backend/[*]", "backend/[app=db]", "frontend/[*]", "frontend/[app=web]"],
    expected: [
      closedAll("@8.8.8.8", "backend/[app=db]"),
      closedAll("[*]/[*]", "backend/[app=db]"),
      closedAll("backend/[*]", "backend/[app=db]"),
      closedAll("backend/[app=db]", "backend/[app=db]"),
      closedAll("frontend/[*]", "backend/[app=db]"),
      ["frontend/[app=web]", "backend/[app=db]", NONE, ALL_BUT_5432],
    ],
  });

  // default-deny-egress alone: backend's egress closes to everything, its own pods included.
  // Nothing names kube-system, so DNS to kube-system is part of `backend/[*] -> [*]/[*]`.
  scenarioTests({
    title: "default-deny-egress",
    base: [],
    head: ["default-deny-egress"],
    pods: ["[*]/[*]", "backend/[*]"],
    expected: [closedAll("backend/[*]", "@8.8.8.8"), closedAll("backend/[*]", "[*]/[*]"), closedAll("backend/[*]", "backend/[*]")],
  });

  // allow-dns-egress alone isolates backend's egress too (policyTypes Egress): everything closes
  // except UDP/TCP 53 toward kube-system, which it names (so kube-system/[*] exists).
  scenarioTests({
    title: "allow-dns-egress",
    base: [],
    head: ["allow-dns-egress"],
    pods: ["[*]/[*]", "backend/[*]", "kube-system/[*]"],
    expected: [
      closedAll("backend/[*]", "@8.8.8.8"),
      closedAll("backend/[*]", "[*]/[*]"),
      closedAll("backend/[*]", "backend/[*]"),
      ["backend/[*]", "kube-system/[*]", NONE, ALL_BUT_DNS],
    ],
  });

  // allow-external-db-egress alone: backend pods labelled app=db may only reach 10.0.1.50 on TCP
  // 5432. The ipBlock cuts the external addresses in two: 10.0.1.50/32 and the rest.
  scenarioTests({
    title: "allow-external-db-egress",
    base: [],
    head: ["allow-external-db-egress"],
    pods: ["[*]/[*]", "backend/[*]", "backend/[app=db]"],
    expected: [
      closedAll("backend/[app=db]", "@8.8.8.8"),
      ["backend/[app=db]", "@10.0.1.50", NONE, ALL_BUT_5432],
      closedAll("backend/[app=db]", "[*]/[*]"),
      closedAll("backend/[app=db]", "backend/[*]"),
      closedAll("backend/[app=db]", "backend/[app=db]"),
    ],
  });

  it("allow-external-db-egress: 10.0.1.50/32 is an endpoint of its own; its neighbours are with the rest", () => {
    const { report } = run([], ["allow-external-db-egress"]);
    expect(report.universe.filter((e) => e.type === "external")).toHaveLength(2);
    expect(externalHolding(report, "10.0.1.50")).not.toBe(externalHolding(report, "8.8.8.8"));
    expect(externalHolding(report, "10.0.1.49")).toBe(externalHolding(report, "8.8.8.8"));
    expect(externalHolding(report, "10.0.1.51")).toBe(externalHolding(report, "8.8.8.8"));
  });

  // default-deny-all (production): in and out of production/[*] close, itself included.
  scenarioTests({
    title: "default-deny-all",
    base: [],
    head: ["default-deny-all"],
    pods: ["[*]/[*]", "production/[*]"],
    expected: [
      closedAll("@8.8.8.8", "production/[*]"),
      closedAll("[*]/[*]", "production/[*]"),
      closedAll("production/[*]", "@8.8.8.8"),
      closedAll("production/[*]", "[*]/[*]"),
      closedAll("production/[*]", "production/[*]"),
    ],
  });

  // allow-dns alone (no `to`): production's egress is isolated to port 53 toward any destination.
  // Ingress is untouched.
  scenarioTests({
    title: "allow-dns",
    base: [],
    head: ["allow-dns"],
    pods: ["[*]/[*]", "production/[*]"],
    expected: [
      ["production/[*]", "@8.8.8.8", NONE, ALL_BUT_DNS],
      ["production/[*]", "[*]/[*]", NONE, ALL_BUT_DNS],
      ["production/[*]", "production/[*]", NONE, ALL_BUT_DNS],
    ],
  });

  // allow-same-namespace alone: production is isolated both ways and only its own pods may talk to
  // each other, so production/[*] -> production/[*] stays open and everything crossing the
  // namespace boundary closes.
  scenarioTests({
    title: "allow-same-namespace",
    base: [],
    head: ["allow-same-namespace"],
    pods: ["[*]/[*]", "production/[*]"],
    expected: [
      closedAll("@8.8.8.8", "production/[*]"),
      closedAll("[*]/[*]", "production/[*]"),
      closedAll("production/[*]", "@8.8.8.8"),
      closedAll("production/[*]", "[*]/[*]"),
    ],
  });
});

describe("seed 001 step by step: each policy on the previous steps", () => {
  // Step 2 on step 1: backend already denies all ingress; allow-frontend-to-db opens exactly
  // frontend/[app=web] -> backend/[app=db] on TCP 5432 and nothing else (not frontend/[*], not
  // [*]/[*] even if its pods are labelled app=web, not backend/[*] as a destination).
  scenarioTests({
    title: "allow-frontend-to-db after default-deny-ingress",
    base: STEP1,
    head: STEP2,
    pods: ["[*]/[*]", "backend/[*]", "backend/[app=db]", "frontend/[*]", "frontend/[app=web]"],
    expected: [["frontend/[app=web]", "backend/[app=db]", "TCP 5432", NONE]],
  });

  // Step 3 on step 2: default-deny-egress closes everything out of backend that was still open:
  // toward external addresses, [*]/[*] and frontend's pods. Flows from backend into backend were
  // already closed by default-deny-ingress (backend/[app=db] admits frontend/[app=web] only), so
  // they are not changes. kube-system is not named by either revision, so there is no
  // kube-system/[*]: the DNS loss is inside `-> [*]/[*]` (see the next test).
  const backendSrc = ["backend/[*]", "backend/[app=db]"];
  scenarioTests({
    title: "default-deny-egress after allow-frontend-to-db",
    base: STEP2,
    head: STEP3,
    pods: ["[*]/[*]", "backend/[*]", "backend/[app=db]", "frontend/[*]", "frontend/[app=web]"],
    expected: backendSrc.flatMap((src) => ["@8.8.8.8", "[*]/[*]", "frontend/[*]", "frontend/[app=web]"].map((dst) => closedAll(src, dst))),
  });

  // Step 3 again, the DNS fix: allow-dns-egress on step 3 reopens UDP/TCP 53 toward kube-system
  // (named by this policy, so now kube-system/[*] exists on both sides) and nothing else: not to
  // external resolvers, not to [*]/[*], not to frontend.
  scenarioTests({
    title: "allow-dns-egress after default-deny-egress",
    base: STEP3,
    head: STEP3_DNS,
    pods: ["[*]/[*]", "backend/[*]", "backend/[app=db]", "frontend/[*]", "frontend/[app=web]", "kube-system/[*]"],
    expected: backendSrc.map((src): ChangeTuple => [src, "kube-system/[*]", DNS, NONE]),
  });

  // The tutorial's advice, "add the DNS egress policy in the same apply": default-deny-egress and
  // allow-dns-egress in one PR on step 2. kube-system is named (by the head), so the report shows
  // that backend keeps DNS to kube-system and loses everything else there.
  scenarioTests({
    title: "default-deny-egress and allow-dns-egress together after allow-frontend-to-db",
    base: STEP2,
    head: STEP3_DNS,
    expected: backendSrc.flatMap((src): ChangeTuple[] => [
      ...["@8.8.8.8", "[*]/[*]", "frontend/[*]", "frontend/[app=web]"].map((dst) => closedAll(src, dst)),
      [src, "kube-system/[*]", NONE, ALL_BUT_DNS],
    ]),
  });

  // Step 4 on step 3 (with DNS): backend/[app=db] -> 10.0.1.50/32 opens TCP 5432; its neighbours
  // (10.0.1.49, 10.0.1.51: the same "rest" endpoint as 8.8.8.8) and backend/[*] get nothing.
  scenarioTests({
    title: "allow-external-db-egress after allow-dns-egress",
    base: STEP3_DNS,
    head: STEP4,
    expected: [["backend/[app=db]", "@10.0.1.50", "TCP 5432", NONE]],
  });

  // Step 5.1 on step 4: default-deny-all makes production a new named namespace. Everything into
  // production closes from sources that could reach it before: both external endpoints,
  // [*]/[*], frontend's pods, kube-system's pods. Not from backend: backend's egress was already
  // limited to DNS toward kube-system and TCP 5432 toward 10.0.1.50. Everything out of production
  // closes toward destinations that admitted it: externals, [*]/[*], frontend, kube-system, itself.
  // Not toward backend: backend's ingress was already closed to production's pods.
  const intoProduction = ["@8.8.8.8", "@10.0.1.50", "[*]/[*]", "frontend/[*]", "frontend/[app=web]", "kube-system/[*]"];
  const outOfProduction = ["@8.8.8.8", "@10.0.1.50", "[*]/[*]", "frontend/[*]", "frontend/[app=web]", "kube-system/[*]", "production/[*]"];
  scenarioTests({
    title: "default-deny-all after allow-external-db-egress",
    base: STEP4,
    head: STEP5_1,
    pods: ["[*]/[*]", "backend/[*]", "backend/[app=db]", "frontend/[*]", "frontend/[app=web]", "kube-system/[*]", "production/[*]"],
    expected: [...intoProduction.map((src) => closedAll(src, "production/[*]")), ...outOfProduction.map((dst) => closedAll("production/[*]", dst))],
  });

  // Step 5.2 on 5.1: allow-dns has no `to`: port 53 opens toward every destination whose ingress
  // admits production, i.e. everything but backend (default-deny-ingress) and production itself
  // (default-deny-all isolates its ingress too).
  scenarioTests({
    title: "allow-dns after default-deny-all",
    base: STEP5_1,
    head: STEP5_2,
    expected: ["@8.8.8.8", "@10.0.1.50", "[*]/[*]", "frontend/[*]", "frontend/[app=web]", "kube-system/[*]"].map((dst): ChangeTuple => [
      "production/[*]",
      dst,
      DNS,
      NONE,
    ]),
  });

  // Step 5.3 on 5.2: allow-same-namespace opens production/[*] -> production/[*] (a
  // representative's flow to its own class is reported: it stands for many pods), and only that.
  scenarioTests({
    title: "allow-same-namespace after allow-dns",
    base: STEP5_2,
    head: STEP5_3,
    expected: [openedAll("production/[*]", "production/[*]")],
  });

  it("step 3 without the DNS fix: kube-system exists in neither revision, and the DNS loss is in `backend/* -> [*]/[*]`", () => {
    const { report, json } = run(STEP2, STEP3);
    expect(report.universe.some((e) => e.id.startsWith("kube-system/"))).toBe(false);
    for (const src of backendSrc) {
      const change = json.changes.find((c) => c.src === src && c.dst === "[*]/[*]");
      expect(change?.closed, src).toBe(ALL);
    }
  });

  it("with allow-dns-egress in either revision kube-system/[*] exists on both sides", () => {
    for (const [base, head] of [
      [STEP3, STEP3_DNS],
      [STEP3_DNS, STEP3],
    ] as const) {
      const { report } = run(base, head);
      const kubeSystem = report.universe.filter((e) => e.type === "synthetic" && e.pod.namespace === "kube-system").map((e) => e.id);
      expect(kubeSystem).toEqual(["kube-system/[*]"]);
    }
    // Removing the DNS fix closes DNS to kube-system again, from both backend representatives.
    const { json } = run(STEP3_DNS, STEP3);
    expect(tuples(json.changes)).toEqual([
      ["backend/[*]", "kube-system/[*]", NONE, DNS],
      ["backend/[app=db]", "kube-system/[*]", NONE, DNS],
    ]);
  });

  it("removing allow-frontend-to-db (head = step 1) closes exactly frontend/[app=web] -> backend/[app=db] TCP 5432", () => {
    const { json } = run(STEP2, STEP1);
    expect(tuples(json.changes)).toEqual([["frontend/[app=web]", "backend/[app=db]", NONE, "TCP 5432"]]);
    expect(json.changes[0]!.type).toBe("removed");
  });

  it("diff endpoints are the representatives a change names, with their labels", () => {
    const { json } = run(STEP1, STEP2);
    expect(json.endpoints).toEqual([
      { id: "backend/[app=db]", type: "synthetic", namespace: "backend", labels: { app: "db" } },
      { id: "frontend/[app=web]", type: "synthetic", namespace: "frontend", labels: { app: "web" } },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Seed 000: NetworkPolicy anatomy.

describe("seed 000 on an empty repository", () => {
  // The sample policy, corrected (128.12.0.0/16 except 128.12.46.0/24), in `default`. Selectors in
  // default: role=db (the policy's) and role=frontend (a podSelector peer: own namespace) ->
  // [*], [role=db], [role=frontend]. The namespaceSelector project=exampleproject makes a
  // representative namespace `[project=exampleproject]` (its peer has no podSelector: one pod,
  // [*]); every other namespace is `[*]/[*]`. Externals: 10.0.0.0/8, 128.12.0.0/16 minus
  // 128.12.46.0/24, and the rest (8.8.8.8 and 128.12.46.1 among them).
  // Into default/[role=db]: TCP 6379 stays from [project=exampleproject]/[*], default/[role=frontend]
  // and 128.12/16-except; everything else closes. Out of default/[role=db]: TCP 5978 stays toward
  // 10.0.0.0/8 (an ipBlock never matches pods); everything else closes, itself included.
  scenarioTests({
    title: "example-policy (corrected)",
    base: [],
    head: ["corrected/example-policy"],
    pods: ["[*]/[*]", "[project=exampleproject]/[*]", "default/[*]", "default/[role=db]", "default/[role=frontend]"],
    expected: [
      closedAll("@8.8.8.8", "default/[role=db]"),
      closedAll("@10.1.2.3", "default/[role=db]"),
      ["@128.12.1.1", "default/[role=db]", NONE, ALL_BUT_6379],
      closedAll("[*]/[*]", "default/[role=db]"),
      ["[project=exampleproject]/[*]", "default/[role=db]", NONE, ALL_BUT_6379],
      closedAll("default/[*]", "default/[role=db]"),
      closedAll("default/[role=db]", "default/[role=db]"),
      ["default/[role=frontend]", "default/[role=db]", NONE, ALL_BUT_6379],
      closedAll("default/[role=db]", "@8.8.8.8"),
      ["default/[role=db]", "@10.1.2.3", NONE, ALL_BUT_5978],
      closedAll("default/[role=db]", "@128.12.1.1"),
      closedAll("default/[role=db]", "[*]/[*]"),
      closedAll("default/[role=db]", "[project=exampleproject]/[*]"),
      closedAll("default/[role=db]", "default/[*]"),
      closedAll("default/[role=db]", "default/[role=frontend]"),
    ],
  });

  it("example-policy (corrected): 128.12.46.x is with the rest of the addresses, not with 128.12.0.0/16", () => {
    const { report } = run([], ["corrected/example-policy"]);
    expect(externalHolding(report, "128.12.46.1")).toBe(externalHolding(report, "8.8.8.8"));
    expect(externalHolding(report, "128.12.47.0")).toBe(externalHolding(report, "128.12.1.1"));
    expect(report.universe.filter((e) => e.type === "external")).toHaveLength(3);
  });

  it("example-policy as printed (except not inside cidr) is rejected: an error, and no change", () => {
    const { json } = run([], ["example-policy"]);
    expect(json.changes).toEqual([]);
    expect(json.diagnostics.some((d) => d.severity === "error" && d.file.endsWith("example-policy.yaml"))).toBe(true);
  });

  // AND: one peer with namespaceSelector user=client AND podSelector role=server. The representative
  // namespace [user=client] has [role=server] and [*]; only [user=client]/[role=server] keeps
  // access to default/[role=db].
  scenarioTests({
    title: "ns-and-pod-selector",
    base: [],
    head: ["ns-and-pod-selector"],
    pods: ["[*]/[*]", "[user=client]/[*]", "[user=client]/[role=server]", "default/[*]", "default/[role=db]"],
    expected: [
      closedAll("@8.8.8.8", "default/[role=db]"),
      closedAll("[*]/[*]", "default/[role=db]"),
      closedAll("[user=client]/[*]", "default/[role=db]"),
      closedAll("default/[*]", "default/[role=db]"),
      closedAll("default/[role=db]", "default/[role=db]"),
    ],
  });

  // OR: any pod of a namespace labelled user=client, or default's role=server pods. The
  // representative namespace [user=client] has one pod ([*]); default has [role=server] too.
  scenarioTests({
    title: "ns-or-pod-selector",
    base: [],
    head: ["ns-or-pod-selector"],
    pods: ["[*]/[*]", "[user=client]/[*]", "default/[*]", "default/[role=db]", "default/[role=server]"],
    expected: [
      closedAll("@8.8.8.8", "default/[role=db]"),
      closedAll("[*]/[*]", "default/[role=db]"),
      closedAll("default/[*]", "default/[role=db]"),
      closedAll("default/[role=db]", "default/[role=db]"),
    ],
  });

  // The Kubernetes docs' default policies have no namespace: they land in `default`.
  scenarioTests({
    title: "docs: default-deny-ingress",
    base: [],
    head: ["k8s-docs-defaults/default-deny-ingress"],
    pods: ["[*]/[*]", "default/[*]"],
    expected: [closedAll("@8.8.8.8", "default/[*]"), closedAll("[*]/[*]", "default/[*]"), closedAll("default/[*]", "default/[*]")],
  });
  scenarioTests({
    title: "docs: default-deny-egress",
    base: [],
    head: ["k8s-docs-defaults/default-deny-egress"],
    expected: [closedAll("default/[*]", "@8.8.8.8"), closedAll("default/[*]", "[*]/[*]"), closedAll("default/[*]", "default/[*]")],
  });
  // Allow-all policies on an empty repository change nothing: nothing was denied.
  scenarioTests({ title: "docs: allow-all-ingress", base: [], head: ["k8s-docs-defaults/allow-all-ingress"], expected: [] });
  scenarioTests({ title: "docs: allow-all-egress", base: [], head: ["k8s-docs-defaults/allow-all-egress"], expected: [] });
  scenarioTests({
    title: "docs: default-deny-all",
    base: [],
    head: ["k8s-docs-defaults/default-deny-all"],
    expected: [
      closedAll("@8.8.8.8", "default/[*]"),
      closedAll("[*]/[*]", "default/[*]"),
      closedAll("default/[*]", "@8.8.8.8"),
      closedAll("default/[*]", "[*]/[*]"),
      closedAll("default/[*]", "default/[*]"),
    ],
  });
});

describe("seed 000 on the previous step", () => {
  // "With this policy in effect, no further policies can deny any inbound connections": adding
  // allow-all-ingress on top of default-deny-ingress reopens everything into default.
  scenarioTests({
    title: "docs: allow-all-ingress after default-deny-ingress",
    base: ["k8s-docs-defaults/default-deny-ingress"],
    head: ["k8s-docs-defaults/default-deny-ingress", "k8s-docs-defaults/allow-all-ingress"],
    expected: [openedAll("@8.8.8.8", "default/[*]"), openedAll("[*]/[*]", "default/[*]"), openedAll("default/[*]", "default/[*]")],
  });
  scenarioTests({
    title: "docs: allow-all-egress after default-deny-egress",
    base: ["k8s-docs-defaults/default-deny-egress"],
    head: ["k8s-docs-defaults/default-deny-egress", "k8s-docs-defaults/allow-all-egress"],
    expected: [openedAll("default/[*]", "@8.8.8.8"), openedAll("default/[*]", "[*]/[*]"), openedAll("default/[*]", "default/[*]")],
  });
  // Replacing deny-ingress + deny-egress by deny-all: the same semantics, no change.
  scenarioTests({
    title: "docs: default-deny-all replacing default-deny-ingress and default-deny-egress",
    base: ["k8s-docs-defaults/default-deny-ingress", "k8s-docs-defaults/default-deny-egress"],
    head: ["k8s-docs-defaults/default-deny-all"],
    expected: [],
  });
  // The tutorial's warning, AND vs OR: turning the one-peer AND into two peers (OR) opens
  // default/[role=db] to every pod of a user=client namespace (not just role=server ones) and to
  // default's own role=server pods. The shared universe has both revisions' selectors:
  // default: [*], [role=db], [role=server]; [user=client]: [*], [role=server].
  scenarioTests({
    title: "AND (ns-and-pod-selector) replaced by OR (ns-or-pod-selector)",
    base: ["ns-and-pod-selector"],
    head: ["ns-or-pod-selector"],
    pods: ["[*]/[*]", "[user=client]/[*]", "[user=client]/[role=server]", "default/[*]", "default/[role=db]", "default/[role=server]"],
    expected: [openedAll("[user=client]/[*]", "default/[role=db]"), openedAll("default/[role=server]", "default/[role=db]")],
  });
});
