// v1 Service: validation and defaulting as the API server does them (ValidateService and the
// Service defaults), producing src/model/service. An invalid Service is reported and left out:
// the API server would reject it, so it never forwards anything.
import { parseCidr, type Cidr } from "../../net/ip.js";
import { isProtocol, MAX_PORT, MIN_PORT, type Protocol } from "../../net/protocol.js";
import type { Labels } from "../../model/labels.js";
import type { Service, ServicePort, ServiceType, TargetPort } from "../../model/service.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { labelKeyProblem, labelValueProblem } from "../object/label-syntax.js";
import { isDnsLabel, isDnsSubdomain, objectMeta, quoted, RULE_TEXT } from "../object/object-meta.js";
import { svcNameProblem } from "../object/port-name.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { fieldRef, sourceRef } from "../object/source-ref.js";

export interface ServiceLoad {
  readonly service: Service | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const REJECTS = "; the API server rejects this Service";
const TYPES: readonly ServiceType[] = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
/** The API server's default --service-node-port-range; a cluster may configure another. */
export const NODE_PORT_RANGE = { from: 30000, to: 32767 } as const;
/** Service names are DNS-1035 labels: unlike other names, they must start with a letter (they become DNS names). */
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function loadService(obj: KubeObject): ServiceLoad {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `Service ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  if (meta.name !== undefined && !(meta.name.length <= 63 && DNS_1035_LABEL.test(meta.name))) {
    c.error(["metadata", "name"], `${quoted(meta.name)} is invalid: a Service name must be a DNS-1035 label: at most 63 characters a-z, 0-9 and '-', starting with a letter and ending with a letter or digit` + REJECTS);
  }
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);
  c.map(["spec"]);

  const type = serviceType(c);
  const headless = c.get(["spec", "clusterIP"]) === "None";
  const ports = servicePorts(c, type ?? "ClusterIP", headless);
  const selector = serviceSelector(c, type);
  const externalIPs = addresses(c);
  const ranges = sourceRanges(c, type);
  const externallyAccessible = type === "NodePort" || type === "LoadBalancer" || (type === "ClusterIP" && externalIPs.length > 0);
  const policy = trafficPolicy(c, externallyAccessible);
  const externalName = externalNameOf(c, type);

  if (c.hasErrors || meta.name === undefined || type === undefined || ports === undefined) {
    return { service: undefined, diagnostics: c.diagnostics };
  }
  return {
    service: {
      id: `${meta.namespace}/${meta.name}`,
      namespace: meta.namespace,
      name: meta.name,
      type,
      selector,
      ports,
      externalIPs,
      loadBalancerSourceRanges: ranges,
      externalTrafficPolicy: policy,
      externalName,
      source: sourceRef(obj),
    },
    diagnostics: c.diagnostics,
  };
}

function serviceType(c: Checker): ServiceType | undefined {
  const raw = c.get(["spec", "type"]);
  if (raw === undefined || raw === null || raw === "") return "ClusterIP";
  if ((TYPES as readonly unknown[]).includes(raw)) return raw as ServiceType;
  c.error(["spec", "type"], `unsupported type ${describe(raw)}: use ClusterIP, NodePort, LoadBalancer or ExternalName (case matters)` + REJECTS);
  return undefined;
}

function servicePorts(c: Checker, type: ServiceType, headless: boolean): ServicePort[] | undefined {
  const path: DocPath = ["spec", "ports"];
  const list = c.list(path);
  if (list === undefined && !c.isUnset(path)) return undefined;
  if ((list === undefined || list.length === 0) && type !== "ExternalName" && !headless) {
    c.error(path, "at least one port is required (except for headless, clusterIP: None, and ExternalName Services)" + REJECTS);
    return undefined;
  }
  const out: ServicePort[] = [];
  const names = new Set<string>();
  const portKeys = new Set<string>();
  const nodePortKeys = new Set<string>();
  const requireName = (list?.length ?? 0) > 1;
  let ok = true;
  (list ?? []).forEach((_, i) => {
    const at: DocPath = [...path, i];
    if (c.map(at) === undefined) {
      c.error(at, "a port must be a mapping with at least `port`" + REJECTS);
      ok = false;
      return;
    }
    c.knownKeys(at, ["name", "protocol", "appProtocol", "port", "targetPort", "nodePort"]);
    const p = servicePort(c, at, type, requireName);
    if (p === undefined) {
      ok = false;
      return;
    }
    if (p.name !== undefined) {
      if (names.has(p.name)) {
        c.error([...at, "name"], `duplicate port name ${quoted(p.name)}: port names must be unique within a Service` + REJECTS);
        ok = false;
      }
      names.add(p.name);
    }
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) {
      c.error(at, `duplicate port ${p.protocol} ${p.port}: each port and protocol may appear once` + REJECTS);
      ok = false;
    }
    portKeys.add(key);
    if (p.nodePort !== undefined) {
      const nodeKey = `${p.protocol}/${p.nodePort}`;
      if (nodePortKeys.has(nodeKey)) {
        c.error([...at, "nodePort"], `duplicate nodePort ${p.protocol} ${p.nodePort}` + REJECTS);
        ok = false;
      }
      nodePortKeys.add(nodeKey);
    }
    out.push(p);
  });
  return ok ? out : undefined;
}

function servicePort(c: Checker, at: DocPath, type: ServiceType, requireName: boolean): ServicePort | undefined {
  let ok = true;
  const fail = (path: DocPath, message: string) => {
    c.error(path, message + REJECTS);
    ok = false;
  };
  const nameRaw = c.get([...at, "name"]);
  let name: string | undefined;
  if (nameRaw === undefined || nameRaw === null || nameRaw === "") {
    if (requireName) fail([...at, "name"], "a name is required when a Service has more than one port");
  } else if (typeof nameRaw !== "string") fail([...at, "name"], `must be a string, not ${describe(nameRaw)}`);
  else if (!isDnsLabel(nameRaw)) fail([...at, "name"], `${quoted(nameRaw)} is invalid: a Service port name must be ${RULE_TEXT["dns-label"]}`);
  else name = nameRaw;

  const port = portNumber(c, [...at, "port"], "port");
  if (port === undefined) {
    if (c.isUnset([...at, "port"])) fail([...at, "port"], "is required");
    ok = false;
  }

  let protocol: Protocol = "TCP";
  const protoRaw = c.get([...at, "protocol"]);
  if (protoRaw !== undefined && protoRaw !== null && protoRaw !== "") {
    if (isProtocol(protoRaw)) protocol = protoRaw;
    else {
      const hint = typeof protoRaw === "string" && isProtocol(protoRaw.toUpperCase()) ? ` (write ${protoRaw.toUpperCase()}: case matters)` : "";
      fail([...at, "protocol"], `unsupported protocol ${describe(protoRaw)}: use TCP, UDP or SCTP${hint}`);
    }
  }

  // Defaulting: an omitted, zero or empty targetPort is the port itself.
  let targetPort: TargetPort | undefined = port === undefined ? undefined : { kind: "number", port };
  const targetRaw = c.get([...at, "targetPort"]);
  if (targetRaw !== undefined && targetRaw !== null && targetRaw !== 0 && targetRaw !== "") {
    if (typeof targetRaw === "string") {
      const problem = svcNameProblem(targetRaw);
      if (problem) fail([...at, "targetPort"], problem);
      else targetPort = { kind: "name", name: targetRaw };
    } else {
      const n = portNumber(c, [...at, "targetPort"], "targetPort");
      if (n === undefined) ok = false;
      else targetPort = { kind: "number", port: n };
    }
  }

  let nodePort: number | undefined;
  const nodeRaw = c.get([...at, "nodePort"]);
  if (nodeRaw !== undefined && nodeRaw !== null && nodeRaw !== 0) {
    if (type !== "NodePort" && type !== "LoadBalancer") {
      fail([...at, "nodePort"], `may not be used when type is ${type} (only NodePort and LoadBalancer Services have node ports)`);
    } else {
      nodePort = portNumber(c, [...at, "nodePort"], "nodePort");
      if (nodePort === undefined) ok = false;
      else if (nodePort < NODE_PORT_RANGE.from || nodePort > NODE_PORT_RANGE.to) {
        fail(
          [...at, "nodePort"],
          `nodePort ${nodePort} is not in the valid range ${NODE_PORT_RANGE.from}-${NODE_PORT_RANGE.to} (the API server's default --service-node-port-range; a cluster configured with another range may accept it)`,
        );
      }
    }
  }
  if (!ok || port === undefined || targetPort === undefined) return undefined;
  return { name, port, protocol, targetPort, nodePort, source: fieldRef(c.object, at) };
}

