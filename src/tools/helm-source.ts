// `helm template` output: YAML documents, each after a `# Source: <chart>/templates/x.yaml`
// comment naming the template that rendered it (subcharts: `<chart>/charts/<sub>/templates/…`).

export interface HelmDocument {
  /** The template as helm names it; undefined when the document has no Source comment. */
  readonly template: string | undefined;
  /** The document's text, Source comment included. */
  readonly text: string;
}

/**
 * Splits helm's output at document markers. A `---` line at column 0 ends a document in YAML
 * (even inside a block scalar), so splitting there is what a YAML reader does too.
 */
export function splitHelmOutput(stdout: string): HelmDocument[] {
  const docs: HelmDocument[] = [];
  for (const chunk of stdout.split(/^---[ \t]*(?:#.*)?$/m)) {
    const text = chunk.replace(/^\n/, "");
    if (!/^[ \t]*[^\s#]/m.test(text)) continue; // only comments and blank lines: nothing rendered
    const m = /^# Source: (.+)$/m.exec(text);
    docs.push({ template: m?.[1]?.trim(), text });
  }
  return docs;
}

/**
 * The repository-relative path a template has in a chart checked in at `chartDir`: helm names
 * templates from the chart's name, which need not be its directory's, so the first component
 * is dropped; a subchart's is its name, usually its directory under `charts/`.
 */
export function templatePath(chartDir: string, template: string): string {
  const rest = template.split("/").slice(1).join("/");
  return chartDir === "" ? rest : `${chartDir}/${rest}`;
}
