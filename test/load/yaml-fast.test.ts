// The fast YAML reader (src/load/yaml/fast.ts) must give exactly what the full path gives: the
// same documents, values, lines, spans, diagnostics and positions. Generated manifests-like YAML,
// in the styles people write and with the oddities they contain (YAML 1.1 scalars, comments,
// document markers, flow collections, quotes), and mutations of it that break it, are read both
// ways and compared.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocuments, parseDocumentsFull } from "../../src/load/yaml/documents.js";
import { parseFast } from "../../src/load/yaml/fast.js";
import type { DocPath } from "../../src/load/object/source.js";

/** A value with its order, prototype and number identity (-0, NaN) spelled out. */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return ["seq", ...v.map(canon)];
  if (typeof v === "object" && v !== null) {
    return ["map", Object.getPrototypeOf(v) === Object.prototype, ...Object.keys(v).map((k) => [k, canon((v as Record<string, unknown>)[k])])];
  }
  if (typeof v === "number") return ["num", Object.is(v, -0) ? "-0" : String(v)];
  return [typeof v, v];
}

/** Every path into a value (and a few that lead nowhere), at most `max`. */
function paths(v: unknown, max = 40): DocPath[] {
  const out: DocPath[] = [];
  const walk = (x: unknown, p: (string | number)[]) => {
    if (out.length >= max) return;
    out.push(p);
    if (Array.isArray(x)) x.forEach((c, i) => walk(c, [...p, i]));
    else if (typeof x === "object" && x !== null) for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], [...p, k]);
  };
  walk(v, []);
  return [...out, ["missing"], [0, "x"]];
}

function compare(text: string): boolean {
  const file = { path: "k8s/x.yaml", text };
  const full = parseDocumentsFull(file);
  const fast = parseDocuments(file);
  expect(fast.diagnostics).toEqual(full.diagnostics);
  const shape = (r: typeof full) => r.docs.map((d) => ({ index: d.index, line: d.line, span: d.span, value: canon(d.value) }));
  expect(shape(fast)).toEqual(shape(full));
  fast.docs.forEach((d, i) => {
    for (const p of paths(d.value)) expect(d.locate(p), JSON.stringify(p)).toEqual(full.docs[i]!.locate(p));
  });
  return parseFast(text, 100_000) !== undefined;
}

// Scalars as written: plain ones that YAML 1.1 reads as something else, ones that cannot be plain,
// and quoted ones.
const plainWords = [
  "web", "networking.k8s.io/v1", "TCP", "80", "8080", "-1", "+12", "0", "-0", "0755", "08", "0x1F", "0b101", "1_000", "1e3", "1.5",
  "3.", ".5", ".inf", "-.Inf", ".nan", "yes", "No", "on", "OFF", "y", "n", "true", "False", "~", "null", "NULL", "1:20", "12:30:00",
  "2001-12-14", "a b", "a#b", "http://x.io:80/p", "--port=80", "-a", "?a", ":a", "a:b", "a [b]", "a {b}", "é", "日本", "a,b", "a'b", 'a"b',
  "__proto__", "toString", "constructor", "x".repeat(60),
];
const oddWords = ["a: b", "a:", "- a", "#x", "a #b", "&a", "*a", "!t", "|", ">", "%x", "@x", "`x", "[a]", "{a}", "'q'", '"q"', "<<", "a\tb", ",a", "? a", ""];
const keyWords = ["a", "b", "name", "app", "ports", "80", "yes", "null", "~", "1.0", "0x10", "__proto__", "toString", "a b", "a.b/c", "-k", "on"];
/** Keys of one mapping: distinct, but now and then one written twice, or a merge key. */
const entries = <T>(value: fc.Arbitrary<T>, maxLength: number, odd: boolean) =>
  fc.tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom(...keyWords), fc.nat(9), value), { minLength: 1, maxLength, selector: ([k]) => k }),
    fc.nat(30),
  ).map(([es, n]) => (odd && n === 0 ? [...es, es[0]!] : odd && n === 1 ? [...es, ["<<", es[0]![1], es[0]![2]] as [string, number, T]] : es));

type Tree =
  | { t: "s"; w: string; style: number }
  | { t: "m"; entries: [string, number, Tree][] }
  | { t: "q"; items: Tree[] }
  | { t: "f"; flow: string }
  | { t: "b"; header: string; lines: [number, string][] }
  | { t: "l"; quote: "" | "'" | '"'; lines: [number, string][] };

