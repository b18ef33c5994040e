// The raw text of an outgoing plain-text mail, laid out as upstream's mails are (Python's
// EmailMessage.set_content with the default policy, flattened by smtplib): a single
// `text/plain; charset="utf-8"` part whose transfer encoding is 7bit or 8bit while no line is
// longer than 78 bytes, quoted-printable (or base64, when that is shorter) otherwise; headers
// folded at 78 characters with only the non-ASCII words as RFC 2047 encoded words, so the ASCII
// words of a subject stay readable in the raw message.
//
// Header values cannot break out of their header: line breaks in a value become spaces, and
// words with any other control character are encoded. Addresses are passed in already validated
// (isValidEmail), so they hold no whitespace, quotes or angle brackets.

const MAX_LINE = 78;
/** RFC 2047: an encoded word is at most 75 characters. */
const MAX_ENCODED_WORD = 75;
const ENCODED_WORD_OVERHEAD = "=?utf-8?q?".length + "?=".length;
/** RFC 5322's limit for a line; a plain word that could not be folded below it is encoded. */
const MAX_PLAIN_WORD = MAX_LINE - 1;

export interface Mailbox {
  /** Display name; empty for the bare address. */
  name?: string;
  address: string;
}

export interface PlainTextMail {
  from: Mailbox;
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  date: Date;
  messageId: string;
}

export interface ComposedMessage {
  raw: Buffer;
  /** True when the body or a header holds bytes above 127 (8bit body, UTF-8 address). */
  eightBit: boolean;
}

export function composePlainTextMessage(mail: PlainTextMail): ComposedMessage {
  const body = encodeBody(mail.text);
  const headers = [
    'Content-Type: text/plain; charset="utf-8"',
    `Content-Transfer-Encoding: ${body.encoding}`,
    "MIME-Version: 1.0",
    foldHeader("From", mailboxTokens(mail.from)),
    foldHeader("To", [{ kind: "plain", text: mail.to }]),
    foldHeader("Subject", unstructuredTokens(mail.subject)),
    `Date: ${rfc5322Date(mail.date)}`,
    `Message-ID: ${mail.messageId}`,
  ];
  if (mail.replyTo) headers.push(foldHeader("Reply-To", [{ kind: "plain", text: mail.replyTo }]));
  const head = `${headers.join("\r\n")}\r\n\r\n`;
  const raw = Buffer.concat([Buffer.from(head, "utf8"), body.bytes]);
  return { raw, eightBit: raw.some((byte) => byte > 0x7f) };
}

// ---------------------------------------------------------------------------------------------
// Body

type BodyEncoding = "7bit" | "8bit" | "quoted-printable" | "base64";

/** Lines as UTF-8 bytes, split at CRLF, CR or LF (the final line break adds no empty line). */
function utf8Lines(text: string): Buffer[] {
  if (text === "") return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => Buffer.from(line, "utf8"));
}

function joinLines(lines: Buffer[], separator: string): Buffer {
  const parts: Buffer[] = [];
  const sep = Buffer.from(separator, "ascii");
  for (const line of lines) parts.push(line, sep);
  return parts.length > 0 ? Buffer.concat(parts) : sep;
}

function encodeBody(text: string): { encoding: BodyEncoding; bytes: Buffer } {
  const lines = utf8Lines(text);
  if (lines.every((line) => line.length <= MAX_LINE)) {
    const bytes = joinLines(lines, "\r\n");
    return { encoding: bytes.some((byte) => byte > 0x7f) ? "8bit" : "7bit", bytes };
  }
  // As upstream decides: judge the first ten lines, base64 only when it is the shorter one.
  const sample = joinLines(lines.slice(0, 10), "\n");
  const sampleQuoted = quotedPrintableLines(lines.slice(0, 10)).reduce((sum, line) => sum + line.length + 1, 0);
  if (sampleQuoted > sample.toString("base64").length + 1) {
    return { encoding: "base64", bytes: Buffer.from(base64Lines(joinLines(lines, "\r\n")), "ascii") };
  }
  return { encoding: "quoted-printable", bytes: Buffer.from(quotedPrintableLines(lines).map((line) => `${line}\r\n`).join(""), "ascii") };
}

function base64Lines(bytes: Buffer): string {
  const perLine = Math.floor(MAX_LINE / 4) * 3;
  let out = "";
  for (let start = 0; start < bytes.length; start += perLine) {
    out += `${bytes.subarray(start, start + perLine).toString("base64")}\r\n`;
  }
  return out;
}

