// Reads what a client asks for: the key request from the body and the `k` parameter (merged),
// the flags `single`, `compress` and `longpolling` (present = on), and for long polling the
// multipart body with the request and the previous state.
import type { HttpRequest } from "../http/types.js";
import { KeyRequestError, parseKeyRequests, requestsFromKeys, type KeyRequest } from "./keys-builder/index.js";
import { AutoupdateError } from "./errors.js";

export interface AutoupdateRequest {
  requests: KeyRequest[];
  single: boolean;
  compress: boolean;
  longPolling: boolean;
  /** Long polling: the state the client echoes back; undefined on the first poll. */
  pollState?: string;
}

function keyRequestError(error: unknown): never {
  if (error instanceof KeyRequestError) throw new AutoupdateError(400, error.type, error.message);
  throw error;
}

async function multipartParts(req: HttpRequest, body: Buffer): Promise<string[]> {
  try {
    const form = await new Response(body, { headers: { "content-type": String(req.headers["content-type"]) } }).formData();
    const parts: string[] = [];
    for (const [, value] of form.entries()) parts.push(typeof value === "string" ? value : await value.text());
    return parts;
  } catch {
    throw new AutoupdateError(400, "invalid_request", "Invalid request: the long polling body is not multipart/form-data");
  }
}

function isMultipart(req: HttpRequest): boolean {
  return String(req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
}

/** A long poll: the `longpolling` parameter or a multipart body (known before the body is read). */
export function isLongPolling(req: HttpRequest): boolean {
  return req.query.has("longpolling") || isMultipart(req);
}

export async function readAutoupdateRequest(req: HttpRequest): Promise<AutoupdateRequest> {
  const body = await req.body();
  const flags = {
    single: req.query.has("single"),
    compress: req.query.has("compress"),
    longPolling: isLongPolling(req),
  };
  let keyBody: Buffer | string = body;
  let pollState: string | undefined;
  if (isMultipart(req)) {
    const parts = await multipartParts(req, body);
    if (parts.length < 2) throw new AutoupdateError(400, "invalid_request", "Invalid request: long polling needs the request and the last state");
    keyBody = parts[0]!;
    pollState = parts[1] === "null" || parts[1] === "" ? undefined : parts[1];
  }
  const requests: KeyRequest[] = [];
  try {
    requests.push(...parseKeyRequests(keyBody));
    const k = req.query.get("k");
    if (k) requests.push(...requestsFromKeys(k.split(",")));
  } catch (error) {
    keyRequestError(error);
  }
  return { requests, ...flags, pollState };
}
