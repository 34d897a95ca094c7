// One networking.istio.io routing object read by its kind's reader.
import type { DestinationRule, IstioGateway, VirtualService } from "../../model/istio.js";
import type { Diagnostic } from "../object/diagnostic.js";
import type { KubeObject } from "../object/source.js";
import { loadDestinationRule } from "./destination-rule.js";
import { loadIstioGateway } from "./gateway.js";
import { loadVirtualService } from "./virtual-service.js";

export type IstioObject =
  | { readonly type: "istio-gateway"; readonly value: IstioGateway }
  | { readonly type: "virtual-service"; readonly value: VirtualService }
  | { readonly type: "destination-rule"; readonly value: DestinationRule };

/** Reads an object for which isIstioRouting holds. */
export function loadIstioObject(obj: KubeObject): { loaded: IstioObject | undefined; diagnostics: readonly Diagnostic[] } {
  switch (obj.kind) {
    case "Gateway": {
      const r = loadIstioGateway(obj);
      return { loaded: r.gateway && { type: "istio-gateway", value: r.gateway }, diagnostics: r.diagnostics };
    }
    case "VirtualService": {
      const r = loadVirtualService(obj);
      return { loaded: r.virtualService && { type: "virtual-service", value: r.virtualService }, diagnostics: r.diagnostics };
    }
    default: {
      const r = loadDestinationRule(obj);
      return { loaded: r.rule && { type: "destination-rule", value: r.rule }, diagnostics: r.diagnostics };
    }
  }
}
