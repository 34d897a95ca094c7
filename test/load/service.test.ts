// v1 Service: fields, defaults, and each rule by which the API server rejects one, at its line.
import { describe, expect, it } from "vitest";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { extractObjects } from "../../src/load/objects.js";
import { loadService } from "../../src/load/exposure/service.js";

function load(text: string) {
  const file = { path: "svc.yaml", text };
  const obj = extractObjects(file, parseDocuments(file).docs).objects[0]!;
  return loadService(obj);
}

/** The only error's line and message. */
function rejected(text: string): { line: number; message: string } {
  const r = load(text);
  expect(r.service).toBeUndefined();
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toHaveLength(1);
  return { line: errors[0]!.line, message: errors[0]!.message };
}

const head = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n";

describe("Service fields and defaults", () => {
  it("defaults: type ClusterIP, protocol TCP, targetPort = port, no externalTrafficPolicy", () => {
    const r = load(head + "  selector: {app: web}\n  ports:\n  - port: 80\n");
    expect(r.diagnostics).toEqual([]);
    const s = r.service!;
    expect(s).toMatchObject({ id: "shop/web", type: "ClusterIP", selector: { app: "web" }, externalIPs: [], loadBalancerSourceRanges: [], externalTrafficPolicy: undefined });
    expect(s.ports).toHaveLength(1);
    expect(s.ports[0]).toMatchObject({ name: undefined, port: 80, protocol: "TCP", targetPort: { kind: "number", port: 80 }, nodePort: undefined });
    expect(s.ports[0]!.source.line).toBe(7);
  });

  it("LoadBalancer: named targetPort, nodePort, UDP, source ranges, Local policy, externalIPs", () => {
    const r = load(
      head +
        "  type: LoadBalancer\n  selector: {app: web}\n  externalTrafficPolicy: Local\n  externalIPs: [203.0.113.7]\n  loadBalancerSourceRanges: [' 198.51.100.0/24 ']\n" +
        "  ports:\n  - {name: http, port: 80, targetPort: web, nodePort: 30080}\n  - {name: dns, port: 53, protocol: UDP, targetPort: 5353}\n",
    );
    expect(r.diagnostics).toEqual([]);
    const s = r.service!;
    expect(s.type).toBe("LoadBalancer");
    expect(s.externalTrafficPolicy).toBe("Local");
    expect(s.externalIPs).toEqual(["203.0.113.7"]);
    expect(s.loadBalancerSourceRanges).toEqual([{ family: "v4", base: 0xc6336400n, prefix: 24 }]);
    expect(s.ports.map((p) => [p.name, p.port, p.protocol, p.targetPort, p.nodePort])).toEqual([
      ["http", 80, "TCP", { kind: "name", name: "web" }, 30080],
      ["dns", 53, "UDP", { kind: "number", port: 5353 }, undefined],
    ]);
  });

  it("NodePort defaults externalTrafficPolicy to Cluster; so does a ClusterIP Service with externalIPs", () => {
    expect(load(head + "  type: NodePort\n  ports: [{port: 80}]\n").service!.externalTrafficPolicy).toBe("Cluster");
    expect(load(head + "  externalIPs: [192.0.2.1]\n  ports: [{port: 80}]\n").service!.externalTrafficPolicy).toBe("Cluster");
  });

  it("selects nothing without a selector, with an empty one, and as ExternalName (whose selector is ignored, with a warning)", () => {
    expect(load(head + "  ports: [{port: 80}]\n").service!.selector).toBeNull();
    expect(load(head + "  selector: {}\n  ports: [{port: 80}]\n").service!.selector).toBeNull();
    const ext = load(head + "  type: ExternalName\n  externalName: db.example.com.\n  selector: {app: db}\n");
    expect(ext.service).toMatchObject({ type: "ExternalName", externalName: "db.example.com.", selector: null, ports: [] });
    expect(ext.diagnostics).toEqual([expect.objectContaining({ severity: "warning", line: 7, message: expect.stringContaining("ignored for type ExternalName") })]);
  });

  it("a headless Service may have no ports", () => {
    expect(load(head + "  clusterIP: None\n  selector: {app: web}\n").service!.ports).toEqual([]);
  });
});

