// Errors of the action service with upstream's response shapes (spec action-service 2.6).

/** 400 with the action error shape: message, message_args and the payload / data indices. */
export class ActionError extends Error {
  actionErrorIndex?: number;
  actionDataErrorIndex?: number;
  constructor(
    message: string,
    readonly messageArgs: Record<string, unknown> = {},
    readonly extraJson: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJson(): Record<string, unknown> {
    const json: Record<string, unknown> = { ...this.extraJson, success: false, message: this.message };
    if (this.actionErrorIndex !== undefined) json.action_error_index = this.actionErrorIndex;
    if (this.actionDataErrorIndex !== undefined) json.action_data_error_index = this.actionDataErrorIndex;
    json.message_args = this.messageArgs;
    return json;
  }
}

/** Raised by delete when related models are protected; the fqids are collected across cascades. */
export class ProtectedModelsError extends ActionError {
  constructor(
    ownFqid: string,
    readonly fqids: string[],
  ) {
    super(`You can not delete ${ownFqid} because you have to delete the following related models first: ${pythonList(fqids)}`);
  }
}

/** Any other 400 of the action service: only {success: false, message}. */
export class BadRequestError extends Error {}

/** 403 {success: false, message}. */
export class PermissionDeniedError extends Error {}

/** Python's repr of a list of strings: ['a', 'b']. */
export function pythonList(values: readonly unknown[]): string {
  return `[${values.map((value) => (typeof value === "string" ? `'${value}'` : String(value))).join(", ")}]`;
}
