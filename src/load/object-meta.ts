import { isPlainObject } from "./checker.js";
import type { DocPath, KubeObject } from "./source.js";

export interface ObjectMeta {
  readonly name: string | undefined;
  /** Objects without a namespace are in `default`, as kubectl apply puts them. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, unknown>>;
  readonly problems: readonly { path: DocPath; message: string }[];
}

export function objectMeta(obj: KubeObject): ObjectMeta {
  const problems: { path: DocPath; message: string }[] = [];
  const meta = obj.body["metadata"];
  if (!isPlainObject(meta)) {
    problems.push({ path: ["metadata"], message: "metadata with a name is required" });
    return { name: undefined, namespace: "default", labels: {}, problems };
  }
  const name = meta["name"];
  const ns = meta["namespace"];
  if (typeof name !== "string" || name === "") problems.push({ path: ["metadata", "name"], message: "metadata.name is required" });
  if (ns !== undefined && ns !== null && (typeof ns !== "string" || ns === "")) {
    problems.push({ path: ["metadata", "namespace"], message: "metadata.namespace must be a non-empty string" });
  }
  return {
    name: typeof name === "string" && name !== "" ? name : undefined,
    namespace: typeof ns === "string" && ns !== "" ? ns : "default",
    labels: isPlainObject(meta["labels"]) ? meta["labels"] : {},
    problems,
  };
}
