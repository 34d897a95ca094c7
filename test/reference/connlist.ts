// The reference evaluator run over a netpol-analyzer case and compared, endpoint pair by
// endpoint pair, with its expected connectivity list (`SRC => DST : CONN`). Workloads become one
// Pod each (a controller's pod template); ports and external addresses are sampled at every
// boundary an object of the case names, between which the answer cannot change.

import { parseAllDocuments } from "yaml";
import { readCaseFiles } from "../conformance/cases.js";
import { type AdminObject } from "./admin-kube.js";
import { NO_CONN, parseConn, type Conn, type Range } from "./conn.js";
import { allowed, type Endpoint } from "./evaluator.js";
import { formatIp, parseCidr, parseIp } from "./ip.js";
import { PROTOCOLS, type Cluster, type Namespace, type NetworkPolicy, type Pod } from "./kube.js";

const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"];

type Obj = Record<string, any>;

function namespaceOfObj(o: Obj): string {
  return (o["metadata"]?.["namespace"] as string | undefined) || "default";
}

/** Every object of the case's files; items of a `*List` take the kind the list implies. */
function objectsOf(name: string): Obj[] {
  const out: Obj[] = [];
  const add = (o: unknown, implied?: string): void => {
    if (o === null || typeof o !== "object" || Array.isArray(o)) return;
    const obj = o as Obj;
    const kind = (obj["kind"] as string | undefined) ?? implied;
    if (kind === undefined) return;
    if (kind.endsWith("List") && Array.isArray(obj["items"])) {
      for (const item of obj["items"] as unknown[]) add(item, kind === "List" ? undefined : kind.slice(0, -"List".length));
      return;
    }
    out.push({ ...obj, kind });
  };
  for (const file of readCaseFiles(name)) {
    for (const doc of parseAllDocuments(file.text)) add(doc.toJS() as unknown);
  }
  return out;
}

interface CaseCluster {
  readonly cluster: Cluster;
  /** netpol-analyzer's endpoint id of each pod. */
  readonly ids: Map<Pod, string>;
}

function caseCluster(name: string): CaseCluster {
  const cluster: Cluster = { namespaces: [], pods: [], policies: [], admin: [] };
  const ids = new Map<Pod, string>();
  const seen = new Set<string>();
  const addPod = (id: string, pod: Pod): void => {
    if (seen.has(id)) return; // the pods of one controller are one workload
    seen.add(id);
    cluster.pods.push(pod);
    ids.set(pod, id);
  };
  for (const o of objectsOf(name)) {
    const kind = o["kind"] as string;
    if (kind === "Namespace") cluster.namespaces.push(o as Namespace);
    else if (kind === "NetworkPolicy") cluster.policies.push(o as NetworkPolicy);
    else if (kind === "AdminNetworkPolicy" || kind === "BaselineAdminNetworkPolicy") cluster.admin!.push(o as AdminObject);
    else if (kind === "Pod") {
      const owner = ((o["metadata"]?.["ownerReferences"] ?? []) as Obj[]).find((r) => r["controller"] !== false && [...WORKLOAD_KINDS, "CronJob"].includes(r["kind"]));
      const id = owner ? `${namespaceOfObj(o)}/${owner["name"]}[${owner["kind"]}]` : `${namespaceOfObj(o)}/${o["metadata"]["name"]}[Pod]`;
      addPod(id, { ...(o as Pod), metadata: { ...o["metadata"], namespace: namespaceOfObj(o) } });
    } else if (WORKLOAD_KINDS.includes(kind) || kind === "CronJob") {
      const template = kind === "CronJob" ? o["spec"]["jobTemplate"]["spec"]["template"] : o["spec"]["template"];
      addPod(`${namespaceOfObj(o)}/${o["metadata"]["name"]}[${kind}]`, {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: o["metadata"]["name"], namespace: namespaceOfObj(o), labels: template?.["metadata"]?.["labels"] ?? {} },
        spec: template["spec"],
      });
    }
  }
  return { cluster, ids };
}

