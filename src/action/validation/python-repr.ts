// Python's repr()/str() of JSON values: upstream error texts print lists, sets and values the
// way Python does (['a', 'b'], {'x'}, None, True, 1e-06).

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** repr() of a str: single quotes unless the text has a single and no double quote; escapes as Python 3. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let result = quote;
  for (const char of text) {
    if (char === "\\") result += "\\\\";
    else if (char === quote) result += `\\${quote}`;
    else if (char === "\n") result += "\\n";
    else if (char === "\r") result += "\\r";
    else if (char === "\t") result += "\\t";
    else if (char !== " " && NON_PRINTABLE.test(char)) result += escapeCodePoint(char.codePointAt(0)!);
    else result += char;
  }
  return result + quote;
}

function escapeCodePoint(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

/**
 * repr() of a number as it arrives from JSON: integral values print as Python ints, others as
 * Python floats (shortest round-trip digits, exponent below 1e-4 and from 1e16 on).
 */
export function pythonNumberRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Number.isInteger(value)) return BigInt(value).toString();
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(value);
}

/** repr() of a JSON value (dicts as Python dicts, lists as lists). */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return pythonNumberRepr(value);
  if (typeof value === "string") return pythonStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/** str() of a value: strings as they are, everything else as repr(). */
export function pythonStr(value: unknown): string {
  return typeof value === "string" ? value : pythonRepr(value);
}

/** repr() of a set. Python's order of a set of strings varies between runs; this keeps the given order. */
export function pythonSetRepr(values: Iterable<unknown>): string {
  const unique = [...new Set(values)];
  return unique.length === 0 ? "set()" : `{${unique.map(pythonRepr).join(", ")}}`;
}
