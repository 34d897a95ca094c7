// End-to-end (issue 19, one unit): the bundled Action on a pull request whose only change is a
// new Ingress. The ingress controller's pair with the workload is one flow: the comment's
// headline and counts line, the `opened`/`closed`/`changed` outputs and the JSON report's counts
// all say 1 opened (before: the headline said "0 flows opened" while `changes` held the pair).
import * as fs from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GitHubStandIn } from "../support/github-stand-in.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";
import { BUNDLE, cleanupRuns, runBundledAction } from "./harness.js";

const OWNER = "acme";
const REPO = "shop";
const PR = 9;

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop }
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: web, port: { number: 80 } } }
`;

let gh: GitHubStandIn;
const repos: TestRepo[] = [];

beforeAll(() => {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
});
afterAll(() => {
  for (const r of repos) r.cleanup();
  cleanupRuns();
});
beforeEach(async () => {
  gh = await GitHubStandIn.start({ viewer: null });
});
afterEach(async () => {
  await gh.close();
});

describe("the bundled Action on a pull request that only adds an Ingress", () => {
  it("counts the ingress controller's new flow as 1 opened in the comment, the outputs and the JSON report", async () => {
    const origin = makeRepo();
    origin.write("k8s/manifests.yaml", MANIFESTS);
    const base = origin.commit("main");
    origin.branch("feature");
    origin.checkout("feature");
    origin.write("k8s/ingress.yaml", INGRESS);
    const head = origin.commit("PR: expose the shop through an Ingress");
    origin.checkout("main");
    const clone = origin.clone({ branch: "feature" });
    repos.push(origin, clone);
    const r = await runBundledAction({
      workspace: clone.dir,
      apiUrl: gh.url,
      repository: `${OWNER}/${REPO}`,
      token: "ghs_fake_e2e_token",
      event: { number: PR, baseSha: base, headSha: head, labels: [] },
    });
    const comments = gh.comments(OWNER, REPO, PR);
    expect(comments, `exit ${r.code}\n${r.stdout}\n${r.stderr}`).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body).toContain("**1 workload newly exposed, 1 flow opened, 0 closed — gate failed:** `shop/web[Deployment]` TCP 8080 newly reachable from the ingress controller");
    expect(body).toContain("**Opened:** 1 flow, from the ingress controller (with the exposures below)");
    expect({ opened: r.outputs["opened"], closed: r.outputs["closed"], changed: r.outputs["changed"], gate: r.outputs["gate"] }).toEqual({ opened: "1", closed: "0", changed: "1", gate: "failed" });
    const report = JSON.parse(fs.readFileSync(r.outputs["report-json"]!, "utf8")) as { changes: { src: string; dst: string }[]; counts: Record<string, number> };
    expect(report.changes.map((c) => `${c.src} -> ${c.dst}`)).toEqual(["{ingress-controller} -> shop/web[Deployment]"]);
    expect(report.counts).toEqual({ opened: 1, closed: 0, changed: 1, exposed: 1, violations: 1 });
  }, 60_000);
});
