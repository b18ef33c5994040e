// Every regular expression of the payload schemas and of src/ must run in linear time: each is
// run against adversarial strings of growing length, and one whose time grows faster than the
// length is reported. Generic attack strings: one character, a literal piece of the pattern, or
// a literal piece followed by one character, repeated, then a character that matches nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { REGISTRY } from "../../src/meta/generated/registry.js";
import { loadActions } from "../../src/action/actions/load.js";
import { compileSchema } from "../../src/action/validation/validator.js";
import { MAX_PATTERN_INPUT_LENGTH } from "../../src/action/validation/bounded-pattern.js";
import * as fieldPatterns from "../../src/meta/field-schema.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every regular expression literal in src/ (patterns built at run time are covered below). */
function literalPatterns(): Pattern[] {
  const found: Pattern[] = [];
  for (const path of sourceFiles(join(ROOT, "src"))) {
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf("/");
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ where: `${path.slice(ROOT.length)}:${line}`, source: text.slice(1, end), flags: text.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** `pattern` values and `patternProperties` keys anywhere in a schema. */
function schemaPatterns(schema: unknown, where: string, into: Pattern[] = []): Pattern[] {
  if (Array.isArray(schema)) schema.forEach((entry) => schemaPatterns(entry, where, into));
  else if (schema !== null && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if (key === "pattern" && typeof value === "string") into.push({ where, source: value, flags: "u" });
      if (key === "patternProperties" && value !== null && typeof value === "object") {
        for (const pattern of Object.keys(value)) into.push({ where, source: pattern, flags: "u" });
      }
      schemaPatterns(value, where, into);
    }
  }
  return into;
}

async function allPatterns(): Promise<Pattern[]> {
  const patterns = literalPatterns();
  for (const [collection, definition] of Object.entries(REGISTRY)) schemaPatterns(definition, `registry ${collection}`, patterns);
  for (const action of await loadActions()) schemaPatterns(action.schema, `action ${action.name}`, patterns);
  for (const [name, value] of Object.entries(fieldPatterns)) {
    if (name.endsWith("_PATTERN") && typeof value === "string") patterns.push({ where: `field-schema ${name}`, source: value, flags: "u" });
  }
  const seen = new Set<string>();
  return patterns.filter((pattern) => {
    const key = `/${pattern.source}/${pattern.flags}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ALPHABET = [..."aAz019_ \t\n.-/<>=\"'&;:#%()[]{}^~$@+,*!\\?|éä\u00a0"];

/** Runs of literal characters in a pattern's source (escapes resolved, classes and groups skipped). */
function literalPieces(source: string): string[] {
  const pieces: string[] = [];
  let piece = "";
  const flush = () => {
    if (piece) pieces.push(piece);
    piece = "";
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === "\\") {
      const next = source[++i] ?? "";
      if (/[dDsSwWbBpPuxkcn0-9]/.test(next)) {
        flush();
        if ((next === "p" || next === "P" || next === "u") && source[i + 1] === "{") i = source.indexOf("}", i);
      } else piece += next;
    } else if (char === "[") {
      flush();
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
    } else if (char === "{") {
      flush();
      i = Math.max(i, source.indexOf("}", i));
    } else if ("()|*+?^$.".includes(char)) {
      flush();
      if (char === "(" && source[i + 1] === "?") i += source[i + 2] === "<" ? 3 : 2;
    } else piece += char;
  }
  flush();
  return [...new Set(pieces)];
}

function attackUnits(pattern: Pattern): string[] {
  const pieces = literalPieces(pattern.source);
  const units = new Set<string>([...ALPHABET, ...pieces]);
  for (const piece of pieces) for (const char of ALPHABET) units.add(piece + char);
  return [...units];
}

function runner(pattern: Pattern): (input: string) => unknown {
  // sticky patterns are tried at one position only, as in use
  const flags = pattern.flags.replace(/g/g, "");
  if (pattern.flags.includes("g")) {
    const global = new RegExp(pattern.source, `${flags}g`);
    return (input) => input.replace(global, "");
  }
  const once = new RegExp(pattern.source, flags);
  return (input) => once.test(input);
}

function millis(run: (input: string) => unknown, input: string): number {
  const start = performance.now();
  run(input);
  return performance.now() - start;
}

const LONG = 24_000;
/** A linear pattern needs far less than this for LONG characters; a quadratic one far more. */
const SUSPICIOUS_MS = 40;

/** Undefined when linear, else the slowest attack with its times. */
function superLinearAttack(pattern: Pattern): string | undefined {
  const run = runner(pattern);
  for (const unit of attackUnits(pattern)) {
    const build = (length: number) => unit.repeat(Math.ceil(length / unit.length)) + "\u0001";
    const long = millis(run, build(LONG));
    if (long < SUSPICIOUS_MS) continue;
    // confirm: a quarter of the length takes a quarter of the time when linear, a sixteenth when quadratic
    const quarter = Math.max(millis(run, build(LONG / 4)), 0.01);
    const again = millis(run, build(LONG));
    if (again >= SUSPICIOUS_MS && again / quarter > 8) return `${JSON.stringify(unit)} x ${LONG}: ${again.toFixed(0)} ms, x ${LONG / 4}: ${quarter.toFixed(1)} ms`;
  }
  return undefined;
}

test("every regular expression of src/ and of the payload schemas runs in linear time", async () => {
  const patterns = await allPatterns();
  assert.ok(patterns.length > 100, `found ${patterns.length} patterns`);
  const slow: string[] = [];
  for (const pattern of patterns) {
    const attack = superLinearAttack(pattern);
    if (attack) slow.push(`${pattern.where} /${pattern.source}/${pattern.flags}: ${attack}`);
  }
  assert.deepEqual(slow, []);
});

test("the check itself finds upstream's quadratic fqid pattern", () => {
  const attack = superLinearAttack({ where: "upstream", source: "^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*$", flags: "u" });
  assert.ok(attack, "upstream's fqid pattern is reported");
});

test("a schema pattern is not run on a string longer than the bound, which fails it", () => {
  const validate = compileSchema({ type: "object", properties: { owner_id: { type: "string", pattern: fieldPatterns.FQID_PATTERN } } });
  assert.equal(validate({ owner_id: "meeting/1" }), undefined);
  const long = `meeting/1${"0".repeat(MAX_PATTERN_INPUT_LENGTH)}`;
  assert.match(validate({ owner_id: long }) ?? "", /must match pattern/);
});

test("bounded schema patterns keep each pattern its own (ajv keys them by their text)", () => {
  const validate = compileSchema({
    type: "object",
    properties: { a: { type: "string", pattern: "^a+$" }, b: { type: "string", pattern: "^b+$" } },
    patternProperties: { "^x[0-9]$": { type: "integer" } },
  });
  assert.equal(validate({ a: "aa", b: "bb", x1: 1 }), undefined);
  assert.match(validate({ a: "aa", b: "aa" }) ?? "", /data\.b must match pattern/);
  assert.match(validate({ x1: "1" }) ?? "", /must be integer/);
});

test("the rewritten identifier patterns accept exactly what upstream's accept", () => {
  const upstream = {
    COLLECTION_PATTERN: "^[a-z](?:[a-z_]+[a-z]+)?$",
    FIELD_PATTERN: "^[a-z][a-z0-9_]*\\$?[a-z0-9_]*$",
    FQID_PATTERN: "^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*$",
    FQFIELD_PATTERN: "^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*/[a-z][a-z0-9_]*\\$?[a-z0-9_]*$",
  };
  const samples = ["a", "ab", "abc", "a_b", "a__b", "_ab", "ab_", "motion/1", "ab/1", "a/1", "a/0", "a/01", "motion_block/12", "x/1/f", "motion/1/title",
    "motion/1/amendment_paragraphs$", "motion/1/a$b", "motion/1/a$$", "motion/1/$a", "a1", "a$1", "a$", "$", "", "Motion/1", "motion/1/"];
  for (const [name, source] of Object.entries(upstream)) {
    const ours = new RegExp(fieldPatterns[name as keyof typeof upstream]);
    const theirs = new RegExp(source);
    for (const sample of samples) assert.equal(ours.test(sample), theirs.test(sample), `${name} on ${JSON.stringify(sample)}`);
  }
});
