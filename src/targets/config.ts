// `.netreach.yaml` at the repository root: the targets to analyze and their options.
//
//   targets:
//     - name: prod
//       kind: kustomize              # kustomize | helm | paths
//       path: deploy/overlays/prod
//       namespace: prod              # kustomize/paths: as kubectl apply -n; helm: the release namespace
//       pods: declared
//       cni: cilium                  # auto | cilium | generic (default: the run's, --cni)
//       cilium-cluster: prod-eu      # Cilium's cluster name (default: the run's, else "default")
//       fail-on: external-ingress,cross-namespace
//     - name: web-prod
//       kind: helm
//       path: charts/web
//       values: [values-prod.yaml]    # relative to the chart
//       release: web
//     - name: legacy
//       kind: paths
//       paths: [legacy]
//   discover: false                  # with targets listed: default false; without: true
//   assertions: [...]                # facts about who may reach whom (DESIGN section 4c; assert/parse.ts)
import { LineCounter, parseDocument, isMap, isSeq, type Node } from "yaml";
import type { PodsMode } from "../analyze.js";
import { parseFailOn, type GateRule } from "../gate/config.js";
import { resolvePath } from "./repo-path.js";
import type { Assertion } from "../assert/assertion.js";
import { parseAssertions } from "../assert/parse.js";
import type { Target, TargetSource } from "./target.js";
import { isCniChoice } from "../load/cni-option.js";
import { ciliumClusterProblem } from "../load/cni-decision.js";

export const CONFIG_FILE = ".netreach.yaml";

export interface TargetsConfig {
  readonly targets: readonly Target[];
  /** Whether discovery adds the targets it finds (when the config lists none: true). */
  readonly discover: boolean;
  /** The assertions that parse (DESIGN section 4c); one with a mistake is left out, its error in `assertionErrors`. */
  readonly assertions: readonly Assertion[];
  /** "file:line: what is wrong", one per mistake in `assertions`. */
  readonly assertionErrors: readonly string[];
}

