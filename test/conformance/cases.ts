// Access to the netpol-analyzer reference cases, copied into the repository
// (test/fixtures/netpol-analyzer, README and LICENSE there) so that a clone stands alone.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceFile } from "../../src/load/object/source.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function corpusDir(): string {
  return path.join(REPO_ROOT, "test", "fixtures", "netpol-analyzer");
}

/** Admin-tier cases (AdminNetworkPolicy / BaselineAdminNetworkPolicy): their names start so. */
export function isAdminTierCase(name: string): boolean {
  return /^b?anp/.test(name);
}

function listTxt(sub: string): string[] {
  const dir = path.join(corpusDir(), sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .map((file) => file.slice(0, -".txt".length))
    .sort();
}

/** Connlist case names (`connlist/<case>.txt`), admin-tier ones (anp_/banp_) included. */
export function connlistCases(): string[] {
  return listTxt("connlist");
}

export interface DiffCase {
  readonly name: string;
  readonly base: string;
  readonly head: string;
}

/** Diff cases (`diff/<base>__<head>.txt`), admin-tier ones included. */
export function diffCases(): DiffCase[] {
  return listTxt("diff")
    .map((name) => {
      const parts = name.split("__");
      if (parts.length !== 2) throw new Error(`diff file name is not <base>__<head>: ${name}.txt`);
      return { name, base: parts[0]!, head: parts[1]! };
    });
}

export function expectedConnlistText(name: string): string {
  return readFileSync(path.join(corpusDir(), "connlist", `${name}.txt`), "utf8");
}

export function expectedDiffText(name: string): string {
  return readFileSync(path.join(corpusDir(), "diff", `${name}.txt`), "utf8");
}

const MANIFEST_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/**
 * Inputs netpol-analyzer reads although the API server would refuse them (it does not validate
 * names; netreach does, and leaves such objects out with an error). The oracle's answer is for the
 * object as if it were valid, so these cases are compared with the one field mended.
 */
export interface Mend {
  readonly file: string;
  /** Replaced in order: a string once, a (global) pattern everywhere it matches. */
  readonly edits: readonly { readonly from: string | RegExp; readonly to: string }[];
  /** Where netreach reports the first problem, as written. */
  readonly line: number;
  readonly message: RegExp;
}

const PODS_WITHOUT_POD_SELECTOR = /^([ \t]*- pods:(\r?\n))([ \t]+)namespaceSelector:/gm;

export const INVALID_UPSTREAM: Readonly<Record<string, Mend>> = {
  // NetworkPolicy names are DNS subdomains: '_' is not allowed.
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression: {
    file: "netpol.yaml",
    edits: [{ from: "name: use_common_labels_same_values", to: "name: use-common-labels-same-values" }],
    line: 4,
    message: /metadata\.name: .* is invalid/,
  },
  // A Service with more than one port must name each of them.
  one_ingress_multiple_ports: {
    file: "deployment_with_multiple_ports.yaml",
    edits: [8000, 8050, 8090].map((p) => ({ from: `- protocol: TCP\r\n      port: ${p}\r\n`, to: `- protocol: TCP\r\n      name: p${p}\r\n      port: ${p}\r\n` })),
    line: 40,
    message: /spec\.ports\[0\]\.name: a name is required when a Service has more than one port/,
  },
  // v1alpha1 `pods` peers require podSelector ({} selects every pod, which the oracle assumes).
  ...Object.fromEntries(
    (
      [
        ["anp_test_11", "anp.yaml", 17],
        ["anp_test_12_swapping_rules", "anp.yaml", 18],
        ["anp_test_3_pass_traffic", "policies.yaml", 16],
        ["anp_test_8_swapping_rules", "anp.yaml", 36],
        ["anp_test_combining_test_6_and_test_10", "egress_anp.yaml", 15],
      ] as const
    ).map(([name, file, line]) => [name, { file, edits: [{ from: PODS_WITHOUT_POD_SELECTOR, to: "$1$3podSelector: {}$2$3namespaceSelector:" }], line, message: /pods: podSelector is required/ }]),
  ),
  // The experimental CRD's CEL rule forbids a named port beside a networks peer; a named port
  // matches no address there, so the rule splits into an equivalent pair.
  anp_test_named_ports_multiple_peers: {
    file: "policies.yaml",
    edits: [
      // CRLF line ends, as the file has.
      {
        from: '  - action: "Allow"\r\n    name: "allow-egress"\r\n    to:\r\n    - networks:\r\n      - 104.154.164.170/32\r\n    - pods:',
        to: '  - action: "Allow"\r\n    name: "allow-egress-networks"\r\n    to:\r\n    - networks:\r\n      - 104.154.164.170/32\r\n    ports:\r\n    - portRange:\r\n        protocol: UDP\r\n        start: 5000\r\n        end: 6000\r\n    - portNumber:\r\n        protocol: TCP\r\n        port: 8080\r\n  - action: "Allow"\r\n    name: "allow-egress"\r\n    to:\r\n    - pods:',
      },
    ],
    line: 10,
    message: /named port cannot be used in a rule with networks peers/,
  },
};

/**
 * The input of a case as the CLI would pass it: every `.yaml`/`.yml`/`.json` file under
 * `tests/<case>/`, recursively, paths relative to the case folder with `/` separators, sorted.
 * Symlinks are not followed. Inputs in INVALID_UPSTREAM come mended unless `mended` is false.
 */
export function readCaseFiles(name: string, { mended = true }: { mended?: boolean } = {}): SourceFile[] {
  const root = path.join(corpusDir(), "tests", name);
  if (!existsSync(root)) throw new Error(`case folder missing: ${root}`);
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        out.push({ path: path.relative(root, full).split(path.sep).join("/"), text: readFileSync(full, "utf8") });
      }
    }
  };
  walk(root);
  const mend = mended ? INVALID_UPSTREAM[name] : undefined;
  if (mend) {
    const i = out.findIndex((f) => f.path === mend.file);
    if (i < 0) throw new Error(`${name}: ${mend.file} is missing`);
    let text = out[i]!.text;
    for (const e of mend.edits) {
      const found = typeof e.from === "string" ? text.includes(e.from) : new RegExp(e.from.source, e.from.flags.replace("g", "")).test(text);
      if (!found) throw new Error(`${name}: ${mend.file} no longer contains ${String(e.from)}`);
      text = text.replace(e.from, e.to);
    }
    out[i] = { path: mend.file, text };
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Whether any ipBlock `cidr`/`except` in the files is IPv6 (a textual scan of YAML and JSON). */
export function usesIpv6IpBlocks(files: readonly SourceFile[]): boolean {
  const cidrValue = /["']?(?:cidr|except)["']?\s*:\s*\[?\s*["']?([0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*\/\d+)/;
  const listItem = /^\s*-\s*["']?([0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*\/\d+)["']?\s*$/m;
  return files.some((file) => cidrValue.test(file.text) || (/ipBlock/.test(file.text) && listItem.test(file.text)));
}
