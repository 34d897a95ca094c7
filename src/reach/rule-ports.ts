// A rule's ports as a connection set for one destination: named ports resolve on the
// destination pod's container ports (name and protocol), per destination.
import type { PortSpec, Rule } from "../model/policy.js";
import { ConnSet, PortSet } from "../net/conn-set.js";
import type { Protocol } from "../net/protocol.js";
import { namedPortKey } from "./universe.js";

/** Named ports of the destination; null for an external address (named ports match nothing there). */
export type PortNames = ReadonlyMap<string, number> | null;

export function hasNamedPorts(rule: Pick<Rule, "ports">): boolean {
  return rule.ports !== "any" && rule.ports.some((s) => s.port.kind === "named");
}

export function rulePorts(rule: Pick<Rule, "ports">, names: PortNames): ConnSet {
  if (rule.ports === "any") return ConnSet.ALL;
  const byProto: Partial<Record<Protocol, PortSet>> = {};
  for (const spec of rule.ports) {
    const set = specPorts(spec, names);
    byProto[spec.protocol] = (byProto[spec.protocol] ?? PortSet.EMPTY).union(set);
  }
  return ConnSet.of(byProto);
}

function specPorts(spec: PortSpec, names: PortNames): PortSet {
  switch (spec.port.kind) {
    case "all":
      return PortSet.ALL;
    case "range":
      return PortSet.range(spec.port.from, spec.port.to);
    case "named": {
      const n = names?.get(namedPortKey(spec.port.name, spec.protocol));
      if (n === undefined) return PortSet.EMPTY;
      // 0: a representative pod's named port, whose number cannot be known.
      return n === 0 ? PortSet.named(spec.port.name) : PortSet.range(n, n);
    }
  }
}
