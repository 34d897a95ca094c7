// The `assertions:` list of `.netreach.yaml` (DESIGN section 4c), read from its YAML node. Every
// mistake is an error at its line; an assertion with a mistake is left out, the others still count.
import { isMap, isScalar, isSeq } from "yaml";
import { labelKeyProblem, labelValueProblem } from "../load/object/label-syntax.js";
import { ConnSet } from "../net/conn-set.js";
import { formatCidr, parseCidr } from "../net/ip.js";
import { ASSERTION_TYPES, type Assertion, type AssertionType, type EndpointSpec, type LabelSpec, type SpecList } from "./assertion.js";
import { parsePortEntry } from "./ports.js";
import { assertionKey, type AssertionDraft } from "./spec-text.js";

export interface ParsedAssertions {
  readonly assertions: readonly Assertion[];
  /** "file:line: what is wrong", in the order of the file. */
  readonly errors: readonly string[];
}

const NAME = /^[A-Za-z0-9._-]{1,100}$/;
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const WORDS = ["internet", "any-pod", "ingress-controller"] as const;
const POD_KEYS = ["namespace", "namespaces", "workload", "kind", "labels"];

type Pairs = { key: unknown; value: unknown }[];

/** The YAML pairs of a mapping node, with their keys as text. */
type Entry = { key: string; keyNode: unknown; value: unknown };

function entries(node: unknown): Entry[] {
  return ((node as { items: Pairs }).items ?? []).map((p) => ({ key: String((p.key as { value?: unknown } | null)?.value ?? p.key), keyNode: p.key, value: p.value }));
}

/**
 * `node`: the value of the top-level `assertions` key; `at`: a node's line. Null or absent: none.
 */
export function parseAssertions(node: unknown, file: string, at: (node: unknown) => number): ParsedAssertions {
  const errors: string[] = [];
  const assertions: Assertion[] = [];
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return { assertions, errors };
  if (!isSeq(node)) return { assertions, errors: [`${file}:${at(node)}: \`assertions\` must be a list`] };
  const names = new Set<string>();
  for (const item of node.items) {
    const problems: string[] = [];
    const fail = (n: unknown, message: string) => {
      problems.push(`${file}:${at(n ?? item)}: ${message}`);
    };
    const parsed = parseOne(item, fail, names);
    if (problems.length > 0 || parsed === undefined) {
      errors.push(...(problems.length > 0 ? problems : [`${file}:${at(item)}: not a valid assertion`]));
      continue;
    }
    names.add(parsed.name);
    assertions.push({ ...parsed, source: { file, line: at(item) }, key: assertionKey(parsed) } as Assertion);
  }
  return { assertions, errors };
}

type Fail = (node: unknown, message: string) => void;
type Draft = AssertionDraft;