/** An integer 1-65535, or undefined with an error. */
function portNumber(c: Checker, path: DocPath, what: string): number | undefined {
  const v = c.get(path);
  if (v === undefined || v === null) return undefined;
  if (!Number.isInteger(v) || (v as number) < MIN_PORT || (v as number) > MAX_PORT) {
    c.error(path, `${what} ${describe(v)} is out of range: use 1-65535` + REJECTS);
    return undefined;
  }
  return v as number;
}

function serviceSelector(c: Checker, type: ServiceType | undefined): Labels | null {
  const path: DocPath = ["spec", "selector"];
  const m = c.map(path);
  if (m === undefined) return null;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(m)) {
    const at = [...path, key];
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) c.error(at, keyProblem + REJECTS);
    if (typeof value !== "string") {
      c.error(at, `selector values must be strings, not ${describe(value)} (quote it: "${String(value)}")` + REJECTS);
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) c.error(at, valueProblem + REJECTS);
    out[key] = value;
  }
  if (type === "ExternalName") {
    if (Object.keys(out).length > 0) c.warning(path, "is ignored for type ExternalName: the Service is a DNS alias and selects no pods");
    return null;
  }
  // An empty selector is stored as none: the Service's endpoints are left to someone else.
  return Object.keys(out).length > 0 ? out : null;
}

