// The pure parts of src/tools: tool messages, helm's Source comments, kustomize's origins, lines.
import { describe, expect, it } from "vitest";
import { splitHelmOutput, templatePath } from "../../src/tools/helm-source.js";
import { parseOrigin } from "../../src/tools/kustomize-origin.js";
import { objectLine, templateKindLine } from "../../src/tools/object-line.js";
import { trimToolMessage } from "../../src/tools/tool-message.js";

describe("trimToolMessage", () => {
  it("drops control characters and escape sequences, blank lines, and all but 20 lines", () => {
    expect(trimToolMessage("\u001b[31merror:\u001b[0m bad\u0007 file\n\n  \nnext  \n")).toBe("error: bad file\nnext");
    const long = Array.from({ length: 25 }, (_, i) => `line ${i}`).join("\n");
    expect(trimToolMessage(long).split("\n")).toHaveLength(21);
    expect(trimToolMessage(long)).toMatch(/\(5 more lines\)$/);
  });
});

describe("helm output", () => {
  it("splits documents at markers and reads each Source comment", () => {
    const out = "---\n# Source: app/templates/a.yaml\nkind: A\n---\n# Source: app/templates/empty.yaml\n---\n# Source: app/charts/sub/templates/b.yaml\nkind: B\ndata: |\n  ---not a marker\n";
    expect(splitHelmOutput(out)).toEqual([
      { template: "app/templates/a.yaml", text: "# Source: app/templates/a.yaml\nkind: A\n" },
      { template: "app/charts/sub/templates/b.yaml", text: "# Source: app/charts/sub/templates/b.yaml\nkind: B\ndata: |\n  ---not a marker\n" },
    ]);
    expect(templatePath("deploy/chart", "my-chart/templates/a.yaml")).toBe("deploy/chart/templates/a.yaml");
    expect(templatePath("", "x/charts/sub/templates/b.yaml")).toBe("charts/sub/templates/b.yaml");
  });

  it("finds a template's kind line when kinds match one for one, or only one kind line fits", () => {
    const t = "{{ if .x }}\napiVersion: v1\nkind: Service\n---\nkind: \"NetworkPolicy\"\n{{ end }}\n";
    expect(templateKindLine(t, ["Service", "NetworkPolicy"], 1)).toBe(5);
    expect(templateKindLine(t, ["NetworkPolicy"], 0)).toBe(5);
    // A loop: every object comes from the one line.
    expect(templateKindLine("{{ range . }}\nkind: Service\n---\n{{ end }}", ["Service", "Service"], 1)).toBe(2);
    expect(templateKindLine("kind: Service\n---\n{{ range . }}\nkind: Service\n{{ end }}", ["Service", "Service", "Service"], 1)).toBeUndefined();
  });
});

describe("kustomize origins", () => {
  it("makes paths repository-relative and flags what lies outside the tree", () => {
    expect(parseOrigin("path: ../base/np.yaml\n", ".netreach-build-x")).toEqual({ file: "base/np.yaml" });
    expect(parseOrigin("configuredIn: ../k/kustomization.yaml\nconfiguredBy:\n  apiVersion: builtin\n  kind: ConfigMapGenerator\n", ".w")).toEqual({
      file: "k/kustomization.yaml",
      generatedBy: "ConfigMapGenerator",
    });
    expect(parseOrigin("path: ../../etc/x.yaml\n", ".w")).toEqual({ file: undefined, outside: "../../etc/x.yaml" });
    expect(parseOrigin("path: /etc/x.yaml\n", ".w")).toEqual({ file: undefined, outside: "/etc/x.yaml" });
    expect(parseOrigin("repo: https://127.0.0.1:9/r\nref: v1\npath: base/np.yaml\n", ".w")).toEqual({ file: undefined, outside: "https://127.0.0.1:9/r?ref=v1 base/np.yaml" });
    expect(parseOrigin(undefined, ".w")).toBeUndefined();
    expect(parseOrigin("- not: an origin\n", ".w")).toBeUndefined();
  });

  it("finds an object's document by kind and name, prefixes and suffixes allowed", () => {
    const text = "# c\nkind: Service\nmetadata: {name: web}\n---\n\nkind: NetworkPolicy\nmetadata:\n  name: web\n";
    expect(objectLine(text, "NetworkPolicy", "web")).toBe(6);
    expect(objectLine(text, "NetworkPolicy", "prod-web-v2")).toBe(6);
    expect(objectLine(text, "Service", "db")).toBeUndefined();
    expect(objectLine("{{ not yaml", "Service", "x")).toBeUndefined();
  });
});
