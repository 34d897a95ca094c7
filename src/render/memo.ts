/**
 * A function remembered per argument: per-pair listings render the same few endpoints and
 * connection sets on millions of lines.
 */
export function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const known = new Map<K, V>();
  return (k) => {
    let v = known.get(k);
    if (v === undefined) known.set(k, (v = f(k)));
    return v;
  };
}
