// How Istio's routing objects are read: gateway names (bare, namespaced, `mesh`), destination
// hosts (short, name.namespace, FQDN), subsets, route kinds against server protocols and ports,
// and a Gateway without a selector. Each case runs the public API and reads the reach JSON.
import { describe, expect, it } from "vitest";
import { reach } from "../../src/analyze.js";
import { parseIngressController } from "../../src/exposure/controller.js";
import { loadSources } from "../../src/load/load-sources.js";
import { namespaceOption } from "../../src/load/namespace-option.js";
import { reachJson } from "../../src/render/reach-json.js";
import type { SourceFile } from "../../src/load/object/source.js";

const web = (name: string, version: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: web, version: ${version}}}
  template:
    metadata: {labels: {app: web, version: ${version}}}
    spec: {containers: [{name: web, image: web, ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: admin}, {containerPort: 8443, name: tls}]}]}
`;
const svc = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}, {name: admin, port: 9000, targetPort: admin}, {name: tls, port: 443, targetPort: tls}]
`;
const gateway = (servers: string, extra = "  selector: {istio: ingressgateway}\n", ns = "istio-system") => `apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: public, namespace: ${ns}}
spec:
${extra}  servers:
${servers}`;
const HTTP80 = "  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ['*']\n";
const vs = (spec: string, ns = "shop") => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: ${ns}}
spec:
  hosts: ['shop.example.com']
${spec}`;
const toWeb = (host = "web", extra = "") => `  http:
  - route:
    - destination: {host: ${host}, port: {number: 80}${extra}}
`;

const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const run = (...docs: string[]) => reachJson(reach(files(...docs), { pods: "declared" }));
const exposed = (j: ReturnType<typeof run>) => j.exposures.map((e) => `${e.dst} ${e.conn}`);
const chain = (j: ReturnType<typeof run>) => j.exposures[0]?.via[0]?.chain.map((h) => `${h.kind} ${h.namespace}/${h.name}: ${h.detail}`);
const warnings = (j: ReturnType<typeof run>) => j.diagnostics.filter((d) => d.severity !== "note").map((d) => `${d.line}: ${d.message}`);

describe("VirtualService gateways", () => {
  it("namespace/name reaches a Gateway in another namespace", () => {
    const j = run(web("web-v1", "v1"), svc, gateway(HTTP80), vs(`  gateways: [istio-system/public]\n${toWeb()}`));
    expect(exposed(j)).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
    expect(chain(j)).toEqual([
      "Gateway istio-system/public: Istio, server http: HTTP port 80, hosts *, selector istio=ingressgateway",
      "VirtualService shop/web: http[0], host shop.example.com, to web port 80",
      "Service shop/web: ClusterIP, port 80 (http) → targetPort http = 8080",
    ]);
    expect(warnings(j)).toEqual([]);
  });

  it("a bare name is the VirtualService's own namespace: a Gateway of that name elsewhere is not it", () => {
    const j = run(web("web-v1", "v1"), svc, gateway(HTTP80), vs(`  gateways: [public]\n${toWeb()}`));
    expect(warnings(j)).toEqual(["31: VirtualService shop/web: the Gateway shop/public is not declared in these manifests; where it listens cannot be followed"]);
    // Erring towards exposure, as for a Gateway API parent not in the manifests; the hop says so.
    expect(chain(j)?.[0]).toBe("Gateway shop/public: Istio, not in these manifests");
    const same = run(web("web-v1", "v1"), svc, gateway(HTTP80, undefined, "shop"), vs(`  gateways: [public]\n${toWeb()}`));
    expect(chain(same)?.[0]).toBe("Gateway shop/public: Istio, server http: HTTP port 80, hosts *, selector istio=ingressgateway");
  });

  it("mesh, or no gateways at all, exposes nothing; mesh with a gateway exposes through the gateway", () => {
    expect(run(web("web-v1", "v1"), svc, gateway(HTTP80), vs(`  gateways: [mesh]\n${toWeb()}`)).exposures).toEqual([]);
    const none = run(web("web-v1", "v1"), svc, gateway(HTTP80), vs(toWeb()));
    expect(none.exposures).toEqual([]);
    expect(none.endpoints.some((e) => e.type === "ingress-controller")).toBe(false);
    expect(exposed(run(web("web-v1", "v1"), svc, gateway(HTTP80), vs(`  gateways: [mesh, istio-system/public]\n${toWeb()}`)))).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
  });

  it("a server whose hosts admit only the Gateway's namespace ('./*') does not take a VirtualService of another", () => {
    const j = run(web("web-v1", "v1"), svc, gateway("  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ['./*']\n"), vs(`  gateways: [istio-system/public]\n${toWeb()}`));
    expect(j.exposures).toEqual([]);
    expect(warnings(j)).toEqual([expect.stringContaining("no server of Gateway istio-system/public lists a host matching shop.example.com for namespace shop")]);
    // And 'shop/*' does.
    const k = run(web("web-v1", "v1"), svc, gateway("  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ['shop/*.example.com']\n"), vs(`  gateways: [istio-system/public]\n${toWeb()}`));
    expect(exposed(k)).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
  });
});

describe("exportTo", () => {
  it("a VirtualService exported to its own namespace only is not seen by a Gateway of another; exported there (or to '*'), it is", () => {
    const only = (to: string) => vs(`  exportTo: [${to}]\n  gateways: [istio-system/public]\n${toWeb()}`);
    const j = run(web("web-v1", "v1"), svc, gateway(HTTP80), only("'.'"));
    expect(j.exposures).toEqual([]);
    expect(j.diagnostics.map((d) => d.message)).toContainEqual("VirtualService shop/web: exportTo . does not include namespace istio-system, so Gateway istio-system/public does not see it");
    expect(exposed(run(web("web-v1", "v1"), svc, gateway(HTTP80), only("istio-system")))).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
    expect(exposed(run(web("web-v1", "v1"), svc, gateway(HTTP80), only("'*'")))).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
  });
});

describe("destination hosts", () => {
  for (const host of ["web.shop", "web.shop.svc.cluster.local"]) {
    it(`${host} from a VirtualService of another namespace names Service shop/web`, () => {
      const j = run(web("web-v1", "v1"), svc, gateway(HTTP80), vs(`  gateways: [istio-system/public]\n${toWeb(host)}`, "edge"));
      expect(exposed(j)).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
      expect(chain(j)?.[1]).toBe(`VirtualService edge/web: http[0], host shop.example.com, to ${host} port 80`);
    });
  }

  it("a short name from another namespace is that namespace's Service: not declared, a warning", () => {
    const j = run(web("web-v1", "v1"), svc, gateway(HTTP80), vs(`  gateways: [istio-system/public]\n${toWeb()}`, "edge"));
    expect(j.exposures).toEqual([]);
    expect(warnings(j)).toEqual(["34: VirtualService edge/web: destination host web names Service edge/web, which is not declared in these manifests; its exposure cannot be followed"]);
  });
});

describe("DestinationRule subsets", () => {
  const rule = `apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: web, namespace: shop}
