// CiliumCIDRGroup: a named list of CIDRs that Cilium policies refer to (`cidrGroupRef`).
import type { Cidr } from "../../net/ip.js";
import { formatCidr, parseCidr } from "../../net/ip.js";
import { Checker } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta } from "../object/object-meta.js";
import type { KubeObject } from "../object/source.js";
import type { Labels } from "../../model/labels.js";

export function isCidrGroupObject(obj: Pick<KubeObject, "apiVersion" | "kind">): boolean {
  return obj.kind === "CiliumCIDRGroup" && (obj.apiVersion === "cilium.io/v2alpha1" || obj.apiVersion === "cilium.io/v2");
}

export interface CidrGroup {
  readonly cidrs: readonly Cidr[];
  /** Its labels, which `cidrGroupSelector` selects it by. */
  readonly labels: Labels;
}

export function loadCidrGroup(obj: KubeObject): { name: string | undefined; group: CidrGroup; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj, "cluster-scoped");
  const c = new Checker(obj, `CiliumCIDRGroup ${meta.nameShown}`);
  meta.problems.forEach((p) => c.error(p.path, p.message));
  const cidrs: Cidr[] = [];
  (c.list(["spec", "externalCIDRs"]) ?? []).forEach((_, i) => {
    const text = c.string(["spec", "externalCIDRs", i]);
    if (text === undefined) return;
    const parsed = parseCidr(text.trim());
    if (!parsed.ok) c.error(["spec", "externalCIDRs", i], `"${text}" ${parsed.reason}; the entry is left out`);
    else {
      if (parsed.hostBitsSet) c.warning(["spec", "externalCIDRs", i], `"${text}" has host bits set; it is read as ${formatCidr(parsed.cidr)}`);
      cidrs.push(parsed.cidr);
    }
  });
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta.labels)) if (typeof v === "string") labels[k] = v;
  return { name: meta.name, group: { cidrs, labels }, diagnostics: c.diagnostics };
}