function hexEscape(byte: number): string {
  return `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

/** Quoted-printable pieces of one line's bytes: printable ASCII except "=" stays, the rest is =XX. */
function quotedPrintableTokens(line: Buffer): string[] {
  const tokens: string[] = [];
  line.forEach((byte, index) => {
    const isLast = index === line.length - 1;
    const whitespace = byte === 0x20 || byte === 0x09;
    const printable = byte >= 0x21 && byte <= 0x7e && byte !== 0x3d;
    // Whitespace at the end of a line would be lost in transport, so it is escaped there.
    tokens.push(printable || (whitespace && !isLast) ? String.fromCharCode(byte) : hexEscape(byte));
  });
  return tokens;
}

/** Each source line as one or more encoded lines of at most 78 characters (soft breaks "="). */
function quotedPrintableLines(lines: Buffer[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const tokens = quotedPrintableTokens(line);
    let remaining = tokens.reduce((sum, token) => sum + token.length, 0);
    let current = "";
    for (const token of tokens) {
      if (current.length + remaining > MAX_LINE && current.length + token.length > MAX_LINE - 1) {
        out.push(`${current}=`);
        current = "";
      }
      current += token;
      remaining -= token.length;
    }
    out.push(current);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Headers

type HeaderToken =
  /** Literal text that is never broken (a word, a quoted name, an <address>). */
  | { kind: "plain"; text: string; space?: string }
  /** Text shown as encoded words; may be split into several, on character boundaries. */
  | { kind: "encoded"; text: string; space?: string };

function printableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function needsEncoding(word: string): boolean {
  return !printableAscii(word) || word.includes("=?") || word.length > MAX_PLAIN_WORD;
}

/**
 * Words of an unstructured value (a subject): ASCII words stay as they are, each run of words
 * that need encoding (with the spaces between them) becomes one encoded token.
 */
function unstructuredTokens(value: string): HeaderToken[] {
  const parts = value.replace(/[\r\n]+/g, " ").trim().split(/([ \t]+)/);
  const tokens: HeaderToken[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const word = parts[index]!;
    const space = index === 0 ? "" : parts[index - 1]!;
    if (word === "") continue;
    const previous = tokens[tokens.length - 1];
    if (needsEncoding(word)) {
      if (previous?.kind === "encoded") previous.text += space + word;
      else tokens.push({ kind: "encoded", text: word, space });
    } else {
      tokens.push({ kind: "plain", text: word, space });
    }
  }
  return tokens;
}

const PHRASE_SPECIALS = /[()<>@,;:\\".[\]]/;

/** "Name <address>": an ASCII name plain or quoted, any other name as encoded words. */
function mailboxTokens(mailbox: Mailbox): HeaderToken[] {
  const name = (mailbox.name ?? "").replace(/[\r\n]+/g, " ").trim();
  const address: HeaderToken = { kind: "plain", text: `<${mailbox.address}>`, space: " " };
  if (name === "") return [{ kind: "plain", text: mailbox.address }];
  if (!printableAscii(name) || name.includes("=?") || name.length > MAX_PLAIN_WORD) {
    return [{ kind: "encoded", text: name }, address];
  }
  if (PHRASE_SPECIALS.test(name)) {
    return [{ kind: "plain", text: `"${name.replace(/[\\"]/g, (character) => `\\${character}`)}"` }, address];
  }
  return [...unstructuredTokens(name), address];
}

/** Q encoding as allowed in a phrase: letters, digits and !*+-/ stay, space is "_". */
function qEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    if (byte === 0x20) out += "_";
    else if (/[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(byte)) && byte < 0x80) out += String.fromCharCode(byte);
    else out += hexEscape(byte);
  }
  return out;
}

function bEncode(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

/** Encoded words of text, each fitting into `room(first)` characters, split between characters. */
function encodedWords(text: string, room: (first: boolean) => number): string[] {
  const useBase64 = bEncode(text).length < qEncode(text).length;
  const encode = useBase64 ? bEncode : qEncode;
  const marker = useBase64 ? "b" : "q";
  const words: string[] = [];
  let current = "";
  for (const character of text) {
    const limit = Math.min(room(words.length === 0), MAX_ENCODED_WORD) - ENCODED_WORD_OVERHEAD;
    if (current !== "" && encode(current + character).length > limit) {
      words.push(`=?utf-8?${marker}?${encode(current)}?=`);
      current = "";
    }
    current += character;
  }
  if (current !== "") words.push(`=?utf-8?${marker}?${encode(current)}?=`);
  return words;
}

/** "Name: value" folded before whitespace so that lines stay within 78 characters where possible. */
function foldHeader(name: string, tokens: HeaderToken[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  let lineHasWord = false;
  const place = (text: string, space: string): void => {
    const separator = lineHasWord ? space || " " : " ";
    if (lineHasWord && line.length + separator.length + text.length > MAX_LINE) {
      lines.push(line);
      line = separator;
    } else {
      line += separator;
    }
    line += text;
    lineHasWord = true;
  };
  for (const token of tokens) {
    if (token.kind === "plain") {
      place(token.text, token.space ?? "");
      continue;
    }
    // The first encoded word fills the rest of the line when at least a few characters fit.
    const roomOnLine = MAX_LINE - line.length - 1;
    const startOnLine = !lineHasWord || roomOnLine >= ENCODED_WORD_OVERHEAD + 12;
    const words = encodedWords(token.text, (first) => (first && startOnLine ? roomOnLine : MAX_LINE - 1));
    words.forEach((word, index) => place(word, index === 0 ? token.space ?? "" : " "));
  }
  lines.push(line);
  return lines.join("\r\n");
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon, 07 Dec 2026 22:42:27 +0000" */
export function rfc5322Date(date: Date): string {
  const two = (value: number) => String(value).padStart(2, "0");
  return (
    `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}
