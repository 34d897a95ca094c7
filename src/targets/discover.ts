// Targets found in a revision's files when nothing configures them: every Kustomize directory
// that no other kustomization includes (the overlays; components never), every chart with one
// target per `values*.yaml` beside it (the chart's defaults when there is none), the Argo CD and
// Flux objects that deploy paths of this repository, and the plain manifests none of these covers.
import { kustomizationFile, kustomizeClosure, KUSTOMIZATION_FILES, type TreeReader } from "../tools/kustomization-file.js";
import { gitopsTargets } from "./gitops.js";
import { sameSource, type Target } from "./target.js";

export interface DiscoverTree extends TreeReader {
  readonly files: readonly string[];
}

/** Kinds netreach analyzes: a plain-manifest target is made only where some file has one. */
const ANALYZED_KIND = /(^|\n)[ \t]*"?kind"?[ \t]*:[ \t]*["']?(NetworkPolicy|Namespace|Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|ReplicationController|List|Prometheus|Alertmanager|ThanosRuler)\b/;
const MANIFEST = /\.(ya?ml|json)$/;

const under = (file: string, dir: string) => dir === "" || file === dir || file.startsWith(`${dir}/`);
const dirOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");
const base = (p: string) => p.split("/").pop() || "root";

export interface Discovered {
  readonly targets: readonly Target[];
  /** Directories the built targets cover: the plain-manifest target leaves them out. */
  readonly covered: readonly string[];
  /** Whether anything but plain manifests was found. */
  readonly built: boolean;
}

/** `paths`: repository-relative directories to look under (none = everywhere). `repo`: see gitopsTargets. */
export function discoverTargets(tree: DiscoverTree, paths: readonly string[], repo: string | undefined): Discovered {
  const inScope = (f: string) => paths.length === 0 || paths.some((p) => under(f, p));
  const files = tree.files.filter((f) => inScope(f) && !f.split("/").some((s) => s.startsWith(".") || s === "node_modules"));
  const dirs = () => [...new Set(tree.files.map(dirOf).flatMap((d) => d.split("/").map((_, i, a) => a.slice(0, i + 1).join("/"))))];

  // Charts (not subcharts vendored below another chart).
  const charts = files.filter((f) => base(f) === "Chart.yaml").map(dirOf);
  const topCharts = charts.filter((c) => !charts.some((o) => o !== c && under(c, o))).sort();
  // Kustomizations outside charts; included ones and components are not targets.
  const kdirs = files
    .filter((f) => KUSTOMIZATION_FILES.includes(base(f)))
    .map(dirOf)
    .filter((d) => !topCharts.some((c) => under(d, c)));
  const included = new Set<string>();
  for (const d of kdirs) for (const inc of kustomizeClosure(d, tree).dirs.slice(1)) included.add(inc);
  const isComponent = (d: string) => /^kind:\s*Component\b/m.test(kustomizationFile(d, tree)?.text ?? "");
  const overlays = [...new Set(kdirs)].filter((d) => !included.has(d) && !isComponent(d)).sort();

  const targets: Target[] = [];
  const gitops = gitopsTargets(
    files.filter((f) => MANIFEST.test(f)).map((f) => ({ path: f, text: tree.read(f) ?? "" })),
    { ...tree, dirs } as TreeReader,
    repo,
  );
  const names = uniqueNames(overlays);
  overlays.forEach((d, i) => targets.push({ name: names[i]!, source: { kind: "kustomize", dir: d }, origin: "discovered" }));
  for (const c of topCharts) {
    const values = files.filter((f) => dirOf(f) === c && /^values[-_.][^/]+\.ya?ml$/.test(base(f))).sort();
    const chartName = /^name:\s*["']?([A-Za-z0-9._-]+)/m.exec(tree.read(c === "" ? "Chart.yaml" : `${c}/Chart.yaml`) ?? "")?.[1] ?? base(c);
    const release = releaseName(chartName);
    if (values.length === 0) targets.push({ name: chartName, source: { kind: "helm", chart: c, values: [], release }, origin: "discovered" });
    for (const v of values) {
      const suffix = base(v).replace(/^values[-_.]/, "").replace(/\.ya?ml$/, "");
      targets.push({ name: `${chartName}-${suffix}`, source: { kind: "helm", chart: c, values: [v], release }, origin: "discovered" });
    }
  }
  // A GitOps object names the target better, and says its namespace: it replaces the same build.
  const merged = [...gitops, ...targets.filter((t) => !gitops.some((g) => sameSource(g.source, t.source)))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const covered = [...new Set([...topCharts, ...kdirs, ...gitops.flatMap((g) => (g.source.kind === "paths" ? g.source.paths : []))])];
  // By the file's own directories, not by every covered one: an ApplicationSet can cover thousands.
  const coveredSet = new Set(covered);
  const isCovered = (f: string) => coveredSet.has("") || f.split("/").some((_, i, a) => coveredSet.has(a.slice(0, i + 1).join("/")));
  const rest = files.filter((f) => MANIFEST.test(f) && !isCovered(f) && ANALYZED_KIND.test(tree.read(f) ?? ""));
  const built = merged.length > 0;
  if (rest.length > 0 || !built) merged.push({ name: "manifests", source: { kind: "paths", paths: [...paths], exclude: covered }, origin: "discovered" });
  return { targets: dedupeNames(merged), covered, built };
}

/** The last path component, or more of the path where two would share it. */
function uniqueNames(dirs: readonly string[]): string[] {
  return dirs.map((d) => (dirs.filter((o) => base(o) === base(d)).length > 1 ? d || "root" : base(d)));
}

function dedupeNames(targets: Target[]): Target[] {
  const seen = new Map<string, number>();
  return targets.map((t) => {
    const n = (seen.get(t.name) ?? 0) + 1;
    seen.set(t.name, n);
    return n === 1 ? t : { ...t, name: `${t.name}-${n}` };
  });
}

function releaseName(chart: string): string {
  const r = chart.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "").slice(0, 53);
  return r === "" ? "release" : r;
}
