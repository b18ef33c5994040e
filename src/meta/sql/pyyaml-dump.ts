// A YAML writer producing byte for byte what PyYAML's `yaml.dump(data, default_flow_style=False,
// allow_unicode=True, sort_keys=False)` produces for the plain data of the models YAML (nested
// maps, lists, strings, numbers, booleans, null). Upstream's MODELS_YML_CHECKSUM is the md5 of
// such a dump, so the exact layout matters: block style with indentless lists, quoting only
// where a plain scalar would be misread, and folding of long scalars at 80 columns.
import { isMap, isScalar, isSeq, type Node } from "yaml";

export type PyValue =
  | { kind: "map"; entries: [PyValue, PyValue][] }
  | { kind: "seq"; items: PyValue[] }
  | { kind: "str"; value: string }
  /** int, float, bool or null, already in the text PyYAML writes for it. */
  | { kind: "literal"; text: string };

const PYYAML_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT_1_1 = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;

/** Python's repr() of a float, lower-cased as PyYAML writes it. */
function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value).toLowerCase().replace(/e\+?/, "e+").replace("e+-", "e-");
}

/** Converts a node parsed with YAML 1.1 rules (as PyYAML's safe_load reads) into dump input. */
export function fromYamlNode(node: unknown): PyValue {
  if (isMap(node)) {
    return { kind: "map", entries: node.items.map((pair) => [fromYamlNode(pair.key), fromYamlNode(pair.value)]) };
  }
  if (isSeq(node)) return { kind: "seq", items: node.items.map((item) => fromYamlNode(item)) };
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return { kind: "literal", text: "null" };
    if (typeof value === "boolean") {
      // YAML 1.1 also reads y/n as booleans; PyYAML keeps them strings
      const source = typeof node.source === "string" ? node.source : String(value);
      if (!PYYAML_BOOL.test(source)) return { kind: "str", value: source };
      return { kind: "literal", text: value ? "true" : "false" };
    }
    if (typeof value === "number") {
      const source = typeof node.source === "string" ? node.source : String(value);
      return { kind: "literal", text: INT_1_1.test(source) ? String(value) : pythonFloat(value) };
    }
    if (typeof value === "string") return { kind: "str", value };
  }
  if (node === null || node === undefined) return { kind: "literal", text: "null" };
  throw new Error(`cannot dump YAML node ${String((node as Node).toString?.() ?? node)}`);
}

// Plain scalars PyYAML's resolver would read as something other than a string.
const IMPLICIT_NON_STRINGS = [
  PYYAML_BOOL,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  INT_1_1,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

const LINE_BREAKS = "\n\u0085\u2028\u2029";
const isBreak = (ch: string | undefined) => ch !== undefined && LINE_BREAKS.includes(ch);
const WHITESPACE = "\0 \t\r\n\u0085\u2028\u2029";

interface ScalarTraits {
  empty: boolean;
  multiline: boolean;
  plainAllowed: boolean;
  singleQuotedAllowed: boolean;
}

function isPrintable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  if (ch === "\n" || (code >= 0x20 && code <= 0x7e)) return true;
  if (code === 0xfeff) return false;
  return code === 0x85 || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code < 0x10ffff);
}

/** Which block-context styles can hold the string unchanged (PyYAML's scalar analysis). */
function scalarTraits(text: string): ScalarTraits {
  if (text === "") return { empty: true, multiline: false, plainAllowed: true, singleQuotedAllowed: true };
  const chars = [...text];
  let indicators = text.startsWith("---") || text.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let edgeWhitespace = false;
  let breakThenSpace = false;
  let spaceThenBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, position) => {
    const before = position === 0 ? undefined : chars[position - 1];
    const after = chars[position + 1];
    const followedBySpace = after === undefined || WHITESPACE.includes(after);
    const precededBySpace = before === undefined || WHITESPACE.includes(before);
    if (position === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) indicators = true;
      if ("?:".includes(ch) && followedBySpace) indicators = true;
      if (ch === "-" && followedBySpace) indicators = true;
    } else {
      if (ch === ":" && followedBySpace) indicators = true;
      if (ch === "#" && precededBySpace) indicators = true;
    }
    if (isBreak(ch)) lineBreaks = true;
    if (!isPrintable(ch)) special = true;
    const last = position === chars.length - 1;
    if (ch === " ") {
      if (position === 0 || last) edgeWhitespace = true;
      if (previousBreak) breakThenSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (position === 0 || last) edgeWhitespace = true;
      if (previousSpace) spaceThenBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
  });
  return {
    empty: false,
    multiline: lineBreaks,
    plainAllowed: !(edgeWhitespace || breakThenSpace || spaceThenBreak || special || lineBreaks || indicators),
    singleQuotedAllowed: !(breakThenSpace || spaceThenBreak || special),
  };
}

const ESCAPES: Record<string, string> = {
  "\0": "0",
  "\x07": "a",
  "\x08": "b",
  "\t": "t",
  "\n": "n",
  "\x0b": "v",
  "\x0c": "f",
  "\r": "r",
  "\x1b": "e",
  '"': '"',
  "\\": "\\",
  "\u0085": "N",
  "\u00a0": "_",
  "\u2028": "L",
  "\u2029": "P",
};

const WIDTH = 80;
const INDENT_STEP = 2;

class Writer {
  private out = "";
  private column = 0;
  /** The last thing written was whitespace (or nothing). */
  private whitespace = true;
  /** Only indentation has been written on the current line. */
  private indention = true;
  private indent: number | undefined = undefined;
  private readonly indents: (number | undefined)[] = [];

  text(): string {
    return this.out;
  }

  private write(data: string): void {
    this.out += data;
    this.column += data.length;
  }

