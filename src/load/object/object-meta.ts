// metadata.name and metadata.namespace, validated as the API server validates them: an object
// whose name or namespace it would refuse never reaches the analysis (nor a report's headings).
import { isPlainObject } from "./checker.js";
import type { DocPath, KubeObject } from "./source.js";
import { checkedOnce } from "./label-syntax.js";

/** The name rule of a kind (apimachinery's ValidateObjectMeta with the kind's name validator). */
export type NameRule = "dns-subdomain" | "dns-label";

/**
 * Namespace objects are named by a DNS label and live in no namespace (the field is ignored);
 * other cluster-scoped objects (admin-tier policies) are named by a DNS subdomain, and the API
 * server clears a namespace written on them.
 */
export type MetaKind = "namespaced" | "namespace-object" | "cluster-scoped";

export interface ObjectMeta {
  /** Undefined when missing or invalid (see `problems`). */
  readonly name: string | undefined;
  /** Objects without a namespace are in the object's default one, as kubectl apply (-n) puts them. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, unknown>>;
  readonly problems: readonly { path: DocPath; message: string }[];
  /** The name for messages; an invalid one is quoted and cut, so it prints safely. */
  readonly nameShown: string;
  /** `namespace/name` for messages, likewise. */
  readonly display: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const isDnsLabel = checkedOnce((s) => s.length <= 63 && DNS_LABEL.test(s));

export const isDnsSubdomain = checkedOnce((s) => s.length <= 253 && DNS_SUBDOMAIN.test(s));

export const RULE_TEXT: Readonly<Record<NameRule, string>> = {
  "dns-label": "a lower-case DNS label: at most 63 characters a-z, 0-9 and '-', starting and ending with a letter or digit",
  "dns-subdomain":
    "a lower-case DNS subdomain: at most 253 characters a-z, 0-9, '-' and '.', each part starting and ending with a letter or digit",
};

/** A value from the input, shown in a message: quoted, control characters escaped, cut at 40 characters. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

export function objectMeta(obj: KubeObject, metaKind: MetaKind = "namespaced"): ObjectMeta {
  const nameRule: NameRule = metaKind === "namespace-object" ? "dns-label" : "dns-subdomain";
  const problems: { path: DocPath; message: string }[] = [];
  const meta = obj.body["metadata"];
  const fallback = obj.defaultNamespace;
  if (!isPlainObject(meta)) {
    problems.push({ path: ["metadata"], message: "is required, with a name" });
    return { name: undefined, namespace: fallback, labels: {}, problems, nameShown: "(unnamed)", display: `${fallback}/(unnamed)` };
  }
  const rawName = meta["name"];
  const rawNs = meta["namespace"];
  let name: string | undefined;
  let namespace = fallback;
  let nameShown = "(unnamed)";
  let nsShown = fallback;

  if (typeof rawName !== "string" || rawName === "") {
    problems.push({ path: ["metadata", "name"], message: "is required" });
  } else if (!(nameRule === "dns-label" ? isDnsLabel(rawName) : isDnsSubdomain(rawName))) {
    nameShown = quoted(rawName);
    problems.push({ path: ["metadata", "name"], message: `${nameShown} is invalid: it must be ${RULE_TEXT[nameRule]}` });
  } else {
    name = nameShown = rawName;
  }

  if (metaKind === "namespaced" && rawNs !== undefined && rawNs !== null) {
    if (typeof rawNs !== "string" || rawNs === "") {
      problems.push({ path: ["metadata", "namespace"], message: "must be a non-empty string" });
      nsShown = "(invalid)";
    } else if (!isDnsLabel(rawNs)) {
      nsShown = quoted(rawNs);
      problems.push({ path: ["metadata", "namespace"], message: `${nsShown} is invalid: it must be ${RULE_TEXT["dns-label"]}` });
    } else {
      namespace = nsShown = rawNs;
    }
  }
  return {
    name: problems.length === 0 ? name : undefined,
    namespace,
    labels: isPlainObject(meta["labels"]) ? meta["labels"] : {},
    problems,
    nameShown,
    display: `${nsShown}/${nameShown}`,
  };
}