/** A mistake in the configuration, at its line. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const PODS: readonly PodsMode[] = ["auto", "declared", "synthetic"];
const TARGET_KEYS = ["name", "kind", "path", "paths", "values", "release", "namespace", "pods", "cni", "cilium-cluster", "fail-on"];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function parseConfig(file: string, text: string): TargetsConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const at = (node: unknown) => {
    const r = (node as Node | undefined)?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  const fail = (node: unknown, message: string): never => {
    throw new ConfigError(`${file}:${at(node)}: ${message}`);
  };
  if (doc.errors.length > 0) fail(undefined, `not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  if (doc.contents === null) return { targets: [], discover: true, assertions: [], assertionErrors: [] };
  if (!isMap(doc.contents)) fail(doc.contents, "must be a mapping with a `targets` list");
  const top = doc.contents as unknown as { get(k: string, keep: true): unknown; items: { key: unknown }[] };
  for (const item of top.items) {
    const k = String((item.key as { value?: unknown }).value);
    if (!["targets", "discover", "assertions"].includes(k)) fail(item.key, `unknown key "${k}" (known: targets, discover, assertions)`);
  }
  const list = top.get("targets", true);
  const targets: Target[] = [];
  if (list !== undefined && list !== null && !(isSeq(list) || (list as { value?: unknown }).value === null)) fail(list, "`targets` must be a list");
  if (isSeq(list)) {
    for (const node of list.items) {
      if (!isMap(node)) fail(node, "each target must be a mapping (name, kind, path, …)");
      const m = node as unknown as { get(k: string, keep: true): unknown; items: { key: unknown }[] };
      const value = (k: string) => {
        const v = m.get(k, true) as { value?: unknown; items?: unknown[] } | undefined;
        return v;
      };
      const str = (k: string): string | undefined => {
        const v = value(k);
        if (v === undefined) return undefined;
        if (typeof v.value !== "string" && typeof v.value !== "number") fail(v, `${k} must be a string`);
        return String(v.value);
      };
      const strings = (k: string): string[] | undefined => {
        const v = value(k);
        if (v === undefined) return undefined;
        if (typeof v.value === "string") return v.value.split(",").map((s) => s.trim()).filter((s) => s !== "");
        if (!isSeq(v)) fail(v, `${k} must be a list or a comma-separated string`);
        return (v.items ?? []).map((i) => {
          const s = (i as { value?: unknown }).value;
          if (typeof s !== "string") fail(i, `${k} entries must be strings`);
          return s as string;
        });
      };
      for (const item of m.items) {
        const k = String((item.key as { value?: unknown }).value);
        if (!TARGET_KEYS.includes(k)) fail(item.key, `unknown target key "${k}" (known: ${TARGET_KEYS.join(", ")})`);
      }
      const name = str("name");
      if (name === undefined) fail(node, "a target needs a name");
      if (!NAME.test(name!)) fail(value("name"), `target name ${JSON.stringify(name)} must be letters, digits, ".", "_", "-" or "/" (at most 100)`);
      if (targets.some((t) => t.name === name)) fail(value("name"), `target name ${JSON.stringify(name)} is used twice`);
      const kind = str("kind") ?? (value("paths") !== undefined ? "paths" : undefined);
      const p = str("path");
      let source: TargetSource;
      // Paths leaving the repository make this target not analyzed, with its line; the others still are.
      const problems: string[] = [];
      if (kind === "kustomize") {
        if (p === undefined) fail(node, `target ${name}: kind kustomize needs path (the kustomization's directory)`);
        source = { kind, dir: resolvePath("", p!, "path", problems) };
      } else if (kind === "helm") {
        if (p === undefined) fail(node, `target ${name}: kind helm needs path (the chart's directory)`);
        const chart = resolvePath("", p!, "path", problems);
        const release = str("release") ?? (chart.split("/").filter((s) => s !== "" && s !== "..").pop() || "release");
        // Relative to the chart, as Argo CD's valueFiles.
        source = { kind, chart, values: (strings("values") ?? []).map((v) => resolvePath(chart, v, "values file", problems)), release };
      } else if (kind === "paths") {
        source = { kind, paths: (strings("paths") ?? (p !== undefined ? [p] : [])).map((x) => resolvePath("", x, "path", problems)) };
      } else fail(value("kind") ?? node, `target ${name}: kind must be kustomize, helm or paths`);
      const namespace = str("namespace");
      if (namespace !== undefined && !DNS_LABEL.test(namespace)) fail(value("namespace"), `target ${name}: namespace ${JSON.stringify(namespace)} is not a valid namespace name`);
      const pods = str("pods");
      if (pods !== undefined && !(PODS as readonly string[]).includes(pods)) fail(value("pods"), `target ${name}: pods must be one of ${PODS.join(", ")}`);
      const cni = str("cni");
      if (cni !== undefined && !isCniChoice(cni)) fail(value("cni"), `target ${name}: cni must be one of auto, cilium, generic`);
      const ciliumCluster = str("cilium-cluster");
      const clusterProblem = ciliumCluster === undefined ? undefined : ciliumClusterProblem(ciliumCluster);
      if (clusterProblem !== undefined) fail(value("cilium-cluster"), `target ${name}: cilium-cluster ${JSON.stringify(ciliumCluster)} is not a valid Cilium cluster name: ${clusterProblem}`);
      if (ciliumCluster !== undefined && cni === "generic") fail(value("cilium-cluster"), `target ${name}: cilium-cluster names the cluster of a Cilium cluster: it does not go with cni: generic`);
      let failOn: GateRule[] | undefined;
      const fo = strings("fail-on");
      if (fo !== undefined) {
        const parsed = parseFailOn(fo.join(","));
        if (!parsed.ok) fail(value("fail-on"), `target ${name}: ${parsed.error}`);
        else failOn = parsed.value;
      }
      targets.push({
        name: name!,
        source: source!,
        origin: "config",
        definedIn: { file, line: at(node) },
        ...(problems.length > 0 ? { invalid: problems.join("; ") } : {}),
        ...(namespace !== undefined ? { namespace } : {}),
        ...(pods !== undefined ? { pods: pods as PodsMode } : {}),
        ...(cni !== undefined && isCniChoice(cni) ? { cni } : {}),
        ...(ciliumCluster !== undefined ? { ciliumCluster } : {}),
        ...(failOn !== undefined ? { failOn } : {}),
      });
    }
  }
  const d = top.get("discover", true) as { value?: unknown } | undefined;
  if (d !== undefined && typeof d.value !== "boolean") fail(d, "discover must be true or false");
  const { assertions, errors: assertionErrors } = parseAssertions(top.get("assertions", true), file, at);
  return { targets, discover: d !== undefined ? (d.value as boolean) : targets.length === 0, assertions, assertionErrors };
}
