// policy.networking.k8s.io AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1) and
// ClusterNetworkPolicy (v1alpha2): validated as their CRDs do (OpenAPI schema and CEL rules,
// experimental channel included), read into the one model of src/model/admin-policy.ts. An
// invalid object is reported and left out: the API server would reject it, so it never takes
// effect.
import type { AdminPeer, AdminPolicy, AdminRule, AdminTier } from "../../model/admin-policy.js";
import type { Direction } from "../../model/policy.js";
import { Checker, describe } from "../object/checker.js";
import {
  adminDialect,
  MAX_PRIORITY,
  MAX_RULE_NAME,
  MIN_PRIORITY,
  rejects,
  type AdminDialect,
} from "./dialect.js";
import { listBounds } from "./fields.js";
import { readPeer, readSubject } from "./peers.js";
import { readAdminPorts } from "./ports.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta, quoted } from "../object/object-meta.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";

export interface AdminPolicyLoad {
  readonly policy: AdminPolicy | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Whether the object is one of the three admin-tier kinds at the version that serves it. */
export function isAdminPolicyObject(obj: KubeObject): boolean {
  return adminDialect(obj) !== undefined;
}

/** The only name a BaselineAdminNetworkPolicy may have (a singleton, by CEL on the object). */
const BANP_NAME = "default";

export function loadAdminPolicy(obj: KubeObject): AdminPolicyLoad {
  const d = adminDialect(obj);
  if (d === undefined) throw new Error(`not an admin-tier policy: ${obj.apiVersion} ${obj.kind}`);
  const meta = objectMeta(obj, "cluster-scoped");
  const c = new Checker(obj, `${d.kind} ${meta.nameShown}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + rejects(d)));
  if (d.kind === "BaselineAdminNetworkPolicy" && meta.name !== undefined && meta.name !== BANP_NAME) {
    c.error(["metadata", "name"], `is ${quoted(meta.name)}; a BaselineAdminNetworkPolicy must be named "default" (one per cluster)` +
      rejects(d, `"Only one baseline admin network policy with metadata.name=\\"default\\" can be created in the cluster"`));
  }
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);

  if (c.map(["spec"]) === undefined) {
    if (c.isUnset(["spec"])) c.error([], "spec is required" + rejects(d, `"spec: Required value"`));
    return { policy: undefined, diagnostics: c.diagnostics };
  }
  c.knownKeys(["spec"], [...(d.hasTier ? ["tier"] : []), ...(d.hasPriority ? ["priority"] : []), "subject", "ingress", "egress"]);
  const tier = readTier(c, d);
  const priority = d.hasPriority ? readPriority(c, d) : null;
  const subject = readSubject(c, d);
  const ingress = readRules(c, d, "ingress");
  const egress = readRules(c, d, "egress");

  if (c.hasErrors || meta.name === undefined || tier === undefined || priority === undefined || subject === undefined || ingress === undefined || egress === undefined) {
    return { policy: undefined, diagnostics: c.diagnostics };
  }
  return {
    policy: { id: `${d.kind}/${meta.name}`, kind: d.kind, name: meta.name, tier, priority, subject, ingress, egress, source: sourceRef(obj) },
    diagnostics: c.diagnostics,
  };
}

function readTier(c: Checker, d: AdminDialect): AdminTier | undefined {
  if (!d.hasTier) return d.kind === "BaselineAdminNetworkPolicy" ? "baseline" : "admin";
  const at = ["spec", "tier"];
  const v = c.get(at);
  if (v === "Admin") return "admin";
  if (v === "Baseline") return "baseline";
  if (v === undefined || v === null) c.error(["spec"], "tier is required: Admin or Baseline" + rejects(d, `"spec.tier: Required value"`));
  else c.error(at, `unsupported tier ${describe(v)}: use Admin or Baseline (case matters)` + rejects(d, `Unsupported value: supported values: "Admin", "Baseline"`));
  return undefined;
}

function readPriority(c: Checker, d: AdminDialect): number | undefined {
  const at = ["spec", "priority"];
  const v = c.get(at);
  if (v === undefined || v === null) {
    c.error(["spec"], `priority is required (${MIN_PRIORITY}-${MAX_PRIORITY}, lower is consulted first)` + rejects(d, `"spec.priority: Required value"`));
    return undefined;
  }
  if (!Number.isInteger(v)) {
    c.error(at, `must be an integer, not ${describe(v)}` + rejects(d, "must be of type integer"));
    return undefined;
  }
  const n = v as number;
  if (n < MIN_PRIORITY || n > MAX_PRIORITY) {
    c.error(at, `priority ${n} is out of range: use ${MIN_PRIORITY}-${MAX_PRIORITY}` +
      rejects(d, n < MIN_PRIORITY ? `should be greater than or equal to ${MIN_PRIORITY}` : `should be less than or equal to ${MAX_PRIORITY}`));
    return undefined;
  }
  return n;
}

/** `ingress`/`egress`: absent or `[]` leaves the direction to the next tier. */
function readRules(c: Checker, d: AdminDialect, dir: Direction): AdminRule[] | undefined {
  const at = ["spec", dir];
  if (c.isUnset(at)) return [];
  const list = listBounds(c, d, at, 0, d.maxRules);
  if (list === undefined) return undefined;
  const out: AdminRule[] = [];
  let ok = true;
  list.forEach((_, i) => {
    const r = readRule(c, d, dir, [...at, i], i);
    if (r === undefined) ok = false;
    else out.push(r);
  });
  return ok ? out : undefined;
}

function readRule(c: Checker, d: AdminDialect, dir: Direction, at: DocPath, index: number): AdminRule | undefined {
  if (c.map(at) === undefined) {
    if (c.isUnset(at)) c.error(at, `a rule needs an action and ${dir === "ingress" ? "from" : "to"}` + rejects(d, "Required value"));
    return undefined;
  }
  const peerKey = dir === "ingress" ? "from" : "to";
  c.knownKeys(at, ["name", "action", peerKey, d.portsKey]);
  const name = readRuleName(c, d, [...at, "name"]);
  const action = readAction(c, d, at);
  let peers: AdminPeer[] | undefined;
  if (c.isUnset([...at, peerKey])) {
    c.error(at, `${peerKey} is required (1-${d.maxPeers} peers; to match every pod, use namespaces: {})` + rejects(d, `"${peerKey}: Required value"`));
  } else {
    const list = listBounds(c, d, [...at, peerKey], 1, d.maxPeers);
    if (list !== undefined) {
      const read = list.map((_, j) => readPeer(c, d, dir, [...at, peerKey, j]));
      if (read.every((p) => p !== undefined)) peers = read as AdminPeer[];
    }
  }
  const ports = readAdminPorts(c, d, at);
  if (peers === undefined || ports === undefined || action === undefined || name === undefined) return undefined;

  const addresses = peers.filter((p) => p.kind !== "pods");
  if (ports.named && addresses.length > 0) {
    // Experimental-channel CEL (v1alpha1 namedPort exists only there; v1alpha2's standard CRD lacks
    // this rule and admits the mix, with no defined meaning: SEMANTICS 10.5).
    c.error(at, `a named port cannot be used in a rule with ${addresses.map((p) => p.kind).join("/")} peers: only pods have named ports` + rejects(d, `"${d.namedPortMixMessage}"`));
    return undefined;
  }
  if (peers.some((p) => p.kind === "domainNames")) {
    const j = peers.findIndex((p) => p.kind === "domainNames");
    const how = "their addresses are known only at run time, so netreach matches them to no endpoint";
    if (action !== "accept") c.warning([...at, peerKey, j, "domainNames"], `domainNames are documented as supported only for Accept rules, not ${action === "deny" ? "Deny" : "Pass"}; ${how}`);
    else c.note([...at, peerKey, j, "domainNames"], how);
  }
  return { direction: dir, index, name, action, peers, ports: ports.ports, source: sourceRef(c.object, at) };
}

/** The rule's optional `name`: null when absent; undefined when invalid. */
function readRuleName(c: Checker, d: AdminDialect, at: DocPath): string | null | undefined {
  if (c.isUnset(at)) return null;
  const s = c.string(at);
  if (s === undefined) return undefined;
  if (s.length > MAX_RULE_NAME) {
    c.error(at, `is ${s.length} characters long; at most ${MAX_RULE_NAME}` + rejects(d, `Too long: may not be longer than ${MAX_RULE_NAME}`));
    return undefined;
  }
  return s;
}

function readAction(c: Checker, d: AdminDialect, rule: DocPath) {
  const at = [...rule, "action"];
  const v = c.get(at);
  const allowed = Object.keys(d.actions);
  const list = allowed.map((a) => `"${a}"`).join(", ");
  if (v === undefined || v === null) {
    c.error(rule, `action is required: ${allowed.join(", ")}` + rejects(d, `"action: Required value"`));
    return undefined;
  }
  if (typeof v === "string" && Object.prototype.hasOwnProperty.call(d.actions, v)) return d.actions[v]!;
  const other = d.kind === "ClusterNetworkPolicy" ? { Allow: "Accept" } : ({ Accept: "Allow" } as Record<string, string>);
  const hint =
    typeof v === "string" && v in other ? ` (${v} is ${d.kind === "ClusterNetworkPolicy" ? "v1alpha1's" : "v1alpha2's"} word; write ${other[v]})`
    : v === "Pass" && d.kind === "BaselineAdminNetworkPolicy" ? " (Pass exists only in the admin tier in v1alpha1)"
    : "";
  c.error(at, `unsupported action ${describe(v)}: use ${allowed.join(", ")}${hint}` + rejects(d, `Unsupported value: supported values: ${list}`));
  return undefined;
}
