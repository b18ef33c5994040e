// Motion text on the projector (spec projector 4.4, motion slide): line numbers and the change
// recommendation / amendment modes, computed on the server from the stored (sanitised) HTML.
//
// The HTML is cut into a flat token list (tags, words, whitespace); line numbering inserts line
// markers into that list. Line ranges are cut at the markers and rebalanced with the tags open at
// the cut, so a change recommendation for lines 3-4 (stored relative to the motion's first line,
// both inclusive; line_from 0 = title) replaces exactly those lines, and the diff compares the old
// lines with the recommended text word by word (<del>/<ins>).

import { Parser } from "htmlparser2";

export type Token =
  | { kind: "open"; tag: string; html: string }
  | { kind: "close"; tag: string; html: string }
  | { kind: "void"; tag: string; html: string }
  | { kind: "text"; html: string }
  | { kind: "line"; line: number; soft: boolean };

type OpenToken = Extract<Token, { kind: "open" }>;

export interface TextChange {
  /** Relative line numbers (1 = the motion's first line), both inclusive. */
  lineFrom: number;
  lineTo: number;
  /** The new HTML of those lines. */
  text: string;
  /** A header (HTML, escaped by the caller) shown above the change in the diff (amendments: their number). */
  title?: string;
}

const VOID_TAGS = new Set(["br", "img", "hr", "wbr", "input", "col", "source"]);
const BLOCK_TAGS = new Set([
  "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "thead", "tbody", "tfoot",
  "tr", "td", "th", "dl", "dt", "dd", "section", "article", "header", "footer", "figure", "figcaption",
]);

/**
 * Splits HTML into tags, words and whitespace runs (htmlparser2; comments are dropped, tags the
 * parser closes implicitly get their closing tag, text keeps its entities as written).
 */
