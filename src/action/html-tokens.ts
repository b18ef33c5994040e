// The tokenizer stage of HTML sanitising. Upstream's sanitiser (bleach) tokenizes with the HTML
// standard's error recovery and turns every tag that is not allowed into text before any tree is
// built; htmlparser2 (under sanitize-html) recovers from malformed markup differently ("</>",
// "</ p>", "</p foo>", attributes broken by quotes, text inside <textarea>/<title>/<script>).
// This stage reads the input as the standard's tokenizer does and writes an equivalent,
// well-formed input for sanitize-html: text with "<" and ">" escaped, allowed tags written out
// cleanly, every other tag as escaped text (its exact source), comments and doctypes dropped.
// It never decides what is safe: sanitize-html still filters attributes, URLs and styles.
//
// Every character is looked at a bounded number of times (see RESCAN_BUDGET_FACTOR).

const SPACE = new Set(["\n", "\f", " ", "\r", "\t"]);
/** Lower case for ASCII letters only, as the standard does (never changes the length). */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
const isAsciiLetter = (c: string | undefined) => c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));

/** A tag as the tokenizer saw it. */
interface TagToken {
  end: boolean;
  name: string;
  attributes: [string, string][];
  /** Where the tag's "<" is and the index after it. */
  from: number;
  to: number;
  /** The last parse error while reading the tag, which decides bleach's repairs. */
  lastError: string | undefined;
}

/** What reading a tag ended with: a whole tag, or the end of the input inside it. */
type TagRead = { kind: "tag"; tag: TagToken } | { kind: "eof-as-text"; from: number } | { kind: "eof-dropped" };

/**
 * bleach lets a tag whose attribute name holds a quote or "<" be re-read from its first space
 * when the tag is not allowed (`<x <p>` is the text "<x " and a paragraph). That re-reads part
 * of the input; the re-read characters are capped at this multiple of the input length.
 */
const RESCAN_BUDGET_FACTOR = 2;

/** Elements whose content the standard reads as plain text up to their end tag (when allowed). */
const RAW_TEXT_ELEMENTS = new Set(["iframe"]);

export function normalizeMarkup(input: string, allowedTags: ReadonlySet<string>): string {
  return new MarkupNormalizer(input.replace(/\r\n?/g, "\n"), allowedTags).run();
}

class MarkupNormalizer {
  private out = "";
  private rescanBudget: number;
  /** The input in lower case, made once when a raw text element needs it. */
  private lowerHtml: string | undefined;

  constructor(
    private readonly html: string,
    private readonly allowedTags: ReadonlySet<string>,
  ) {
    this.rescanBudget = html.length * RESCAN_BUDGET_FACTOR;
  }

  run(): string {
    const html = this.html;
    let i = 0;
    while (i < html.length) {
      const lt = html.indexOf("<", i);
      if (lt < 0) {
        this.text(html.slice(i));
        break;
      }
      this.text(html.slice(i, lt));
      i = this.markup(lt);
    }
    return this.out;
  }

  /** Text of the input (without markup): NUL dropped as the tree builder does, < and > escaped. */
  private text(chars: string): void {
    this.out += chars.replaceAll("\0", "").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  }

  /** Reads what starts with the "<" at `lt`; returns where reading goes on. */
  private markup(lt: number): number {
    const html = this.html;
    const next = html[lt + 1];
    if (next === "!") return this.markupDeclaration(lt);
    if (next === "?") return this.skipBogusComment(lt + 1);
    if (next === ">") {
      this.text("<>");
      return lt + 2;
    }
    if (next === "/") return this.endTagOpen(lt);
    if (isAsciiLetter(next)) return this.tag(lt, false);
    this.text("<");
    return lt + 1;
  }

  private endTagOpen(lt: number): number {
    const html = this.html;
    const next = html[lt + 2];
    if (next === undefined) {
      this.text("</");
      return lt + 2;
    }
    if (next === ">") return lt + 3; // "</>" is nothing at all
    if (isAsciiLetter(next)) return this.tag(lt, true);
    // "</" and no letter: a bogus comment up to ">". bleach keeps it as text unless its content
    // names an allowed tag (so "</ p>" vanishes, "</3>" stays).
    const close = html.indexOf(">", lt + 2);
    const to = close < 0 ? html.length : close + 1;
    const content = html.slice(lt + 2, close < 0 ? html.length : close);
    if (!this.allowedTags.has(asciiLower(content.trim()))) this.text(html.slice(lt, to));
    return to;
  }

