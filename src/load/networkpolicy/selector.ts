// Parses and validates a metav1.LabelSelector the way the API server does.
import type { Requirement, Selector } from "../../model/selector.js";
import { canonicalSelector, SELECT_ALL } from "../../model/selector.js";
import { below, describe, type Checker } from "../object/checker.js";
import type { DocPath } from "../object/source.js";
import { labelKeyProblem, labelValueProblem } from "../object/label-syntax.js";
import { exact } from "../object/exact.js";

const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"] as const;
type Operator = (typeof OPERATORS)[number];

/**
 * A label key as a dialect writes it -> the key pods carry, or null for a key the caller reads
 * itself (Cilium's `k8s:app` is `app`; `reserved:host` names no pod label).
 */
export type KeyReading = (key: string) => string | null;

/** Undefined when the selector is invalid (errors reported); an unset selector selects everything. */
export function parseSelector(c: Checker, path: DocPath, read: KeyReading = (k) => k): Selector | undefined {
  const m = c.map(path);
  if (m === undefined) return c.isUnset(path) ? SELECT_ALL : undefined;
  c.knownKeys(path, ["matchLabels", "matchExpressions"]);
  let ok = true;
  const reqs: Requirement[] = [];

  const labels = c.map(path, "matchLabels");
  if (labels === undefined && !c.isUnset(path, "matchLabels")) ok = false;
  for (const written in labels) {
    const value = labels[written];
    const key = read(written);
    if (key === null) continue;
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      c.error(below(path, "matchLabels", written), keyProblem);
      ok = false;
    }
    if (typeof value !== "string") {
      c.error(below(path, "matchLabels", written), `label values must be strings, not ${describe(value)} (quote it: "${String(value)}")`);
      ok = false;
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      c.error(below(path, "matchLabels", written), valueProblem);
      ok = false;
    }
    reqs.push({ key, op: "In", values: [value] });
  }

  const exprs = c.list(path, "matchExpressions");
  if (exprs === undefined && !c.isUnset(path, "matchExpressions")) ok = false;
  (exprs ?? []).forEach((_, i) => {
    const at = [...path, "matchExpressions", i];
    const r = parseRequirement(c, at, read);
    if (r === "skip") return;
    if (r) reqs.push(r);
    else ok = false;
  });
  return ok ? canonicalSelector(exact(reqs)) : undefined;
}

function parseRequirement(c: Checker, at: DocPath, read: KeyReading): Requirement | "skip" | undefined {
  if (c.map(at) === undefined) {
    if (c.isUnset(at)) c.error(at, "a matchExpressions entry must be a mapping with key and operator");
    return undefined;
  }
  c.knownKeys(at, ["key", "operator", "values"]);
  const written = c.string(at, "key");
  const key = written === undefined ? undefined : read(written);
  if (key === null) return "skip";
  const op = c.string(at, "operator");
  const values = c.list(at, "values");
  let ok = key !== undefined && op !== undefined;
  if (key === undefined && c.isUnset(at, "key")) c.error(at, "key is required");
  if (op === undefined && c.isUnset(at, "operator")) c.error(at, "operator is required (In, NotIn, Exists or DoesNotExist)");
  if (key !== undefined) {
    const problem = labelKeyProblem(key);
    if (problem) {
      c.error([...at, "key"], problem);
      ok = false;
    }
  }
  if (op !== undefined && !(OPERATORS as readonly string[]).includes(op)) {
    c.error([...at, "operator"], `unknown operator "${op}"; use In, NotIn, Exists or DoesNotExist (case matters)`);
    ok = false;
  }
  const strings: string[] = [];
  (values ?? []).forEach((v, j) => {
    if (typeof v !== "string") {
      c.error([...at, "values", j], `values must be strings, not ${describe(v)}`);
      ok = false;
    } else {
      const problem = labelValueProblem(v);
      if (problem) {
        c.error([...at, "values", j], problem);
        ok = false;
      }
      strings.push(v);
    }
  });
  if (!ok || key === undefined) return undefined;
  const operator = op as Operator;
  if (operator === "In" || operator === "NotIn") {
    if (strings.length === 0) {
      c.error(at, `values must be non-empty when operator is ${operator}`);
      return undefined;
    }
    return { key, op: operator, values: exact(strings) };
  }
  if (strings.length > 0 || (values !== undefined && values.length > 0)) {
    c.error([...at, "values"], `values must be empty when operator is ${operator}`);
    return undefined;
  }
  return { key, op: operator };
}
