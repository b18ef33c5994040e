// Reads what a client asks for: the key request from the body and the `k` parameter (merged),
// the flags `single`, `compress` and `longpolling` (present = on), and for long polling the
// multipart body with the request and the previous state.
import { HttpError, type HttpRequest } from "../http/types.js";
import { KeyRequestError, parseKeyRequests, requestsFromKeys, TooManyIdsError, type KeyRequest } from "./keys-builder/index.js";
import { AutoupdateError } from "./errors.js";

/** Key requests are small; a larger body is refused before it is parsed. */
export const MAX_AUTOUPDATE_BODY_BYTES = 2 * 1024 * 1024;
/**
 * The most ids one request may name (its requests and `k` keys together). The web client asks
 * for a few thousand at most; a million took a process for a minute and a gigabyte.
 */
export const MAX_REQUESTED_IDS = 100_000;

export interface AutoupdateRequest {
  requests: readonly KeyRequest[];
  single: boolean;
  compress: boolean;
  longPolling: boolean;
  /** Long polling: the state the client echoes back; undefined on the first poll. */
  pollState?: string;
}

function keyRequestError(error: unknown): never {
  if (error instanceof KeyRequestError) throw new AutoupdateError(400, error.type, error.message);
  if (error instanceof TooManyIdsError) throw new AutoupdateError(400, "invalid_request", `Invalid request: more than ${error.limit} ids, at most ${error.limit} are allowed`);
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

async function limitedBody(req: HttpRequest): Promise<Buffer> {
  try {
    return await req.body(MAX_AUTOUPDATE_BODY_BYTES);
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) {
      throw new AutoupdateError(400, "invalid_request", `Invalid request: the body is larger than ${MAX_AUTOUPDATE_BODY_BYTES} bytes`);
    }
    throw error;
  }
}

function assertIdLimit(requests: readonly KeyRequest[]): void {
  const ids = requests.reduce((sum, request) => sum + request.ids.length, 0);
  if (ids > MAX_REQUESTED_IDS) throw new AutoupdateError(400, "invalid_request", `Invalid request: ${ids} ids, at most ${MAX_REQUESTED_IDS} are allowed`);
}

export async function readAutoupdateRequest(req: HttpRequest): Promise<AutoupdateRequest> {
  const body = await limitedBody(req);
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
  let requests: readonly KeyRequest[] = [];
  try {
    // Reading stops at the first id past the limit: a 2 MiB body of a million ids is not parsed whole.
    requests = parseKeyRequests(keyBody, MAX_REQUESTED_IDS);
    const k = req.query.get("k");
    if (k) requests = [...requests, ...requestsFromKeys(k.split(","))];
  } catch (error) {
    keyRequestError(error);
  }
  assertIdLimit(requests);
  return { requests, ...flags, pollState };
}
