import { describe, expect, it } from "vitest";
import { groupChanges } from "../../src/render/group.js";
import { graphAdds, mermaidText, renderMermaid } from "../../src/render/mermaid.js";
import { deployment, diffOf, manyDistinctPairs, namespace, netpol, yamlFile } from "./fixtures.js";

describe("renderMermaid", () => {
  it("draws one edge per group with its connections, green opened and red closed", () => {
    const wl = yamlFile("w.yaml", [namespace("a"), deployment("a", "p", { app: "p" }), deployment("a", "q", { app: "q" })]);
    const head = [wl, yamlFile("p.yaml", [netpol("a", "only-80", { podSelector: { matchLabels: { app: "q" } }, ingress: [{ ports: [{ port: 80 }] }] })])];
    const g = groupChanges(diffOf([wl], head));
    const graph = renderMermaid([...g.opened, ...g.closed]);
    expect(graph).toBe(
      [
        "flowchart LR",
        '  n0["every declared workload and any external address"]',
        '  n1["a/q#91;Deployment#93;"]',
        '  n0 -->|"- was all connections, now TCP 80"| n1',
        "  linkStyle 0 stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 3,color:#cf222e",
      ].join("\n"),
    );
  });

  it("draws nothing when there are more than 20 groups", () => {
    const { base, head } = manyDistinctPairs(5); // 20 pairs, 40 groups
    const g = groupChanges(diffOf(base, head));
    expect(renderMermaid([...g.opened, ...g.closed])).toBeNull();
    expect(renderMermaid(g.opened.slice(0, 20))).not.toBeNull();
    expect(renderMermaid([])).toBeNull();
  });

  it("adds to the tables only for two or more flows that share an endpoint set", () => {
    const wl = yamlFile("w.yaml", [namespace("a"), deployment("a", "p", { app: "p" }), deployment("a", "q", { app: "q" })]);
    const one = groupChanges(diffOf([wl], [wl, yamlFile("p.yaml", [netpol("a", "only-80", { podSelector: { matchLabels: { app: "q" } }, ingress: [{ ports: [{ port: 80 }] }] })])]));
    expect(one.closed).toHaveLength(1);
    expect(graphAdds([...one.opened, ...one.closed])).toBe(false);
    const { base, head } = manyDistinctPairs(3); // 6 pairs, each workload in several
    const g = groupChanges(diffOf(base, head));
    expect(graphAdds([...g.opened, ...g.closed])).toBe(true);
    expect(graphAdds(g.opened.slice(0, 1))).toBe(false);
  });

  it("escapes every character that could end a label or a fence", () => {
    const out = mermaidText('a"b[c]<d>`e`|f{g}(h)#i;j\nk&l');
    expect(out).toBe("a#34;b#91;c#93;#60;d#62;#96;e#96;#124;f#123;g#125;#40;h#41;#35;i#59;j k#38;l");
    expect(mermaidText("x".repeat(100)).length).toBe(80);
  });
});
