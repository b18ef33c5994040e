// Errors of the key request language, with the upstream error types and texts
// (spec autoupdate-and-streaming.md 2.7 and 3.3). Every one of them is the client's fault
// and is answered with status 400; anything else thrown from here is an internal error.

export type KeyRequestErrorType = "SyntaxError" | "JsonError" | "ValueError";

export class KeyRequestError extends Error {
  constructor(
    readonly type: KeyRequestErrorType,
    /** The message without the field path. */
    readonly detail: string,
    /** Field names from the top of the request down to the faulty one (errors inside `fields`). */
    readonly fields: readonly string[] = [],
  ) {
    super(fields.length === 0 ? detail : `field "${fields.join(".")}": ${detail}`);
  }

  /** The error object as upstream writes it to the client. */
  toJSON(): { error: { type: string; msg: string } } {
    return { error: { type: this.type, msg: this.message } };
  }
}

/** A validation error of the request (type SyntaxError). */
export function invalidRequest(detail: string, fields: readonly string[] = []): KeyRequestError {
  return new KeyRequestError("SyntaxError", detail, fields);
}

/** The same validation error seen from one level up: the enclosing field name goes in front. */
export function insideField(name: string, error: KeyRequestError): KeyRequestError {
  return new KeyRequestError(error.type, error.detail, [name, ...error.fields]);
}
