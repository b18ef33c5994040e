// Decimal strings as Python's Decimal() reads them (the models checker's bound check of decimal
// fields): surrounding whitespace, a sign, digits with single underscores between them, a
// fraction, an exponent, or Infinity. NaN is left out: upstream cannot compare it either.
// Compared exactly, without converting to a binary float.

export type PythonDecimal = { negative: boolean; infinite: true } | { negative: boolean; infinite: false; digits: string; exponent: number };

const FINITE = /^([+-]?)((?:\d(?:_?\d)*)?)(?:\.((?:\d(?:_?\d)*)?))?(?:[eE]([+-]?\d(?:_?\d)*))?$/;
const INFINITE = /^([+-]?)(?:inf|infinity)$/i;

export function parsePythonDecimal(text: string): PythonDecimal | undefined {
  const trimmed = text.trim();
  const infinite = INFINITE.exec(trimmed);
  if (infinite) return { negative: infinite[1] === "-", infinite: true };
  const match = FINITE.exec(trimmed);
  if (!match) return undefined;
  const whole = match[2]!.replaceAll("_", "");
  const fraction = (match[3] ?? "").replaceAll("_", "");
  if (whole === "" && fraction === "") return undefined;
  const exponent = match[4] === undefined ? 0 : Number(match[4].replaceAll("_", ""));
  const digits = (whole + fraction).replace(/^0+/, "");
  return { negative: match[1] === "-", infinite: false, digits, exponent: exponent - fraction.length };
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function comparePythonDecimals(a: PythonDecimal, b: PythonDecimal): number {
  const signOf = (value: PythonDecimal) => (!value.infinite && value.digits === "" ? 0 : value.negative ? -1 : 1);
  const signA = signOf(a);
  const signB = signOf(b);
  if (signA !== signB) return Math.sign(signA - signB);
  if (signA === 0) return 0;
  return signA * compareMagnitudes(a, b);
}

function compareMagnitudes(a: PythonDecimal, b: PythonDecimal): number {
  if (a.infinite || b.infinite) return a.infinite === b.infinite ? 0 : a.infinite ? 1 : -1;
  // The position of the leading digit decides first; then the digits, padded to one length.
  const leadA = a.digits.length + a.exponent;
  const leadB = b.digits.length + b.exponent;
  if (leadA !== leadB) return leadA > leadB ? 1 : -1;
  const length = Math.max(a.digits.length, b.digits.length);
  const paddedA = a.digits.padEnd(length, "0");
  const paddedB = b.digits.padEnd(length, "0");
  return paddedA === paddedB ? 0 : paddedA > paddedB ? 1 : -1;
}