function parseOne(item: unknown, fail: Fail, names: ReadonlySet<string>): Draft | undefined {
  if (!isMap(item)) {
    fail(item, "each assertion must be a mapping (name, and one of deny, only, allow, isolated)");
    return undefined;
  }
  let name: string | undefined;
  let type: AssertionType | undefined;
  let body: unknown;
  let targets: string[] | null = null;
  let strict = false;
  for (const e of entries(item)) {
    if (e.key === "name") {
      const v = (e.value as { value?: unknown } | null)?.value;
      if (!isScalar(e.value) || (typeof v !== "string" && typeof v !== "number")) fail(e.value ?? e.keyNode, "name must be a string");
      else if (!NAME.test(String(v))) fail(e.value, `assertion name ${JSON.stringify(String(v))} must be letters, digits, ".", "_" or "-" (at most 100)`);
      else if (names.has(String(v))) fail(e.value, `assertion name ${JSON.stringify(String(v))} is used twice`);
      else name = String(v);
    } else if ((ASSERTION_TYPES as readonly string[]).includes(e.key)) {
      if (type !== undefined) fail(e.keyNode, `an assertion has one kind: both ${type} and ${e.key}`);
      else {
        type = e.key as AssertionType;
        body = e.value;
      }
    } else if (e.key === "targets") {
      if (!isSeq(e.value) || e.value.items.length === 0) fail(e.value ?? e.keyNode, "targets must be a non-empty list of target names");
      else {
        const list: string[] = [];
        for (const t of e.value.items) {
          const v = (t as { value?: unknown }).value;
          if (!isScalar(t) || typeof v !== "string" || !TARGET_NAME.test(v)) fail(t, "targets must be a list of target names");
          else list.push(v);
        }
        targets = list;
      }
    } else if (e.key === "strict") {
      const v = (e.value as { value?: unknown } | null)?.value;
      if (!isScalar(e.value) || typeof v !== "boolean") fail(e.value ?? e.keyNode, "strict must be true or false");
      else strict = v;
    } else fail(e.keyNode, `unknown assertion key "${e.key}" (known: name, deny, only, allow, isolated, targets, strict)`);
  }
  if (name === undefined && !entries(item).some((e) => e.key === "name")) fail(item, "an assertion needs a name");
  if (type === undefined) {
    fail(item, "an assertion needs one of deny, only, allow, isolated");
    return undefined;
  }
  if (!isMap(body)) {
    fail(body ?? item, `${type} must be a mapping (${type === "isolated" ? "namespaces" : "from, to"}, ports)`);
    return undefined;
  }
  const known = type === "isolated" ? ["namespaces", "ports"] : ["from", "to", "ports"];
  const fields = new Map<string, { keyNode: unknown; value: unknown }>();
  for (const e of entries(body)) {
    if (!known.includes(e.key)) fail(e.keyNode, `unknown key "${e.key}" in ${type} (known: ${known.join(", ")})`);
    else fields.set(e.key, e);
  }
  const ports = fields.has("ports") ? parsePorts(fields.get("ports")!.value, fields.get("ports")!.keyNode, fail) : null;
  if (type === "allow" && !fields.has("ports")) fail(body, "allow needs ports: the connections that must stay allowed");
  const spec = (k: string, role: Role): SpecList | undefined => {
    const f = fields.get(k);
    if (f === undefined) {
      fail(body, `${type} needs ${k}`);
      return undefined;
    }
    return parseSpecList(f.value, f.keyNode, role, fail);
  };
  const common = { name: name ?? "", targets, strict };
  if (type === "isolated") {
    const namespaces = spec("namespaces", "pods");
    if (namespaces === undefined || ports === undefined) return undefined;
    return { ...common, type, namespaces, ports };
  }
  const from = spec("from", "from");
  const to = spec("to", "to");
  if (from === undefined || to === undefined || ports === undefined) return undefined;
  if (type === "allow") return ports === null ? undefined : { ...common, type, from, to, ports };
  return { ...common, type, from, to, ports };
}

/** Undefined: a mistake (reported). */
function parsePorts(node: unknown, keyNode: unknown, fail: Fail): ConnSet | undefined {
  const items = isSeq(node) ? node.items : isScalar(node) && typeof node.value === "string" ? [node] : undefined;
  if (items === undefined) {
    fail(node ?? keyNode, 'ports must be a list like [TCP 5432, UDP 8000-8100]');
    return undefined;
  }
  if (items.length === 0) {
    fail(node, "ports must not be empty (leave ports out for any port)");
    return undefined;
  }
  let conn = ConnSet.NONE;
  let ok = true;
  for (const i of items) {
    const v = (i as { value?: unknown }).value;
    if (!isScalar(i) || typeof v !== "string") {
      fail(i, 'each port must be a string like "TCP 5432"');
      ok = false;
      continue;
    }
    const p = parsePortEntry(v);
    if (!p.ok) {
      fail(i, p.error);
      ok = false;
    } else conn = conn.union(p.conn);
  }
  return ok ? conn : undefined;
}

/**
 * Where a spec stands: `from` may name the ingress controller; `to` may not (no flow goes to it);
 * isolated's `namespaces` speaks of namespaces (DESIGN 4c: `namespaces: {labels: {tenant: "*"}}`).
 */
type Role = "from" | "to" | "pods";