  private markupDeclaration(lt: number): number {
    const html = this.html;
    if (html.startsWith("<!--", lt)) return this.skipComment(lt + 4);
    // <!DOCTYPE ...> and every other <!...> end at the next ">"; a fragment has no use for either.
    return this.skipBogusComment(lt + 2);
  }

  private skipBogusComment(from: number): number {
    const close = this.html.indexOf(">", from);
    return close < 0 ? this.html.length : close + 1;
  }

  /** A comment from after "<!--": "<!-->" and "<!--->" end at once, else at "-->" or "--!>". */
  private skipComment(from: number): number {
    const html = this.html;
    if (html[from] === ">") return from + 1;
    if (html.startsWith("->", from)) return from + 2;
    const dashes = html.indexOf("-->", from);
    const bang = html.indexOf("--!>", from);
    const ends = [dashes < 0 ? Infinity : dashes + 3, bang < 0 ? Infinity : bang + 4];
    const end = Math.min(...ends);
    return end === Infinity ? html.length : end;
  }

  private tag(lt: number, end: boolean): number {
    const read = readTag(this.html, lt, end);
    if (read.kind === "eof-dropped") return this.html.length;
    if (read.kind === "eof-as-text") {
      this.text(this.html.slice(read.from));
      return this.html.length;
    }
    const { tag } = read;
    if (!this.allowedTags.has(tag.name)) return this.disallowedTag(tag);
    this.out += end ? `</${tag.name}>` : startTagHtml(tag);
    if (!end && RAW_TEXT_ELEMENTS.has(tag.name)) return this.rawText(tag.name, tag.to);
    return tag.to;
  }

  private disallowedTag(tag: TagToken): number {
    const source = this.html.slice(tag.from, tag.to);
    if (tag.lastError === "invalid-character-in-attribute-name" || tag.lastError === "invalid-character-after-attribute-name") {
      // bleach: "<x <p>": the part up to the first space is text, the rest is read again.
      const space = source.indexOf(" ");
      if (space >= 0 && source.slice(space + 1).trimStart().startsWith("<")) {
        const again = tag.from + space + 1;
        if (this.rescanBudget >= tag.to - again) {
          this.rescanBudget -= tag.to - again;
          this.text(source.slice(0, space + 1));
          return again;
        }
      }
    }
    this.text(source);
    return tag.to;
  }

  /** The content of an allowed raw text element is text up to its end tag. */
  private rawText(name: string, from: number): number {
    const html = this.html;
    const lower = (this.lowerHtml ??= asciiLower(html));
    let search = from;
    for (;;) {
      const at = lower.indexOf(`</${name}`, search);
      if (at < 0) {
        this.text(html.slice(from));
        return html.length;
      }
      const after = html[at + 2 + name.length];
      if (after === undefined || after === ">" || after === "/" || SPACE.has(after)) {
        this.text(html.slice(from, at));
        return at;
      }
      search = at + 1;
    }
  }
}

