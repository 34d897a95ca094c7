// The subject of an admin-tier policy and the peers of its rules: `namespaces` (a label
// selector), `pods` (a NamespacedPod), and for egress `networks` (CIDRs), `nodes` (a label
// selector) and `domainNames`; exactly one per subject or peer, validated as the CRDs do.
import type { AdminPeer, AdminPods } from "../../model/admin-policy.js";
import type { Direction } from "../../model/policy.js";
import { SELECT_ALL } from "../../model/selector.js";
import { formatCidr, parseCidr, type Cidr } from "../../net/ip.js";
import type { Checker } from "../object/checker.js";
import { MAX_CIDR_LENGTH, MAX_NETWORKS, rejects, type AdminDialect } from "./dialect.js";
import { exactlyOne, listBounds, stringSet } from "./fields.js";
import { quoted } from "../object/object-meta.js";
import { parseSelector } from "../networkpolicy/selector.js";
import type { DocPath } from "../object/source.js";

/** `spec.subject`: the pods the policy is about (hostNetwork pods never are). */
export function readSubject(c: Checker, d: AdminDialect): AdminPods | undefined {
  const at = ["spec", "subject"];
  if (c.isUnset(at)) {
    c.error(["spec"], "subject is required" + rejects(d, `"spec.subject: Required value"`));
    return undefined;
  }
  const key = exactlyOne(c, d, at, ["namespaces", "pods"], "the subject");
  if (key === undefined) return undefined;
  return key === "namespaces" ? namespacesOnly(c, [...at, key]) : namespacedPods(c, d, [...at, key]);
}

/** One peer of `from` (ingress: namespaces, pods) or `to` (egress: also networks, nodes, domainNames). */
export function readPeer(c: Checker, d: AdminDialect, dir: Direction, at: DocPath): AdminPeer | undefined {
  const keys = dir === "ingress" ? ["namespaces", "pods"] : d.egressPeerKeys;
  const key = exactlyOne(c, d, at, keys, "a peer");
  if (key === undefined) return undefined;
  const field = [...at, key];
  switch (key) {
    case "namespaces": {
      const p = namespacesOnly(c, field);
      return p && { kind: "pods", ...p };
    }
    case "pods": {
      const p = namespacedPods(c, d, field);
      return p && { kind: "pods", ...p };
    }
    case "nodes": {
      const selector = parseSelector(c, field);
      return selector && { kind: "nodes", selector };
    }
    case "networks": {
      const cidrs = networks(c, d, field);
      return cidrs && { kind: "networks", cidrs };
    }
    default: {
      const names = domainNames(c, d, field);
      return names && { kind: "domainNames", names };
    }
  }
}

/** `namespaces: <selector>`: every pod of the matching namespaces; `{}` is every namespace. */
function namespacesOnly(c: Checker, at: DocPath): AdminPods | undefined {
  const namespaces = parseSelector(c, at);
  return namespaces && { namespaces, pods: SELECT_ALL };
}

function namespacedPods(c: Checker, d: AdminDialect, at: DocPath): AdminPods | undefined {
  if (c.map(at) === undefined) return undefined;
  c.knownKeys(at, ["namespaceSelector", "podSelector"]);
  let ok = true;
  const required = d.podsNeedNamespaceSelector ? ["namespaceSelector", "podSelector"] : ["podSelector"];
  for (const k of required) {
    if (c.isUnset([...at, k])) {
      const hint = k === "podSelector" ? " (`{}` selects every pod)" : " (`{}` selects every namespace)";
      c.error(at, `${k} is required${hint}` + rejects(d, `"${k}: Required value"`));
      ok = false;
    }
  }
  // v1alpha2: "if empty, it selects all Namespaces"; absent reads the same.
  const namespaces = parseSelector(c, [...at, "namespaceSelector"]);
  const pods = parseSelector(c, [...at, "podSelector"]);
  return ok && namespaces && pods ? { namespaces, pods } : undefined;
}

// The CRD's CEL `isCIDR(self)`: Go's netip.ParsePrefix, which also rejects IPv4-mapped IPv6.
const V4_IN_V6 = /^::ffff:/i;

function networks(c: Checker, d: AdminDialect, at: DocPath): Cidr[] | undefined {
  const list = listBounds(c, d, at, 1, MAX_NETWORKS);
  const texts = list && stringSet(c, d, at, list);
  if (texts === undefined) return undefined;
  const out: Cidr[] = [];
  let ok = true;
  texts.forEach((text) => {
    const i = list!.indexOf(text);
    const where = [...at, i];
    if (text.length > MAX_CIDR_LENGTH) {
      c.error(where, `${quoted(text)} is longer than ${MAX_CIDR_LENGTH} characters` + rejects(d, `Too long: may not be longer than ${MAX_CIDR_LENGTH}`));
      ok = false;
      return;
    }
    const parsed = parseCidr(text);
    if (!parsed.ok || V4_IN_V6.test(text.slice(0, text.indexOf("/")))) {
      const why = parsed.ok ? "is an IPv4-mapped IPv6 prefix (write the IPv4 CIDR)" : parsed.reason;
      c.error(where, `${quoted(text)} ${why}` + rejects(d, `"Invalid CIDR format provided"`));
      ok = false;
      return;
    }
    if (parsed.hostBitsSet) c.warning(where, `${quoted(text)} has host bits set; it is read as ${formatCidr(parsed.cidr)}`);
    out.push(parsed.cidr);
  });
  return ok ? out : undefined;
}

// The CRD's DomainName pattern, verbatim (its `A-z` also admits [ \ ] ^ _ and backtick).
const DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

function domainNames(c: Checker, d: AdminDialect, at: DocPath): string[] | undefined {
  const list = listBounds(c, d, at, 1, MAX_NETWORKS);
  const names = list && stringSet(c, d, at, list);
  if (names === undefined) return undefined;
  let ok = true;
  names.forEach((name) => {
    if (!DOMAIN_NAME.test(name)) {
      c.error([...at, list!.indexOf(name)], `${quoted(name)} is not a domain name (a wildcard is allowed only as a leading "*.")` + rejects(d, `should match '${DOMAIN_NAME.source}'`));
      ok = false;
    }
  });
  return ok ? names : undefined;
}