spec:
  host: web.shop.svc.cluster.local
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
`;
  it("a subset narrows the Service's pods to its labels", () => {
    const j = run(web("web-v1", "v1"), web("web-v2", "v2"), svc, rule, gateway(HTTP80), vs(`  gateways: [istio-system/public]\n${toWeb("web", ", subset: v2")}`));
    expect(exposed(j)).toEqual(["shop/web-v2[Deployment] TCP 8080"]);
    expect(chain(j)?.[2]).toBe("DestinationRule shop/web: subset v2: pods labelled version=v2");
    // Without the subset both versions are behind the Service.
    expect(exposed(run(web("web-v1", "v1"), web("web-v2", "v2"), svc, rule, gateway(HTTP80), vs(`  gateways: [istio-system/public]\n${toWeb()}`)))).toEqual([
      "shop/web-v1[Deployment] TCP 8080",
      "shop/web-v2[Deployment] TCP 8080",
    ]);
  });

  it("weights split traffic; a destination of weight 0 receives none", () => {
    const split = `  http:
  - route:
    - {destination: {host: web, port: {number: 80}, subset: v1}, weight: 100}
    - {destination: {host: web, port: {number: 80}, subset: v2}, weight: 0}
`;
    expect(exposed(run(web("web-v1", "v1"), web("web-v2", "v2"), svc, rule, gateway(HTTP80), vs(`  gateways: [istio-system/public]\n${split}`)))).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
  });
});

describe("mirrors", () => {
  it("an http route's mirror is sent each request too: its pods are exposed, the hop says mirror", () => {
    const shadow = `apiVersion: v1
kind: Service
metadata: {name: shadow, namespace: shop}
spec:
  selector: {app: web, version: v2}
  ports: [{name: admin, port: 9000, targetPort: admin}]
`;
    const mirrored = `  gateways: [istio-system/public]
  http:
  - route: [{destination: {host: web, port: {number: 80}, subset: v1}}]
    mirror: {host: shadow}
`;
    const rule = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: web, namespace: shop}
spec: {host: web, subsets: [{name: v1, labels: {version: v1}}]}
`;
    const j = run(web("web-v1", "v1"), web("web-v2", "v2"), svc, shadow, rule, gateway(HTTP80), vs(mirrored));
    expect(exposed(j)).toEqual(["shop/web-v1[Deployment] TCP 8080", "shop/web-v2[Deployment] TCP 9090"]);
    expect(j.exposures[1]!.via[0]!.chain[1]!.detail).toBe("http[0], host shop.example.com, mirror to shadow");
  });
});

