// Which Gateway API kinds and versions netreach reads, and the CRD schema's shared rules
// (names, ports) that the API server enforces for them through OpenAPI and CEL validation.
import type { Checker } from "../object/checker.js";
import type { DocPath } from "../object/source.js";
import { portNumber } from "../object/port-number.js";

export const GATEWAY_GROUP = "gateway.networking.k8s.io";

/** Served versions per kind (standard and experimental channels) that manifests commonly use. */
export const GATEWAY_API_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  Gateway: ["v1", "v1beta1"],
  HTTPRoute: ["v1", "v1beta1"],
  GRPCRoute: ["v1", "v1alpha2"],
  TCPRoute: ["v1alpha2"],
  TLSRoute: ["v1alpha2"],
  UDPRoute: ["v1alpha2"],
  ReferenceGrant: ["v1beta1", "v1alpha2"],
};

export function isGatewayApi(kind: string, apiVersion: string): boolean {
  const versions = GATEWAY_API_VERSIONS[kind];
  return versions !== undefined && versions.some((v) => apiVersion === `${GATEWAY_GROUP}/${v}`);
}

/** The schema's rejection, in the words the report uses. */
export function rejects(kind: string): string {
  return `; the API server rejects this ${kind} (CRD validation)`;
}

/** An integer 1-65535 (the schema's PortNumber), or undefined with an error. */
export function schemaPort(c: Checker, path: DocPath, kind: string): number | undefined {
  return portNumber(c, path, rejects(kind));
}

/** A required non-empty string (ObjectName, SectionName, ...), or undefined with an error. */
export function requiredString(c: Checker, path: DocPath, kind: string): string | undefined {
  const v = c.string(path);
  if (v === undefined || v === "") {
    if (v === "" || c.isUnset(path)) c.error(path, "is required" + rejects(kind));
    return undefined;
  }
  return v;
}
