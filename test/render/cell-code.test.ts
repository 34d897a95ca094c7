import { describe, expect, it } from "vitest";
import { cellCode, cellText, MAX_RUN } from "../../src/render/cell-code.js";

const Z = "\u200b";
/** The longest run a browser cannot break: none at spaces, zero-width spaces, or a hyphen before a letter. */
const longestRun = (s: string) => Math.max(...s.split(/[\s\u200b]|(?<=-)(?=\p{L})/u).map((r) => r.length));

describe("cellCode", () => {
  it("leaves short ids whole", () => {
    expect(cellCode("backend/db")).toBe("`backend/db`");
  });

  it("lets a long id break after its namespace and before its kind, into one code span", () => {
    // "default/argocd-" may break at its hyphen already.
    expect(cellCode("default/argocd-applicationset-controller[Deployment]")).toBe(`\`default/argocd-applicationset-controller${Z}[Deployment]\``);
    expect(cellCode("monitoring/prometheus[Deployment]")).toBe(`\`monitoring/${Z}prometheus${Z}[Deployment]\``);
  });

  it("breaks selectors at commas and equals signs, keeping short pieces together", () => {
    const out = cellCode("shop-prod/[app.kubernetes.io/component=primary,orders-db-postgresql-client=true]");
    expect(out.replaceAll(Z, "")).toBe("`shop-prod/[app.kubernetes.io/component=primary,orders-db-postgresql-client=true]`");
    expect(out).toContain(`component=${Z}primary,`);
    expect(longestRun(out)).toBeLessThanOrEqual(MAX_RUN);
  });

  it("cuts a run with no place to break into even parts", () => {
    expect(cellCode("default/productcatalogservice")).toBe(`\`default/${Z}productcata${Z}logservice\``);
    const out = cellCode("x".repeat(100));
    expect(out.replaceAll(Z, "")).toBe("`" + "x".repeat(100) + "`");
    expect(longestRun(out)).toBeLessThanOrEqual(MAX_RUN);
  });

  it("still escapes what a code span cannot hold", () => {
    expect(cellCode("a`b|c/" + "d".repeat(30))).not.toMatch(/[`|].*[`|].*`/s);
    expect(cellCode("a`b|c/" + "d".repeat(30)).startsWith("`aˋb¦c/")).toBe(true);
  });
});

describe("cellCode at dots", () => {
  it("cuts a long dotted label key at a dot rather than mid-word", () => {
    expect(cellCode("[observability.example.com/stack=x]")).toBe(`\`[observability.${Z}example.com/${Z}stack=x]\``);
  });
});

describe("long dotted names (a target named after its overlay's directory)", () => {
  it("break after a dot, not mid-word", () => {
    expect(cellCode("payments.reconciliation.settlement.eu-west-1-prod")).toBe(`\`payments.${Z}reconciliation.${Z}settlement.eu-west-1-prod\``);
  });

  it("in plain text: only words too long for a run get breaks", () => {
    expect(cellText("kustomize deploy/overlays/prod")).toBe("kustomize deploy/overlays/prod");
    const out = cellText("kustomize deploy/overlays/payments.reconciliation.settlement.eu-west-1-prod");
    expect(out.replaceAll(Z, "")).toBe("kustomize deploy/overlays/payments.reconciliation.settlement.eu-west-1-prod");
    expect(longestRun(out)).toBeLessThanOrEqual(MAX_RUN);
  });
});
