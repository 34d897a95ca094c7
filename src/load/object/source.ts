// What the core reads: text that an edge (file system, git, GitHub API) already fetched.
// The core never opens files itself.

/** One input file. `path` is the name shown to users (relative to the repository or the CLI argument). */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /**
   * Rendered text (kustomize, helm): for each line of `text` (index = line - 1), the line of
   * `path` in the repository it was written at, so that diagnostics and reasons point there.
   * Files with it are taken as whole objects (never set aside as chart templates or patches).
   */
  readonly lines?: readonly number[];
  /**
   * The file's documents as the fast YAML reader reads them (load/yaml/fast.ts), read already in
   * another thread (load/yaml/read-ahead.ts): the core takes them instead of reading `text` again.
   * Handed over once (later calls: undefined), so that the values are not held past loading.
   */
  readonly documents?: () => readonly ReadDocument[] | undefined;
}

/** One YAML document of a file as the fast reader reads it: plain values and where it stands. */
export interface ReadDocument {
  /** 0-based position among the file's documents. */
  readonly index: number;
  readonly value: unknown;
  /** Offset where the document's content starts (the yaml Document's contents.range[0]). */
  readonly start: number;
  /** 1-based line and column of `start`. */
  readonly line: number;
  readonly column: number;
  /** The yaml Document's range[0] and range[2]. */
  readonly span: readonly [number, number];
}

/** 1-based line and column, as editors and GitHub annotations count them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A path into a parsed document: object keys and list indexes, e.g. ["spec", "ingress", 0, "from"]. */
export type DocPath = readonly (string | number)[];

/** Finds the position of a path in the document; falls back to the nearest existing ancestor. */
export type Locator = (path: DocPath) => Position;

/** A Kubernetes object found in a file, with a locator for its fields (paths relative to the object). */
export interface KubeObject {
  readonly file: string;
  readonly kind: string;
  readonly apiVersion: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly locate: Locator;
  /** The text of the document the object was written in (a whole List for its items). */
  readonly text: string;
  /**
   * The object's own lines: `text` for a document; for an item of a List, from its line to the
   * next item's (so that editing one item does not make its siblings look edited).
   */
  readonly ownText: string;
  /** The line of the file `ownText` starts on. */
  readonly ownLine: number;
  /** An item of a List (`kind: List`, `PodList`): `ownText` and `ownLine` are found by reading the List again. */
  readonly inList?: true;
  /** Read from a rendered file (kustomize, helm): its text is the tool's output, its lines mapped back. */
  readonly rendered?: boolean;
  /**
   * Where the object goes if it names no namespace: `default`, or the run's namespace option
   * (kubectl apply -n). Carried by the object so every reader of metadata agrees on it.
   */
  readonly defaultNamespace: string;
}
