// ICC error answers: `{"error": "<type>", "msg": "<text>"}` (note `msg`), no trailing newline.
import { HttpError } from "../http/types.js";

export type IccErrorType = "invalid" | "not-allowed" | "internal";

export class IccError extends Error {
  constructor(
    readonly type: IccErrorType,
    message: string,
    readonly status: number = type === "invalid" || type === "not-allowed" ? 400 : 500,
  ) {
    super(message);
  }

  get body(): { error: IccErrorType; msg: string } {
    return { error: this.type, msg: this.message };
  }

  toHttpError(): HttpError {
    return new HttpError(this.status, this.body);
  }
}

export const invalid = (message: string) => new IccError("invalid", message);
export const notAllowed = (message: string, status = 400) => new IccError("not-allowed", message, status);
