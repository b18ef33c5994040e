// Which errors of `pg` mean "the server is not reachable" rather than "the statement failed":
// the server is down or restarting, or the connection broke. These become
// DatabaseUnavailableError (503) instead of a database error about the request.
import { DatabaseError, DatabaseUnavailableError } from "../types.js";

/** Socket errors of connecting or of a connection that broke. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOENT", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** SQLSTATE class 08 (connection exception) and 57P01-57P03 (shutdown, crash, cannot connect now). */
const SQLSTATE_UNAVAILABLE = /^(?:08...|57P0[1-3])$/;
/** Texts of `pg` for connections it lost or could not make, which carry no code. */
const PG_TEXTS = ["Connection terminated", "not queryable", "timeout exceeded when trying to connect", "Client was closed"];

export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseError) return error.kind === "unavailable";
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATE_UNAVAILABLE.test(code))) return true;
  return PG_TEXTS.some((text) => error.message.includes(text));
}

/** Runs a database call; a connection failure comes out as DatabaseUnavailableError. */
export async function reachable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw isConnectionFailure(error) && !(error instanceof DatabaseUnavailableError) ? new DatabaseUnavailableError(error) : error;
  }
}
