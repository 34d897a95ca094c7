// A repository's targets split across jobs, as a CI matrix runs them: `netreach targets` lists
// them with their shard keys, `diff --shard I/N` analyzes one shard each, and `netreach merge`
// writes from the four shards' reports what one run over all the targets writes — the same
// comment, text, JSON report, diagnostics and exit code, byte for byte. The repository is real
// (a Kustomize tree, a Helm chart with values files and an Argo CD Application, built by the real
// kubectl and helm), and so are its pull requests.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRepo, type TestRepo } from "../support/git-repo.js";
import { cli, copyInto, pr, type Run } from "./shop-repo.js";

const NAMES = ["dev", "prod", "shop-dev", "shop-prod", "shop-staging"];

const ASSERTED = `assertions:
  - name: dev-reaches-nothing-new
    only:
      to: {namespace: dev}
      from: [{cidr: 10.0.0.0/8}]
      ports: [TCP 8080]
    targets: [dev]
  - name: prod-web-private
    deny:
      from: internet
      to: {namespace: prod, workload: web}
      ports: [TCP 8080]
`;

/** Build times differ from run to run: the only bytes a merge cannot reproduce. */
const timeless = (json: string) => json.replace(/"ms": \d+/g, '"ms": 0');

type Format = "md" | "text" | "json" | "sarif";
/** Every format for two pull requests; the comment and JSON for the rest (each run builds every target: the suite's time). */
const ALL_FORMATS: readonly Format[] = ["md", "text", "json", "sarif"];
const EVERY_FORMAT = new Set(["many"]);
/** Four shards where the targets split unevenly (5 in 4); two for the rest, which test what a pull request does, not the split. */
const shardCount = (name: string) => (["many", "quiet"].includes(name) ? 4 : 2);
type Whole = Partial<Record<Format, Run>> & { md: Run; json: Run };
type Sharded = Partial<Record<Format, Run>> & { shards: Run[]; files: string[]; md: Run; json: Run; output: string };

let repo: TestRepo;
let base: string;
const heads: Record<string, string> = {};
/** Pull requests against another base than `base`. */
const bases: Record<string, string> = {};
const whole = new Map<string, Whole>();
const sharded = new Map<string, Sharded>();

async function runBoth(name: string, extra: string[] = []): Promise<void> {
  const head = heads[name] ?? heads["many"]!;
  const diff = ["diff", "--git", bases[name] ?? base, head, ...extra];
  const formats = EVERY_FORMAT.has(name) ? ALL_FORMATS : (["md", "json"] as const);
  // The whole run's JSON report is the one its comment's run writes with --output (the same
  // bytes as --format json): each run builds every target twice, the suite's time.
  const wholeJson = path.join(repo.dir, `${name}-whole.json`);
  const printed = formats.filter((f) => f !== "json");
  const runs = await Promise.all(printed.map((f) => cli([...diff, "--format", f, ...(f === "md" ? ["--output", wholeJson] : [])], repo.dir)));
  const md = runs[printed.indexOf("md")]!;
  whole.set(name, { ...Object.fromEntries(printed.map((f, i) => [f, runs[i]!])), json: { code: md.code, stdout: fs.readFileSync(wholeJson, "utf8"), stderr: md.stderr } } as Whole);
  const n = shardCount(name);
  const files = Array.from({ length: n }, (_, i) => path.join(repo.dir, `${name}-shard-${i + 1}.json`));
  const shards = await Promise.all(files.map((f, i) => cli([...diff, "--shard", `${i + 1}/${n}`, "--output", f, "--format", "md"], repo.dir)));
  const output = path.join(repo.dir, `${name}-merged.json`);
  // The JSON merge reads the reports in reverse: the order they come in must not matter.
  const merges = await Promise.all(
    formats.map((f) => (f === "md" ? cli(["merge", ...files, "--format", "md", "--output", output], repo.dir) : cli(["merge", ...(f === "json" ? [...files].reverse() : files), "--format", f], repo.dir))),
  );
  sharded.set(name, { shards, files, output, ...(Object.fromEntries(formats.map((f, i) => [f, merges[i]!])) as { md: Run; json: Run }) });
}

