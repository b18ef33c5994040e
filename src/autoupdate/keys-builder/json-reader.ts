// Reads the first JSON value of a request body the way upstream's Go decoder does: leading
// whitespace is skipped, anything after the first complete value is ignored, a body that ends
// inside a value is "incomplete" (not a syntax error), and syntax errors carry Go's texts
// (`invalid character '5' looking for beginning of object key string`). Numbers keep their
// literal text, because Go reports `1.5` given for an integer as "number 1.5".

export type JsonNode =
  | { kind: "object"; entries: Array<[string, JsonNode]> }
  | { kind: "array"; items: JsonNode[] }
  | { kind: "string"; value: string }
  | { kind: "number"; raw: string }
  | { kind: "bool"; value: boolean }
  | { kind: "null" };

/** A syntax error with the Go decoder's message. */
export class JsonSyntaxError extends Error {}
/** The body ended inside a value (Go: io.ErrUnexpectedEOF). */
export class JsonIncompleteError extends Error {}
/** The input has more numbers than the caller allows (reading stops at the first one too many). */
export class JsonTooManyNumbersError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} numbers`);
  }
}

/** Go's encoding/json nesting limit. */
const MAX_DEPTH = 10000;

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
const isHex = (byte: number) => isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46);
const SIMPLE_ESCAPES: Record<number, string> = {
  0x22: '"', 0x5c: "\\", 0x2f: "/", 0x62: "\b", 0x66: "\f", 0x6e: "\n", 0x72: "\r", 0x74: "\t",
};

/**
 * The first JSON value of the input; undefined when the input is empty or only whitespace.
 * `maxNumbers` bounds the work on a huge list of ids: past it, reading stops.
 */
export function readFirstJsonValue(input: string | Uint8Array, maxNumbers = Infinity): JsonNode | undefined {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const reader = new Reader(bytes, maxNumbers);
  reader.skipSpace();
  if (reader.atEnd()) return undefined;
  return reader.value(0);
}

class Reader {
  private offset = 0;
  private numbers = 0;
  /** The input as latin1 text (one character per byte): number literals are sliced from it. */
  private readonly latin1: string;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxNumbers: number,
  ) {
    this.latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  }

  atEnd(): boolean {
    return this.offset >= this.bytes.length;
  }

  skipSpace(): void {
    while (this.offset < this.bytes.length && SPACE.has(this.bytes[this.offset]!)) this.offset++;
  }

  /** The current byte; running out of input inside a value makes the body incomplete. */
  private peek(): number {
    if (this.offset >= this.bytes.length) throw new JsonIncompleteError("unexpected EOF");
    return this.bytes[this.offset]!;
  }

  private fail(byte: number, context: string): never {
    throw new JsonSyntaxError(`invalid character ${quoteByte(byte)} ${context}`);
  }

  value(depth: number): JsonNode {
    this.skipSpace();
    const byte = this.peek();
    if (byte === 0x7b || byte === 0x5b) {
      if (depth + 1 > MAX_DEPTH) this.fail(byte, "exceeded max depth");
      this.offset++;
      return byte === 0x7b ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (byte === 0x22) {
      this.offset++;
      return { kind: "string", value: this.stringBody() };
    }
    if (byte === 0x2d || isDigit(byte)) {
      if (++this.numbers > this.maxNumbers) throw new JsonTooManyNumbersError(this.maxNumbers);
      return { kind: "number", raw: this.number() };
    }
    if (byte === 0x74) return this.literal("true", { kind: "bool", value: true });
    if (byte === 0x66) return this.literal("false", { kind: "bool", value: false });
    if (byte === 0x6e) return this.literal("null", { kind: "null" });
    this.fail(byte, "looking for beginning of value");
  }

  private object(depth: number): JsonNode {
    const entries: Array<[string, JsonNode]> = [];
    this.skipSpace();
    if (this.peek() === 0x7d) {
      this.offset++;
      return { kind: "object", entries };
    }
    for (;;) {
      this.skipSpace();
      const start = this.peek();
      if (start !== 0x22) this.fail(start, "looking for beginning of object key string");
      this.offset++;
      const key = this.stringBody();
      this.skipSpace();
      const colon = this.peek();
      if (colon !== 0x3a) this.fail(colon, "after object key");
      this.offset++;
      entries.push([key, this.value(depth)]);
      this.skipSpace();
      const next = this.peek();
      this.offset++;
      if (next === 0x7d) return { kind: "object", entries };
      if (next !== 0x2c) this.fail(next, "after object key:value pair");
    }
  }

  private array(depth: number): JsonNode {
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.peek() === 0x5d) {
      this.offset++;
      return { kind: "array", items };
    }
    for (;;) {
      items.push(this.value(depth));
      this.skipSpace();
      const next = this.peek();
      this.offset++;
      if (next === 0x5d) return { kind: "array", items };
      if (next !== 0x2c) this.fail(next, "after array element");
    }
  }

  /** The rest of a string after its opening quote. Invalid UTF-8 and lone surrogates become U+FFFD, as in Go. */
  private stringBody(): string {
    let text = "";
    let chunkStart = this.offset;
    const flush = () => {
      text += Buffer.from(this.bytes.subarray(chunkStart, this.offset)).toString("utf8");
    };
    for (;;) {
      const byte = this.peek();
      if (byte === 0x22) {
        flush();
        this.offset++;
        return text;
      }
      if (byte < 0x20) this.fail(byte, "in string literal");
      if (byte !== 0x5c) {
        this.offset++;
        continue;
      }
      flush();
      this.offset++;
      text += this.escape();
      chunkStart = this.offset;
    }
  }

  private escape(): string {
    const byte = this.peek();
    this.offset++;
    const simple = SIMPLE_ESCAPES[byte];
    if (simple !== undefined) return simple;
    if (byte !== 0x75) this.fail(byte, "in string escape code");
    const unit = this.hexQuad();
    if (unit >= 0xd800 && unit < 0xdc00 && this.bytes[this.offset] === 0x5c && this.bytes[this.offset + 1] === 0x75) {
      const save = this.offset;
      this.offset += 2;
      const low = this.hexQuad();
      if (low >= 0xdc00 && low < 0xe000) return String.fromCharCode(unit, low);
      this.offset = save;
    }
    return unit >= 0xd800 && unit < 0xe000 ? "\ufffd" : String.fromCharCode(unit);
  }

  private hexQuad(): number {
    let unit = 0;
    for (let i = 0; i < 4; i++) {
      const byte = this.peek();
      if (!isHex(byte)) this.fail(byte, "in \\u hexadecimal character escape");
      unit = unit * 16 + parseInt(String.fromCharCode(byte), 16);
      this.offset++;
    }
    return unit;
  }

  /** A number literal; it ends at the first byte that cannot continue it (the caller judges that byte). */
  private number(): string {
    const start = this.offset;
    if (this.peek() === 0x2d) {
      this.offset++;
      if (!isDigit(this.peek())) this.fail(this.peek(), "in numeric literal");
    }
    if (this.peek() === 0x30) this.offset++;
    else this.digits();
    if (this.optionalByte((byte) => byte === 0x2e)) {
      if (!isDigit(this.peek())) this.fail(this.peek(), "after decimal point in numeric literal");
      this.digits();
    }
    if (this.optionalByte((byte) => byte === 0x65 || byte === 0x45)) {
      this.optionalByte((byte) => byte === 0x2b || byte === 0x2d);
      if (!isDigit(this.peek())) this.fail(this.peek(), "in exponent of numeric literal");
      this.digits();
    }
    return this.latin1.slice(start, this.offset);
  }

  private digits(): void {
    while (this.offset < this.bytes.length && isDigit(this.bytes[this.offset]!)) this.offset++;
  }

  /** Consumes the next byte when it matches. At the end of the input a number is complete, so no error. */
  private optionalByte(matches: (byte: number) => boolean): boolean {
    if (this.offset < this.bytes.length && matches(this.bytes[this.offset]!)) {
      this.offset++;
      return true;
    }
    return false;
  }

  private literal(word: string, node: JsonNode): JsonNode {
    this.offset++;
    for (let i = 1; i < word.length; i++) {
      const byte = this.peek();
      if (byte !== word.charCodeAt(i)) this.fail(byte, `in literal ${word} (expecting ${quoteByte(word.charCodeAt(i))})`);
      this.offset++;
    }
    return node;
  }
}

/**
 * A byte as Go's scanner quotes it in messages: the byte taken as a code point, in single
 * quotes, escaped like Go's strconv.Quote.
 */
export function quoteByte(byte: number): string {
  if (byte === 0x27) return "'\\''";
  if (byte === 0x22) return "'\"'";
  if (byte === 0x5c) return "'\\\\'";
  const named: Record<number, string> = { 0x07: "\\a", 0x08: "\\b", 0x0c: "\\f", 0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t", 0x0b: "\\v" };
  if (named[byte]) return `'${named[byte]}'`;
  if (byte < 0x20 || byte === 0x7f) return `'\\x${byte.toString(16).padStart(2, "0")}'`;
  if ((byte >= 0x80 && byte < 0xa0) || byte === 0xa0 || byte === 0xad) return `'\\u${byte.toString(16).padStart(4, "0")}'`;
  return `'${String.fromCharCode(byte)}'`;
}