/** Files of one to three documents; `odd` adds what manifests rarely hold and what is invalid. */
function files(odd: boolean): fc.Arbitrary<string> {
  const word = odd
    ? fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...plainWords) },
        { weight: 1, arbitrary: fc.constantFrom(...oddWords) },
        { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      )
    : fc.constantFrom(...plainWords);

  const scalar: fc.Arbitrary<Tree> = fc.record({ t: fc.constant("s" as const), w: word, style: fc.nat(9) });
  // A `:` inside a flow value is the scalar's when another character follows (`nginx:1.25`).
  const flowSafe = [...plainWords.filter((w) => !/[#,[\]{}'"]|^[-?:]|:$|: /.test(w)), "registry.example/app:1.25", "a::b", "-n", "-1", "?x", ":x", "--port=80"];
  const flowWord = odd
    ? fc.oneof(fc.constantFrom(...flowSafe, "'a b'", '"x"', "''"), fc.constantFrom(...plainWords, "a: b", "? a", ""))
    : fc.constantFrom(...flowSafe, "'a b'", '"x"', "''");
  const flowText: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
    f: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom("[]", "{}"),
      fc.array(fc.oneof(flowWord, tie("f")), { minLength: 1, maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
      fc.array(fc.tuple(fc.constantFrom(...keyWords), fc.oneof(flowWord, tie("f"))), { minLength: 1, maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
    ),
  })).f;

  // Block scalars: lines with extra indentation, blank lines, and what looks like structure.
  const blockLine = fc.tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -1, max: 3 }) }),
    fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom("", "", "# not a comment", "a: b", "- x", "  ") }),
  );
  const block: fc.Arbitrary<Tree> = fc.record({
    t: fc.constant("b" as const),
    header: odd ? fc.constantFrom("|", "|-", ">", ">-", "|+", ">+", "|2", "| # c", "|#c", ">1-") : fc.constantFrom("|", "|-", ">", ">-", "| # c"),
    lines: fc.array(blockLine, { minLength: 1, maxLength: 5 }),
  });

  // Plain and single-quoted scalars over several lines (a CRD's descriptions, a long command):
  // continuation lines indented more, or (odd) not, blank lines between, and what looks like structure.
  const plainStarts = ["alpha", "beta gamma", "x=1", "path/to/file", "80", "true", "a-b", "é", "it's", "a,b", "v1.2"];
  // On a continuation line, characters that cannot start a plain scalar are its text.
  const plainGoesOn = [...plainStarts, "- x", "-x", "--- a", "? q", "?x", "{key,value} in", "[a] b", "'q' x", '"d" x', "*a", "&a b", "!t x", "|x", ">x", "%x", "@x", "`x", ",a", "]x", "}x"];
  const oddGoesOn = ["- x", "a: b", "# c", "x # y", "[a]", "'q'", "k:", "", "  ", "&a", "? q"];
  const quotedGoesOn = [...plainGoesOn, "# not a comment", "a: b", "- x", "x'y", "  spaced  ", "[a]", '"d"', 'say "hi"', "back\\slash", "tab\there", "é\u00e9", "a/b"];
  const lineOf = (texts: readonly string[]) =>
    fc.tuple(
      odd ? fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 2 }) }) : fc.integer({ min: -1, max: 2 }),
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...texts) }, { weight: 1, arbitrary: fc.constant("") }),
    );
  // Written as they stand inside double quotes (RAW marks them): escapes kubectl writes, a space escaped to keep it.
  const RAW = "\u0001";
  const escapedGoesOn = ["\\ bind :8888", "url\\n", "a\\ b", "x\\/y", "\\u00e9t\\u00E9", "\\\"q\\\"", "t\\tab", "by-name\\\\", "joined\\"].map((w) => RAW + w);
  const multiLine: fc.Arbitrary<Tree> = fc.constantFrom("" as const, "'" as const, '"' as const).chain((quote) => {
    const texts = quote === '"' ? [...quotedGoesOn, ...escapedGoesOn] : quote === "'" ? quotedGoesOn : odd ? [...plainGoesOn, ...oddGoesOn] : plainGoesOn;
    return fc
      // A quoted one may close alone on its line (after a blank line, as kubectl writes a JSON annotation).
      .tuple(fc.constantFrom(...plainStarts), fc.array(lineOf(texts), { minLength: 1, maxLength: 4 }), fc.constantFrom(...texts.filter((t) => t.trim() !== "" && !t.endsWith("\\")), ...(quote === "" ? [] : [""])))
      .map(([first, middle, last]): Tree => ({ t: "l", quote, lines: [[0, first], ...middle, [0, last]] }));
  });

  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      block,
      multiLine,
      fc.record({ t: fc.constant("f" as const), flow: flowText }),
      fc.record({ t: fc.constant("m" as const), entries: entries(tie("node"), 4, odd) }),
      fc.record({ t: fc.constant("q" as const), items: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    ),
  })).node;

  function quote(w: string, style: number): string {
    if (style === 7) return `'${w.replace(/'/g, "''")}'`;
    if (style === 8) return JSON.stringify(w);
    return w; // plain, whatever it means
  }

  /** Renders a tree as block YAML; `style` picks indentation, compact sequences and comments. */
  function render(node: Tree, indent: number, style: number, out: string[], prefix: string): void {
    const pad = " ".repeat(indent);
    const step = style % 3 === 0 ? 4 : 2;
    if (node.t === "b") {
      out.push(`${prefix}${node.header}`);
      for (const [extra, text] of node.lines) out.push(text === "" ? " ".repeat(Math.max(0, extra)) : `${" ".repeat(Math.max(0, indent + step + extra))}${text}`);
      return;
    }
    if (node.t === "l") {
      const q = node.quote;
      const esc = (text: string) => (text.startsWith(RAW) ? text.slice(1) : q === "'" ? text.replaceAll("'", "''") : q === '"' ? JSON.stringify(text).slice(1, -1) : text);
      node.lines.forEach(([extra, text], i) => {
        const last = i === node.lines.length - 1 ? q : "";
        if (i === 0) out.push(`${prefix}${q}${esc(text)}${last}`);
        else out.push(text === "" && last === "" ? "" : `${" ".repeat(Math.max(0, indent + step + extra))}${esc(text)}${last}`);
      });
      return;
    }
    if (node.t === "s" || node.t === "f") {
      const v = node.t === "s" ? quote(node.w, node.style) : node.flow;
      out.push(`${prefix}${v}${node.t === "s" && node.style === 9 ? " # note" : ""}`);
      return;
    }
    if (node.t === "m") {
      node.entries.forEach(([k, s, v], i) => {
        const first = i === 0 ? prefix : pad;
        const key = s === 9 ? JSON.stringify(k) : k;
        if (s === 8) out.push(`${pad}# about ${k}`);
        if (v.t === "s" || v.t === "f" || v.t === "b" || v.t === "l") render(v, indent, style, out, `${first}${key}: `);
        else if (v.t === "q" && s % 2 === 0) {
          out.push(`${first}${key}:`);
          render(v, indent, style, out, pad); // compact: the sequence at the key's column
        } else {
          out.push(`${first}${key}:${s === 5 ? " # c" : ""}`);
          if (s === 6) out.push("");
          render(v, indent + step, style, out, " ".repeat(indent + step));
        }
      });
      return;
    }
    node.items.forEach((v, i) => {
      const first = i === 0 ? prefix : pad;
      render(v, indent + 2, style, out, `${first}- `);
    });
  }

  const root: fc.Arbitrary<Tree> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ t: fc.constant("m" as const), entries: entries(tree, 5, odd) }) },
    { weight: 1, arbitrary: tree },
  );
  const docText = fc.tuple(root, fc.nat(11)).map(([t, style]) => {
    const out: string[] = [];
    render(t, style === 11 ? 2 : 0, style, out, style === 11 ? "  " : "");
    return out.join("\n");
  });

  // An empty document between two, or after the last (Helm's output often ends in `---`).
  const separators = ["---\n", "--- # next\n", "\n---\n", "# gap\n---\n", "---\n# about\n", "---\n---\n", ...(odd ? ["...\n---\n", "--- a: 1\n"] : [])];
  return fc
    .tuple(fc.array(fc.tuple(docText, fc.constantFrom(...separators)), { minLength: 1, maxLength: 3 }), fc.constantFrom("", "---\n", "# head\n", "\n"), fc.constantFrom("\n", "", "\n\n", "\n# tail\n", "\n---\n", ...(odd ? ["\n...\n"] : [])))
    .chain((parts) => fc.tuple(fc.constant(parts), fc.nat(4)))
    .map(([[docs, lead, tail], crlf]) => {
      const text = lead + docs.map(([d, sep], i) => (i === 0 ? d : sep + d)).join("\n") + tail;
      return crlf === 0 ? text.replace(/\n/g, "\r\n") : text; // Windows line ends, now and then
    });
}

