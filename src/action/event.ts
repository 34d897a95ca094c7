// What the triggering event says about the revisions to compare and the pull request to comment on.
import { readFileSync } from "node:fs";

export interface EventContext {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /** Pull request number to comment on, when there is one. */
  readonly pullRequest: number | null;
  /** Commits from the payload; the base is the base branch's commit (the merge base is computed from it). */
  readonly baseSha: string | null;
  readonly headSha: string | null;
  /** Labels in the payload (may be stale; the API is asked when it can be). */
  readonly labels: readonly string[];
}

export class EventError extends Error {
  override name = "EventError";
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export function readEvent(env: NodeJS.ProcessEnv): EventContext {
  const name = env["GITHUB_EVENT_NAME"] ?? "";
  const [owner = "", repo = ""] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  let payload: Json = {};
  const path = env["GITHUB_EVENT_PATH"];
  if (path) {
    try {
      payload = obj(JSON.parse(readFileSync(path, "utf8")));
    } catch (e) {
      throw new EventError(`cannot read the event payload at GITHUB_EVENT_PATH (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const base = { name, owner, repo, pullRequest: null, baseSha: null, headSha: null, labels: [] };
  switch (name) {
    case "pull_request":
    case "pull_request_target": {
      // Never GITHUB_SHA: on pull_request_target it is the base branch's tip, not the PR.
      const pr = obj(payload["pull_request"]);
      const labels = Array.isArray(pr["labels"]) ? pr["labels"].map((l) => str(obj(l)["name"])).filter((l): l is string => l !== null) : [];
      return {
        ...base,
        pullRequest: typeof pr["number"] === "number" ? pr["number"] : null,
        baseSha: str(obj(pr["base"])["sha"]),
        headSha: str(obj(pr["head"])["sha"]),
        labels,
      };
    }
    case "merge_group": {
      const mg = obj(payload["merge_group"]);
      return { ...base, baseSha: str(mg["base_sha"]), headSha: str(mg["head_sha"]) };
    }
    case "workflow_dispatch": {
      const inputs = obj(payload["inputs"]);
      const pr = Number(inputs["pull-request"] ?? inputs["pr"]);
      return { ...base, baseSha: str(inputs["base"]), headSha: str(inputs["head"]), pullRequest: Number.isInteger(pr) && pr > 0 ? pr : null };
    }
    case "push":
      return { ...base, baseSha: /^0+$/.test(String(payload["before"] ?? "")) ? null : str(payload["before"]), headSha: str(payload["after"]) };
    default:
      return { ...base, headSha: str(env["GITHUB_SHA"]) };
  }
}
