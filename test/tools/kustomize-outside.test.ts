// Nothing a kustomization names may come from outside the repository: a loopback HTTP server
// started here must see no request whatever field names it, and a directory outside the tree
// is refused before kustomize runs (its load restrictor only covers files).
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kustomizeBuild } from "../../src/tools/kustomize.js";
import { toolsPath, tree } from "./support.js";

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata: {a: b}\n`;

let server: http.Server;
let port = 0;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/yaml" });
    res.end(cm("fetched"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("kustomizations naming something outside the repository", () => {
  it("are refused before kustomize runs, naming the file, line and entry; the server sees nothing", async () => {
    const url = (host: string) => `http://${host}:${port}/x.yaml`;
    const cases: Record<string, { kustomization: string; entry: string; line: number }> = {
      loopback: { kustomization: `resources:\n- cm.yaml\n- ${url("127.0.0.1")}\n`, entry: url("127.0.0.1"), line: 3 },
      localhost: { kustomization: `resources:\n- ${url("localhost")}\n`, entry: url("localhost"), line: 2 },
      other: { kustomization: `resources:\n- ${url("127.0.0.2")}\n`, entry: url("127.0.0.2"), line: 2 },
      v6: { kustomization: `resources:\n- ${url("[::1]")}\n`, entry: url("[::1]"), line: 2 },
      remoteBase: { kustomization: `resources:\n- https://127.0.0.1:${port}/org/repo//base?ref=main\n`, entry: `https://127.0.0.1:${port}/org/repo//base?ref=main`, line: 2 },
      schemeless: { kustomization: `resources:\n- 127.0.0.1:${port}/org/repo//base?ref=main\n`, entry: `127.0.0.1:${port}/org/repo//base?ref=main`, line: 2 },
      hostOnly: { kustomization: `resources:\n- localhost/org/repo\n`, entry: "localhost/org/repo", line: 2 },
      component: { kustomization: `components:\n- ${url("127.0.0.1")}\n`, entry: url("127.0.0.1"), line: 2 },
      patch: { kustomization: `resources: [cm.yaml]\npatches:\n- path: ${url("127.0.0.1")}\n`, entry: url("127.0.0.1"), line: 3 },
      strategic: { kustomization: `resources: [cm.yaml]\npatchesStrategicMerge:\n- ${url("localhost")}\n`, entry: url("localhost"), line: 3 },
      generator: { kustomization: `configMapGenerator:\n- name: g\n  files:\n  - key=${url("127.0.0.1")}\n`, entry: url("127.0.0.1"), line: 4 },
      env: { kustomization: `secretGenerator:\n- name: g\n  envs: [${url("127.0.0.1")}]\n`, entry: url("127.0.0.1"), line: 3 },
      openapi: { kustomization: `resources: [cm.yaml]\nopenapi:\n  path: ${url("127.0.0.1")}\n`, entry: url("127.0.0.1"), line: 3 },
      crds: { kustomization: `resources: [cm.yaml]\ncrds:\n- ${url("127.0.0.1")}\n`, entry: url("127.0.0.1"), line: 3 },
      transformerFile: { kustomization: `resources: [cm.yaml]\ntransformers:\n- patcher.yaml\n`, entry: url("127.0.0.1"), line: 3 },
      transformerInline: {
        kustomization: `resources: [cm.yaml]\ntransformers:\n- |-\n  apiVersion: builtin\n  kind: PatchTransformer\n  metadata: {name: p}\n  path: ${url("localhost")}\n`,
        entry: url("localhost"),
        line: 7,
      },
      generatorFile: { kustomization: `generators:\n- gen.yaml\n`, entry: url("127.0.0.1"), line: 2 },
      alias: { kustomization: `resources: &r\n- ${url("127.0.0.1")}\ncomponents: *r\n`, entry: url("127.0.0.1"), line: 2 },
    };
    const files: Record<string, string> = {};
    for (const [name, c] of Object.entries(cases)) {
      files[`${name}/kustomization.yaml`] = c.kustomization;
      files[`${name}/cm.yaml`] = cm(name);
    }
    files["transformerFile/patcher.yaml"] = `apiVersion: builtin\nkind: PatchTransformer\nmetadata: {name: p}\npath: ${url("127.0.0.1")}\ntarget: {kind: ConfigMap}\n`;
    files["generatorFile/gen.yaml"] = `apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata: {name: g}\nfiles:\n- ${url("127.0.0.1")}\n`;
    // Through an in-repo base: every kustomization of the closure is checked.
    files["overlay/kustomization.yaml"] = "resources:\n- ../loopback\n";
    const root = tree(files);
    for (const [name, c] of [...Object.entries(cases), ["overlay", { ...cases.loopback!, kustomizationFile: "loopback" }] as const]) {
      const r = await kustomizeBuild(root, name, { searchPath: toolsPath() });
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      const file = "kustomizationFile" in c ? `${c.kustomizationFile}/kustomization.yaml` : `${name}/kustomization.yaml`;
      expect(r.failure, `${name}: ${r.error}`).toBe("remote");
      expect(r.error).toContain(`${file}:${c.line}:`);
      expect(r.error).toContain(JSON.stringify(c.entry));
      expect(r.error).toMatch(/nothing a pull request names is fetched: netreach builds offline/);
      expect(r.detail).not.toBe("");
    }
    expect(requests).toEqual([]);
  });

  it("refuses a directory base outside the repository, and one reached through a symbolic link", async () => {
    const outer = tree({
      "secret/kustomization.yaml": "resources:\n- cm.yaml\n",
      "secret/cm.yaml": cm("secret"),
      "repo/k/kustomization.yaml": "resources:\n- np.yaml\n- ../../secret\n",
      "repo/k/np.yaml": cm("in-repo"),
      "repo/l/kustomization.yaml": "resources:\n- link\n",
      "repo/ok/kustomization.yaml": "resources:\n- ../k/np.yaml\n",
    });
    fs.symlinkSync(path.join(outer, "secret"), path.join(outer, "repo/l/link"));
    const root = path.join(outer, "repo");
    const r = await kustomizeBuild(root, "k", { searchPath: toolsPath() });
    expect(r).toMatchObject({ ok: false, failure: "outside-tree" });
    if (!r.ok) expect(r.error).toBe('k was not built: k/kustomization.yaml:3: resources entry "../../secret" leads outside the repository; netreach only builds from files of the revision');
    const l = await kustomizeBuild(root, "l", { searchPath: toolsPath() });
    expect(l).toMatchObject({ ok: false, failure: "outside-tree" });
    if (!l.ok) expect(l.error).toContain('l/kustomization.yaml:2: resources entry "link" goes through a symbolic link');
    // A file of another kustomization's directory inside the repository: kustomize's own restrictor says no.
    expect(await kustomizeBuild(root, "ok", { searchPath: toolsPath() })).toMatchObject({ ok: false, failure: "failed" });
  });

  it("builds a kustomization at the repository root", async () => {
    const root = tree({ "kustomization.yaml": "resources:\n- cm.yaml\n- sub\n", "cm.yaml": cm("root"), "sub/kustomization.yaml": "resources: [cm.yaml]\n", "sub/cm.yaml": cm("sub") });
    const r = await kustomizeBuild(root, "", { searchPath: toolsPath() });
    if (!r.ok) throw new Error(`${r.error}\n${r.detail}`);
    expect(r.objects.map((o) => `${o.name} ${o.origin.file}:${o.origin.line}`)).toEqual(["root cm.yaml:1", "sub sub/cm.yaml:1"]);
    expect(fs.readdirSync(root).sort()).toEqual(["cm.yaml", "kustomization.yaml", "sub"]);
  });
});