beforeAll(async () => {
  repo = makeRepo();
  copyInto(repo);
  repo.git("remote", "add", "origin", "https://github.com/acme/shop.git"); // never fetched: the Application names it
  base = repo.commit("base");
  // Four targets change (prod's patch opens the web port to everyone, values-prod.yaml opens a
  // port in shop-prod and shop-staging, the base adds a port in dev); shop-dev does not.
  heads["many"] = pr(repo, base, "many", (r, w) => {
    w("deploy/overlays/prod/web-ingress.yaml", r("deploy/overlays/prod/web-ingress.yaml").replace("10.20.0.0/16", "0.0.0.0/0"));
    w("charts/shop/values-prod.yaml", `${r("charts/shop/values-prod.yaml")}  extraIngress:\n    - from:\n        - podSelector:\n            matchLabels: {app: monitor}\n      ports:\n        - port: 9090\n`);
    w("deploy/base/policies.yaml", r("deploy/base/policies.yaml").replace("        - port: 8080\n", "        - port: 8080\n        - port: 8443\n"));
  });
  // dev's overlay names a base that does not exist: dev is not analyzed, which is never a pass.
  heads["broken"] = pr(repo, base, "broken", (r, w) => w("deploy/overlays/dev/kustomization.yaml", r("deploy/overlays/dev/kustomization.yaml").replace("../../base", "../../missing")));
  // Nothing a target reads changes.
  heads["quiet"] = pr(repo, base, "quiet", (_r, w) => w("README.md", "# shop\n"));
  // The base's .netreach.yaml asserts prod's web is never public; the pull request opens it to the
  // world and, in the same change, drops the assertion (which the base's file still decides).
  repo.git("checkout", "-q", "-B", "asserted-base", base);
  repo.write(".netreach.yaml", ASSERTED);
  bases["asserted"] = repo.commit("assert");
  heads["asserted"] = pr(repo, bases["asserted"], "asserted", (r, w) => {
    w("deploy/overlays/prod/web-ingress.yaml", r("deploy/overlays/prod/web-ingress.yaml").replace("10.20.0.0/16", "0.0.0.0/0"));
    w(".netreach.yaml", r(".netreach.yaml").replace(/  - name: prod-web-private[\s\S]*$/, ""));
  });
  await Promise.all([
    ...Object.keys(heads).map((n) => runBoth(n)),
    // Past the target cap, with options every shard and the merge must carry alike (connection
    // sets among them): one set of runs for both, as each run builds every target.
    runBoth("capped", ["--max-targets", "3", "--fail-on", "sensitive-ports,any-opened", "--sensitive-ports", "8443,9000-9100", "--pods", "declared", "--cni", "generic", "-n", "shop"]),
  ]);
}, 120_000);

afterAll(() => repo?.cleanup());

