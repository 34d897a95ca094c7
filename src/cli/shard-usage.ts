// The usage of `netreach targets` and `netreach merge`: a big repository's targets split across
// CI jobs (a matrix), then put together again.

export const SHARD_LINES = `  netreach targets [<dir> | <base> <head> | --git <base-rev> [<head-rev>]] [options]
  netreach merge <report.json>... [options]
`;

export const TARGETS_USAGE = `Usage:
  netreach targets [<dir> | <base> <head> | --git <base-rev> [<head-rev>]] [options] [-- <pathspec>...]

Lists the targets a diff of the same arguments would analyze (from .netreach.yaml, the target
flags or discovery, resolved as diff resolves them: with --git, the base's configuration decides),
each with a shard key: 12 hex digits from its name, the same in every run and at every revision.
Shard I of N (diff --shard I/N) takes every N-th target in the order of the keys.

Options:
  --format F            text (default) or json (schema netreach.targets/v1), for a CI matrix
  --shards N            also give each target's shard of N, and list the shards ("1/4", ...;
                        at most one per target) as "shards"
  --kustomize, --helm, --target, --config, --no-discover: as for diff
  -h, --help            print this help
`;

export const MERGE_USAGE = `Usage:
  netreach merge <report.json>... [options]

Reads the JSON reports of every shard of one run (netreach diff --shard I/N --output FILE) and
writes the reports, and the exit code, that one run over all the targets writes. Reports of
another run (other revisions, targets or options), a shard missing or given twice are refused:
a target not analyzed is never a pass.

Options:
  --format F            text (default), md, json or sarif
  --output FILE         also write the JSON report to FILE
  --group               the JSON report's changes in groups whatever their number
  -h, --help            print this help

Exit codes: as diff: 0 ok, 1 the gate failed, 2 a target not analyzed, or the reports cannot be
merged.
`;
