// Bodies of auth requests: JSON or application/x-www-form-urlencoded (the Python library
// and the backend post forms, so values arrive as strings). Anything else reads as {}.
import type { HttpRequest } from "../../http/types.js";
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from "../../http/json-depth.js";
import { AuthRouteError } from "./responses.js";

const MAX_BODY_BYTES = 64 * 1024;

export type RequestFields = Record<string, unknown>;

export async function readRequestFields(req: HttpRequest): Promise<RequestFields> {
  const mimetype = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const isJson = mimetype === "application/json" || (mimetype.startsWith("application/") && mimetype.endsWith("+json"));
  const isForm = mimetype === "application/x-www-form-urlencoded";
  if (!isJson && !isForm) return {};
  const text = (await req.body(MAX_BODY_BYTES)).toString("utf8");
  if (isForm) return Object.fromEntries(new URLSearchParams(text));
  if (text.trim() === "") return {};
  if (jsonNestsDeeperThan(text)) throw new AuthRouteError(`Invalid JSON body: nested deeper than ${MAX_JSON_DEPTH} levels`, 400);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AuthRouteError(`Invalid JSON body: ${error instanceof Error ? error.message : String(error)}`, 400);
  }
  return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as RequestFields) : {};
}

/** A non-empty string field, or undefined. */
export function stringField(fields: RequestFields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A string or number field as a string (userId arrives as "1" from forms, 1 from JSON). */
export function idField(fields: RequestFields, name: string): string | undefined {
  const value = fields[name];
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}
