// Content-type check and JSON decoding of action requests, with upstream's error texts.
import type { HttpRequest } from "../http/types.js";
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from "../http/json-depth.js";
import { BadRequestError } from "./errors.js";

/** application/json or application/*+json, parameters allowed (werkzeug's is_json). */
export function assertJsonContentType(req: HttpRequest): void {
  const header = req.headers["content-type"] ?? "";
  const mimetype = header.split(";")[0]!.trim().toLowerCase();
  const isJson = mimetype === "application/json" || (mimetype.startsWith("application/") && mimetype.endsWith("+json"));
  if (!isJson) throw new BadRequestError("Wrong media type. Use 'Content-Type: application/json' instead.");
}

/** `limit`: bytes, the server's configured limit when undefined. */
export async function readJsonBody(req: HttpRequest, limit?: number): Promise<unknown> {
  const text = (await req.body(limit)).toString("utf8");
  if (jsonNestsDeeperThan(text)) throw new BadRequestError(`Failed to decode JSON object: nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(`Failed to decode JSON object: ${decodeErrorDetail(text, error)}`);
  }
}

/** Python's json error for the common "nothing there" case; the parser's own text otherwise. */
function decodeErrorDetail(text: string, error: unknown): string {
  const leading = text.length - text.trimStart().length;
  if (text.trim() === "") {
    const lines = text.slice(0, leading).split("\n");
    return `Expecting value: line ${lines.length} column ${lines[lines.length - 1]!.length + 1} (char ${leading})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Python truthiness of a decoded JSON body: [], {}, null, 0, "" and false are "empty". */
export function isFalsyJson(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (value !== null && typeof value === "object") return Object.keys(value).length === 0;
  return !value;
}
