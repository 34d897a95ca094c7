// Equal connection sets as one object: rows of many classes hold the same few sets, so equality
// becomes identity and intersections can be cached per pair of objects. Shared by the revisions
// of a diff, so that unchanged pairs compare by identity.
import { ConnSet } from "./conn-set.js";

export class ConnInterner {
  private readonly byKey = new Map<string, ConnSet>([
    [ConnSet.NONE.toString(), ConnSet.NONE],
    [ConnSet.ALL.toString(), ConnSet.ALL],
  ]);
  private readonly meets = new Map<ConnSet, Map<ConnSet, ConnSet>>();
  private readonly joins = new Map<ConnSet, Map<ConnSet, ConnSet>>();
  private readonly differences = new Map<ConnSet, Map<ConnSet, ConnSet>>();
  /** Sets already canonical: interning them again costs no string. */
  private readonly canonical = new WeakSet<ConnSet>();

  intern(c: ConnSet): ConnSet {
    if (c.isEmpty || c.isAll || this.canonical.has(c)) return c;
    const key = c.toString();
    const known = this.byKey.get(key);
    if (known) return known;
    this.byKey.set(key, c);
    this.canonical.add(c);
    return c;
  }

  /** a ∪ b for interned sets, computed once per pair. */
  union(a: ConnSet, b: ConnSet): ConnSet {
    if (b.isEmpty || a.isAll || a === b) return a;
    if (a.isEmpty || b.isAll) return b;
    return this.cached(this.joins, a, b, () => a.union(b));
  }

  /** a − b for interned sets, computed once per pair. */
  subtract(a: ConnSet, b: ConnSet): ConnSet {
    if (a.isEmpty || b.isEmpty) return a;
    if (b.isAll || a === b) return ConnSet.NONE;
    return this.cached(this.differences, a, b, () => a.subtract(b));
  }

  private cached(table: Map<ConnSet, Map<ConnSet, ConnSet>>, a: ConnSet, b: ConnSet, make: () => ConnSet): ConnSet {
    let row = table.get(a);
    if (!row) table.set(a, (row = new Map()));
    let r = row.get(b);
    if (!r) row.set(b, (r = this.intern(make())));
    return r;
  }

  /** a ∩ b for interned sets, computed once per pair. */
  intersect(a: ConnSet, b: ConnSet): ConnSet {
    if (a.isAll || b.isEmpty || a === b) return b;
    if (b.isAll || a.isEmpty) return a;
    let row = this.meets.get(a);
    if (!row) this.meets.set(a, (row = new Map()));
    let r = row.get(b);
    if (!r) row.set(b, (r = this.intern(a.intersect(b))));
    return r;
  }
}
