// Where pods resolve names: DNS on port 53, toward a pod that serves it or, where the input
// declares none (kube-system usually lives elsewhere), toward external addresses, which then
// stand for the cluster's name server (an egress default-deny closes both alike).
import type { Endpoint } from "../model/endpoint.js";
import { ConnSet, PortSet } from "../net/conn-set.js";

const DNS_PORT = PortSet.range(53, 53);
export const DNS = ConnSet.of({ TCP: DNS_PORT, UDP: DNS_PORT });

/** A pod serves DNS when it declares a container port 53 or carries the usual kube-dns label. */
export function servesDns(e: Endpoint): boolean {
  if (e.type === "external") return false;
  const k8sApp = e.pod.labels["k8s-app"];
  return k8sApp === "kube-dns" || k8sApp === "coredns" || e.pod.ports.some((p) => p.port === 53);
}

/** Whether `dst` stands for a name server, in a universe that has (`anyServer`) or lacks a DNS pod. */
export function isNameServer(dst: Endpoint, anyServer: boolean): boolean {
  return servesDns(dst) || (!anyServer && dst.type === "external");
}
