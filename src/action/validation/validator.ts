// JSON-schema validation with upstream's message texts: ajv checks, error-order picks the
// violation upstream would report, error-message words it.
import { Ajv, type ValidateFunction } from "ajv";
import { firstViolation, SchemaWalker } from "./error-order.js";
import { violationMessage } from "./error-message.js";
import { boundedPatternEngine } from "./bounded-pattern.js";

export type JsonSchema = Record<string, unknown>;

/** Returns upstream's message for the first violation (e.g. `data.title must be string`), or undefined when valid. */
export type SchemaValidator = (value: unknown) => string | undefined;

const ajv = new Ajv({
  allErrors: true,
  verbose: true,
  // Upstream does not check schemas against the meta-schema (its schemas carry e.g. title: null).
  strict: false,
  validateSchema: false,
  validateFormats: false,
  code: { regExp: boundedPatternEngine },
});

const compiled = new WeakMap<JsonSchema, SchemaValidator>();

export function compileSchema(schema: JsonSchema): SchemaValidator {
  let validator = compiled.get(schema);
  if (!validator) {
    const validate: ValidateFunction = ajv.compile(schema);
    const walker = new SchemaWalker(schema);
    validator = (value) => {
      if (validate(value)) return undefined;
      const error = firstViolation(validate.errors ?? [], walker, value);
      return error ? violationMessage(error, value) : "data is invalid";
    };
    compiled.set(schema, validator);
  }
  return validator;
}

/** One-off check; the compiled schema is kept while the schema object lives. */
export function schemaError(schema: JsonSchema, value: unknown): string | undefined {
  return compileSchema(schema)(value);
}