function startTagHtml(tag: TagToken): string {
  let html = `<${tag.name}`;
  for (const [name, value] of tag.attributes) {
    // Names with quotes or "<" cannot be written back; bleach drops them too.
    if (/["'<>/=\s]/.test(name) || name === "") continue;
    // Values stay as written (sanitize-html reads them without decoding entities), so a value
    // with double quotes is written in single quotes where it can be.
    if (value.includes('"') && !value.includes("'")) html += ` ${name}='${value}'`;
    else html += ` ${name}="${value.replaceAll('"', "&quot;")}"`;
  }
  return html + ">";
}

/** Where the standard's tokenizer is inside a tag. */
type TagState =
  | "name"
  | "beforeAttributeName"
  | "attributeName"
  | "afterAttributeName"
  | "beforeValue"
  | "quotedValue"
  | "unquotedValue"
  | "afterQuotedValue"
  | "selfClosing";

/** The end of the input in these states keeps the tag's source as text (bleach); elsewhere the tag is dropped. */
const EOF_AS_TEXT = new Set<TagState>(["name", "attributeName", "afterAttributeName", "unquotedValue"]);

const INVALID_IN_NAME = new Set(["'", '"', "<"]);

/**
 * Reads a start or end tag from its "<" as the standard's tokenizer does: names lower-cased,
 * the first of repeated attributes wins, a "/" before ">" ignored, NUL as U+FFFD.
 */
function readTag(html: string, lt: number, end: boolean): TagRead {
  let i = lt + (end ? 2 : 1);
  let name = "";
  const attributes: [string, string][] = [];
  let lastError: string | undefined;
  let state = "name" as TagState;
  let quote = "";
  const current = () => attributes[attributes.length - 1]!;
  const startAttribute = (c: string) => {
    attributes.push([c === "\0" ? "\uFFFD" : asciiLower(c), ""]);
    state = "attributeName";
  };
  const names = new Set<string>();
  const endAttributeName = () => {
    const key = current()[0];
    if (names.has(key)) lastError = "duplicate-attribute";
    names.add(key);
  };
  for (;;) {
    const c = html[i];
    if (c === undefined) {
      if (state === "attributeName") endAttributeName();
      return EOF_AS_TEXT.has(state) ? { kind: "eof-as-text", from: lt } : { kind: "eof-dropped" };
    }
    i++;
    switch (state) {
      case "name":
        if (SPACE.has(c)) state = "beforeAttributeName";
        else if (c === ">") return finish();
        else if (c === "/") state = "selfClosing";
        else name += c === "\0" ? "\uFFFD" : asciiLower(c);
        break;
      case "beforeAttributeName":
        if (SPACE.has(c)) break;
        if (c === ">") return finish();
        if (c === "/") state = "selfClosing";
        else {
          if (INVALID_IN_NAME.has(c) || c === "=") lastError = "invalid-character-in-attribute-name";
          startAttribute(c);
        }
        break;
      case "attributeName":
        if (c === "=" || c === ">" || c === "/" || SPACE.has(c)) {
          endAttributeName();
          if (c === ">") return finish();
          state = c === "=" ? "beforeValue" : c === "/" ? "selfClosing" : "afterAttributeName";
        } else {
          if (INVALID_IN_NAME.has(c)) lastError = "invalid-character-in-attribute-name";
          current()[0] += c === "\0" ? "\uFFFD" : asciiLower(c);
        }
        break;
      case "afterAttributeName":
        if (SPACE.has(c)) break;
        if (c === "=") state = "beforeValue";
        else if (c === ">") return finish();
        else if (c === "/") state = "selfClosing";
        else {
          if (INVALID_IN_NAME.has(c)) lastError = "invalid-character-after-attribute-name";
          startAttribute(c);
        }
        break;
      case "beforeValue":
        if (SPACE.has(c)) break;
        if (c === '"' || c === "'") {
          quote = c;
          state = "quotedValue";
        } else if (c === ">") {
          lastError = "expected-attribute-value-but-got-right-bracket";
          return finish();
        } else {
          if (c === "=" || c === "<" || c === "`") lastError = "equals-in-unquoted-attribute-value";
          current()[1] += c === "\0" ? "\uFFFD" : c;
          state = "unquotedValue";
        }
        break;
      case "quotedValue":
        if (c === quote) state = "afterQuotedValue";
        else current()[1] += c === "\0" ? "\uFFFD" : c;
        break;
      case "unquotedValue":
        if (SPACE.has(c)) state = "beforeAttributeName";
        else if (c === ">") return finish();
        else {
          if (c === '"' || c === "'" || c === "=" || c === "<" || c === "`") lastError = "unexpected-character-in-unquoted-attribute-value";
          current()[1] += c === "\0" ? "\uFFFD" : c;
        }
        break;
      case "afterQuotedValue":
        if (SPACE.has(c)) state = "beforeAttributeName";
        else if (c === ">") return finish();
        else if (c === "/") state = "selfClosing";
        else {
          lastError = "unexpected-character-after-attribute-value";
          state = "beforeAttributeName";
          i--;
        }
        break;
      case "selfClosing":
        if (c === ">") return finish();
        lastError = "unexpected-character-after-solidus-in-tag";
        state = "beforeAttributeName";
        i--;
        break;
    }
  }

  function finish(): TagRead {
    const seen = new Set<string>();
    const firstWins = attributes.filter(([key]) => (seen.has(key) ? false : (seen.add(key), true)));
    return { kind: "tag", tag: { end, name, attributes: firstWins, from: lt, to: i, lastError } };
  }
}
