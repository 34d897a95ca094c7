// What a loaded revision holds on to. The models (workloads, policies) are kept for the whole run;
// the parsed documents they were read from must not be: at 100,000 workloads they are most of the
// heap. A lazy source line or an object's lazy text once held the whole file's objects, and a
// policy object both revisions share was held for a text diff that has nothing to show.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { policyTextChanges } from "../../src/diff/policy-text.js";
import { loadRevisions } from "../../src/load/load-sources.js";
import { wholeBody } from "../../src/load/objects.js";
import type { ReadDocument, SourceFile } from "../../src/load/object/source.js";
import { readAhead } from "../../src/load/yaml/read-ahead.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const FILE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{ name: http, containerPort: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: web }
  ingress:
    - from: [{ podSelector: {} }]
      ports: [{ port: http }]
`;

/** The file with its documents handed over as a worker would; weak references to their values. */
function handedOver(text: string): { file: SourceFile; bodies: WeakRef<object>[] } {
  let docs: ReadDocument[] | undefined = readAhead(text)!;
  const bodies = docs.map((d) => new WeakRef(d.value as object));
  return {
    file: {
      path: "shop.yaml",
      text,
      documents: () => {
        const d = docs;
        docs = undefined;
        return d;
      },
    },
    bodies,
  };
}

async function collect(): Promise<void> {
  // WeakRefs are cleared by a collection after the job that last read them.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    gc();
  }
}

describe("a diff's loaded revisions", () => {
  it("hold no parsed document that both revisions share, once loaded", async () => {
    const { file, bodies } = handedOver(FILE);
    const loaded = loadRevisions([file], [{ path: file.path, text: file.text }]);
    await collect();
    expect(bodies.map((b) => b.deref() === undefined)).toEqual([true, true]);
    // The models are all there, with their lines.
    expect(loaded[1].cluster.workloads.map((w) => `${w.id} ${w.source?.file}:${w.source?.line}`)).toEqual(["shop/web[Deployment] shop.yaml:1"]);
    expect(loaded[1].cluster.policies.map((p) => `${p.id} ${p.source.line} ${p.ingress?.[0]?.source.line}`)).toEqual(["shop/web 18 27"]);
    expect(loaded[0].policyObjects.size + loaded[1].policyObjects.size).toBe(0);
  });

  it("keep the policy objects whose text changed, and read their bodies again for the diff of their text", async () => {
    const { file, bodies } = handedOver(FILE);
    const edited = FILE.replace("port: http", "port: 8080");
    const loaded = loadRevisions([file], [{ path: file.path, text: edited }]);
    await collect();
    // Both parsed bodies go: what the diff of a policy's text needs is read again from its text.
    expect(bodies.map((b) => b.deref() === undefined)).toEqual([true, true]);
    expect([...loaded[0].policyObjects.keys(), ...loaded[1].policyObjects.keys()]).toEqual(["shop/web", "shop/web"]);
    const [before, after] = [loaded[0].policyObjects.get("shop/web")!, loaded[1].policyObjects.get("shop/web")!];
    expect(before.body).toEqual({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "web", namespace: "shop" } });
    expect(wholeBody(before)).toEqual(readAhead(FILE)![1]!.value);
    expect(wholeBody(after)).toEqual(readAhead(edited)![1]!.value);
    expect(policyTextChanges(loaded[0].policyObjects, loaded[1].policyObjects).map((c) => [c.id, c.status, c.line])).toEqual([["shop/web", "modified", 18]]);
  });
});
