// Command-line parsing for `netreach why SRC DST [--port PROTO/N] [PATHS... | --git REV]`.
import type { PodsMode } from "../analyze.js";
import type { PortQuery } from "../explain/why.js";
import { parseIngressController } from "../exposure/controller.js";
import { UsageError } from "../files/usage-error.js";
import type { IngressController } from "../model/endpoint.js";
import { isDnsLabel, quoted, RULE_TEXT } from "../load/object/object-meta.js";
import { MAX_PORT, MIN_PORT, PROTOCOLS, type Protocol } from "../net/protocol.js";
import type { HostNetworkMode } from "../reach/universe.js";
import type { TargetArgs } from "./target-args.js";

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
}

export function parseWhyArgs(rest: readonly string[]): WhyCommand {
  const positional: string[] = [];
  let format: string = "text";
  let port: PortQuery | null = null;
  let git: string | null = null;
  let pods: PodsMode = "auto";
  let hostNetwork: HostNetworkMode = "exempt";
  let namespace: string | undefined;
  let ingressController: IngressController | undefined;
  const names: string[] = [];
  const kustomize: string[] = [];
  const helm: string[] = [];
  let config: string | null = null;
  let discover = true;
  let dashes = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (dashes) {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") || arg.startsWith("-n=") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--") dashes = true;
    else if (flag === "--format") format = oneOf(flag, value(), WHY_FORMATS);
    else if (flag === "--port") port = parsePort(value());
    else if (flag === "--git") git = value();
    else if (flag === "--pods") pods = oneOf(flag, value(), ["auto", "declared", "synthetic"] as const);
    else if (flag === "--host-network") hostNetwork = oneOf(flag, value(), ["exempt", "pod"] as const);
    else if (flag === "--namespace" || flag === "-n") {
      const v = value();
      if (!isDnsLabel(v)) throw new UsageError(`${flag} ${quoted(v)} is not a valid namespace name: it must be ${RULE_TEXT["dns-label"]}`);
      namespace = v;
    } else if (flag === "--ingress-controller") {
      const c = parseIngressController(value());
      if (!c.ok) throw new UsageError(`--${c.error}`);
      ingressController = c.value;
    } else if (flag === "--target") names.push(value());
    else if (flag === "--kustomize") kustomize.push(value());
    else if (flag === "--helm") helm.push(value());
    else if (flag === "--config") config = value();
    else if (flag === "--no-discover") discover = false;
    // "-" alone is no flag; a negative-looking id never starts with one.
    else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`unknown option "${flag}" for why`);
    else positional.push(arg);
  }
  const [src, dst, ...paths] = positional;
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
    pods,
    hostNetwork,
    namespace,
    ingressController,
    targets: { kustomize, helm, names, config, discover },
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

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, not "${v}"`);
  return v as T;
}