describe("netreach merge of a run's shards writes what one run writes", () => {
  // capped: the first three targets analyzed, two past the cap (not analyzed, in their shards),
  // with the run's options set; asserted: assertions of the base, a changed configuration.
  for (const name of ["many", "broken", "quiet", "capped", "asserted"]) {
    it(`${name}: the comment${EVERY_FORMAT.has(name) ? ", the text report, SARIF" : ""}, the diagnostics and the exit code are the same bytes`, () => {
      const w = whole.get(name)!;
      const s = sharded.get(name)!;
      for (const f of ["md", "text", "sarif"] as const) {
        const [a, b] = [s[f], w[f]];
        expect(a === undefined, f).toBe(!EVERY_FORMAT.has(name) && f !== "md");
        if (a === undefined || b === undefined) continue;
        expect(a.stdout, `${f}: ${a.stderr}`).toBe(b.stdout);
        expect(a.stderr).toBe(b.stderr);
        expect(a.code).toBe(b.code);
      }
    });

    it(`${name}: the JSON report is the same bytes but for build times, whichever order the reports come in`, () => {
      const w = whole.get(name)!;
      const s = sharded.get(name)!;
      expect(s.json.code).toBe(w.json.code);
      expect(timeless(s.json.stdout)).toBe(timeless(w.json.stdout));
      expect(timeless(fs.readFileSync(s.output, "utf8"))).toBe(timeless(w.json.stdout));
      expect(JSON.parse(s.json.stdout)).not.toHaveProperty("shard");
    });
  }

  it("the verdicts are what the pull requests did: a failed gate, a target not analyzed, a pass", () => {
    expect(whole.get("many")!.md.code).toBe(1);
    expect(whole.get("many")!.md.stdout).toContain("**5 targets, 4 changed — gate failed in `dev`, `prod`.**");
    expect(whole.get("broken")!.md.code).toBe(2);
    expect(whole.get("broken")!.md.stdout).toContain("gate error: 1 target not analyzed");
    expect(whole.get("quiet")!.md.code).toBe(0);
    expect(whole.get("capped")!.md.stdout).toContain("not analyzed: past the target cap");
    const asserted = whole.get("asserted")!.md;
    expect(asserted.code).toBe(1);
    expect(asserted.stdout).toContain("prod-web-private");
    expect(asserted.stdout).toContain("`.netreach.yaml` changed by this pull request.");
  });

  it("each shard analyzes its own targets and says which shard it is; together they are every target once", () => {
    const s = sharded.get("many")!;
    const analyzed: string[] = [];
    s.files.forEach((f, i) => {
      const doc = JSON.parse(fs.readFileSync(f, "utf8")) as { targets: { name: string }[]; shard: { shard: string; index: number; count: number; analyzed: string[]; targets: { name: string; key: string }[] } };
      expect(doc.shard).toMatchObject({ shard: `${i + 1}/4`, index: i + 1, count: 4 });
      expect(doc.targets.map((t) => t.name)).toEqual(doc.shard.analyzed);
      expect(doc.shard.targets.map((t) => t.name)).toEqual(NAMES);
      analyzed.push(...doc.shard.analyzed);
    });
    expect(analyzed.sort()).toEqual(NAMES);
    // Five targets in four shards: none has more than two.
    expect(s.files.map((f) => (JSON.parse(fs.readFileSync(f, "utf8")) as { targets: unknown[] }).targets.length).sort()).toEqual([1, 1, 1, 2]);
    // A shard's comment is about its targets only.
    expect(s.shards.map((r) => r.code)).toEqual(s.shards.map((r) => (r.stdout.includes("gate failed") ? 1 : 0)));
  });
});

