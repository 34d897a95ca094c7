// Helm chart templates are Go templates, not manifests: read as YAML they only produce syntax
// errors. Until charts are rendered, their templates are set aside with one note per chart.
import { diagnostic, type Diagnostic } from "./object/diagnostic.js";
import type { SourceFile } from "./object/source.js";

export interface ChartSplit {
  readonly manifests: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
}

export function setAsideChartTemplates(files: readonly SourceFile[]): ChartSplit {
  const roots = files.filter((f) => f.path === "Chart.yaml" || f.path.endsWith("/Chart.yaml")).map((f) => f.path.slice(0, -"Chart.yaml".length));
  if (roots.length === 0) return { manifests: files, diagnostics: [] };
  const perChart = new Map<string, number>();
  const manifests = files.filter((f) => {
    const root = roots.find((r) => f.path.startsWith(`${r}templates/`) || f.path.startsWith(`${r}charts/`));
    if (root === undefined) return true;
    perChart.set(root, (perChart.get(root) ?? 0) + 1);
    return false;
  });
  const diagnostics = [...perChart].map(([root, n]) =>
    diagnostic("note", `${root}Chart.yaml`, { line: 1, column: 1 }, `Helm chart: ${n} template file${n === 1 ? "" : "s"} not analyzed (read as plain files here; the chart is rendered when it is a target, see README "Targets")`),
  );
  return { manifests, diagnostics };
}
