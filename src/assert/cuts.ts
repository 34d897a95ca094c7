// The CIDRs assertions name: external classes are cut at their bounds, as at ipBlocks', so that a
// `cidr` spec means exactly the addresses in its range.
import { parseCidr, type Cidr } from "../net/ip.js";
import type { Assertion, SpecList } from "./assertion.js";

export function assertionCidrs(assertions: readonly Assertion[]): Cidr[] {
  const out: Cidr[] = [];
  const add = (list: SpecList) => {
    for (const s of list) {
      if (s.kind !== "cidr") continue;
      const p = parseCidr(s.cidr);
      if (p.ok) out.push(p.cidr);
    }
  };
  for (const a of assertions) {
    if (a.type === "isolated") add(a.namespaces);
    else {
      add(a.from);
      add(a.to);
    }
  }
  return out;
}