describe("netreach merge refuses what is not one whole run", () => {
  it("a missing shard: exit 2, nothing written, the shard named", async () => {
    const s = sharded.get("many")!;
    const r = await cli(["merge", s.files[0]!, s.files[1]!, s.files[3]!, "--format", "md"], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("shard 3/4 of 4 missing");
    expect(r.stderr).toContain("cannot pass");
  });

  it("a shard given twice", async () => {
    const s = sharded.get("many")!;
    const r = await cli(["merge", ...s.files, s.files[1]!], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("shard 2/4 is given twice");
  });

  it("a shard of another pull request (another head)", async () => {
    const s = sharded.get("many")!;
    const other = sharded.get("quiet")!;
    const r = await cli(["merge", s.files[0]!, s.files[1]!, s.files[2]!, other.files[3]!], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is of another run than .*: its head revision differs/);
  });

  it("a report that is no shard's, or no JSON", async () => {
    const plainReport = path.join(repo.dir, "whole.json");
    fs.writeFileSync(plainReport, whole.get("many")!.json.stdout);
    const notJson = path.join(repo.dir, "comment.md");
    fs.writeFileSync(notJson, whole.get("many")!.md.stdout);
    const a = await cli(["merge", plainReport], repo.dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('not a shard\'s report (it has no "shard"');
    const b = await cli(["merge", notJson], repo.dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("comment.md: not JSON");
  });
});

describe("netreach targets", () => {
  it("lists the targets the diff analyzes, each with a key from its name, and the shards a matrix runs", async () => {
    const r = await cli(["targets", "--git", base, heads["many"]!, "--format", "json", "--shards", "4"], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { schema: string; from: string; plain: boolean; shards: string[]; head: { id: string }; targets: { name: string; key: string; shard: string; kind: string; paths: string[] }[] };
    expect(doc).toMatchObject({ schema: "netreach.targets/v1", from: "discovery", plain: false, shards: ["1/4", "2/4", "3/4", "4/4"], head: { id: heads["many"] } });
    expect(doc.targets.map((t) => t.name)).toEqual(NAMES);
    for (const t of doc.targets) expect(t.key).toBe(createHash("sha256").update(t.name).digest("hex").slice(0, 12));
    expect(doc.targets.find((t) => t.name === "shop-prod")).toMatchObject({ kind: "helm", paths: ["charts/shop", "charts/shop/values-prod.yaml"] });
    // The shard each is listed in is the shard that analyzed it.
    const s = sharded.get("many")!;
    for (const [i, f] of s.files.entries()) {
      const analyzed = (JSON.parse(fs.readFileSync(f, "utf8")) as { shard: { analyzed: string[] } }).shard.analyzed;
      expect(doc.targets.filter((t) => t.shard === `${i + 1}/4`).map((t) => t.name)).toEqual(analyzed);
    }
  });

  it("keys do not change with the revision, and never more shards than targets", async () => {
    const atBase = await cli(["targets", "--git", base, base, "--format", "json", "--shards", "9"], repo.dir);
    const atHead = await cli(["targets", "--git", base, heads["broken"]!, "--format", "json"], repo.dir);
    const keys = (r: Run) => (JSON.parse(r.stdout) as { targets: { name: string; key: string }[] }).targets.map((t) => `${t.name}=${t.key}`);
    expect(keys(atBase)).toEqual(keys(atHead));
    expect((JSON.parse(atBase.stdout) as { shards: string[] }).shards).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
    const text = await cli(["targets", "--git", base, heads["many"]!], repo.dir);
    expect(text.stdout.split("\n")[0]).toBe("netreach: 5 targets from discovery");
    expect(text.stdout).toContain(`  ${createHash("sha256").update("prod").digest("hex").slice(0, 12)}  prod (kustomize deploy/overlays/prod)\n`);
  });

  it("--shard wants I/N, and a run that is one plain analysis is not split", async () => {
    const bad = await cli(["diff", "--git", base, heads["many"]!, "--shard", "5/4"], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard (input shard) must be I/N with 1 ≤ I ≤ N, e.g. 2/4, not "5/4"');
    const dir = fs.mkdtempSync(path.join(repo.dir, "..", "plain-"));
    try {
      fs.mkdirSync(path.join(dir, "a"));
      fs.mkdirSync(path.join(dir, "b"));
      fs.writeFileSync(path.join(dir, "a", "np.yaml"), "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec: {podSelector: {}}\n");
      fs.copyFileSync(path.join(dir, "a", "np.yaml"), path.join(dir, "b", "np.yaml"));
      const r = await cli(["diff", "a", "b", "--shard", "1/2"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--shard splits a run's targets, and this run has none");
      const t = await cli(["targets", "a", "b", "--format", "json", "--shards", "2"], dir);
      expect(JSON.parse(t.stdout)).toMatchObject({ plain: true, targets: [{ name: "manifests" }] });
      expect(JSON.parse(t.stdout)).not.toHaveProperty("shards");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
