// What a Pod object dumped from a cluster (`kubectl get -o yaml`) says about where it runs: its IPs
// (status.podIP, status.podIPs) and its node (spec.nodeName). Manifests have neither; a dump has
// both, and with them `networks` and `nodes` peers can be decided for in-cluster addresses.
import { formatAddress, parseAddress, type IpAddress } from "../../net/ip.js";
import type { Checker } from "../object/checker.js";
import { quoted } from "../object/object-meta.js";

/** status.podIP and every status.podIPs[].ip, once each; an entry that is not an IP is warned about and skipped. */
export function podIps(c: Checker): IpAddress[] {
  const out = new Map<string, IpAddress>();
  const read = (path: readonly (string | number)[]): void => {
    const text = c.string(path);
    if (text === undefined || text === "") return;
    const ip = parseAddress(text);
    if (ip === undefined) {
      c.warning(path, `${quoted(text)} is not an IP address; it is ignored`);
      return;
    }
    out.set(`${ip.family} ${formatAddress(ip.family, ip.value)}`, ip);
  };
  read(["status", "podIP"]);
  (c.list(["status", "podIPs"]) ?? []).forEach((_, i) => {
    if (c.map(["status", "podIPs", i]) !== undefined) read(["status", "podIPs", i, "ip"]);
  });
  return [...out.values()];
}

/** spec.nodeName, when the Pod has been scheduled. */
export function nodeName(c: Checker): string | undefined {
  const name = c.string(["spec", "nodeName"]);
  return name === undefined || name === "" ? undefined : name;
}
