import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { helmTemplate } from "../../src/tools/helm.js";
import { kubeTools } from "../support/kube-tools.js";
import { toolsPath, tree } from "./support.js";

const chartFiles = {
  "charts/app/Chart.yaml":
    "apiVersion: v2\nname: web-app\nversion: 0.1.0\ndependencies:\n- name: cache\n  version: 0.2.0\n  repository: https://127.0.0.1:9/charts\n",
  "charts/app/values.yaml": "networkPolicy:\n  enabled: false\n",
  "charts/app/templates/_helpers.tpl": '{{- define "app.labels" }}app: web{{ end }}\n',
  "charts/app/templates/np.yaml": [
    "{{- if .Values.networkPolicy.enabled }}",
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    "metadata:",
    "  name: {{ .Release.Name }}-web",
    "spec:",
    "  podSelector:",
    "    matchLabels: {{- include \"app.labels\" . | nindent 6 }}",
    "  ingress:",
    "  - ports: [{port: 80}]",
    "---",
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    "metadata:",
    "  name: {{ .Release.Name }}-deny",
    "  namespace: {{ .Release.Namespace }}",
    "spec:",
    "  podSelector: {}",
    "{{- end }}",
    "",
  ].join("\n"),
  // lookup must come back empty: helm template never talks to a cluster.
  "charts/app/templates/cm.yaml":
    '{{- $s := lookup "v1" "Secret" "default" "x" }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  found: {{ if $s }}"yes"{{ else }}"no"{{ end }}\n',
  "charts/app/charts/cache/Chart.yaml": "apiVersion: v2\nname: cache\nversion: 0.2.0\n",
  "charts/app/charts/cache/templates/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: cache\nspec:\n  ports: [{port: 6379}]\n",
  "env/prod.yaml": "networkPolicy:\n  enabled: true\n",
};

const target = { chart: "charts/app", release: "rel", namespace: "prod" };

