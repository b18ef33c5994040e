// Autoupdate's error answers: `{"error": {"type", "msg"}}` with the status of spec 2.7.
export class AutoupdateError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }

  get body(): { error: { type: string; msg: string } } {
    return { error: { type: this.type, msg: this.message } };
  }
}

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on the server. The admin is already informed.";