/** Every port number an object names, as range starts: the answer is constant from one to the next. */
function portStarts(cluster: Cluster): number[] {
  const starts = new Set<number>([1]);
  const mark = (from: number, to = from): void => {
    starts.add(from);
    if (to + 1 <= 65535) starts.add(to + 1);
  };
  for (const pod of cluster.pods) for (const c of pod.spec.containers) for (const p of c.ports ?? []) mark(p.containerPort);
  for (const policy of cluster.policies) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const p of rule.ports ?? []) if (typeof p.port === "number") mark(p.port, p.endPort ?? p.port);
    }
  }
  for (const policy of cluster.admin ?? []) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const p of rule.ports ?? []) {
        if (p.portNumber) mark(p.portNumber.port);
        if (p.portRange) mark(p.portRange.start, p.portRange.end);
      }
      for (const p of rule.protocols ?? []) {
        for (const proto of [p.tcp, p.udp, p.sctp]) {
          if (proto?.destinationPort.number != null) mark(proto.destinationPort.number);
          if (proto?.destinationPort.range != null) mark(proto.destinationPort.range.start, proto.destinationPort.range.end);
        }
      }
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** First addresses of the IPv4 segments every ipBlock and `networks` CIDR cuts the space into. */
function addressStarts(cluster: Cluster): bigint[] {
  const starts = new Set<bigint>([0n]);
  const cut = (text: string): void => {
    const c = parseCidr(text);
    if (c.family !== 4) return;
    starts.add(c.first);
    if (c.last < 0xffffffffn) starts.add(c.last + 1n);
  };
  for (const policy of cluster.policies) {
    for (const rule of [...(policy.spec.ingress ?? []).map((r) => r.from), ...(policy.spec.egress ?? []).map((r) => r.to)]) {
      for (const peer of rule ?? []) if (peer.ipBlock) [peer.ipBlock.cidr, ...(peer.ipBlock.except ?? [])].forEach(cut);
    }
  }
  for (const policy of cluster.admin ?? []) for (const rule of policy.spec.egress ?? []) for (const peer of rule.to ?? []) (peer.networks ?? []).forEach(cut);
  return [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function connOf(cluster: Cluster, src: Endpoint, dst: Endpoint, starts: readonly number[]): Conn {
  const out: Record<string, Range[]> = {};
  for (const protocol of PROTOCOLS) {
    const ranges: [number, number][] = [];
    starts.forEach((start, i) => {
      if (!allowed(cluster, src, dst, protocol, start)) return;
      const end = i + 1 < starts.length ? starts[i + 1]! - 1 : 65535;
      const last = ranges[ranges.length - 1];
      if (last && last[1] + 1 === start) last[1] = end;
      else ranges.push([start, end]);
    });
    out[protocol] = ranges;
  }
  return out as unknown as Conn;
}

interface ExpectedLine {
  readonly src: string;
  readonly dst: string;
  readonly conn: Conn;
}

const EXTERNAL = /^(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)\[External\]$/;

function externalRange(id: string): [bigint, bigint] | undefined {
  const m = EXTERNAL.exec(id);
  return m ? [parseIp(m[1]!).value, parseIp(m[2]!).value] : undefined;
}

export interface ConnlistComparison {
  /** Endpoint pairs compared: every ordered workload pair, and each workload with each address segment both ways. */
  readonly compared: number;
  readonly disagreements: readonly string[];
}

export function referenceConnlist(name: string, expectedText: string): ConnlistComparison {
  const { cluster, ids } = caseCluster(name);
  const lines: ExpectedLine[] = expectedText
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const m = /^(.+?) => (.+?) : (.+)$/.exec(l.trim());
      if (m === null) throw new Error(`${name}: unreadable line ${JSON.stringify(l)}`);
      return { src: m[1]!, dst: m[2]!, conn: parseConn(m[3]!) };
    });
  const ports = portStarts(cluster);
  const disagreements: string[] = [];
  let compared = 0;
  const check = (what: string, got: Conn, want: Conn): void => {
    compared++;
    if (JSON.stringify(got) !== JSON.stringify(want)) disagreements.push(`${what}: expected ${JSON.stringify(want)}, reference ${JSON.stringify(got)}`);
  };
  const known = new Set(ids.values());
  for (const l of lines) {
    for (const id of [l.src, l.dst]) if (!externalRange(id) && !known.has(id)) disagreements.push(`${name}: the expected list names ${id}, which the reference did not build`);
  }
  for (const src of cluster.pods) {
    for (const dst of cluster.pods) {
      if (src === dst) continue;
      const want = lines.find((l) => l.src === ids.get(src) && l.dst === ids.get(dst))?.conn ?? NO_CONN;
      check(`${ids.get(src)} => ${ids.get(dst)}`, connOf(cluster, src, dst, ports), want);
    }
  }
  // Addresses: where the case's CIDRs cut the space, and where the expected list does.
  const samples = new Set(addressStarts(cluster));
  for (const l of lines) for (const id of [l.src, l.dst]) {
    const r = externalRange(id);
    if (r) samples.add(r[0]);
  }
  const lineAt = (pod: string, address: bigint, outbound: boolean): Conn =>
    lines.find((l) => {
      const r = externalRange(outbound ? l.dst : l.src);
      return r !== undefined && (outbound ? l.src : l.dst) === pod && r[0] <= address && address <= r[1];
    })?.conn ?? NO_CONN;
  for (const value of [...samples].sort((a, b) => (a < b ? -1 : 1))) {
    const address = formatIp({ family: 4, value });
    for (const pod of cluster.pods) {
      const id = ids.get(pod)!;
      check(`${id} => ${address}`, connOf(cluster, pod, address, ports), lineAt(id, value, true));
      check(`${address} => ${id}`, connOf(cluster, address, pod, ports), lineAt(id, value, false));
    }
  }
  return { compared, disagreements };
}

