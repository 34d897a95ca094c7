// Ports as assertions write them: "TCP 5432", "UDP 8000-8100".
import { ConnSet, PortSet } from "../net/conn-set.js";
import { MAX_PORT, MIN_PORT, PROTOCOLS, type Protocol } from "../net/protocol.js";

const PORT = /^\s*([A-Za-z]+)\s+(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*$/;

/** One port entry as a connection set, or why it is not one. */
export function parsePortEntry(text: string): { ok: true; conn: ConnSet } | { ok: false; error: string } {
  const m = PORT.exec(text);
  if (m === null) return { ok: false, error: `port ${JSON.stringify(text)} must be "PROTO N" or "PROTO N-M" (TCP, UDP or SCTP), e.g. "TCP 5432"` };
  const protocol = m[1]!.toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) return { ok: false, error: `port ${JSON.stringify(text)}: protocol must be TCP, UDP or SCTP` };
  const from = Number(m[2]);
  const to = m[3] === undefined ? from : Number(m[3]);
  for (const n of [from, to]) if (n < MIN_PORT || n > MAX_PORT) return { ok: false, error: `port ${JSON.stringify(text)}: ${n} is not a port (${MIN_PORT} to ${MAX_PORT})` };
  if (to < from) return { ok: false, error: `port ${JSON.stringify(text)}: the range ends before it starts` };
  return { ok: true, conn: ConnSet.of({ [protocol as Protocol]: PortSet.range(from, to) }) };
}