/** Small damage of the kind a hand edit makes: a shifted line, a lost space, a stray character (a pasted non-breaking space too). */
const mutation = fc.tuple(fc.nat(), fc.constantFrom(" ", "", "\t", "-", ":", "#", "'", '"', "[", "\r", "---\n", "&a ", "*a", "\u00a0", "\u2003 ")).map(
  ([at, insert]) =>
    (text: string) => {
      const i = text.length === 0 ? 0 : at % text.length;
      return text.slice(0, i) + insert + text.slice(i + (insert === "" ? 1 : 0));
    },
);

describe("fast YAML reader", () => {
  it("reads generated manifests exactly as the full path does (values, spans, lines, positions, diagnostics)", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(files(false), (text) => {
        runs++;
        if (compare(text)) fast++;
      }),
      { numRuns: 300 },
    );
    // The comparison means something only if the fast path takes most of them.
    expect(fast / runs).toBeGreaterThan(0.3);
  });

  it("reads odd and invalid YAML alike, mostly by leaving it to the full path", () => {
    fc.assert(
      fc.property(files(true), (text) => {
        compare(text);
      }),
      { numRuns: 300 },
    );
  });

  it("gives up, or reads alike, on damaged ones", () => {
    fc.assert(
      fc.property(files(false), mutation, (text, damage) => {
        compare(damage(text));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a non-breaking or other Unicode space at the end of a plain scalar, as the full path does", () => {
    // YAML trims spaces and tabs only: a pasted U+00A0 is part of the label value.
    for (const text of ["a: b\u00a0\n", "a\u00a0: b\n", "a: b\u2003 # c\n", "- x\u00a0\n", "k: {a: b\u00a0}\n"]) compare(text);
    expect(parseFast("a: b\u00a0\n", 10)?.[0]?.value).toEqual({ a: "b\u00a0" });
  });

  it("reads a typical manifest file on the fast path", () => {
    const text = [
      "# Source: chart/templates/np.yaml",
      "apiVersion: networking.k8s.io/v1",
      "kind: NetworkPolicy",
      "metadata:",
      "  name: allow-web",
      "  labels: {app: web, tier: front}",
      "spec:",
      "  podSelector:",
      "    matchLabels:",
      '      app: "web"',
      "  ingress:",
      "  - from:",
      "    - namespaceSelector: {}",
      "    ports:",
      "    - port: 80",
      "      protocol: TCP # the default",
      "---",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: web}",
      "spec:",
      "  template:",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          args: ['--port', \"80\"]",
      "          command: [/bin/cp, -n, /usr/local/bin/app, /shared/app]",
      "          ports: [{containerPort: 8080, name: http}]",
      "        - {name: sidecar, image: registry.example/envoy:1.31, ports: [{containerPort: 9901}]}",
      "---",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: {name: web}",
      "data:",
      "  nginx.conf: |",
      "    server {",
      "      listen 8080;",
      "",
      "      # the root",
      "      root /srv;",
      "    }",
      "  motd: >-",
      "    Welcome",
      "    to web.",
      "",
      "    Be nice.",
      "---",
      "",
    ].join("\n");
    expect(parseFast(text, 100_000)).toBeDefined();
    expect(compare(text)).toBe(true);
  });

  it("places sequence items written on the line after their dash, and empty ones, where the full path does", () => {
    const text = [
      "kind: NetworkPolicy",
      "spec:",
      "  ingress:",
      "    -",
      "      from:",
      "        -",
      "          podSelector: {}",
      "        - ",
      "        -",
      "          - nested",
      "        -",
      "          plain scalar",
      "        -",
      "          'quoted'",
      "        -",
      "          [flow, {k: v}]",
      "        - |",
      "          block",
      "      ports: [{port: 80}, 443]",
      "  egress:",
      "  - {}",
      "",
    ].join("\n");
    // The fast path reads it, and answers for every path in it (the empty item: the full path).
    expect(compare(text)).toBe(true);
    const [doc] = parseDocuments({ path: "k8s/x.yaml", text }).docs;
    expect(doc!.locate(["spec", "ingress", 0])).toEqual({ line: 5, column: 7 });
    expect(doc!.locate(["spec", "ingress", 0, "from", 2, 0])).toEqual({ line: 10, column: 13 });
  });

  it("joins a double-quoted line that ends in an escaped line break to the next without a space, as the full path does", () => {
    const q = (lines: string[]) => [...lines, ""].join("\n");
    const cases = [
      q(['k: "abc\\', '  def"']),
      q(['k: "abc  \\', '  def"']),
      q(['k: "abc\\', '  \\ def"', "z: 1"]),
      q(["- 'a", '  b\\', "  c'"]),
      q(['k: "abc\\', "", '  def"']), // an empty line after the escape: the full path
      q(['k: "abc\\ ', '  def"']), // an escaped space before the break: the full path
    ];
    for (const text of cases) compare(text);
    expect(parseDocuments({ path: "x.yaml", text: cases[0]! }).docs[0]!.value).toEqual({ k: "abcdef" });
    expect(parseFast(cases[0]!, 10)).toBeDefined();
    expect(parseFast(cases[1]!, 10)).toEqual([expect.objectContaining({ value: { k: "abc  def" } })]);
  });
});