describe("routes against servers", () => {
  const servers = `  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ['*']
  - port: {number: 443, name: passthrough, protocol: TLS}
    hosts: ['*']
    tls: {mode: PASSTHROUGH}
  - port: {number: 9000, name: admin, protocol: TCP}
    hosts: ['*']
`;
  it("a tls route takes the passthrough server only, to the Service's TLS port", () => {
    const tls = `  gateways: [istio-system/public]
  tls:
  - match: [{port: 443, sniHosts: [shop.example.com]}]
    route: [{destination: {host: web, port: {number: 443}}}]
`;
    const j = run(web("web-v1", "v1"), svc, gateway(servers), vs(tls));
    expect(exposed(j)).toEqual(["shop/web-v1[Deployment] TCP 8443"]);
    expect(chain(j)?.slice(0, 2)).toEqual(["Gateway istio-system/public: Istio, server passthrough: TLS port 443, hosts *, selector istio=ingressgateway", "VirtualService shop/web: tls[0] (tls), host shop.example.com, to web port 443"]);
  });

  it("a tcp route whose match names a port takes that server only; one naming no server's port takes none", () => {
    const tcp = (port: number) => `  gateways: [istio-system/public]
  tcp:
  - match: [{port: ${port}}]
    route: [{destination: {host: web, port: {number: 9000}}}]
`;
    const j = run(web("web-v1", "v1"), svc, gateway(servers), vs(tcp(9000)));
    expect(exposed(j)).toEqual(["shop/web-v1[Deployment] TCP 9090"]);
    expect(chain(j)?.[0]).toBe("Gateway istio-system/public: Istio, server admin: TCP port 9000, hosts *, selector istio=ingressgateway");
    expect(run(web("web-v1", "v1"), svc, gateway(servers), vs(tcp(31400))).exposures).toEqual([]);
  });

  it("an http route without a port match is served on every HTTP server, and not on TLS passthrough or TCP ones", () => {
    const j = run(web("web-v1", "v1"), svc, gateway(servers), vs(`  gateways: [istio-system/public]\n${toWeb()}`));
    expect(j.exposures[0]?.via.map((v) => v.chain[0]!.detail)).toEqual(["Istio, server http: HTTP port 80, hosts *, selector istio=ingressgateway"]);
  });
});

describe("a Gateway without a selector", () => {
  it("is taken to run on istio=ingressgateway pods, said on the hop and in the assumptions", () => {
    const j = run(web("web-v1", "v1"), svc, gateway(HTTP80, ""), vs(`  gateways: [istio-system/public]\n${toWeb()}`));
    expect(chain(j)?.[0]).toBe("Gateway istio-system/public: Istio, server http: HTTP port 80, hosts *, no selector: istio=ingressgateway assumed");
    expect(j.assumptions).toContainEqual(expect.stringContaining("a Gateway without a selector is taken to run on pods labelled istio=ingressgateway"));
  });
});

describe("policies decide what the gateway's traffic reaches", () => {
  const fromGateway = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-gateway, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: istio-system}}, podSelector: {matchLabels: {istio: ingressgateway}}}]
`;
  it("a policy admitting only the istio-system gateway pods: closed to the unnamed stand-in, open once --ingress-controller names them", () => {
    const docs = files(web("web-v1", "v1"), svc, gateway(HTTP80), vs(`  gateways: [istio-system/public]\n${toWeb()}`), fromGateway);
    expect(reachJson(reach(docs, { pods: "declared" })).exposures).toEqual([]);
    const named = parseIngressController("istio-system/istio=ingressgateway");
    if (!named.ok) throw new Error(named.error);
    const j = reachJson(reach(docs, { pods: "declared", ingressController: named.value }));
    expect(exposed(j)).toEqual(["shop/web-v1[Deployment] TCP 8080"]);
    expect(j.assumptions.filter((a) => a.includes("--ingress-controller istio-system"))).toEqual([]);
  });
});

describe("placement and what stays unanalyzed", () => {
  it("Istio objects without a namespace go to -n's, and Sidecar, ServiceEntry and AuthorizationPolicy stay listed as not analyzed", () => {
    const text = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web}
spec: {hosts: ['*'], gateways: [public]}
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: s}
spec: {}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: e}
spec: {hosts: [api.example.com]}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: a}
spec: {}
`;
    const l = loadSources([{ path: "a.yaml", text }], namespaceOption("shop"));
    expect(l.cluster.istio.virtualServices.map((v) => [v.id, v.gateways.map((g) => (g.mesh ? "mesh" : `${g.namespace}/${g.name}`))])).toEqual([["shop/web", ["shop/public"]]]);
    expect(l.diagnostics.filter((d) => d.message.includes("is not analyzed")).map((d) => d.message.split(" (")[0])).toEqual(["Sidecar", "ServiceEntry", "AuthorizationPolicy"]);
  });
});
