// A route that sends traffic nowhere, in words: "Ingress `shop/web` → Service `shop/web` port 80:
// the Service was removed in this pull request; the route sends traffic nowhere".
import type { RouteBreakage } from "../diff/route-breakages.js";
import type { ExposureFormat } from "./exposure-words.js";

export interface RouteFormat extends ExposureFormat {
  readonly at: (file: string, line: number, side: "base" | "head") => string;
}

/**
 * `full`: with where the route names the Service (head) and where the Service was (base).
 * `named`: the route was just named ("… through Ingress `shop/site`: "): said from its backend.
 */
export function routeWords(r: RouteBreakage, f: RouteFormat, full: boolean, named = false): string {
  const p = r.port;
  const port = p.kind === "service-port" ? ` port ${p.port}` : p.kind === "service-port-name" ? ` port ${f.code(p.name)}` : p.kind === "target-port" ? ` target port ${p.port}` : "";
  if (named) {
    const what = r.cause === "service-removed" ? `its backend Service ${f.code(r.service)} was removed in this pull request` : `its backend Service ${f.code(r.service)} lost${port} in this pull request`;
    return `${what}; the ${f.text(r.route.kind)} sends traffic nowhere`;
  }
  const route = `${f.text(r.route.kind)} ${f.code(`${r.route.namespace}/${r.route.name}`)}${full ? ` (${f.at(r.at.file, r.at.line, "head")})` : ""}`;
  const was = full ? ` (was at ${f.at(r.was.file, r.was.line, "base")})` : "";
  const cause = r.cause === "service-removed" ? `the Service was removed in this pull request${was}` : `${port.trim()} was removed from the Service in this pull request${was}`;
  return `${route} → Service ${f.code(r.service)}${port}: ${cause}; the route sends traffic nowhere`;
}
