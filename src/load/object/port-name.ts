// IANA service names, which Kubernetes requires of named ports (validation.IsValidPortName).
export function svcNameProblem(name: string): string | undefined {
  if (name.length === 0) return "a port name may not be empty";
  if (name.length > 15) return `port name "${name}" is longer than 15 characters`;
  if (!/^[-a-z0-9]+$/.test(name)) return `port name "${name}" may contain only lower-case letters, digits and '-'`;
  if (!/[a-z]/.test(name)) return `port name "${name}" must contain a letter (a number in quotes is a name, not a port number: write it without quotes)`;
  if (name.startsWith("-") || name.endsWith("-")) return `port name "${name}" may not begin or end with '-'`;
  if (name.includes("--")) return `port name "${name}" may not contain "--"`;
  return undefined;
}
