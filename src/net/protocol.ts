/** The protocols NetworkPolicy knows, in the canonical output order (DESIGN section 5). */
export const PROTOCOLS = ["SCTP", "TCP", "UDP"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export function isProtocol(value: unknown): value is Protocol {
  return value === "TCP" || value === "UDP" || value === "SCTP";
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;
