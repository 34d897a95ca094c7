import type { SourceRef } from "../model/policy.js";
import type { DocPath, KubeObject } from "./source.js";

/**
 * Where an object (or a field of it) is written. The line is looked up on first use: for a JSON
 * dump that costs a YAML parse, which a report that never shows the line should not pay.
 */
export function sourceRef(obj: KubeObject, path: DocPath = []): SourceRef {
  let line: number | undefined;
  return {
    file: obj.file,
    get line() {
      return (line ??= obj.locate(path).line);
    },
  };
}
