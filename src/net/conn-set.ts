// A connection set: per protocol, a set of ports (DESIGN section 5). Immutable values.
//
// Besides numbers, a port set may hold port *names*: only where the number cannot be known
// (a named port on a synthetic pod). The full numeric range contains every name.
import * as iv from "./intervals.js";
import { MAX_PORT, MIN_PORT, PROTOCOLS, type Protocol } from "./protocol.js";

const FULL: iv.Intervals = Object.freeze([MIN_PORT, MAX_PORT]);
const NO_NAMES: readonly string[] = Object.freeze([]);

export class PortSet {
  static readonly EMPTY = new PortSet(iv.EMPTY, NO_NAMES);
  static readonly ALL = new PortSet(FULL, NO_NAMES);

  private constructor(
    readonly ranges: iv.Intervals,
    /** Sorted, distinct; always empty when `ranges` is the full range. */
    readonly names: readonly string[],
  ) {}

  static of(ranges: iv.Intervals, names: readonly string[] = NO_NAMES): PortSet {
    const full = iv.equal(ranges, FULL);
    const n = full || names.length === 0 ? NO_NAMES : [...new Set(names)].sort();
    if (ranges.length === 0 && n.length === 0) return PortSet.EMPTY;
    if (full) return PortSet.ALL;
    return new PortSet(ranges, n);
  }

  static range(from: number, to: number): PortSet {
    return PortSet.of(iv.normalize([[from, to]]));
  }

  static named(name: string): PortSet {
    return PortSet.of(iv.EMPTY, [name]);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0 && this.names.length === 0;
  }

  get isAll(): boolean {
    return iv.equal(this.ranges, FULL);
  }

  union(o: PortSet): PortSet {
    if (o.isEmpty || this.isAll) return this;
    if (this.isEmpty || o.isAll) return o;
    return PortSet.of(iv.union(this.ranges, o.ranges), [...this.names, ...o.names]);
  }

  intersect(o: PortSet): PortSet {
    if (this.isEmpty || o.isAll) return this;
    if (o.isEmpty || this.isAll) return o;
    const names = this.names.filter((n) => o.names.includes(n));
    return PortSet.of(iv.intersect(this.ranges, o.ranges), names);
  }

  subtract(o: PortSet): PortSet {
    if (this.isEmpty || o.isEmpty) return this;
    if (o.isAll) return PortSet.EMPTY;
    return PortSet.of(
      iv.subtract(this.ranges, o.ranges),
      this.names.filter((n) => !o.names.includes(n)),
    );
  }

  equals(o: PortSet): boolean {
    return this === o || (iv.equal(this.ranges, o.ranges) && this.names.length === o.names.length && this.names.every((n, i) => n === o.names[i]));
  }

  has(port: number): boolean {
    return iv.contains(this.ranges, port);
  }

  // Sets are keyed by their text (ConnInterner) many times over: made once.
  private text: string | undefined;

  /** "80,8080-8090,http" */
  toString(): string {
    return (this.text ??= [iv.format(this.ranges), ...this.names].filter((s) => s !== "").join(","));
  }
}

export class ConnSet {
  static readonly NONE = new ConnSet([PortSet.EMPTY, PortSet.EMPTY, PortSet.EMPTY]);
  static readonly ALL = new ConnSet([PortSet.ALL, PortSet.ALL, PortSet.ALL]);

  /** Indexed like PROTOCOLS: SCTP, TCP, UDP. */
  private constructor(private readonly sets: readonly [PortSet, PortSet, PortSet]) {}

  // Made on first use (see PortSet's).
  private text: string | undefined;

  static of(byProtocol: Partial<Record<Protocol, PortSet>>): ConnSet {
    return ConnSet.from([byProtocol.SCTP ?? PortSet.EMPTY, byProtocol.TCP ?? PortSet.EMPTY, byProtocol.UDP ?? PortSet.EMPTY]);
  }

  private static from(sets: readonly [PortSet, PortSet, PortSet]): ConnSet {
    if (sets.every((s) => s.isEmpty)) return ConnSet.NONE;
    if (sets.every((s) => s.isAll)) return ConnSet.ALL;
    return new ConnSet(sets);
  }

  ports(p: Protocol): PortSet {
    return this.sets[PROTOCOLS.indexOf(p)]!;
  }

  get isEmpty(): boolean {
    return this === ConnSet.NONE;
  }

  get isAll(): boolean {
    return this === ConnSet.ALL;
  }

  private zip(o: ConnSet, f: (a: PortSet, b: PortSet) => PortSet): ConnSet {
    return ConnSet.from([f(this.sets[0], o.sets[0]), f(this.sets[1], o.sets[1]), f(this.sets[2], o.sets[2])]);
  }

  union(o: ConnSet): ConnSet {
    if (o.isEmpty || this.isAll) return this;
    if (this.isEmpty || o.isAll) return o;
    return this.zip(o, (a, b) => a.union(b));
  }

  intersect(o: ConnSet): ConnSet {
    if (this.isEmpty || o.isAll) return this;
    if (o.isEmpty || this.isAll) return o;
    return this.zip(o, (a, b) => a.intersect(b));
  }

  subtract(o: ConnSet): ConnSet {
    if (this.isEmpty || o.isEmpty) return this;
    if (o.isAll) return ConnSet.NONE;
    return this.zip(o, (a, b) => a.subtract(b));
  }

  equals(o: ConnSet): boolean {
    return this === o || this.sets.every((s, i) => s.equals(o.sets[i]!));
  }

  allows(p: Protocol, port: number): boolean {
    return this.ports(p).has(port);
  }

  /** Canonical string, compatible with netpol-analyzer: "All Connections", "No Connections", "TCP 80,UDP 53". */
  toString(): string {
    if (this.isAll) return "All Connections";
    if (this.isEmpty) return "No Connections";
    return (this.text ??= PROTOCOLS.map((p, i) => (this.sets[i]!.isEmpty ? "" : `${p} ${this.sets[i]!.toString()}`))
      .filter((s) => s !== "")
      .join(","));
  }
}