/** Every ordered pair of workloads of a case, by netpol-analyzer id, with the reference's connections. */
function workloadConns(name: string): Map<string, Conn> {
  const { cluster, ids } = caseCluster(name);
  const ports = portStarts(cluster);
  const out = new Map<string, Conn>();
  for (const src of cluster.pods) for (const dst of cluster.pods) if (src !== dst) out.set(`${ids.get(src)} => ${ids.get(dst)}`, connOf(cluster, src, dst, ports));
  return out;
}

/**
 * A netpol-analyzer diff (`diff/<base>__<head>.txt`) against the reference run on both cases:
 * every workload pair whose connections differ has its line with both sides, and no other pair
 * has one. Lines about external addresses are not expressible here and are reported as such.
 */
export function referenceDiff(base: string, head: string, expectedText: string): ConnlistComparison {
  const before = workloadConns(base);
  const after = workloadConns(head);
  const lines = new Map<string, { ref1: Conn; ref2: Conn }>();
  const disagreements: string[] = [];
  for (const l of expectedText.split(/\r?\n/)) {
    const m = /^diff-type: \w+, source: (.+?), destination: (.+?), ref1: (.+?), ref2: (.+?)(?:, workloads-diff-info: .*)?$/.exec(l.trim());
    if (m === null) continue;
    if (externalRange(m[1]!) || externalRange(m[2]!)) {
      disagreements.push(`not expressible: ${l}`);
      continue;
    }
    lines.set(`${m[1]} => ${m[2]}`, { ref1: parseConn(m[3]!), ref2: parseConn(m[4]!) });
  }
  let compared = 0;
  for (const pair of new Set([...before.keys(), ...after.keys()])) {
    compared++;
    const b = before.get(pair) ?? NO_CONN;
    const a = after.get(pair) ?? NO_CONN;
    const line = lines.get(pair);
    const same = JSON.stringify(a) === JSON.stringify(b);
    if (line === undefined) {
      if (!same) disagreements.push(`${pair}: the reference sees a change (${JSON.stringify(b)} -> ${JSON.stringify(a)}), the expected diff none`);
    } else if (JSON.stringify(line.ref1) !== JSON.stringify(b) || JSON.stringify(line.ref2) !== JSON.stringify(a)) {
      disagreements.push(`${pair}: expected ${JSON.stringify(line.ref1)} -> ${JSON.stringify(line.ref2)}, reference ${JSON.stringify(b)} -> ${JSON.stringify(a)}`);
    }
  }
  for (const pair of lines.keys()) if (!before.has(pair) && !after.has(pair)) disagreements.push(`${pair}: in the expected diff, not among the reference's workloads`);
  return { compared, disagreements };
}