function parseSpecList(node: unknown, keyNode: unknown, role: Role, fail: Fail): SpecList | undefined {
  if (isSeq(node)) {
    if (node.items.length === 0) {
      fail(node, "an endpoint list must not be empty");
      return undefined;
    }
    const out: EndpointSpec[] = [];
    let ok = true;
    for (const i of node.items) {
      const s = parseSpec(i, role, fail);
      if (s === undefined) ok = false;
      else out.push(s);
    }
    return ok ? out : undefined;
  }
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
    fail(node ?? keyNode, "an endpoint spec is missing");
    return undefined;
  }
  const s = parseSpec(node, role, fail);
  return s === undefined ? undefined : [s];
}

function parseSpec(node: unknown, role: Role, fail: Fail): EndpointSpec | undefined {
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v !== "string" || !(WORDS as readonly string[]).includes(v)) {
      fail(node, `unknown endpoint ${JSON.stringify(v)} (known: internet, any-pod, ingress-controller, {cidr: …}, or a mapping of namespace, namespaces, workload, kind, labels)`);
      return undefined;
    }
    if (role === "pods" && v !== "any-pod") {
      fail(node, `isolated speaks of namespaces: ${v} is not one (use any-pod for every namespace, or a mapping of labels, name)`);
      return undefined;
    }
    if (role === "to" && v === "ingress-controller") {
      fail(node, "ingress-controller is a source only: netreach knows no traffic to it (use it in from)");
      return undefined;
    }
    return { kind: v as (typeof WORDS)[number] };
  }
  if (!isMap(node)) {
    fail(node, "an endpoint must be a word (internet, any-pod, ingress-controller) or a mapping");
    return undefined;
  }
  const es = entries(node);
  if (es.length === 0) {
    fail(node, "an endpoint mapping must not be empty (any-pod means every pod)");
    return undefined;
  }
  if (role === "pods") return namespaceSpec(es, fail);
  const cidr = es.find((e) => e.key === "cidr");
  if (cidr !== undefined) {
    if (es.length > 1) {
      fail(node, "cidr stands alone: it names external addresses, not pods");
      return undefined;
    }
    const v = (cidr.value as { value?: unknown } | null)?.value;
    if (!isScalar(cidr.value) || typeof v !== "string") {
      fail(cidr.value ?? cidr.keyNode, "cidr must be a string like 10.0.0.0/8");
      return undefined;
    }
    const p = parseCidr(v.trim());
    if (!p.ok) {
      fail(cidr.value, `cidr ${JSON.stringify(v)} ${p.reason}`);
      return undefined;
    }
    return { kind: "cidr", cidr: formatCidr(p.cidr) };
  }
  let ok = true;
  const out: { namespace?: string; namespaceLabels?: LabelSpec; workload?: string; workloadKind?: string; labels?: LabelSpec } = {};
  const str = (e: (typeof es)[number]): string | undefined => {
    const v = (e.value as { value?: unknown } | null)?.value;
    if (!isScalar(e.value) || typeof v !== "string" || v === "") {
      fail(e.value ?? e.keyNode, `${e.key} must be a non-empty string`);
      ok = false;
      return undefined;
    }
    return v;
  };
  for (const e of es) {
    switch (e.key) {
      case "namespace": {
        const v = str(e);
        if (v !== undefined && !DNS_LABEL.test(v)) {
          fail(e.value, `namespace ${JSON.stringify(v)} is not a valid namespace name`);
          ok = false;
        } else if (v !== undefined) out.namespace = v;
        break;
      }
      case "workload": {
        const v = str(e);
        if (v !== undefined) out.workload = v;
        break;
      }
      case "kind": {
        const v = str(e);
        if (v !== undefined) out.workloadKind = v;
        break;
      }
      case "labels": {
        const l = parseLabels(e.value, e.keyNode, fail);
        if (l === undefined) ok = false;
        else out.labels = l;
        break;
      }
      case "namespaces": {
        if (!isMap(e.value)) {
          fail(e.value ?? e.keyNode, "namespaces must be a mapping: {labels: {…}}");
          ok = false;
          break;
        }
        for (const n of entries(e.value)) {
          if (n.key !== "labels") {
            fail(n.keyNode, `unknown key "${n.key}" in namespaces (known: labels)`);
            ok = false;
            continue;
          }
          const l = parseLabels(n.value, n.keyNode, fail);
          if (l === undefined) ok = false;
          else out.namespaceLabels = l;
        }
        if (out.namespaceLabels === undefined && ok) {
          fail(e.value, "namespaces needs labels");
          ok = false;
        }
        break;
      }
      default:
        fail(e.keyNode, `unknown endpoint key "${e.key}" (known: cidr, ${POD_KEYS.join(", ")})`);
        ok = false;
    }
  }
  return ok ? { kind: "pods", ...out } : undefined;
}