function addresses(c: Checker): string[] {
  const path: DocPath = ["spec", "externalIPs"];
  const out: string[] = [];
  (c.list(path) ?? []).forEach((raw, i) => {
    const at = [...path, i];
    if (typeof raw !== "string") {
      c.error(at, `must be an IP address string, not ${describe(raw)}` + REJECTS);
      return;
    }
    const problem = specialAddressProblem(raw);
    if (problem) c.error(at, `${quoted(raw)} ${problem}` + REJECTS);
    else out.push(raw);
  });
  return out;
}

/** ValidateNonSpecialIP: an address, not unspecified, loopback, link-local or multicast. */
function specialAddressProblem(text: string): string | undefined {
  if (text.includes("/")) return "must be an IP address, not a CIDR";
  const v6 = text.includes(":");
  const parsed = parseCidr(`${text}/${v6 ? 128 : 32}`);
  if (!parsed.ok) return "is not a valid IP address";
  const a = parsed.cidr.base;
  if (!v6) {
    if (a === 0n) return "may not be unspecified (0.0.0.0)";
    if (a >> 24n === 127n) return "may not be in the loopback range (127.0.0.0/8)";
    if (a >> 16n === 0xa9fen) return "may not be in the link-local range (169.254.0.0/16)";
    if (a >> 28n === 0xen) return "may not be in the multicast range (224.0.0.0/4)";
    return undefined;
  }
  if (a === 0n) return "may not be unspecified (::)";
  if (a === 1n) return "may not be the loopback address (::1)";
  if (a >> 118n === 0x3fan) return "may not be in the link-local range (fe80::/10)";
  if (a >> 120n === 0xffn) return "may not be in the multicast range (ff00::/8)";
  return undefined;
}

function sourceRanges(c: Checker, type: ServiceType | undefined): Cidr[] {
  const path: DocPath = ["spec", "loadBalancerSourceRanges"];
  const list = c.list(path) ?? [];
  if (list.length > 0 && type !== undefined && type !== "LoadBalancer") {
    c.error(path, `may only be used when type is LoadBalancer, not ${type}` + REJECTS);
    return [];
  }
  const out: Cidr[] = [];
  list.forEach((raw, i) => {
    const at = [...path, i];
    if (typeof raw !== "string") {
      c.error(at, `must be a CIDR string, not ${describe(raw)}` + REJECTS);
      return;
    }
    // The API server trims whitespace before parsing these (and only these) CIDRs.
    const parsed = parseCidr(raw.trim());
    if (!parsed.ok) c.error(at, `${quoted(raw)} ${parsed.reason}` + REJECTS);
    else out.push(parsed.cidr);
  });
  return out;
}

function trafficPolicy(c: Checker, externallyAccessible: boolean): "Cluster" | "Local" | undefined {
  const path: DocPath = ["spec", "externalTrafficPolicy"];
  const raw = c.get(path);
  if (raw === undefined || raw === null || raw === "") return externallyAccessible ? "Cluster" : undefined;
  if (!externallyAccessible) {
    c.error(path, "may only be set for externally-accessible Services (type NodePort or LoadBalancer, or with externalIPs)" + REJECTS);
    return undefined;
  }
  if (raw === "Cluster" || raw === "Local") return raw;
  c.error(path, `unsupported value ${describe(raw)}: use Cluster or Local` + REJECTS);
  return undefined;
}

function externalNameOf(c: Checker, type: ServiceType | undefined): string | undefined {
  const path: DocPath = ["spec", "externalName"];
  const raw = c.string(path);
  if (type !== "ExternalName") return undefined;
  if (raw === undefined || raw === "") {
    c.error(path, "is required for type ExternalName" + REJECTS);
    return undefined;
  }
  // A trailing dot (a fully qualified name) is allowed.
  const name = raw.endsWith(".") ? raw.slice(0, -1) : raw;
  if (!isDnsSubdomain(name)) {
    c.error(path, `${quoted(raw)} is invalid: it must be ${RULE_TEXT["dns-subdomain"]}` + REJECTS);
    return undefined;
  }
  return raw;
}
