// v1 Node: its name, labels and the IP addresses in status.addresses, for admin-tier `nodes`
// peers. Only a cluster dump declares Nodes; a repository of manifests has none.
import type { Node, NodeAddress } from "../../model/node.js";
import { parseAddress } from "../../net/ip.js";
import { Checker } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta, quoted } from "../object/object-meta.js";
import type { KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";
import { labels } from "./workload.js";

export interface NodeLoad {
  readonly node: Node | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Address types whose value is a name, not an IP. */
const NAME_TYPES = new Set(["Hostname", "InternalDNS", "ExternalDNS"]);

export function loadNode(obj: KubeObject): NodeLoad {
  const meta = objectMeta(obj, "cluster-scoped");
  const c = new Checker(obj, `Node ${meta.nameShown}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + "; left out"));
  const nodeLabels = labels(c, ["metadata", "labels"]);
  const addresses: NodeAddress[] = [];
  (c.list(["status", "addresses"]) ?? []).forEach((_, i) => {
    const at = ["status", "addresses", i];
    if (c.map(at) === undefined) return;
    const type = c.string([...at, "type"]) ?? "";
    const text = c.string([...at, "address"]);
    if (text === undefined || NAME_TYPES.has(type)) return;
    const address = parseAddress(text);
    if (address === undefined) {
      c.warning([...at, "address"], `${quoted(text)} is not an IP address; it is ignored`);
      return;
    }
    addresses.push({ type, address });
  });
  if (c.hasErrors || meta.name === undefined) return { node: undefined, diagnostics: c.diagnostics };
  return { node: { name: meta.name, labels: nodeLabels, addresses, source: sourceRef(obj) }, diagnostics: c.diagnostics };
}
