// The seed tutorial "Configuring NetworkPolicies to Isolate Namespaces" (test/fixtures/seeds) as
// assertions a team would keep: "frontend pods only reach backend on 5432", "default deny in
// backend" (in and out, DNS kept), and the production namespace closed. Each holds at the
// tutorial's final step and fails at a step before it, as `netreach check` judges the policies.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli, tempTree } from "../support/cli.js";

const SEEDS = fileURLToPath(new URL("../fixtures/seeds", import.meta.url));

export const SEED_ASSERTIONS = `assertions:
  # frontend pods only reach backend on 5432: web reaches the database there…
  - name: web-reaches-db
    allow:
      from: {namespace: frontend, labels: {app: web}}
      to: {namespace: backend, labels: {app: db}}
      ports: [TCP 5432]
  # …and frontend reaches backend on nothing else.
  - name: frontend-to-backend-only-5432
    deny:
      from: {namespace: frontend}
      to: {namespace: backend}
      ports: [TCP 1-5431, TCP 5433-65535, UDP 1-65535, SCTP 1-65535]
  # default deny in backend, ingress: only frontend's web pods get in.
  - name: backend-ingress-default-deny
    only:
      to: {namespace: backend}
      from: [{namespace: frontend, labels: {app: web}}]
  # default deny in backend, egress: no pod reached but on port 53…
  - name: backend-egress-default-deny
    deny:
      from: {namespace: backend}
      to: any-pod
      ports: [TCP 1-52, TCP 54-65535, UDP 1-52, UDP 54-65535, SCTP 1-65535]
  # …and names still resolve (the DNS mistake of step 3).
  - name: backend-resolves-names
    allow:
      from: {namespace: backend}
      to: {namespace: kube-system, labels: {k8s-app: kube-dns}}
      ports: [UDP 53, TCP 53]
  # production is closed: nothing from outside it gets in.
  - name: production-closed
    only:
      to: {namespace: production}
      from: [{namespace: production}]
`;

const STEP1 = ["default-deny-ingress"];
const STEP2 = [...STEP1, "allow-frontend-to-db"];
const STEP3 = [...STEP2, "default-deny-egress"];
const STEP3_DNS = [...STEP3, "allow-dns-egress"];
const STEP4 = [...STEP3_DNS, "allow-external-db-egress"];
const STEP5 = [...STEP4, "default-deny-all", "allow-dns", "allow-same-namespace"];

const P = "passed";
const F = "failed";
// Per step: web-reaches-db, frontend-to-backend-only-5432, backend-ingress-default-deny,
// backend-egress-default-deny, backend-resolves-names, production-closed.
const STEPS: [string, string[], string[]][] = [
  ["no policy", [], [P, F, F, F, P, F]],
  ["step 1, default-deny-ingress", STEP1, [F, P, P, F, P, F]],
  ["step 2, allow-frontend-to-db", STEP2, [P, P, P, F, P, F]],
  ["step 3, default-deny-egress (the DNS mistake)", STEP3, [P, P, P, P, F, F]],
  ["step 3, allow-dns-egress", STEP3_DNS, [P, P, P, P, P, F]],
  ["step 4, allow-external-db-egress", STEP4, [P, P, P, P, P, F]],
  ["step 5, production isolated (final)", STEP5, [P, P, P, P, P, P]],
];

function stepTree(policies: readonly string[], config = SEED_ASSERTIONS) {
  const files: Record<string, string> = { ".netreach.yaml": config };
  for (const f of readdirSync(join(SEEDS, "cluster"))) files[`cluster/${f}`] = readFileSync(join(SEEDS, "cluster", f), "utf8");
  for (const p of policies) files[`policies/${p}.yaml`] = readFileSync(join(SEEDS, `${p}.yaml`), "utf8");
  if (policies.length === 0) files["policies/.keep.yaml"] = "";
  return tempTree(files);
}

describe("the seed tutorial's intent as assertions, step by step", () => {
  for (const [step, policies, expected] of STEPS)
    it(step, () => {
      const t = stepTree(policies);
      try {
        const r = runCli(["check", "cluster", "policies", "--format", "json"], t.dir);
        const json = JSON.parse(r.stdout) as { assertions: { name: string; status: string; violations: unknown[] }[] };
        expect(json.assertions.map((a) => a.status), r.stdout).toEqual(expected);
        expect(r.code).toBe(expected.includes(F) ? 1 : 0);
        for (const a of json.assertions) expect(a.violations.length > 0).toBe(a.status === F);
      } finally {
        t.cleanup();
      }
    });

  it("every assertion holds at the final step and fails at some step before it", () => {
    const final = STEPS[STEPS.length - 1]![2];
    expect(final.every((s) => s === P)).toBe(true);
    for (let i = 0; i < final.length; i++) expect(STEPS.slice(0, -1).some(([, , e]) => e[i] === F), `assertion ${i}`).toBe(true);
  });
});

describe("check --suggest on the seed tutorial", () => {
  const suggested = (policies: readonly string[]) => {
    const t = stepTree(policies, "");
    try {
      const r = runCli(["check", "--suggest", "cluster", "policies"], t.dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return { text: r.stdout, names: (parse(r.stdout) as { assertions: { name: string }[] }).assertions.map((a) => a.name) };
    } finally {
      t.cleanup();
    }
  };

  it("at the final step: the database private, DNS reachable, backend isolated from the namespaces it never talks to; and check passes them", () => {
    const { text, names } = suggested(STEP5);
    expect(names).toContain("backend-db-not-public");
    expect(names).toContain("dns-reachable");
    expect(names).toContain("backend-production-isolated");
    // frontend reaches backend: never proposed as isolated.
    expect(names).not.toContain("backend-frontend-isolated");
    const t = stepTree(STEP5, text);
    try {
      const r = runCli(["check", "cluster", "policies"], t.dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it("with no policy nothing is private or isolated: only DNS is proposed", () => {
    expect(suggested([]).names).toEqual(["dns-reachable"]);
  });
});
