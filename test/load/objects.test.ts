import { describe, it, expect } from "vitest";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { extractObjects, slimmed, wholeBody } from "../../src/load/objects.js";

function extract(text: string, path = "in.yaml") {
  const file = { path, text };
  const parsed = parseDocuments(file);
  expect(parsed.diagnostics).toEqual([]);
  return extractObjects(file, parsed.docs);
}

describe("extractObjects", () => {
  it("returns every object, of any kind, with its locator", () => {
    const text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: example.com/v1\nkind: Widget\nspec: {}\n";
    const { objects, skipped, diagnostics } = extract(text);
    expect(objects.map((o) => [o.file, o.kind, o.apiVersion])).toEqual([
      ["in.yaml", "Namespace", "v1"],
      ["in.yaml", "Widget", "example.com/v1"],
    ]);
    expect(objects[0]!.body).toEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } });
    expect(objects[1]!.locate(["spec"])).toEqual({ line: 8, column: 1 });
    expect(skipped).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it("unpacks kind: List; its items carry their own kind and apiVersion", () => {
    const text = [
      "apiVersion: v1",
      "kind: List",
      "items:",
      "  - apiVersion: v1",
      "    kind: Pod",
      "    metadata: {name: p}",
      "  - apiVersion: networking.k8s.io/v1",
      "    kind: NetworkPolicy",
      "    spec:",
      "      podSelector: {}",
      "  - metadata: {name: no-kind}",
      "",
    ].join("\n");
    const { objects, skipped, diagnostics } = extract(text);
    expect(objects.map((o) => [o.kind, o.apiVersion])).toEqual([
      ["Pod", "v1"],
      ["NetworkPolicy", "networking.k8s.io/v1"],
    ]);
    // Locators are relative to the item.
    expect(objects[1]!.locate(["spec", "podSelector"])).toEqual({ line: 10, column: 7 });
    expect(objects[1]!.locate([])).toEqual({ line: 7, column: 5 });
    expect(skipped).toEqual([{ file: "in.yaml", line: 11, reason: "not-a-manifest" }]);
    expect(diagnostics).toEqual([
      { severity: "note", file: "in.yaml", line: 11, column: 5, message: "not a Kubernetes object (no kind/apiVersion); skipped" },
    ]);
  });

  it("infers kind and apiVersion of typed list items (kubectl get -o json)", () => {
    const text = JSON.stringify(
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicyList",
        items: [{ metadata: { name: "a" }, spec: { podSelector: {} } }, { kind: "NetworkPolicy", apiVersion: "networking.k8s.io/v1", metadata: { name: "b" } }],
      },
      null,
      2,
    );
    const { objects, skipped, diagnostics } = extract(text, "dump.json");
    expect(objects.map((o) => [o.kind, o.apiVersion, o.file])).toEqual([
      ["NetworkPolicy", "networking.k8s.io/v1", "dump.json"],
      ["NetworkPolicy", "networking.k8s.io/v1", "dump.json"],
    ]);
    expect(objects[0]!.body).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "a" },
      spec: { podSelector: {} },
    });
    expect(objects[0]!.locate(["metadata", "name"])).toEqual({ line: 7, column: 9 });
    expect(skipped).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it("infers Pod for PodList items without kind", () => {
    const text = "apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: p1}\n- metadata: {name: p2}\n";
    const { objects } = extract(text);
    expect(objects.map((o) => [o.kind, o.apiVersion, (o.body.metadata as { name: string }).name])).toEqual([
      ["Pod", "v1", "p1"],
      ["Pod", "v1", "p2"],
    ]);
  });

  it("treats a kind ending in List without an items array as an ordinary object", () => {
    const { objects } = extract("apiVersion: example.com/v1\nkind: AllowList\nspec:\n  items: {}\n");
    expect(objects.map((o) => o.kind)).toEqual(["AllowList"]);
  });

  it("places a JSON object where its value starts, as the full YAML reading does", () => {
    for (const text of ['\n\n  {"apiVersion": "v1", "kind": "Namespace",\n "metadata": {"name": "a"}}\n', '\r\n\t{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}']) {
      const { objects } = extract(text, "ns.json");
      const full = extract(`# read as YAML\n${text}`, "ns.yaml").objects[0]!.locate([]);
      expect(objects[0]!.locate([])).toEqual({ line: full.line - 1, column: full.column });
      expect(objects[0]!.locate(["metadata", "name"]).line).toBe(text.startsWith("\n") ? 4 : 2);
    }
  });

  it("reads a slimmed object's whole body again from its text, as it was read", () => {
    const texts: [string, string][] = [
      ["a.yaml", "# leading comment\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# between\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress:\n    - ports: [{port: 80, protocol: TCP}]\n...\n"],
      ["b.yaml", "---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: c}\r\ndata:\r\n  on: yes\r\n  when: 2001-12-14\r\n  s: |\r\n    two\r\n    lines\r\n"],
      ["c.yaml", "apiVersion: v1\nkind: Secret\nmetadata: &m {name: s}\nstringData: {copy: *m}\n"],
      ["d.json", '  {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "j"}, "x": [1, 2.5, null]}\n'],
    ];
    for (const [path, text] of texts) {
      for (const o of extract(text, path).objects) {
        const whole = structuredClone(o.body);
        slimmed(o, ["apiVersion", "kind", "metadata"]);
        expect(Object.keys(o.body)).toEqual(Object.keys(whole).filter((k) => ["apiVersion", "kind", "metadata"].includes(k)));
        expect(wholeBody(o)).toEqual(whole);
      }
    }
  });

  it("skips a stray JSON config, a plain array and a scalar with a note each", () => {
    const json = extract('{\n  "compilerOptions": {"strict": true}\n}\n', "tsconfig.json");
    expect(json.objects).toEqual([]);
    expect(json.skipped).toEqual([{ file: "tsconfig.json", line: 1, reason: "not-a-manifest" }]);
    expect(json.diagnostics).toEqual([
      { severity: "note", file: "tsconfig.json", line: 1, column: 1, message: "not a Kubernetes object (no kind/apiVersion); skipped" },
    ]);

    const others = extract("- kind: Pod\n  apiVersion: v1\n---\njust a string\n---\nkind: Pod\napiVersion: 1\n");
    expect(others.objects).toEqual([]);
    expect(others.skipped.map((s) => s.line)).toEqual([1, 4, 6]);
    expect(others.diagnostics.map((d) => [d.severity, d.line, d.column])).toEqual([
      ["note", 1, 1],
      ["note", 4, 1],
      ["note", 6, 1],
    ]);
  });
});
