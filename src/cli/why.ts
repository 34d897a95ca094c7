// `netreach why`: reads one revision (paths, or `--git REV` from git objects), builds its one
// target when the revision has targets, analyzes it, and explains the pair asked about.
import { relative, resolve, sep } from "node:path";
import { statSync } from "node:fs";
import { reach, type ReachReport } from "../analyze.js";
import { explainPair } from "../explain/explain-pair.js";
import { findEndpoint } from "../explain/find-endpoint.js";
import type { PairWhy } from "../explain/why.js";
import { readSources } from "../files/read-sources.js";
import { UsageError } from "../files/usage-error.js";
import { repoRoot } from "../git/repo.js";
import type { Diagnostic } from "../load/object/diagnostic.js";
import type { SourceFile } from "../load/object/source.js";
import { INGRESS_CONTROLLER_ID, type Endpoint } from "../model/endpoint.js";
import { connWords } from "../render/conn-words.js";
import { plain } from "../render/escape.js";
import { whyJson, type WhyReport } from "../render/why-json.js";
import { renderWhyText } from "../render/why-text.js";
import { buildSide } from "../targets/diff-targets.js";
import { dirTree, gitTree, type RepoTree } from "../targets/repo-tree.js";
import { resolveTargets, type TargetFlags } from "../targets/resolve.js";
import { describeSource, type Target } from "../targets/target.js";
import type { TargetArgs } from "./args.js";
import type { WhyCommand } from "./why-args.js";
import { cniOptions } from "../targets/cni-of.js";

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** At most this many external ranges for one side: more is a question better asked of one address. */
const MAX_RANGES = 16;

export async function runWhy(cmd: WhyCommand, io: Io, flagsOf: (t: TargetArgs, roots: readonly string[]) => TargetFlags, formatDiagnostic: (d: Diagnostic) => string): Promise<number> {
  const side = await readSide(cmd, flagsOf);
  if ("error" in side) {
    io.err(`netreach: ${side.error}\n`);
    for (const d of side.diagnostics) io.err(formatDiagnostic(d) + "\n");
    return 2;
  }
  const helm = side.target?.source.kind === "helm";
  const namespace = side.target?.namespace ?? cmd.namespace;
  const report: ReachReport = reach(side.files, {
    pods: side.target?.pods ?? cmd.pods,
    hostNetwork: cmd.hostNetwork,
    ...cniOptions(side.target, cmd),
    ...(cmd.ingressController !== undefined ? { ingressController: cmd.ingressController } : {}),
    ...(helm ? { defaultNamespace: namespace ?? "default" } : namespace !== undefined ? { namespace } : {}),
  });
  const diagnostics = [...side.diagnostics, ...report.diagnostics];
  const endpoints = report.revision.endpoints;
  const notes: string[] = [];
  const pick = (spec: string): readonly Endpoint[] | string => {
    const f = findEndpoint(spec, endpoints);
    if (!f.ok) return `${plain(f.error)}${f.candidates.length > 0 ? `\n  ${f.reason === "ambiguous" ? "one of" : "closest"}: ${f.candidates.map(plain).join(", ")}` : ""}`;
    if (f.endpoints.length > MAX_RANGES) return `${plain(spec)} spans ${f.endpoints.length} external address ranges: name an address or a smaller CIDR (the ranges: ${f.endpoints.slice(0, MAX_RANGES).map((e) => e.id).join("; ")}; …)`;
    if (f.note !== undefined) notes.push(f.note);
    return f.endpoints;
  };
  const srcs = pick(cmd.src);
  const dsts = pick(cmd.dst);
  for (const e of [srcs, dsts]) if (typeof e === "string") io.err(`netreach: ${e}\n`);
  if (typeof srcs === "string" || typeof dsts === "string") return 2;
  const pairs: PairWhy[] = [];
  for (const s of srcs) {
    for (const d of dsts) {
      if (s.type === "external" && d.type === "external") continue;
      if (s === d && s.type === "workload") {
        io.err(`netreach: ${plain(s.id)} to itself: a workload's traffic to itself is not analyzed (DESIGN section 3)\n`);
        return 2;
      }
      pairs.push(explainPair(report.revision, s, d));
      if (s.type === "ingress-controller") notes.push(controllerNote(report, d));
    }
  }
  if (pairs.length === 0) {
    io.err("netreach: both ends are addresses outside the cluster: no policy governs traffic between them\n");
    return 2;
  }
  const why: WhyReport = { pairs, port: cmd.port, notes, diagnostics, ...(side.target !== undefined && side.named ? { target: side.target.name } : {}) };
  io.out(cmd.format === "json" ? JSON.stringify(whyJson(why), null, 2) + "\n" : renderWhyText(why));
  for (const d of diagnostics) io.err(formatDiagnostic(d) + "\n");
  return diagnostics.some((d) => d.severity === "error") ? 2 : 0;
}

