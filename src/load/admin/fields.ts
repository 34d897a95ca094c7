// The CRD schema rules admin-tier objects use over and over: a union of fields of which exactly
// one is set (minProperties/maxProperties 1), and lists with minItems/maxItems.
import type { Checker } from "../object/checker.js";
import { quoted } from "../object/object-meta.js";
import { rejects, type AdminDialect } from "./dialect.js";
import type { DocPath } from "../object/source.js";

/**
 * The one field of a union set at `at`, or undefined (errors reported). Unknown keys are warned
 * about and do not count: the API server prunes them before it counts properties, so a peer with
 * only an unknown field is an empty peer, which it rejects.
 */
export function exactlyOne(c: Checker, d: AdminDialect, at: DocPath, keys: readonly string[], what: string): string | undefined {
  const choices = keys.join(", ");
  if (c.map(at) === undefined) {
    if (c.isUnset(at)) c.error(at, `${what} must set exactly one of ${choices}` + rejects(d, "should have at least 1 properties"));
    return undefined;
  }
  c.knownKeys(at, keys);
  const set = keys.filter((k) => !c.isUnset([...at, k]));
  if (set.length === 0) {
    c.error(at, `${what} must set exactly one of ${choices}; it sets none` + rejects(d, "should have at least 1 properties"));
    return undefined;
  }
  if (set.length > 1) {
    c.error(at, `${what} must set exactly one of ${choices}; it sets ${set.join(" and ")} (use separate entries)` + rejects(d, "should have at most 1 properties"));
    return undefined;
  }
  return set[0];
}

/** A list with `min`..`max` items, or undefined (errors reported). An unset list is the caller's to judge. */
export function listBounds(c: Checker, d: AdminDialect, at: DocPath, min: number, max: number): readonly unknown[] | undefined {
  const list = c.list(at);
  if (list === undefined) return undefined;
  if (list.length < min) {
    c.error(at, `must have at least ${min} item${min === 1 ? "" : "s"}` + rejects(d, `should have at least ${min} items`));
    return undefined;
  }
  if (list.length > max) {
    c.error(at, `has ${list.length} items; at most ${max} are allowed in ${d.apiVersion}` + rejects(d, `Too many: ${list.length}: must have at most ${max} items`));
    return undefined;
  }
  return list;
}

/** A `listType: set` of strings: duplicates are rejected. Undefined when an item is not a string or repeats. */
export function stringSet(c: Checker, d: AdminDialect, at: DocPath, list: readonly unknown[]): string[] | undefined {
  const seen = new Set<string>();
  let ok = true;
  list.forEach((_, i) => {
    const s = c.string([...at, i]);
    if (s === undefined) {
      if (c.isUnset([...at, i])) c.error([...at, i], "must be a string, not null" + rejects(d, "must be of type string"));
      ok = false;
    } else if (seen.has(s)) {
      c.error([...at, i], `${quoted(s)} is listed twice` + rejects(d, `Duplicate value: ${quoted(s)}`));
      ok = false;
    } else seen.add(s);
  });
  return ok ? [...seen] : undefined;
}
