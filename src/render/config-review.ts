// What a pull request did to `.netreach.yaml`, and what the run made of it (DESIGN section 4b:
// the gate's settings come from the base revision). Plain data handed in by the edge that
// resolved the targets (src/targets); shown in the comment and the JSON report.

export type ConfigFileState = "absent" | "present" | "invalid";

export interface ConfigReview {
  /** Repository-relative path of the configuration file. */
  readonly file: string;
  readonly base: ConfigFileState;
  readonly head: ConfigFileState;
  /** Whether the pull request changes the file's text. */
  readonly changed: boolean;
  /** What the run did with the pull request's changes, one sentence each ("… the base's `fail-on` applies"). */
  readonly notes: readonly Note[];
  /**
   * The base's assertions that cannot be read ("file:line: what is wrong"): what they guard is
   * unknown, so the gate's result is `error` (never a pass, whatever the label) until the main
   * branch fixes them.
   */
  readonly errors?: readonly string[];
  /** Unified diff of the file's text, base to head, when it changed. */
  readonly patch?: string;
}

/** A sentence in pieces: plain words, and names or values shown as code. */
export type Note = readonly (string | { readonly code: string })[];

/** The sentence as plain text, code in backticks (JSON, logs). */
export function noteText(n: Note): string {
  return n.map((p) => (typeof p === "string" ? p : `\`${p.code}\``)).join("");
}
