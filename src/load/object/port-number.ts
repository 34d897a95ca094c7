// A port number field (1-65535) as the schemas of several API families define it.
import { MAX_PORT, MIN_PORT } from "../../net/protocol.js";
import { describe, type Checker } from "./checker.js";
import type { DocPath } from "./source.js";

/** The number, or undefined: unset, or out of range (an error ending with `refusal`). */
export function portNumber(c: Checker, path: DocPath, refusal: string): number | undefined {
  const v = c.get(path);
  if (v === undefined || v === null) return undefined;
  if (!Number.isInteger(v) || (v as number) < MIN_PORT || (v as number) > MAX_PORT) {
    c.error(path, `port ${describe(v)} is out of range: use 1-65535` + refusal);
    return undefined;
  }
  return v as number;
}