/**
 * An entry of isolated's `namespaces`: namespaces by `labels` (namespace labels, as DESIGN 4c
 * writes them) and/or `name`; `namespace` and `namespaces: {labels}` (the endpoint spec's own
 * words) mean the same. Pod keys are refused: isolated is a fact about namespaces.
 */
function namespaceSpec(es: readonly Entry[], fail: Fail): EndpointSpec | undefined {
  let ok = true;
  let namespace: string | undefined;
  let labels: LabelSpec | undefined;
  const setLabels = (l: LabelSpec | undefined, at: unknown) => {
    if (l === undefined) ok = false;
    else if (labels !== undefined) {
      fail(at, "namespace labels given twice (labels and namespaces.labels mean the same here)");
      ok = false;
    } else labels = l;
  };
  for (const e of es) {
    switch (e.key) {
      case "name":
      case "namespace": {
        const v = (e.value as { value?: unknown } | null)?.value;
        if (!isScalar(e.value) || typeof v !== "string" || !DNS_LABEL.test(v)) {
          fail(e.value ?? e.keyNode, `${e.key} must be a namespace name`);
          ok = false;
        } else if (namespace !== undefined) {
          fail(e.keyNode, "the namespace name is given twice");
          ok = false;
        } else namespace = v;
        break;
      }
      case "labels":
        setLabels(parseLabels(e.value, e.keyNode, fail), e.keyNode);
        break;
      case "namespaces": {
        const inner = isMap(e.value) ? entries(e.value) : undefined;
        if (inner === undefined || inner.length !== 1 || inner[0]!.key !== "labels") {
          fail(e.value ?? e.keyNode, "namespaces must be a mapping: {labels: {…}}");
          ok = false;
        } else setLabels(parseLabels(inner[0]!.value, inner[0]!.keyNode, fail), e.keyNode);
        break;
      }
      case "cidr":
        fail(e.keyNode, "isolated speaks of namespaces: a cidr is not one");
        ok = false;
        break;
      default:
        fail(e.keyNode, `unknown key "${e.key}" in isolated's namespaces (known: labels, name; isolated speaks of namespaces, not pods)`);
        ok = false;
    }
  }
  if (!ok) return undefined;
  return { kind: "pods", ...(namespace !== undefined ? { namespace } : {}), ...(labels !== undefined ? { namespaceLabels: labels } : {}) };
}

function parseLabels(node: unknown, keyNode: unknown, fail: Fail): LabelSpec | undefined {
  if (!isMap(node)) {
    fail(node ?? keyNode, 'labels must be a mapping of label keys to values ("*": any value)');
    return undefined;
  }
  const out: Record<string, string> = {};
  let ok = true;
  for (const e of entries(node)) {
    const v = (e.value as { value?: unknown } | null)?.value;
    const keyProblem = labelKeyProblem(e.key);
    if (keyProblem !== undefined) {
      fail(e.keyNode, keyProblem);
      ok = false;
    } else if (!isScalar(e.value) || typeof v !== "string") {
      fail(e.value ?? e.keyNode, `label ${e.key}: the value must be a string (quote it: "${String(v ?? "")}")`);
      ok = false;
    } else if (v !== "*" && labelValueProblem(v) !== undefined) {
      fail(e.value, labelValueProblem(v)!);
      ok = false;
    } else out[e.key] = v;
  }
  if (ok && Object.keys(out).length === 0) {
    fail(node, "labels must not be empty");
    return undefined;
  }
  return ok ? out : undefined;
}