export function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const raw = () => html.slice(parser.startIndex, parser.endIndex + 1);
  const parser = new Parser(
    {
      onopentag(name) {
        const tag = name.toLowerCase();
        tokens.push(VOID_TAGS.has(tag) ? { kind: "void", tag, html: raw() } : { kind: "open", tag, html: raw() });
      },
      onclosetag(name, isImplied) {
        const tag = name.toLowerCase();
        if (VOID_TAGS.has(tag)) return;
        tokens.push({ kind: "close", tag, html: isImplied ? `</${tag}>` : raw() });
      },
      ontext(text) {
        for (const part of text.replace(/</g, "&lt;").match(/\s+|[^\s]+/g) ?? []) tokens.push({ kind: "text", html: part });
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.end(html);
  return tokens;
}

const visibleLength = (html: string): number => html.replace(/&[#a-zA-Z0-9]+;/g, "x").length;
const isBlank = (token: Token): boolean => token.kind === "text" && token.html.trim() === "";

/** Inserts line markers: one at the start of every block's text and one where a line would exceed lineLength. */
export function numberLines(tokens: Token[], lineLength: number): Token[] {
  const out: Token[] = [];
  let line = 0;
  let lineOpen = false;
  let column = 0;
  for (const token of tokens) {
    if (token.kind === "open" || token.kind === "close" || token.kind === "void") {
      if (BLOCK_TAGS.has(token.tag) || token.tag === "br") lineOpen = false;
      out.push(token);
      continue;
    }
    if (token.kind !== "text") continue;
    if (isBlank(token)) {
      out.push(token);
      if (lineOpen) column += 1;
      continue;
    }
    const length = visibleLength(token.html);
    if (!lineOpen) {
      out.push({ kind: "line", line: ++line, soft: false });
      lineOpen = true;
      column = 0;
    } else if (lineLength > 0 && column > 0 && column + length > lineLength) {
      out.push({ kind: "line", line: ++line, soft: true });
      column = 0;
    }
    out.push(token);
    column += length;
  }
  return out;
}

function push(stack: OpenToken[], token: Token): void {
  if (token.kind === "open") stack.push(token);
  else if (token.kind === "close") {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]!.tag === token.tag) {
        stack.length = i;
        break;
      }
    }
  }
}

/** The elements open before tokens[index]. */
function stackAt(tokens: readonly Token[], index: number, start: OpenToken[] = []): OpenToken[] {
  const stack = [...start];
  for (let i = 0; i < index && i < tokens.length; i++) push(stack, tokens[i]!);
  return stack;
}

const closeTag = (open: OpenToken): Token => ({ kind: "close", tag: open.tag, html: `</${open.tag}>` });

/** Reopening a cut element: marked like upstream so the split does not add a margin. */
function reopen(open: OpenToken): OpenToken {
  if (/\sclass\s*=/.test(open.html)) return { ...open, html: open.html.replace(/(\sclass\s*=\s*["']?)/, "$1os-split-before ") };
  return { ...open, html: open.html.replace(/^<([a-zA-Z0-9]+)/, "<$1 class=\"os-split-before\"") };
}

/** The token index where line `line` begins (before the opening tags of its block); the end if there is no such line. */
function cutIndex(tokens: readonly Token[], line: number): number {
  let index = tokens.findIndex((token) => token.kind === "line" && token.line === line);
  if (index < 0) return tokens.length;
  const marker = tokens[index] as Extract<Token, { kind: "line" }>;
  if (!marker.soft) while (index > 0 && tokens[index - 1]!.kind === "open") index--;
  return index;
}

/** tokens[from, to) with the elements open at `from` reopened and those open at `to` closed. */
function extract(tokens: readonly Token[], from: number, to: number): Token[] {
  const context = stackAt(tokens, from);
  const out: Token[] = context.map(reopen);
  const stack = [...context];
  for (let i = from; i < to && i < tokens.length; i++) {
    out.push(tokens[i]!);
    push(stack, tokens[i]!);
  }
  for (let i = stack.length - 1; i >= 0; i--) out.push(closeTag(stack[i]!));
  return out;
}

const trimBlank = (tokens: Token[]): Token[] => {
  let start = 0;
  let end = tokens.length;
  while (start < end && isBlank(tokens[start]!)) start++;
  while (end > start && isBlank(tokens[end - 1]!)) end--;
  return tokens.slice(start, end);
};

export interface LineOptions {
  /** The number shown for relative line 1 (motion.start_line_number). */
  firstLine: number;
}

function lineMarkerHtml(line: number, options: LineOptions, withBreak: boolean): string {
  const shown = line + options.firstLine - 1;
  return `${withBreak ? `<br class="os-line-break">` : ""}<span contenteditable="false" class="os-line-number line-number-${shown}" data-line-number="${shown}">&nbsp;</span>`;
}

/** Tokens to HTML; a soft line marker adds a line break unless it starts the fragment. */
export function renderTokens(tokens: readonly Token[], options: LineOptions): string {
  let content = false;
  let html = "";
  for (const token of tokens) {
    if (token.kind === "line") {
      html += lineMarkerHtml(token.line, options, token.soft && content);
      continue;
    }
    if (token.kind !== "open") content = true;
    html += token.html;
  }
  return html;
}

/** The paragraphs of a line-numbered text (top-level blocks; list items one by one), as token ranges with their lines. */
export function paragraphs(tokens: readonly Token[]): { start: number; end: number; lineFrom: number; lineTo: number }[] {
  const result: { start: number; end: number; lineFrom: number; lineTo: number }[] = [];
  const stack: OpenToken[] = [];
  let current: { start: number; level: number; lineFrom: number; lineTo: number } | undefined;
  tokens.forEach((token, index) => {
    if (token.kind === "open" && !current) {
      const parent = stack[stack.length - 1];
      const level = stack.length;
      if (level === 0 && token.tag !== "ul" && token.tag !== "ol") current = { start: index, level, lineFrom: 0, lineTo: 0 };
      else if (level === 1 && token.tag === "li" && (parent?.tag === "ul" || parent?.tag === "ol")) current = { start: index, level, lineFrom: 0, lineTo: 0 };
    }
    if (token.kind === "line" && current) {
      if (!current.lineFrom) current.lineFrom = token.line;
      current.lineTo = token.line;
    }
    push(stack, token);
    if (token.kind === "close" && current && stack.length === current.level) {
      result.push({ start: current.start, end: index + 1, lineFrom: current.lineFrom, lineTo: current.lineTo });
      current = undefined;
    }
  });
  return result;
}

/** The changes sorted by line, without those overlapping an earlier one. */
function usableChanges(changes: readonly TextChange[]): TextChange[] {
  const sorted = changes
    .filter((change) => change.lineFrom > 0 && change.lineTo >= change.lineFrom)
    .sort((a, b) => a.lineFrom - b.lineFrom || a.lineTo - b.lineTo);
  const result: TextChange[] = [];
  for (const change of sorted) {
    const last = result[result.length - 1];
    if (last && change.lineFrom <= last.lineTo) continue;
    result.push(change);
  }
  return result;
}

/** Replacement tokens for a cut with context `before` / `after`: outer elements the replacement repeats are merged with the text around it. */
function splice(out: Token[], before: OpenToken[], replacement: Token[], after: OpenToken[]): void {
  let tokens = trimBlank(replacement);
  const startsWithBlock = tokens[0]?.kind === "open" && BLOCK_TAGS.has(tokens[0].tag);
  let keep = 0;
  if (!startsWithBlock) keep = before.length;
  else while (keep < before.length && tokens[keep]?.kind === "open" && (tokens[keep] as OpenToken).tag === before[keep]!.tag) keep++;
  for (let i = before.length - 1; i >= keep; i--) out.push(closeTag(before[i]!));
  tokens = tokens.slice(startsWithBlock ? keep : 0);
  let merged = 0;
  while (merged < after.length) {
    const last = tokens[tokens.length - 1 - merged];
    if (last?.kind !== "close" || last.tag !== after[merged]!.tag) break;
    merged++;
  }
  tokens = tokens.slice(0, tokens.length - merged);
  const stack = before.slice(0, keep);
  for (const token of tokens) {
    out.push(token);
    push(stack, token);
  }
  let common = 0;
  while (common < stack.length && common < after.length && stack[common]!.tag === after[common]!.tag) common++;
  for (let i = stack.length - 1; i >= common; i--) out.push(closeTag(stack[i]!));
  for (let i = common; i < after.length; i++) out.push(after[i]!);
}

/** The text with the changes applied (changed / agreed modes), line-numbered anew. */
export function applyChanges(html: string, changes: readonly TextChange[], lineLength: number): Token[] {
  const tokens = numberLines(tokenize(html), lineLength);
  const out: Token[] = [];
  let cursor = 0;
  for (const change of usableChanges(changes)) {
    const from = cutIndex(tokens, change.lineFrom);
    const to = cutIndex(tokens, change.lineTo + 1);
    if (from < cursor || from >= tokens.length) continue;
    out.push(...tokens.slice(cursor, from));
    let replacement = trimBlank(tokenize(change.text));
    // The space that ended the last replaced line separates the new text from the next line.
    const lastOld = tokens.slice(from, to).filter((token) => token.kind === "text").pop();
    if (lastOld && isBlank(lastOld) && to < tokens.length) {
      const lastText = replacement.map((token) => token.kind).lastIndexOf("text");
      if (lastText >= 0 && !isBlank(replacement[lastText]!)) replacement = [...replacement.slice(0, lastText + 1), { kind: "text", html: " " }, ...replacement.slice(lastText + 1)];
    }
    splice(out, stackAt(tokens, from), replacement, stackAt(tokens, to));
    cursor = to;
  }
  out.push(...tokens.slice(cursor));
  return numberLines(
    out.filter((token) => token.kind !== "line"),
    lineLength,
  );
}

// ---------------------------------------------------------------------------------------------
// Word diff

const key = (token: Token): string => {
  switch (token.kind) {
    case "text":
      return token.html.trim() === "" ? " " : `t${token.html}`;
    case "open":
    case "void":
      return `<${token.tag}`;
    case "close":
      return `</${token.tag}`;
    default:
      return "";
  }
};

/** A word diff of two token lists: words only in `before` in <del>, only in `after` in <ins>; the tags follow `after`; line markers of `before` stay. */
export function diffTokens(before: readonly Token[], after: readonly Token[]): Token[] {
  const oldTokens = before.filter((token) => token.kind !== "line");
  const markersBefore = new Map<number, Token[]>();
  let position = 0;
  for (const token of before) {
    if (token.kind === "line") markersBefore.set(position, [...(markersBefore.get(position) ?? []), token]);
    else position++;
  }
  const n = oldTokens.length;
  const m = after.length;
  // The edit script: "=" (both), "-" (old only), "+" (new only).
  const script: { op: "=" | "-" | "+"; index: number; other?: number }[] = [];
  if (n * m <= 4_000_000) {
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] =
          key(oldTokens[i]!) === key(after[j]!) ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && key(oldTokens[i]!) === key(after[j]!)) script.push({ op: "=", index: i++, other: j++ });
      else if (j < m && (i === n || table[i * width + j + 1]! >= table[(i + 1) * width + j]!)) script.push({ op: "+", index: j++ });
      else script.push({ op: "-", index: i++ });
    }
  } else {
    for (let i = 0; i < n; i++) script.push({ op: "-", index: i });
    for (let j = 0; j < m; j++) script.push({ op: "+", index: j });
  }
  const out: Token[] = [];
  const markers = (oldIndex: number) => out.push(...(markersBefore.get(oldIndex) ?? []));
  let k = 0;
  while (k < script.length) {
    const step = script[k]!;
    if (step.op === "=") {
      markers(step.index);
      const token = oldTokens[step.index]!;
      out.push(token.kind === "text" ? token : after[step.other!]!);
      k++;
      continue;
    }
    // A hunk: the old words first, then the new tokens.
    const deleted: Token[] = [];
    const inserted: Token[] = [];
    while (k < script.length && script[k]!.op !== "=") {
      const { op, index } = script[k]!;
      if (op === "-") {
        for (const marker of markersBefore.get(index) ?? []) deleted.push(marker);
        if (oldTokens[index]!.kind === "text") deleted.push(oldTokens[index]!);
      } else inserted.push(after[index]!);
      k++;
    }
    wrapRuns(out, deleted, "del");
    wrapRuns(out, inserted, "ins");
  }
  markers(n);
  return out;
}

/** Runs of text wrapped in <del>/<ins>; tags and line markers stay outside. */
function wrapRuns(out: Token[], tokens: readonly Token[], tag: "del" | "ins"): void {
  let open = false;
  for (const token of tokens) {
    if (token.kind === "text") {
      if (!open && token.html.trim() === "") {
        out.push(token);
        continue;
      }
      if (!open) out.push({ kind: "open", tag, html: `<${tag}>` });
      open = true;
      out.push(token);
    } else {
      if (open) out.push({ kind: "close", tag, html: `</${tag}>` });
      open = false;
      out.push(token);
    }
  }
  if (open) out.push({ kind: "close", tag, html: `</${tag}>` });
}

/** The diff mode: the line-numbered text with every change shown as a word diff of its lines. */
export function diffText(html: string, changes: readonly TextChange[], lineLength: number, options: LineOptions): string {
  const tokens = numberLines(tokenize(html), lineLength);
  const parts: string[] = [];
  let cursor = 0;
  for (const change of usableChanges(changes)) {
    const from = cutIndex(tokens, change.lineFrom);
    const to = cutIndex(tokens, change.lineTo + 1);
    if (from < cursor || from >= tokens.length) continue;
    if (from > cursor) parts.push(renderTokens(extract(tokens, cursor, from), options));
    if (change.title) parts.push(`<span class="amendment-nr-n-icon"><span class="amendment-nr">${change.title}: </span></span>`);
    const old = extract(tokens, from, to);
    let replacement = trimBlank(tokenize(change.text));
    if (!(replacement[0]?.kind === "open" && BLOCK_TAGS.has(replacement[0].tag))) {
      const context = stackAt(tokens, from);
      replacement = [...context.map(reopen), ...replacement, ...context.slice().reverse().map(closeTag)];
    }
    parts.push(renderTokens(diffTokens(old, replacement), options));
    cursor = to;
  }
  if (cursor < tokens.length) parts.push(renderTokens(extract(tokens, cursor, tokens.length), options));
  return parts.join("");
}

/** Word diff of two short HTML strings (motion titles). */
export function diffHtml(before: string, after: string): string {
  return renderTokens(diffTokens(tokenize(before), tokenize(after)), { firstLine: 1 });
}

/** A paragraph-based amendment: each changed paragraph of the lead motion as a word diff with its line range. */
export function amendmentDiff(
  leadHtml: string,
  changed: Readonly<Record<string, string>>,
  lineLength: number,
  options: LineOptions,
  lineLabel: string,
): string {
  const tokens = numberLines(tokenize(leadHtml), lineLength);
  const leadParagraphs = paragraphs(tokens);
  const parts: string[] = [];
  for (const number of Object.keys(changed).map(Number).filter(Number.isInteger).sort((a, b) => a - b)) {
    const paragraph = leadParagraphs[number];
    const text = changed[String(number)];
    if (!paragraph || typeof text !== "string") continue;
    const diff = diffTokens(extract(tokens, paragraph.start, paragraph.end), trimBlank(tokenize(text)));
    // Only the lines with changes, like upstream (an unchanged paragraph is left out).
    const changedAt = diff.flatMap((token, index) => (token.kind === "open" && (token.tag === "del" || token.tag === "ins") && token.html === `<${token.tag}>` ? [index] : []));
    if (changedAt.length === 0) continue;
    const lineBefore = (index: number) => {
      let line = paragraph.lineFrom;
      for (let i = 0; i <= index; i++) {
        const token = diff[i]!;
        if (token.kind === "line") line = token.line;
      }
      return line;
    };
    const lineFrom = lineBefore(changedAt[0]!);
    const lineTo = Math.max(lineFrom, lineBefore(changedAt[changedAt.length - 1]!));
    const start = lineFrom === paragraph.lineFrom ? 0 : cutIndex(diff, lineFrom);
    const end = lineTo === paragraph.lineTo ? diff.length : cutIndex(diff, lineTo + 1);
    const from = lineFrom + options.firstLine - 1;
    const to = lineTo + options.firstLine - 1;
    parts.push(`<h3 class="amendment-line-header"><span>${lineLabel}</span> ${from === to ? from : `${from} - ${to}`}</h3>`);
    parts.push(renderTokens(extract(diff, start, end), options));
  }
  return parts.join("");
}

/** The changes a set of amendment paragraphs makes to the lead motion's lines. */
export function amendmentChanges(leadHtml: string, changed: Readonly<Record<string, unknown>>, lineLength: number, title: string): TextChange[] {
  const leadParagraphs = paragraphs(numberLines(tokenize(leadHtml), lineLength));
  const changes: TextChange[] = [];
  for (const [number, text] of Object.entries(changed)) {
    const paragraph = leadParagraphs[Number(number)];
    if (!paragraph || typeof text !== "string" || !paragraph.lineFrom) continue;
    changes.push({ lineFrom: paragraph.lineFrom, lineTo: paragraph.lineTo, text, title });
  }
  return changes;
}
