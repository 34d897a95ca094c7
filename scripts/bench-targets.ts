// The targets step of `npm run bench` (issue 22): a git repository of 200 targets as a platform
// team's monorepo holds them — 150 Kustomize overlays (each with a namespace and two patches)
// over 5 shared bases, and one Helm chart with 50 per-environment values files — diffed end to
// end by the CLI (`netreach diff --git BASE HEAD --format json`) with the real kubectl and helm.
// Two commits on top of the base: `one` edits one overlay's policy patch (a typical pull
// request), `all` edits every base's policies and the chart's policy template (every target changes).
// Usage (through scripts/bench.mjs):
//   node bench-targets.mjs make DIR           writes the repository into DIR; prints one JSON line
//   node bench-targets.mjs run DIR CLI HEAD [BASE]   times `CLI diff --git BASE HEAD` in DIR (BASE: base); prints one JSON line
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const BASES = 5;
export const OVERLAYS = 150;
export const VALUES = 50;

const [cmd, dir = "", cli = "", head = "one", base = "base"] = process.argv.slice(2);

const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
const write = (file: string, text: string) => {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), text);
};

/** The policy every base ships: the app admits its frontend on one port. */
const basePolicy = (b: number, extraPort: boolean) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: app-ingress
spec:
  podSelector:
    matchLabels: {app: app}
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector:
        matchLabels: {app: frontend}
    ports:
    - {protocol: TCP, port: ${8080 + b}}${extraPort ? `\n    - {protocol: TCP, port: 9090}` : ""}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress${extraPort ? ", Egress" : ""}]
`;

const deployment = (name: string, tier: string, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}, tier: ${tier}}
    spec:
      containers:
      - name: ${name}
        image: registry.example/${name}:1.0
        ports:
        - {containerPort: ${port}}
`;

/** The overlay's own policy patch: one more source allowed to reach the app. */
const overlayPatch = (o: number, port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: app-ingress
spec:
  ingress:
  - from:
    - namespaceSelector:
        matchLabels: {team: monitoring-${o % 7}}
    ports:
    - {protocol: TCP, port: ${port}}
`;

const chartPolicy = (extraPort: boolean) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "tenant.name" . }}-ingress
spec:
  podSelector:
    matchLabels: {app: {{ include "tenant.name" . }}}
  policyTypes: [Ingress]
  ingress:
  - from:
    {{- range .Values.allowFrom }}
    - namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: {{ . }}}
    {{- end }}
    ports:
    - {protocol: TCP, port: {{ .Values.port }}}${extraPort ? `\n    - {protocol: TCP, port: 9090}` : ""}
`;

function make(): void {
  mkdirSync(dir, { recursive: true });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "bench@example.com");
  git("config", "user.name", "bench");
  git("config", "commit.gpgsign", "false");
  for (let b = 0; b < BASES; b++) {
    const d = `bases/base-${b}`;
    write(`${d}/kustomization.yaml`, "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- app.yaml\n- frontend.yaml\n- policy.yaml\n");
    write(`${d}/app.yaml`, deployment("app", `base-${b}`, 8080 + b));
    write(`${d}/frontend.yaml`, deployment("frontend", `base-${b}`, 80));
    write(`${d}/policy.yaml`, basePolicy(b, false));
  }
  for (let o = 0; o < OVERLAYS; o++) {
    const d = `overlays/env-${String(o).padStart(3, "0")}`;
    write(
      `${d}/kustomization.yaml`,
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: env-${o}\nresources:\n- ../../bases/base-${o % BASES}\n- namespace.yaml\npatches:\n- path: replicas.yaml\n- path: policy.yaml\n`,
    );
    write(`${d}/namespace.yaml`, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: env-${o}\n  labels: {team: team-${o % 11}}\n`);
    write(`${d}/replicas.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: ${1 + (o % 3)}\n`);
    write(`${d}/policy.yaml`, overlayPatch(o, 8080 + (o % BASES)));
  }
  write("charts/tenant/Chart.yaml", "apiVersion: v2\nname: tenant\nversion: 0.1.0\n");
  write("charts/tenant/values.yaml", "port: 8080\nallowFrom: [ingress]\nreplicas: 1\n");
  write("charts/tenant/templates/_helpers.tpl", '{{- define "tenant.name" -}}{{ .Release.Name }}-tenant{{- end }}\n');
  write(
    "charts/tenant/templates/deployment.yaml",
    deployment('{{ include "tenant.name" . }}', "{{ .Values.tier | default \"web\" }}", 8080).replace("replicas: 1", "replicas: {{ .Values.replicas }}").replace("containerPort: 8080", "containerPort: {{ .Values.port }}"),
  );
  write("charts/tenant/templates/policy.yaml", chartPolicy(false));
  for (let v = 0; v < VALUES; v++)
    write(`charts/tenant/values-env-${String(v).padStart(2, "0")}.yaml`, `port: ${8000 + v}\nallowFrom: [ingress, env-${v}, monitoring-${v % 7}]\nreplicas: ${1 + (v % 4)}\n`);
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  git("tag", "base");

  // One overlay's pull request: its policy patch opens one more port.
  git("checkout", "-q", "-b", "one");
  write("overlays/env-007/policy.yaml", overlayPatch(7, 8080 + (7 % BASES)).replace(/(port: \d+\})/, "$1\n    - {protocol: TCP, port: 9443}"));
  git("commit", "-q", "-am", "one overlay");

  // Every target changes: each base's default-deny covers egress too (the overlays patch only the
  // ingress policy), and the chart's template opens port 9090.
  git("checkout", "-q", "-b", "all", "base");
  for (let b = 0; b < BASES; b++) write(`bases/base-${b}/policy.yaml`, basePolicy(b, true));
  write("charts/tenant/templates/policy.yaml", chartPolicy(true));
  git("commit", "-q", "-am", "every target");
  git("checkout", "-q", "main");
  const files = Number(git("ls-files").split("\n").length);
  console.log(JSON.stringify({ targets: OVERLAYS + VALUES, overlays: OVERLAYS, bases: BASES, values: VALUES, files }));
}

function run(): void {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cli, "diff", "--git", base, head, "--format", "json"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  // Exit 1 is the gate failing on opened flows, which is what these pull requests do.
  if (child.status !== 0 && child.status !== 1) {
    console.log(JSON.stringify({ head, error: `exit ${child.status ?? child.signal}: ${child.stderr.trim().split("\n").slice(-3).join(" ").slice(0, 300)}` }));
    return;
  }
  const report = JSON.parse(child.stdout) as { targets?: { status: string }[] };
  // A repository without targets is one plain analysis: one target, changed or not.
  if (report.targets === undefined) {
    console.log(JSON.stringify({ head, ms, targets: 1, changed: 1, unchanged: 0, failed: 0 }));
    return;
  }
  const targets = report.targets;
  const status = (s: string) => targets.filter((t) => t.status === s).length;
  console.log(JSON.stringify({ head, ms, targets: targets.length, changed: status("changed"), unchanged: status("unchanged"), failed: status("failed") }));
}

if (cmd === "make") make();
else if (cmd === "run") run();
else throw new Error(`usage: bench-targets.mjs make DIR | run DIR CLI HEAD (got ${cmd})`);
