// Pods named on the command line or in an input, `NAMESPACE/KEY=VALUE[,KEY=VALUE...]`: the
// ingress controller's (--ingress-controller) and the cluster DNS server's (--dns-server). One
// reader, so both options take the same form and say the same about a mistake.
import { labelKeyProblem, labelValueProblem } from "./object/label-syntax.js";
import { isDnsLabel } from "./object/object-meta.js";

export interface PodSetOption {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

export type PodSetParse = { ok: true; value: PodSetOption } | { ok: false; error: string };

/** `option` names the option in the error; `example` is a value to show. */
export function parsePodSetOption(text: string, option: string, example: string): PodSetParse {
  const fail = (why: string): PodSetParse => ({ ok: false, error: `${option}: ${JSON.stringify(text)}: ${why}; expected NAMESPACE/KEY=VALUE[,KEY=VALUE...], e.g. ${example}` });
  const slash = text.indexOf("/");
  const namespace = (slash < 0 ? text : text.slice(0, slash)).trim();
  if (!isDnsLabel(namespace)) return fail(`"${namespace}" is not a namespace name (a DNS label)`);
  const labels: Record<string, string> = {};
  const rest = slash < 0 ? "" : text.slice(slash + 1).trim();
  for (const item of rest === "" ? [] : rest.split(",")) {
    const eq = item.indexOf("=");
    if (eq < 0) return fail(`"${item.trim()}" is not KEY=VALUE (the pods need concrete labels)`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim().replace(/^=/, "");
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem !== undefined) return fail(problem);
    labels[key] = value;
  }
  return { ok: true, value: { namespace, labels } };
}
