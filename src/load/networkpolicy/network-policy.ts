// networking.k8s.io/v1 NetworkPolicy: validation and defaulting as the API server does them
// (pkg/apis/networking/validation and defaults), producing the plain-data model of src/model.
// An invalid policy is reported and left out: the API server would reject it, so it never
// takes effect.
import { cidrRange, formatCidr, parseCidr, type Cidr } from "../../net/ip.js";
import { isProtocol, MAX_PORT, MIN_PORT, type Protocol } from "../../net/protocol.js";
import type { Direction, NamespaceMatch, Peer, Policy, PortSpec, Rule } from "../../model/policy.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta } from "../object/object-meta.js";
import { parseSelector } from "./selector.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";
import { svcNameProblem } from "../object/port-name.js";
import { exact } from "../object/exact.js";

export interface PolicyLoad {
  /** "namespace/name" as declared, valid or not (undefined: no name): which declaration is in force. */
  readonly key: string | undefined;
  readonly policy: Policy | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const REJECTS = "; the API server rejects this NetworkPolicy";

/** The apiVersion of the NetworkPolicy kind this loader reads. */
export const NETWORK_POLICY_API = "networking.k8s.io/v1";

export function loadNetworkPolicy(obj: KubeObject): PolicyLoad {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `NetworkPolicy ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);

  const spec = c.map(["spec"]);
  if (spec === undefined && c.isUnset(["spec"])) {
    c.warning([], "has no spec: it selects every pod of its namespace and denies all their ingress");
  }
  c.knownKeys(["spec"], ["podSelector", "policyTypes", "ingress", "egress"]);
  const subject = parseSelector(c, ["spec", "podSelector"]);

  const ingressList = c.list(["spec", "ingress"]);
  const egressList = c.list(["spec", "egress"]);
  const types = policyTypes(c, egressList);

  const ingress = rules(c, "ingress", ingressList);
  const egress = rules(c, "egress", egressList);
  for (const dir of ["ingress", "egress"] as const) {
    const list = dir === "ingress" ? ingressList : egressList;
    if (types && !types.has(dir) && list && list.length > 0) {
      c.warning(["spec", dir], `${dir} rules have no effect: policyTypes does not include ${cap(dir)}`);
    }
  }

  const key = meta.name === undefined ? undefined : `${meta.namespace}/${meta.name}`;
  if (c.hasErrors || subject === undefined || types === undefined || key === undefined || meta.name === undefined) {
    return { key, policy: undefined, diagnostics: c.diagnostics };
  }
  const source = sourceRef(obj);
  return {
    key,
    policy: {
      // The key's own string: maps keyed by either hash it once.
      id: key,
      namespace: meta.namespace,
      name: meta.name,
      subject,
      ingress: types.has("ingress") ? ingress : null,
      egress: types.has("egress") ? egress : null,
      source,
    },
    diagnostics: c.diagnostics,
  };
}

function cap(d: Direction): string {
  return d === "ingress" ? "Ingress" : "Egress";
}

/** Defaulting: omitted or empty policyTypes means Ingress, plus Egress when egress rules exist. */
function policyTypes(c: Checker, egress: readonly unknown[] | undefined): Set<Direction> | undefined {
  const path = ["spec", "policyTypes"];
  const list = c.list(path);
  if (list === undefined && !c.isUnset(path)) return undefined;
  if (list === undefined || list.length === 0) {
    return new Set<Direction>(egress && egress.length > 0 ? ["ingress", "egress"] : ["ingress"]);
  }
  if (list.length > 2) {
    c.error(path, "may not list more than two policyTypes" + REJECTS);
    return undefined;
  }
  const out = new Set<Direction>();
  let ok = true;
  list.forEach((t, i) => {
    if (t === "Ingress") out.add("ingress");
    else if (t === "Egress") out.add("egress");
    else {
      c.error([...path, i], `unsupported policy type ${describe(t)}: use Ingress or Egress (case matters)` + REJECTS);
      ok = false;
    }
  });
  return ok ? out : undefined;
}

// The fields each part may set (for unknown-field warnings), made once rather than per read.
const INGRESS_RULE_KEYS = ["from", "ports"] as const;
const EGRESS_RULE_KEYS = ["to", "ports"] as const;
const PEER_KEYS = ["podSelector", "namespaceSelector", "ipBlock"] as const;
const IP_BLOCK_KEYS = ["cidr", "except"] as const;
const PORT_KEYS = ["protocol", "port", "endPort"] as const;

function rules(c: Checker, dir: Direction, list: readonly unknown[] | undefined): Rule[] {
  const out: Rule[] = [];
  (list ?? []).forEach((raw, i) => {
    const at: DocPath = ["spec", dir, i];
    if (raw === null || raw === undefined) {
      // `- ` with nothing after it is a null rule; the API decodes it as an empty rule: allow all.
      out.push({ direction: dir, index: i, peers: "any", ports: "any", source: sourceRef(c.object, at) });
      return;
    }
    if (c.map(at) === undefined) return;
    const peerKey = dir === "ingress" ? "from" : "to";
    c.knownKeys(at, dir === "ingress" ? INGRESS_RULE_KEYS : EGRESS_RULE_KEYS);
    const peersRaw = c.list(at, peerKey);
    const portsRaw = c.list(at, "ports");
    const peers: Peer[] = [];
    (peersRaw ?? []).forEach((_, j) => {
      const p = peer(c, [...at, peerKey, j]);
      if (p) peers.push(p);
    });
    const ports: PortSpec[] = [];
    (portsRaw ?? []).forEach((_, j) => {
      const p = port(c, [...at, "ports", j]);
      if (p) ports.push(p);
    });
    out.push({
      direction: dir,
      index: i,
      peers: peersRaw && peersRaw.length > 0 ? exact(peers) : "any",
      ports: portsRaw && portsRaw.length > 0 ? exact(ports) : "any",
      source: sourceRef(c.object, at),
    });
  });
  return exact(out);
}

function peer(c: Checker, at: DocPath): Peer | undefined {
  const m = c.map(at);
  if (m === undefined) {
    if (c.isUnset(at)) c.error(at, "a peer must set podSelector, namespaceSelector or ipBlock" + REJECTS);
    return undefined;
  }
  c.knownKeys(at, PEER_KEYS);
  const has = (k: string) => !c.isUnset(at, k);
  let count = 0;
  for (const k of PEER_KEYS) if (has(k)) count++;
  if (count === 0) {
    c.error(at, "a peer must set podSelector, namespaceSelector or ipBlock (an empty peer {} is invalid; to allow everything, omit from/to)" + REJECTS);
    return undefined;
  }
  if (has("ipBlock")) {
    if (count > 1) {
      c.error(at, "may not set ipBlock together with podSelector or namespaceSelector (use separate peers)" + REJECTS);
      return undefined;
    }
    return ipBlock(c, [...at, "ipBlock"]);
  }
  const pods = parseSelector(c, [...at, "podSelector"]);
  let namespaces: NamespaceMatch = { kind: "own" };
  if (has("namespaceSelector")) {
    const ns = parseSelector(c, [...at, "namespaceSelector"]);
    if (ns === undefined) return undefined;
    namespaces = { kind: "selector", selector: ns };
  }
  return pods ? { kind: "pods", namespaces, pods } : undefined;
}

function ipBlock(c: Checker, at: DocPath): Peer | undefined {
  if (c.map(at) === undefined) return undefined;
  c.knownKeys(at, IP_BLOCK_KEYS);
  const cidr = cidrField(c, [...at, "cidr"]);
  if (cidr === undefined) {
    if (c.isUnset(at, "cidr")) c.error(at, "ipBlock.cidr is required" + REJECTS);
    return undefined;
  }
  const exceptRaw = c.list(at, "except");
  const except: Cidr[] = [];
  let ok = true;
  (exceptRaw ?? []).forEach((_, i) => {
    const e = cidrField(c, [...at, "except", i]);
    if (e === undefined) {
      ok = false;
      return;
    }
    const outer = cidrRange(cidr);
    const inner = cidrRange(e);
    const inside = e.family === cidr.family && e.prefix > cidr.prefix && inner.lo >= outer.lo && inner.hi <= outer.hi;
    if (!inside) {
      c.error([...at, "except", i], `except ${formatCidr(e)} must lie strictly inside cidr ${formatCidr(cidr)}` + REJECTS);
      ok = false;
      return;
    }
    except.push(e);
  });
  return ok ? { kind: "ipBlock", cidr, except: exact(except) } : undefined;
}

function cidrField(c: Checker, at: DocPath): Cidr | undefined {
  const text = c.string(at);
  if (text === undefined) return undefined;
  const parsed = parseCidr(text.trim());
  if (!parsed.ok) {
    c.error(at, `"${text}" ${parsed.reason}` + REJECTS);
    return undefined;
  }
  if (parsed.hostBitsSet) {
    c.warning(at, `"${text}" has host bits set; it is read as ${formatCidr(parsed.cidr)}`);
  }
  return parsed.cidr;
}

function port(c: Checker, at: DocPath): PortSpec | undefined {
  if (c.map(at) === undefined) {
    if (c.isUnset(at)) {
      // `- {}` and a bare `-` both mean every TCP port.
      return { protocol: "TCP", port: { kind: "all" } };
    }
    return undefined;
  }
  c.knownKeys(at, PORT_KEYS);
  let ok = true;
  let protocol: Protocol = "TCP";
  const protoRaw = c.get(at, "protocol");
  if (protoRaw !== undefined && protoRaw !== null) {
    if (isProtocol(protoRaw)) protocol = protoRaw;
    else {
      const hint = typeof protoRaw === "string" && isProtocol(protoRaw.toUpperCase()) ? ` (write ${protoRaw.toUpperCase()}: case matters)` : "";
      c.error([...at, "protocol"], `unsupported protocol ${describe(protoRaw)}: use TCP, UDP or SCTP${hint}` + REJECTS);
      ok = false;
    }
  }
  const portRaw = c.get(at, "port");
  const endRaw = c.get(at, "endPort");
  const hasPort = portRaw !== undefined && portRaw !== null;
  const hasEnd = endRaw !== undefined && endRaw !== null;
  if (hasEnd) {
    if (!Number.isInteger(endRaw)) {
      c.error([...at, "endPort"], `must be an integer, not ${describe(endRaw)}` + REJECTS);
      ok = false;
    } else if (!hasPort) {
      c.error([...at, "endPort"], "endPort needs a numeric port (the start of the range)" + REJECTS);
      ok = false;
    } else if (typeof portRaw === "string") {
      c.error([...at, "endPort"], "endPort may not be used with a named port" + REJECTS);
      ok = false;
    }
  }
  if (!hasPort) return ok ? { protocol, port: { kind: "all" } } : undefined;
  if (typeof portRaw === "string") {
    const problem = svcNameProblem(portRaw);
    if (problem) {
      c.error([...at, "port"], problem + REJECTS);
      return undefined;
    }
    return ok ? { protocol, port: { kind: "named", name: portRaw } } : undefined;
  }
  if (!Number.isInteger(portRaw) || (portRaw as number) < MIN_PORT || (portRaw as number) > MAX_PORT) {
    c.error([...at, "port"], `port ${describe(portRaw)} is out of range: use 1-65535 or a port name` + REJECTS);
    return undefined;
  }
  const from = portRaw as number;
  if (!ok) return undefined;
  if (hasEnd) {
    const to = endRaw as number;
    if (to < from) {
      c.error([...at, "endPort"], `endPort ${to} must be greater than or equal to port ${from}` + REJECTS);
      return undefined;
    }
    if (to > MAX_PORT) {
      c.error([...at, "endPort"], `endPort ${to} is out of range: at most 65535` + REJECTS);
      return undefined;
    }
    return { protocol, port: { kind: "range", from, to } };
  }
  return { protocol, port: { kind: "range", from, to: from } };
}