  private lineBreak(): void {
    this.out += "\n";
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.lineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.out += " ".repeat(indent - this.column);
      this.column = indent;
    }
  }

  private indicator(text: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    this.write(this.whitespace || !needWhitespace ? text : ` ${text}`);
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
  }

  private pushIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent);
    if (this.indent === undefined) this.indent = flow ? INDENT_STEP : 0;
    else if (!indentless) this.indent += INDENT_STEP;
  }

  private popIndent(): void {
    this.indent = this.indents.pop();
  }

  node(value: PyValue, context: { mapping?: boolean; simpleKey?: boolean } = {}): void {
    if (value.kind === "map") {
      if (value.entries.length === 0) return this.emptyCollection("{", "}");
      this.pushIndent(false);
      for (const [key, entry] of value.entries) {
        this.writeIndent();
        this.node(key, { simpleKey: true });
        this.indicator(":", false);
        this.node(entry, { mapping: true });
      }
      this.popIndent();
    } else if (value.kind === "seq") {
      if (value.items.length === 0) return this.emptyCollection("[", "]");
      this.pushIndent(false, Boolean(context.mapping) && !this.indention);
      for (const item of value.items) {
        this.writeIndent();
        this.indicator("-", true, false, true);
        this.node(item);
      }
      this.popIndent();
    } else {
      this.pushIndent(true);
      this.scalar(value, Boolean(context.simpleKey));
      this.popIndent();
    }
  }

  private emptyCollection(open: string, close: string): void {
    this.indicator(open, true, true);
    this.indicator(close, false);
  }

  private scalar(value: PyValue & { kind: "str" | "literal" }, simpleKey: boolean): void {
    if (value.kind === "literal") return this.plain(value.text, !simpleKey);
    const text = value.value;
    const traits = scalarTraits(text);
    const resolvesToString = !IMPLICIT_NON_STRINGS.some((pattern) => pattern.test(text));
    if (resolvesToString && traits.plainAllowed && !(simpleKey && (traits.empty || traits.multiline))) {
      return this.plain(text, !simpleKey);
    }
    if (traits.singleQuotedAllowed && !(simpleKey && traits.multiline)) return this.singleQuoted(text, !simpleKey);
    this.doubleQuoted(text, !simpleKey);
  }

  private plain(text: string, split: boolean): void {
    if (text === "") return;
    if (!this.whitespace) this.write(" ");
    this.whitespace = false;
    this.indention = false;
    // words are written whole; a single space after a word ending beyond the width becomes a line break
    const parts = text.split(/( +)/);
    for (const part of parts) {
      if (part === "") continue;
      if (part === " " && split && this.column > WIDTH) {
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
      } else {
        this.write(part);
      }
    }
  }

  private singleQuoted(text: string, split: boolean): void {
    this.indicator("'", true);
    const chars = [...text];
    let position = 0;
    while (position < chars.length) {
      const ch = chars[position]!;
      if (ch === " ") {
        let end = position;
        while (chars[end] === " ") end++;
        const single = end === position + 1;
        if (single && split && this.column > WIDTH && position !== 0 && end !== chars.length) this.writeIndent();
        else this.write(chars.slice(position, end).join(""));
        position = end;
      } else if (isBreak(ch)) {
        let end = position;
        while (isBreak(chars[end])) end++;
        if (ch === "\n") this.lineBreak();
        for (let index = position; index < end; index++) {
          if (chars[index] === "\n") this.lineBreak();
          else {
            this.out += chars[index];
            this.column = 0;
            this.whitespace = true;
            this.indention = true;
          }
        }
        this.writeIndent();
        position = end;
      } else if (ch === "'") {
        this.write("''");
        position++;
      } else {
        let end = position;
        while (end < chars.length && chars[end] !== " " && chars[end] !== "'" && !isBreak(chars[end])) end++;
        this.write(chars.slice(position, end).join(""));
        position = end;
      }
    }
    this.indicator("'", false);
  }

  private doubleQuoted(text: string, split: boolean): void {
    this.indicator('"', true);
    const chars = [...text];
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      const mustEscape =
        ch === undefined ||
        "\"\\\u0085\u2028\u2029\ufeff".includes(ch) ||
        !(
          (ch >= "\x20" && ch <= "\x7e") ||
          (ch.codePointAt(0)! >= 0xa0 && ch.codePointAt(0)! <= 0xd7ff) ||
          (ch.codePointAt(0)! >= 0xe000 && ch.codePointAt(0)! <= 0xfffd)
        );
      if (mustEscape) {
        if (start < end) {
          this.write(chars.slice(start, end).join(""));
          start = end;
        }
        if (ch !== undefined) {
          const code = ch.codePointAt(0)!;
          const escaped =
            ESCAPES[ch] !== undefined
              ? ESCAPES[ch]
              : code <= 0xff
                ? `x${code.toString(16).toUpperCase().padStart(2, "0")}`
                : code <= 0xffff
                  ? `u${code.toString(16).toUpperCase().padStart(4, "0")}`
                  : `U${code.toString(16).toUpperCase().padStart(8, "0")}`;
          this.write(`\\${escaped}`);
          start = end + 1;
        }
      }
      if (end > 0 && end < chars.length - 1 && (ch === " " || start >= end) && this.column + (end - start) > WIDTH && split) {
        this.write(`${chars.slice(start, end).join("")}\\`);
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (chars[start] === " ") this.write("\\");
      }
    }
    this.indicator('"', false);
  }

  endDocument(): void {
    this.writeIndent();
  }
}

/** The dump of `value` as PyYAML writes it (block style, width 80, indent 2). */
export function pyyamlDump(value: PyValue): string {
  const writer = new Writer();
  writer.node(value);
  writer.endDocument();
  return writer.text();
}
