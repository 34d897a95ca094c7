import { describe, it, expect } from "vitest";
import { parseDocuments } from "../../src/load/yaml/documents.js";

const file = (text: string) => ({ path: "k8s/policy.yaml", text });

const policy = [
  "apiVersion: networking.k8s.io/v1", // 1
  "kind: NetworkPolicy", // 2
  "metadata:", // 3
  "  name: deny", // 4
  "spec:", // 5
  "  podSelector: {}", // 6
  "  ingress:", // 7
  "    - from:", // 8
  "        - podSelector:", // 9
  "            matchLabels: {app: web}", // 10
  "      ports:", // 11
  "        - port: 80", // 12
  "          protocol: TCP", // 13
  "",
].join("\n");

describe("parseDocuments", () => {
  it("reads every document of a multi-document file, with index and first line", () => {
    const { docs, diagnostics } = parseDocuments(file("# leading comment\na: 1\n---\nb: [2]\n---\n\n- c\n"));
    expect(diagnostics).toEqual([]);
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, { b: [2] }, ["c"]]);
    expect(docs.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(docs.map((d) => d.line)).toEqual([2, 4, 7]);
  });

  it("reads JSON through the same parser", () => {
    const text = '{\n  "kind": "Pod",\n  "apiVersion": "v1",\n  "metadata": {\n    "name": "web"\n  }\n}\n';
    const { docs, diagnostics } = parseDocuments(file(text));
    expect(diagnostics).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.value).toEqual({ kind: "Pod", apiVersion: "v1", metadata: { name: "web" } });
    expect(docs[0]!.locate(["metadata", "name"])).toEqual({ line: 5, column: 5 });
  });

  it("locates keys, list items and nested flow mappings", () => {
    const [doc] = parseDocuments(file(policy)).docs;
    const locate = doc!.locate;
    expect(locate([])).toEqual({ line: 1, column: 1 });
    expect(locate(["spec", "ingress"])).toEqual({ line: 7, column: 3 });
    expect(locate(["spec", "ingress", 0])).toEqual({ line: 8, column: 7 });
    expect(locate(["spec", "ingress", 0, "from", 0, "podSelector"])).toEqual({ line: 9, column: 11 });
    expect(locate(["spec", "ingress", 0, "from", 0, "podSelector", "matchLabels", "app"])).toEqual({ line: 10, column: 27 });
    expect(locate(["spec", "ingress", 0, "ports", 0, "protocol"])).toEqual({ line: 13, column: 11 });
  });

  it("falls back to the nearest existing ancestor", () => {
    const [doc] = parseDocuments(file(policy)).docs;
    const locate = doc!.locate;
    expect(locate(["spec", "egress"])).toEqual({ line: 5, column: 1 });
    expect(locate(["spec", "ingress", 5, "from"])).toEqual({ line: 7, column: 3 });
    expect(locate(["spec", "ingress", 0, "ports", 0, "port", "deeper"])).toEqual({ line: 12, column: 11 });
    expect(locate(["spec", "podSelector", "matchLabels"])).toEqual({ line: 6, column: 3 });
    expect(locate(["nope", "spec"])).toEqual({ line: 1, column: 1 });
  });

  it("locates keys that come from a << merge at the anchor that wrote them", () => {
    const text = "base: &base\n  app: web\n  tier: front\nlabels:\n  <<: *base\n  tier: back\n";
    const [doc] = parseDocuments(file(text)).docs;
    expect(doc!.value).toEqual({ base: { app: "web", tier: "front" }, labels: { app: "web", tier: "back" } });
    expect(doc!.locate(["labels", "app"])).toEqual({ line: 2, column: 3 });
    expect(doc!.locate(["labels", "tier"])).toEqual({ line: 6, column: 3 });
    expect(doc!.locate(["labels", "missing"])).toEqual({ line: 4, column: 1 });
  });

  it("reads scalars the way Kubernetes' YAML 1.1 reader does", () => {
    const text = "enabled: yes\noff: on\nmode: 0755\ndate: 2001-12-14\nports: 80:80\nname: '0755'\n";
    const [doc] = parseDocuments(file(text)).docs;
    expect(doc!.value).toEqual({ enabled: true, false: true, mode: 493, date: "2001-12-14", ports: "80:80", name: "0755" });
  });

  it("reports a syntax error at its line and keeps the other documents", () => {
    const text = "a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n";
    const { docs, diagnostics } = parseDocuments(file(text));
    expect(docs.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [2, { d: 4 }],
    ]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: "k8s/policy.yaml",
        line: 4,
        column: 1,
        message:
          "YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]; the document is skipped",
      },
    ]);
  });

  it("reads duplicate keys as kubectl does (the last wins) and warns at the second one", () => {
    const { docs, diagnostics } = parseDocuments(file("kind: Pod\nmetadata: {}\nkind: Service\n"));
    expect(docs.map((d) => d.value)).toEqual([{ kind: "Service", metadata: {} }]);
    expect(diagnostics).toEqual([
      {
        severity: "warning",
        file: "k8s/policy.yaml",
        line: 3,
        column: 1,
        message: "duplicate key `kind` (also at line 1): kubectl keeps this later value and drops the earlier one",
      },
    ]);
  });

  it("stops an alias bomb of 10,000 aliases quickly, with an error, without throwing", () => {
    const bomb = `a: &a [x, y]\nb: [${Array.from({ length: 10_000 }, () => "*a").join(", ")}]\n---\nok: true\n`;
    const started = Date.now();
    const { docs, diagnostics } = parseDocuments(file(bomb));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(docs.map((d) => d.value)).toEqual([{ ok: true }]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: "k8s/policy.yaml",
        line: 1,
        column: 1,
        message: "YAML aliases expand too often (more than 100 uses of an anchor; an alias bomb?); the document is skipped",
      },
    ]);
  });

  it("stops a nested 'billion laughs' alias bomb", () => {
    let text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let i = 1; i < 10; i++) text += `l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(", ")}]\n`;
    const { docs, diagnostics } = parseDocuments(file(text));
    expect(docs).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.line])).toEqual([["error", 1]]);
    expect(diagnostics[0]!.message).toContain("alias bomb");
  });

  it("rejects an alias used inside its own anchor instead of returning a cyclic value", () => {
    const { docs, diagnostics } = parseDocuments(file("x: 1\ny: &a {self: *a}\n"));
    expect(docs).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.line, d.column, d.message])).toEqual([
      ["error", 1, 1, "YAML alias is used inside its own anchor (a recursive structure); the document is skipped"],
    ]);
  });

  it("rejects nesting deeper than the cap before yaml's recursive composer sees it", () => {
    const deep = `a: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n---\nb: 1\n`;
    const { docs, diagnostics } = parseDocuments(file(deep));
    expect(docs.map((d) => d.value)).toEqual([{ b: 1 }]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: "k8s/policy.yaml",
        line: 1,
        column: 203,
        message: "document nests deeper than 200 levels; the document is skipped",
      },
    ]);
  });

  it("rejects nesting that aliases make deeper than the cap", () => {
    const text = "a: &a {b: {c: 1}}\nd: {e: *a}\n";
    expect(parseDocuments(file(text), { maxDepth: 4 }).diagnostics).toEqual([]);
    const { docs, diagnostics } = parseDocuments(file(text), { maxDepth: 3 });
    expect(docs).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "document nests deeper than 3 levels (through aliases); the document is skipped",
    ]);
  });

  it("caps the number of documents per file", () => {
    const { docs, diagnostics } = parseDocuments(file("a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n"), { maxDocuments: 2 });
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: "k8s/policy.yaml",
        line: 4, // the `---` that opens the third document
        column: 1,
        message: "file has more than 2 YAML documents; the rest of the file is skipped",
      },
    ]);
  });

  it("drops empty documents silently", () => {
    expect(parseDocuments(file(""))).toEqual({ docs: [], diagnostics: [] });
    expect(parseDocuments(file("# only a comment\n"))).toEqual({ docs: [], diagnostics: [] });
    const { docs, diagnostics } = parseDocuments(file("---\n---\n# comment\n---\nkind: x\n---\n~\n"));
    expect(diagnostics).toEqual([]);
    expect(docs.map((d) => [d.index, d.value, d.line])).toEqual([[2, { kind: "x" }, 5]]);
  });
});
