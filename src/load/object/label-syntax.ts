// Kubernetes label key and value syntax (apimachinery validation.IsQualifiedName / IsValidLabelValue).

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A pure check of a string, answered once per string: a repository writes the same few label keys
 * and values (and namespace names) in every manifest. Up to `max` answers are kept.
 */
export function checkedOnce<T>(check: (s: string) => T, max = 100_000): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    if (known.has(s)) return known.get(s) as T;
    const r = check(s);
    if (known.size < max) known.set(s, r);
    return r;
  };
}

/** Returns why `key` is not a valid label key, or undefined when it is. */
export const labelKeyProblem = checkedOnce(keyProblem);

export const labelValueProblem = checkedOnce(valueProblem);

function keyProblem(key: string): string | undefined {
  const parts = key.split("/");
  if (parts.length > 2) return `label key "${key}" has more than one "/"`;
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0) return `label key "${key}" has an empty prefix`;
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return `label key prefix "${prefix}" must be a lower-case DNS subdomain`;
  }
  if (name.length === 0) return `label key "${key}" has an empty name`;
  if (name.length > 63) return `label key name "${name}" is longer than 63 characters`;
  if (!NAME.test(name)) return `label key "${key}" must consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (value === "") return undefined;
  if (value.length > 63) return `label value "${value.slice(0, 20)}…" is longer than 63 characters`;
  if (!NAME.test(value)) return `label value "${value}" must consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
  return undefined;
}
