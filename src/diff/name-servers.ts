// Where pods resolve names: DNS on port 53 toward the cluster's DNS server. That is the pods of
// the kube-dns Service (the name CoreDNS keeps too) in kube-system, pods labelled
// k8s-app=kube-dns, or the server named by --dns-server; never just any pod that listens on 53
// (a home pihole is a DNS server for someone, not the one every pod asks). Where the input
// declares none (kube-system usually lives elsewhere), no DNS loss is claimed (render/dns-loss.ts);
// only an added workload's summary (isNameServer) lets external addresses stand for the server.
import type { Endpoint } from "../model/endpoint.js";
import type { Labels } from "../model/labels.js";
import type { Service } from "../model/service.js";
import { parsePodSetOption } from "../load/pod-set-option.js";
import { ConnSet, PortSet } from "../net/conn-set.js";

const DNS_PORT = PortSet.range(53, 53);
export const DNS = ConnSet.of({ TCP: DNS_PORT, UDP: DNS_PORT });

/** The cluster DNS server's pods, as --dns-server NAMESPACE/KEY=VALUE[,...] names them. */
export interface DnsServer {
  readonly namespace: string;
  readonly labels: Labels;
}

export type DnsServerParse = { ok: true; value: DnsServer } | { ok: false; error: string };

/** "kube-system/k8s-app=node-local-dns": the same form as --ingress-controller. */
export function parseDnsServer(text: string): DnsServerParse {
  return parsePodSetOption(text, "dns-server", "kube-system/k8s-app=kube-dns");
}

const KUBE_DNS_LABEL = "k8s-app";

function hasLabels(pod: { namespace: string; labels: Labels }, namespace: string, labels: Labels): boolean {
  return pod.namespace === namespace && Object.entries(labels).every(([k, v]) => Object.prototype.hasOwnProperty.call(pod.labels, k) && pod.labels[k] === v);
}

/**
 * Which endpoints are the cluster's DNS server: the declared one when given; otherwise the pods
 * of Service kube-system/kube-dns (in either revision) and pods labelled k8s-app=kube-dns (or coredns).
 */
export function nameServerMatcher(declared: DnsServer | undefined, services: readonly Service[] = []): (e: Endpoint) => boolean {
  if (declared !== undefined) return (e) => e.type !== "external" && e.type !== "ingress-controller" && hasLabels(e.pod, declared.namespace, declared.labels);
  const selectors = services.filter((s) => s.namespace === "kube-system" && s.name === "kube-dns" && s.selector !== null && Object.keys(s.selector).length > 0).map((s) => s.selector!);
  return (e) => {
    if (e.type === "external" || e.type === "ingress-controller") return false;
    const app = e.pod.labels[KUBE_DNS_LABEL];
    if (app === "kube-dns" || app === "coredns") return true;
    return selectors.some((sel) => hasLabels(e.pod, "kube-system", sel));
  };
}

/** The default: pods labelled k8s-app=kube-dns, when no Service or option says more. */
export const servesDns = nameServerMatcher(undefined);

/** Whether `dst` stands for a name server, in a universe that has (`anyServer`) or lacks a DNS pod. */
export function isNameServer(dst: Endpoint, anyServer: boolean, serves: (e: Endpoint) => boolean = servesDns): boolean {
  return serves(dst) || (!anyServer && dst.type === "external");
}
