// How errors of the action routes become responses (spec action-service 2.6).
import { DatabaseError } from "../db/types.js";
import { HttpError, type HttpResponse } from "../http/types.js";
import { ActionError, BadRequestError, PermissionDeniedError } from "./errors.js";
import { AuthenticationError } from "./authenticate.js";

export const WERKZEUG_TEXTS = {
  badRequest: "The browser (or proxy) sent a request that this server could not understand.",
  unauthorized:
    "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
  notFound: "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
} as const;

export class UnauthorizedError extends Error {}
export class ServerError extends Error {}
export class NotFoundError extends Error {}

export function sendActionError(res: HttpResponse, error: unknown, log?: (message: string, error: unknown) => void): void {
  if (res.sent) return;
  // A renewed access token travels with successful answers only.
  res.raw.removeHeader("authentication");
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) res.header(name, value);
    return res.json(error.body, error.status);
  }
  if (error instanceof ActionError) return res.json(error.toJson(), 400);
  if (error instanceof PermissionDeniedError) return res.json(failure(error.message), 403);
  if (error instanceof DatabaseError && error.kind === "unavailable") return res.json(failure(error.message), 503);
  if (error instanceof BadRequestError || error instanceof DatabaseError || error instanceof AuthenticationError) {
    return res.json(failure(error.message), 400);
  }
  if (error instanceof UnauthorizedError) return res.json(failure(WERKZEUG_TEXTS.unauthorized), 401);
  if (error instanceof NotFoundError) return res.json(failure(WERKZEUG_TEXTS.notFound), 404);
  if (error instanceof ServerError) return res.json(failure(error.message), 500);
  log?.("unexpected error in the action service", error);
  res.json(failure(error instanceof Error ? error.message : String(error)), 500);
}

const failure = (message: string) => ({ success: false, message });
