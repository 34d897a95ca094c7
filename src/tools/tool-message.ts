// A tool's error stream, made fit to show: it echoes the pull request's own text (file names,
// YAML), so it is cut short and stripped of terminal control characters, and callers keep it
// apart from their own words (a code block, a JSON string), never as markup.

const MAX_LINES = 20;
const MAX_CHARS = 4000;

export function trimToolMessage(stderr: string): string {
  const lines = stderr
    // Escape sequences and other control characters except tab and newline.
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l !== "");
  let shown = lines.slice(0, MAX_LINES).join("\n");
  if (shown.length > MAX_CHARS) shown = `${shown.slice(0, MAX_CHARS)}…`;
  return lines.length > MAX_LINES ? `${shown}\n(${lines.length - MAX_LINES} more lines)` : shown;
}
