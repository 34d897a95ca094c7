// Which rules of a list match a peer, as text and as one number per distinct answer: a pair's
// explanation is keyed by them (evaluate.ts, explanationKey and explanationId). Made once per list
// from its rules' node sets, so a pair costs a lookup, not a search per rule. Nothing is made per
// node a rule names (one rule to a namespaceSelector names thousands of pod classes): an answer's
// text and number are made when a pair first asks for it.

export interface ListMatch {
  /** The number of "no rule of the list matches". */
  readonly none: number;
  /** The number of which rules match `peer`; undefined when no rule names it. */
  at(peer: number): number | undefined;
  /** Which rules match `peer`, a digit a rule in the list's order ("01": the second does). */
  textAt(peer: number): string;
}

/** Rules in one bit each: lists longer than this (rare) keep a digit per rule and node. */
const MASK_BITS = 30;

/**
 * `nodes`: each rule's peers (ascending). `textId` numbers an answer by its text, as
 * explanationKey writes it.
 */
export function listMatch(nodes: readonly Int32Array[], textId: (text: string) => number): ListMatch {
  const noneText = "0".repeat(nodes.length);
  const textOf = answers(nodes);
  const ids = new Map<string, number>();
  return {
    none: textId(noneText),
    at(peer) {
      const text = textOf(peer);
      if (text === undefined) return undefined;
      let id = ids.get(text);
      if (id === undefined) ids.set(text, (id = textId(text)));
      return id;
    },
    textAt: (peer) => textOf(peer) ?? noneText,
  };
}

/**
 * Which rules match a peer, as text; undefined for a peer no rule names. Worked out for the peers
 * asked about, each once: a tenant's ingress list whose scrape rule names the Prometheus of every
 * namespace is asked about a few peers, not its thousands.
 */
function answers(nodes: readonly Int32Array[]): (peer: number) => string | undefined {
  const n = nodes.length;
  if (n === 1) {
    const only = nodes[0]!;
    return (peer) => (includes(only, peer) ? "1" : undefined);
  }
  if (n <= MASK_BITS) {
    // Per peer asked, the rules matching it in one bit each (0: none).
    const masks = new Map<number, number>();
    const texts = new Map<number, string>();
    return (peer) => {
      let mask = masks.get(peer);
      if (mask === undefined) {
        mask = 0;
        for (let j = 0; j < n; j++) if (includes(nodes[j]!, peer)) mask |= 1 << j;
        masks.set(peer, mask);
      }
      if (mask === 0) return undefined;
      let text = texts.get(mask);
      if (text === undefined) {
        text = "";
        for (let j = 0; j < n; j++) text += (mask >> j) & 1 ? "1" : "0";
        texts.set(mask, text);
      }
      return text;
    };
  }
  const byPeer = new Map<number, string | undefined>();
  return (peer) => {
    if (byPeer.has(peer)) return byPeer.get(peer);
    let text = "";
    let any = false;
    for (let j = 0; j < n; j++) {
      const hit = includes(nodes[j]!, peer);
      any ||= hit;
      text += hit ? "1" : "0";
    }
    const answer = any ? text : undefined;
    byPeer.set(peer, answer);
    return answer;
  };
}

/** Whether an ascending array holds `v`. */
export function includes(sorted: Int32Array, v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! === v) return true;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
