// Everything a PR controls (names, labels, file paths, messages) passes through here before it
// reaches Markdown, HTML or a log line.

/** Inline Markdown text: no formatting, links, HTML, table breaks or @mentions survive. */
export function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, "@\u200b") // a zero-width space breaks @mentions and team pings
    .replace(/:\/\//g, ":/\u200b/") // and bare-URL autolinks
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`);
}

/** Text inside a Markdown code span: backticks cannot be escaped there, so they are replaced. */
export function mdCode(text: string): string {
  const clean = text.replace(/[\r\n]+/g, " ").replace(/`/g, "ˋ").replace(/\|/g, "¦");
  return "`" + clean + "`";
}

/** One CSV cell (RFC 4180), guarded against spreadsheet formula injection. */
export function csvCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Control characters but line feeds and tabs, shown as `\xNN` instead of interpreted. */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** A line for a terminal or CI log: control characters shown, never interpreted. */
export function plain(text: string): string {
  return visibleControls(text).replace(/\n/g, "\\n");
}
