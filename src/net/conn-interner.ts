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

  intern(c: ConnSet): ConnSet {
    if (c.isEmpty || c.isAll) return c;
    const key = c.toString();
    const known = this.byKey.get(key);
    if (known) return known;
    this.byKey.set(key, c);
    return c;
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
