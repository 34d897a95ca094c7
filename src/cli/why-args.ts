// Command-line parsing for `netreach why SRC DST [--port PROTO/N] [PATHS... | --git REV]`.
import type { PodsMode } from "../analyze.js";
import type { PortQuery } from "../explain/why.js";
import { UsageError } from "../files/usage-error.js";
import type { IngressController } from "../model/endpoint.js";
import { quoted } from "../load/object/object-meta.js";
import { MAX_PORT, MIN_PORT, PROTOCOLS, type Protocol } from "../net/protocol.js";
import type { HostNetworkMode } from "../reach/universe.js";
import type { TargetArgs } from "./target-args.js";
import { cniFlags, oneOf, readFlags, sharedFlag, sharedFlags, targetArgs } from "./flag-reader.js";
import type { CniChoice } from "../load/cni-option.js";

export const WHY_FORMATS = ["text", "json"] as const;
export type WhyFormat = (typeof WHY_FORMATS)[number];

export type WhySource =
  | { readonly kind: "paths"; readonly paths: readonly string[] }
  | { readonly kind: "git"; readonly rev: string; readonly pathspecs: readonly string[] };

export interface WhyCommand {
  readonly command: "why";
  readonly src: string;
  readonly dst: string;
  readonly port: PortQuery | null;
  readonly format: WhyFormat;
  readonly source: WhySource;
  readonly pods: PodsMode;
  readonly hostNetwork: HostNetworkMode;
  readonly namespace: string | undefined;
  readonly ingressController: IngressController | undefined;
  readonly targets: TargetArgs;
  readonly cni: CniChoice;
  readonly ciliumCluster: string | undefined;
}

export function parseWhyArgs(rest: readonly string[]): WhyCommand {
  // Set inside the flag reader's callback: typed wide, so that the checks below are not narrowed away.
  let format = "text" as string;
  let port = null as PortQuery | null;
  let git = null as string | null;
  const shared = sharedFlags();
  const { positional, afterDashes, dashes } = readFlags("why", rest, (flag, value) => {
    if (sharedFlag(shared, flag, value)) return true;
    if (flag === "--format") format = oneOf(flag, value(), WHY_FORMATS);
    else if (flag === "--port") port = parsePort(value());
    else if (flag === "--git") git = value();
    else return false;
    return true;
  });
  const [src, dst, ...paths] = [...positional, ...afterDashes];
  if (src === undefined || dst === undefined) throw new UsageError("why needs a source and a destination, e.g. netreach why frontend/web backend/db --port TCP/5432");
  if (git !== null && paths.length > 0 && !dashes) throw new UsageError("why --git REV reads the revision's files: pathspecs go after --");
  const source: WhySource = git !== null ? { kind: "git", rev: git, pathspecs: paths } : { kind: "paths", paths: paths.length > 0 ? paths : ["."] };
  return {
    command: "why",
    src,
    dst,
    port,
    format: format as WhyFormat,
    source,
    pods: shared.pods,
    hostNetwork: shared.hostNetwork,
    namespace: shared.namespace,
    ingressController: shared.ingressController,
    targets: targetArgs(shared),
    ...cniFlags(shared),
  };
}

/** `TCP/5432`, `udp/53`, or a bare number (TCP, as a NetworkPolicy port without protocol). */
export function parsePort(text: string): PortQuery {
  const m = /^(?:([A-Za-z]+)\/)?(\d+)$/.exec(text.trim());
  const protocol = (m?.[1] ?? "TCP").toUpperCase();
  const port = m === null ? NaN : Number(m[2]);
  if (m === null || !(PROTOCOLS as readonly string[]).includes(protocol) || !(port >= MIN_PORT && port <= MAX_PORT)) {
    throw new UsageError(`--port ${quoted(text)}: give PROTOCOL/PORT, e.g. TCP/5432 (protocols ${PROTOCOLS.join(", ")}; ports ${MIN_PORT}-${MAX_PORT})`);
  }
  return { protocol: protocol as Protocol, port };
}
