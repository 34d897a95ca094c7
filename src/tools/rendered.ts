// What a build gives the loader: the rendered objects as SourceFiles, one per source file the
// objects came from (so an object's `file` is a path a reviewer knows), plus, per object,
// where in that text it sits and where it was written in the repository.
import type { SourceFile } from "../load/object/source.js";

/** Where a rendered object was written. */
export interface Origin {
  /** Repository-relative path of the file (kustomize resource, helm template or chart archive); undefined if unknown. */
  readonly file: string | undefined;
  /** 1-based line of the object in `file`, where it could be found. */
  readonly line?: number;
  /** Kustomize generators: the generator kind (`ConfigMapGenerator`); `file` is the kustomization that configures it. */
  readonly generatedBy?: string;
  /** Helm: the template as helm names it (`chart/templates/np.yaml`, `chart/charts/sub/templates/x.yaml`). */
  readonly template?: string;
  /** Kustomize: the patch that changed the object last (the target's own before its bases'), where its text is. */
  readonly patch?: { readonly file: string; readonly line: number };
}

export interface RenderedObject {
  /** `SourceFile.path` of the file holding the object's rendered text. */
  readonly file: string;
  /** 1-based first line of the object in that file's text. */
  readonly line: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly origin: Origin;
}

export type BuildFailure = "missing-tool" | "failed" | "remote" | "outside-tree" | "timeout" | "invalid-target" | "unreadable-output";

export type BuildResult =
  | {
      readonly ok: true;
      /** The command that ran, for logs: `kubectl kustomize`, `helm v4.1.4`. */
      readonly tool: string;
      readonly files: readonly SourceFile[];
      readonly objects: readonly RenderedObject[];
      /** What the tool printed on standard error although it succeeded (deprecations), trimmed. */
      readonly warnings: string;
      /** Helm: the release namespace, where objects that name none go (the loader's namespace option). */
      readonly defaultNamespace?: string;
    }
  | {
      readonly ok: false;
      readonly tool: string;
      readonly failure: BuildFailure;
      /** Our sentence: what failed and what to do. */
      readonly error: string;
      /**
       * The tool's own message, trimmed; it quotes the pull request's files, so it is data
       * for a code block, never markup.
       */
      readonly detail: string;
    };

/** One rendered object before grouping: its YAML text and where it came from. */
export interface PieceOfOutput {
  /** The SourceFile it goes into: its origin file, as a reviewer would name it. */
  readonly group: string;
  readonly text: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly origin: Origin;
  /** For each line of `text`, the line of `group` it was written at (default: the origin's line, else 1). */
  readonly lines?: readonly number[];
}

/** Groups objects by `group`, in the order each first appears; texts are joined as YAML documents. */
export function groupBySource(pieces: readonly PieceOfOutput[]): { files: SourceFile[]; objects: RenderedObject[] } {
  const texts = new Map<string, string>();
  const written = new Map<string, number[]>();
  const objects: RenderedObject[] = [];
  for (const p of pieces) {
    const file = p.group;
    const before = texts.get(file);
    const body = p.text.endsWith("\n") ? p.text : `${p.text}\n`;
    const joined = before === undefined ? body : `${before}---\n${body}`;
    const line = before === undefined ? 1 : lineCount(before) + 2;
    texts.set(file, joined);
    const at = written.get(file) ?? [];
    const n = lineCount(body);
    const fallback = p.origin.line ?? 1;
    if (before !== undefined) at.push(at[at.length - 1] ?? fallback); // the `---` line
    for (let i = 0; i < n; i++) at.push(p.lines?.[i] ?? p.lines?.[p.lines.length - 1] ?? fallback);
    written.set(file, at);
    const { text: _text, group: _group, lines: _lines, ...rest } = p;
    objects.push({ ...rest, file, line });
  }
  return { files: [...texts].map(([path, text]) => ({ path, text, lines: written.get(path)! })), objects };
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
