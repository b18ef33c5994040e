// The question of a search request as three alternatives (spec search 5.2 "Text"), like upstream:
//  1. the question in query-string syntax (words, "phrases", +must, -must not, field:value,
//     wildcards * and ?, word~fuzziness, word^boost), boosted ×5;
//  2. every space-separated word outside quotes, longer than 2 bytes and neither starting nor
//     ending with `*`, as a lower-case `*word*` wildcard;
//  3. the analysed question's words with automatic fuzziness (0, 1 or 2 edits by word length).
// An unclosed quote is closed first. Unlike upstream, a question that is not valid query-string
// syntax is never an error: what cannot be read as an operator is read as text.

export type Occur = "must" | "should" | "mustNot";

export interface Clause {
  occur: Occur;
  /** undefined: every text field ("_all"). */
  field?: string;
  kind: "match" | "phrase" | "wildcard" | "fuzzy";
  text: string;
  boost: number;
  /** For kind "fuzzy": the allowed edits. */
  fuzziness: number;
}

/** Closes an unclosed double quote. */
export function closeQuotes(question: string): string {
  const quotes = [...question].filter((char) => char === '"').length;
  return quotes % 2 === 1 ? `${question}"` : question;
}

/** The question without quoted parts. */
export function withoutPhrases(question: string): string {
  let out = "";
  let inside = false;
  for (const char of question) {
    if (char === '"') inside = !inside;
    else if (!inside) out += char;
  }
  return out;
}

/** The words of alternative 2, each a lower-case `*word*` pattern. */
export function wildcardWords(question: string): string[] {
  return withoutPhrases(question)
    .split(" ")
    .filter((word) => Buffer.byteLength(word) > 2 && !word.startsWith("*") && !word.endsWith("*"))
    .map((word) => `*${word.toLowerCase()}*`);
}

/** Automatic fuzziness of a term by its length in bytes. */
export function autoFuzziness(term: string): number {
  const length = Buffer.byteLength(term);
  if (length > 5) return 2;
  if (length > 2) return 1;
  return 0;
}

/** Reads the query-string syntax into clauses. */
export function parseQueryString(question: string): Clause[] {
  const clauses: Clause[] = [];
  let i = 0;
  const chars = [...question];
  while (i < chars.length) {
    while (i < chars.length && /\s/.test(chars[i]!)) i++;
    if (i >= chars.length) break;
    let occur: Occur = "should";
    if (chars[i] === "+" || chars[i] === "-") {
      occur = chars[i] === "+" ? "must" : "mustNot";
      i++;
    }
    // One clause: up to the next whitespace outside quotes.
    let raw = "";
    let quoted = false;
    while (i < chars.length && (quoted || !/\s/.test(chars[i]!))) {
      if (chars[i] === '"') quoted = !quoted;
      raw += chars[i];
      i++;
    }
    const clause = readClause(raw, occur);
    if (clause) clauses.push(clause);
  }
  return clauses;
}

function readClause(raw: string, occur: Occur): Clause | undefined {
  let field: string | undefined;
  let rest = raw;
  // field:value (the field name is a plain identifier; a colon elsewhere is text).
  const qualified = /^([A-Za-z_][A-Za-z0-9_]*):(.+)$/.exec(rest);
  if (qualified) {
    field = qualified[1];
    rest = qualified[2]!;
  }
  let boost = 1;
  const boosted = /^(.*)\^(\d+(?:\.\d+)?)$/.exec(rest);
  if (boosted && boosted[1] !== "") {
    rest = boosted[1]!;
    boost = Number(boosted[2]);
  }
  if (rest.length >= 2 && rest.startsWith('"') && rest.endsWith('"')) {
    return { occur, field, kind: "phrase", text: rest.slice(1, -1), boost, fuzziness: 0 };
  }
  const fuzzy = /^(.+)~(\d*)$/.exec(rest);
  if (fuzzy) {
    return { occur, field, kind: "fuzzy", text: fuzzy[1]!, boost, fuzziness: fuzzy[2] === "" ? 1 : Math.min(2, Number(fuzzy[2])) };
  }
  rest = rest.replaceAll('"', " ").trim();
  if (rest === "") return undefined;
  if (rest.includes("*") || rest.includes("?")) return { occur, field, kind: "wildcard", text: rest, boost, fuzziness: 0 };
  return { occur, field, kind: "match", text: rest, boost, fuzziness: 0 };
}

/**
 * A matcher of a wildcard pattern (`*` any run, `?` one character) against whole terms. Linear
 * in pattern × term (the usual last-star backtracking), so no pattern can make it slow.
 */
export function wildcardMatcher(pattern: string): (term: string) => boolean {
  const p = [...pattern];
  return (term) => {
    const t = [...term];
    let i = 0;
    let j = 0;
    let star = -1;
    let mark = 0;
    while (i < t.length) {
      if (j < p.length && (p[j] === "?" || p[j] === t[i])) {
        i++;
        j++;
      } else if (j < p.length && p[j] === "*") {
        star = j++;
        mark = i;
      } else if (star >= 0) {
        j = star + 1;
        i = ++mark;
      } else {
        return false;
      }
    }
    while (j < p.length && p[j] === "*") j++;
    return j === p.length;
  };
}
