// The report formats each command writes, and where a diff's two revisions come from: read by the
// argument parsers of every command (args.ts, shard-args.ts).
export const REACH_FORMATS = ["text", "json", "md", "csv"] as const;
export type ReachFormat = (typeof REACH_FORMATS)[number];
export const DIFF_FORMATS = ["md", "text", "json", "sarif"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const CHECK_FORMATS = ["text", "json", "md", "sarif"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export type DiffSource =
  | { readonly kind: "paths"; readonly base: string; readonly head: string }
  | { readonly kind: "git"; readonly baseRev: string; readonly headRev: string | null; readonly pathspecs: readonly string[] };