describe("Service validation: each rule rejects the object, at its line", () => {
  const cases: [string, string, number, RegExp][] = [
    ["no ports", "  selector: {app: web}\n", 4, /at least one port is required/],
    ["port 0", "  ports: [{port: 0}]\n", 5, /port number 0 is out of range/],
    ["port 65536", "  ports:\n  - port: 65536\n", 6, /port number 65536 is out of range/],
    ["unnamed port among two", "  ports:\n  - {name: a, port: 80}\n  - port: 81\n", 7, /a name is required when a Service has more than one port/],
    ["duplicate port names", "  ports:\n  - {name: a, port: 80}\n  - {name: a, port: 81}\n", 7, /duplicate port name "a"/],
    ["port name not a DNS label", "  ports:\n  - {name: Http, port: 80}\n", 6, /"Http" is invalid: a Service port name must be a lower-case DNS label/],
    ["targetPort name not an IANA service name", "  ports:\n  - {port: 80, targetPort: http-server-port}\n", 6, /longer than 15 characters/],
    ["targetPort 70000", "  ports:\n  - {port: 80, targetPort: 70000}\n", 6, /targetPort number 70000 is out of range/],
    ["duplicate port and protocol", "  ports:\n  - {name: a, port: 80}\n  - {name: b, port: 80}\n", 7, /duplicate port TCP 80/],
    ["protocol in lower case", "  ports:\n  - {port: 80, protocol: tcp}\n", 6, /unsupported protocol the string "tcp".*write TCP/],
    ["nodePort on ClusterIP", "  ports:\n  - {port: 80, nodePort: 30080}\n", 6, /may not be used when type is ClusterIP/],
    ["nodePort out of the default range", "  type: NodePort\n  ports:\n  - {port: 80, nodePort: 8080}\n", 7, /nodePort 8080 is not in the valid range 30000-32767/],
    ["unknown type", "  type: Loadbalancer\n  ports: [{port: 80}]\n", 5, /unsupported type the string "Loadbalancer"/],
    ["ExternalName without externalName", "  type: ExternalName\n", 4, /externalName: is required for type ExternalName/],
    ["invalid externalName", "  type: ExternalName\n  externalName: db_1.example.com\n", 6, /"db_1.example.com" is invalid/],
    ["invalid CIDR in loadBalancerSourceRanges", "  type: LoadBalancer\n  ports: [{port: 80}]\n  loadBalancerSourceRanges:\n  - 10.0.0.0/33\n", 8, /invalid prefix length "33"/],
    ["loadBalancerSourceRanges on NodePort", "  type: NodePort\n  ports: [{port: 80}]\n  loadBalancerSourceRanges: [10.0.0.0/8]\n", 7, /may only be used when type is LoadBalancer, not NodePort/],
    ["loopback externalIP", "  ports: [{port: 80}]\n  externalIPs:\n  - 127.0.0.1\n", 7, /loopback/],
    ["externalIP as a CIDR", "  ports: [{port: 80}]\n  externalIPs: [10.0.0.0/8]\n", 6, /must be an IP address, not a CIDR/],
    ["externalTrafficPolicy on ClusterIP", "  ports: [{port: 80}]\n  externalTrafficPolicy: Local\n", 6, /may only be set for externally-accessible Services/],
    ["unknown externalTrafficPolicy", "  type: NodePort\n  ports: [{port: 80}]\n  externalTrafficPolicy: local\n", 7, /unsupported value the string "local": use Cluster or Local/],
    ["invalid selector value", "  selector: {app: 'a b'}\n  ports: [{port: 80}]\n", 5, /label value "a b"/],
  ];
  for (const [title, spec, line, message] of cases) {
    it(title, () => {
      const r = rejected(head + spec);
      expect(r.line).toBe(line);
      expect(r.message).toMatch(message);
      expect(r.message).toMatch(/^Service shop\/web: .*; the API server rejects this Service$/);
    });
  }

  it("a name that is a DNS subdomain but not a DNS-1035 label (starts with a digit)", () => {
    const r = rejected("apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\nspec: {ports: [{port: 80}]}\n");
    expect(r.line).toBe(3);
    expect(r.message).toMatch(/"1web" is invalid: a Service name must be a DNS-1035 label/);
  });
});
