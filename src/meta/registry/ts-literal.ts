// Renders data as readable TypeScript literals for the generated files: objects expanded one
// key per line down to a given depth, everything deeper on one line.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const propertyName = (name: string): string => (IDENTIFIER.test(name) && name !== "__proto__" ? name : JSON.stringify(name));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One line: `{ type: "string", maxLength: 256 }`, `["a", "b"]`. */
export function inlineLiteral(value: unknown): string {
  if (value === undefined) throw new Error("undefined has no literal here");
  if (Array.isArray(value)) return `[${value.map(inlineLiteral).join(", ")}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, entry]) => `${propertyName(key)}: ${inlineLiteral(entry)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Objects down to `depth` levels one key per line, deeper values inline. */
export function expandedLiteral(value: unknown, depth: number, indent = ""): string {
  if (depth <= 0 || !isPlainObject(value) || Object.keys(value).length === 0) return inlineLiteral(value);
  const inner = `${indent}  `;
  const lines = Object.entries(value).map(([key, entry]) => `${inner}${propertyName(key)}: ${expandedLiteral(entry, depth - 1, inner)},`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}