describe("helmTemplate", () => {
  it("renders a chart with values and a vendored dependency, offline, naming each object's template", async () => {
    const root = tree(chartFiles);
    const off = await helmTemplate(root, target, { searchPath: toolsPath() });
    if (!off.ok) throw new Error(`${off.error}\n${off.detail}`);
    expect(off.tool).toMatch(/^helm v4\.\d+\.\d+$/);
    expect(off.defaultNamespace).toBe("prod");
    expect(off.objects.map((o) => `${o.kind}/${o.name}`).sort()).toEqual(["ConfigMap/cm", "Service/cache"]);
    expect(off.files.find((f) => f.path === "charts/app/templates/cm.yaml")!.text).toContain('found: "no"');

    const on = await helmTemplate(root, { ...target, values: ["env/prod.yaml"] }, { searchPath: toolsPath() });
    if (!on.ok) throw new Error(on.error);
    const policies = on.objects.filter((o) => o.kind === "NetworkPolicy");
    expect(policies.map((p) => [p.name, p.namespace, p.file, p.origin])).toEqual([
      ["rel-web", undefined, "charts/app/templates/np.yaml", { file: "charts/app/templates/np.yaml", template: "web-app/templates/np.yaml", line: 3 }],
      ["rel-deny", "prod", "charts/app/templates/np.yaml", { file: "charts/app/templates/np.yaml", template: "web-app/templates/np.yaml", line: 13 }],
    ]);
    const svc = on.objects.find((o) => o.kind === "Service")!;
    expect(svc.origin).toEqual({ file: "charts/app/charts/cache/templates/svc.yaml", template: "web-app/charts/cache/templates/svc.yaml", line: 2 });
    // Each object's line is its document in the grouped text.
    for (const o of on.objects) {
      const text = on.files.find((f) => f.path === o.file)!.text;
      expect(parseAllDocuments(text.split("\n").slice(o.line - 1).join("\n"))[0]!.toJS().metadata.name).toBe(o.name);
    }
    const web = parseAllDocuments(on.files.find((f) => f.path === "charts/app/templates/np.yaml")!.text)[0]!.toJS();
    expect(web.spec.podSelector.matchLabels).toEqual({ app: "web" });
  });

  it("names the archive of a dependency vendored as .tgz", async () => {
    const root = tree(chartFiles);
    const { helm } = kubeTools();
    execFileSync(helm, ["package", path.join(root, "charts/app/charts/cache"), "-d", path.join(root, "charts/app/charts")], {
      env: { PATH: process.env.PATH ?? "", HOME: root },
      stdio: "pipe",
    });
    fs.rmSync(path.join(root, "charts/app/charts/cache"), { recursive: true });
    const r = await helmTemplate(root, target, { searchPath: toolsPath() });
    if (!r.ok) throw new Error(r.error);
    const svc = r.objects.find((o) => o.kind === "Service")!;
    expect(svc.file).toBe("charts/app/charts/cache/templates/svc.yaml");
    expect(svc.origin).toEqual({ file: "charts/app/charts/cache-0.2.0.tgz", template: "web-app/charts/cache/templates/svc.yaml" });
  });

  it("fails with a clear message when a dependency is not vendored, never fetching it", async () => {
    const root = tree(chartFiles);
    fs.rmSync(path.join(root, "charts/app/charts"), { recursive: true });
    const r = await helmTemplate(root, target, { searchPath: toolsPath() });
    expect(r).toMatchObject({ ok: false, failure: "failed", error: expect.stringMatching(/not in its charts\/ directory; netreach never downloads charts/) });
    if (!r.ok) expect(r.detail).toContain("cache");
  });

  it("returns a template error as the tool's message", async () => {
    const root = tree({ ...chartFiles, "charts/app/templates/bad.yaml": "{{ .Values.nope.deeper }}\n" });
    const r = await helmTemplate(root, target, { searchPath: toolsPath() });
    expect(r).toMatchObject({ ok: false, failure: "failed", error: expect.stringMatching(/^rendering chart charts\/app failed \(helm v4/) });
    if (!r.ok) expect(r.detail).toMatch(/bad\.yaml/);
  });

  it("stops a render that runs too long, killing the process", async () => {
    const root = tree({
      ...chartFiles,
      "charts/app/templates/slow.yaml": "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n",
    });
    const started = Date.now();
    const r = await helmTemplate(root, target, { searchPath: toolsPath(), timeoutMs: 1000 });
    expect(r).toMatchObject({ ok: false, failure: "timeout", error: expect.stringMatching(/longer than 1 s; helm v4.* was stopped/) });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses targets that are not plain paths in the tree, and reports a missing helm", async () => {
    const root = tree(chartFiles);
    const run = (t: Partial<typeof target> & { values?: string[] }) => helmTemplate(root, { ...target, ...t }, { searchPath: toolsPath() });
    expect(await run({ values: ["https://127.0.0.1:9/values.yaml"] })).toMatchObject({ ok: false, failure: "invalid-target" });
    expect(await run({ values: ["../outside.yaml"] })).toMatchObject({ ok: false, failure: "invalid-target" });
    expect(await run({ values: ["env/none.yaml"] })).toMatchObject({ ok: false, failure: "invalid-target", error: expect.stringMatching(/does not exist/) });
    expect(await run({ chart: "env" })).toMatchObject({ ok: false, failure: "invalid-target", error: expect.stringMatching(/no Chart.yaml/) });
    expect(await run({ release: "--repo=x" })).toMatchObject({ ok: false, failure: "invalid-target" });
    expect(await run({ namespace: "-n" })).toMatchObject({ ok: false, failure: "invalid-target" });
    const missing = await helmTemplate(root, target, { searchPath: tree({}) });
    expect(missing).toMatchObject({ ok: false, failure: "missing-tool", error: expect.stringMatching(/^`helm` not found on PATH: install Helm v3 or v4/) });
  });
});
