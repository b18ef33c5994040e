// Payload validation with upstream's message texts, schema builders and field coercion.
export * from "./fields.js";
export * from "./payload.js";
export * from "./python-repr.js";
export * from "./schemas.js";
export * from "./validator.js";
