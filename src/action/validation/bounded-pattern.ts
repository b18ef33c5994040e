// Schema patterns (`pattern`, `patternProperties`) only ever check short strings: identifiers,
// fqids, decimals, colours, object keys. A longer string fails the pattern without the pattern
// being run, so that no pattern's cost depends on how long a request's strings are.
import type { RegExpEngine, RegExpLike } from "ajv/dist/types/index.js";

/** Longer strings never match a schema pattern. */
export const MAX_PATTERN_INPUT_LENGTH = 1024;

/** A schema pattern (JSON schema patterns are Unicode regular expressions) with the length check in front. */
export function boundedPattern(pattern: string, flags = "u"): RegExpLike {
  const regExp = new RegExp(pattern, flags);
  const bounded: RegExpLike & { toString(): string } = {
    test: (text: string) => text.length <= MAX_PATTERN_INPUT_LENGTH && regExp.test(text),
    // ajv keys its compiled patterns by this text
    toString: () => regExp.toString(),
  };
  return bounded;
}

/** ajv's `code.regExp` option. */
export const boundedPatternEngine: RegExpEngine = Object.assign((pattern: string, flags: string) => boundedPattern(pattern, flags), {
  code: "boundedPattern",
});
