// Structural checks for rendered Markdown: what would let content escape its place.

const FENCE = /^(`{3,})/;

/** The text outside fenced code blocks, line by line; throws on an unclosed fence. */
export function outsideFences(text: string): string[] {
  const out: string[] = [];
  let open: string | null = null;
  for (const line of text.split("\n")) {
    if (open === null) {
      const m = FENCE.exec(line);
      if (m) open = m[1]!;
      else out.push(line);
    } else if (new RegExp(`^${open}\`*\\s*$`).test(line)) {
      open = null;
    }
  }
  if (open !== null) throw new Error(`unclosed code fence ${open}`);
  return out;
}

/** Problems with the document's structure: unbalanced details, fences, ragged tables. */
export function structureProblems(text: string): string[] {
  const problems: string[] = [];
  let lines: string[];
  try {
    lines = outsideFences(text);
  } catch (e) {
    return [(e as Error).message];
  }
  const body = lines.join("\n");
  const opens = (body.match(/<details>/g) ?? []).length;
  const closes = (body.match(/<\/details>/g) ?? []).length;
  if (opens !== closes) problems.push(`<details> ${opens} vs </details> ${closes}`);
  // Tables: consecutive lines starting with "|" must all have the header's cell count.
  let width: number | null = null;
  for (const line of lines) {
    if (!line.startsWith("|")) {
      width = null;
      continue;
    }
    const cells = unescapedPipes(withoutCodeSpans(line));
    if (width === null) width = cells;
    else if (cells !== width) problems.push(`table row with ${cells} pipes, header has ${width}: ${line}`);
  }
  return problems;
}

export function withoutCodeSpans(line: string): string {
  return line.replace(/`[^`\n]*`/g, "");
}

function unescapedPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line[i] === "|" && line[i - 1] !== "\\") n++;
  return n;
}

const ALLOWED_TAGS = new Set(["details", "summary", "sub", "br"]);

/**
 * Live markup in the prose (outside fences and code spans): HTML tags other than ours, links
 * other than to `allowedUrlPrefix`, unbroken @mentions.
 */
export function liveMarkup(text: string, allowedUrlPrefix: string | null, mention = "@org"): string[] {
  const problems: string[] = [];
  const lines = outsideFences(text);
  lines.forEach((raw, i) => {
    if (i === 0 && /^<!--[^]*-->$/.test(raw)) return; // the marker
    const line = withoutCodeSpans(raw);
    for (const m of line.matchAll(/<\/?([A-Za-z][\w-]*)|<!--/g)) {
      if (m[0] === "<!--" || !ALLOWED_TAGS.has(m[1]!.toLowerCase())) problems.push(`tag ${m[0]} in: ${raw}`);
    }
    for (const m of line.matchAll(/(?<!\\)\]\((?<url>[^)\s]*)/g)) {
      if (allowedUrlPrefix === null || !m.groups!["url"]!.startsWith(allowedUrlPrefix)) problems.push(`link to ${m.groups!["url"]} in: ${raw}`);
    }
    // Link destinations are not text: no mention there.
    if (line.replace(/\]\([^)\s]*\)/g, "](…)").includes(mention)) problems.push(`mention ${mention} in: ${raw}`);
  });
  return problems;
}
