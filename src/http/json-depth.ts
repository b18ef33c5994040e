// Request bodies are parsed by JSON.parse, which handles any depth, but the code that walks the
// parsed value (schema checks, error messages, copies) recurses: a body of 100,000 nested arrays
// would overflow the stack. This check counts the nesting of a JSON text without recursion,
// before it is parsed, so that such a body is refused with a 400 instead.

/** Deeper JSON bodies are refused; no payload of OpenSlides comes near it. */
export const MAX_JSON_DEPTH = 100;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** Whether arrays and objects in `text` nest deeper than `limit` (brackets inside strings don't count). */
export function jsonNestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) depth--;
  }
  return false;
}