/** Reports list the ingress controller's traffic only where a route sends it: say so beside the policies' answer. */
function controllerNote(report: ReachReport, dst: Endpoint): string {
  const routed = report.exposures.find((e) => e.source === "ingress-controller" && e.dst.id === dst.id);
  return routed === undefined
    ? `No Ingress, Gateway route or Route sends traffic to ${dst.id}: reach and diff list no flow from ${INGRESS_CONTROLLER_ID} to it, whatever the policies allow.`
    : `Reach and diff list traffic from ${INGRESS_CONTROLLER_ID} only where a route sends it: to ${dst.id}, ${connWords(routed.conn)} (${routed.conn.toString()}) of what the policies allow.`;
}

type Side = { files: readonly SourceFile[]; diagnostics: readonly Diagnostic[]; target?: Target; named: boolean } | { error: string; diagnostics: readonly Diagnostic[] };

const withTargets = (t: TargetArgs) => t.kustomize.length + t.helm.length + t.names.length > 0 || t.config !== null;

async function readSide(cmd: WhyCommand, flagsOf: (t: TargetArgs, roots: readonly string[]) => TargetFlags): Promise<Side> {
  const src = cmd.source;
  let tree: RepoTree;
  let paths: string[] = [];
  let roots: string[];
  if (src.kind === "paths") {
    const single = src.paths.length === 1 && isDir(src.paths[0]!);
    const plainRead = (): Side => {
      const r = readSources([...src.paths], {}, "", process.cwd());
      return { files: r.files, diagnostics: r.diagnostics, named: false };
    };
    if (!single) {
      if (withTargets(cmd.targets)) throw new UsageError("targets (--kustomize, --helm, --target, --config) need one directory to build in, or --git");
      return plainRead();
    }
    tree = dirTree(src.paths[0]!, src.paths[0]!);
    // As reach: a directory's targets come from flags or its .netreach.yaml, else it is read as it is.
    if (!withTargets(cmd.targets) && tree.read(".netreach.yaml") === undefined) {
      tree.cleanup();
      return plainRead();
    }
    roots = [src.paths[0]!];
  } else {
    const root = repoRoot(process.cwd());
    roots = [root];
    paths = src.pathspecs.map((p) => relative(root, resolve(process.cwd(), p)).split(sep).join("/")).filter((p) => p !== "");
    tree = gitTree(root, src.rev, src.rev);
  }
  try {
    const resolved = resolveTargets(flagsOf(cmd.targets, roots), paths, { base: tree, head: tree }, undefined);
    const targets = resolved.targets;
    if (targets.length === 0) return { error: `no target to analyze (${resolved.from})`, diagnostics: [] };
    if (targets.length > 1) {
      throw new UsageError(`${targets.length} targets (${targets.map((t) => `${t.name}: ${describeSource(t.source)}`).join("; ")}): choose one with --target NAME`);
    }
    const t = targets[0]!;
    const built = await buildSide(t, tree, cmd.namespace !== undefined ? { namespace: cmd.namespace } : {});
    if (built.absent) return { error: `target ${t.name} (${describeSource(t.source)}): not found at ${tree.label}`, diagnostics: built.diagnostics };
    if (built.error !== undefined) return { error: `target ${t.name} (${describeSource(t.source)}): ${built.error.message}${built.error.detail ? `\n${built.error.detail}` : ""}`, diagnostics: built.diagnostics };
    return { files: built.files, diagnostics: built.diagnostics, target: t, named: !resolved.plain };
  } finally {
    tree.cleanup();
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
