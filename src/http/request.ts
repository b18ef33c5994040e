// The HttpRequest / HttpResponse wrappers of src/http/types.ts over node's HTTP/1.1 and HTTP/2
// compatibility objects.
import type { TrustedProxies } from "./client-address.js";
import { HttpError, type Component, type HttpRequest, type HttpResponse, type RawRequest, type RawResponse } from "./types.js";

export function wrapRequest(raw: RawRequest, signal: AbortSignal, maxBodyBytes: number, trustedProxies: TrustedProxies, portComponent?: Component): HttpRequest {
  const url = new URL(raw.url ?? "/", "http://localhost");
  let bodyPromise: Promise<Buffer> | undefined;
  return {
    method: (raw.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    clientAddress: trustedProxies.clientAddress(raw.socket?.remoteAddress ?? "", raw.headers["x-forwarded-for"]),
    raw,
    signal,
    portComponent,
    body(limit = maxBodyBytes) {
      bodyPromise ??= readBody(raw, limit);
      return bodyPromise;
    },
  };
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, { success: false, message: `Request body is larger than ${limit} bytes.` });
}

/** The whole body, refused with 413 past `limit` (the rest is read and dropped, the connection stays usable). */
function readBody(raw: RawRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(raw.headers["content-length"] ?? 0);
    if (declared > limit) {
      reject(tooLarge(limit));
      raw.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      reject(error);
    };
    raw.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) fail(tooLarge(limit));
      else chunks.push(chunk);
    });
    raw.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    raw.on("error", fail);
    raw.on("close", () => fail(new Error("the client closed the request before its body was complete")));
  });
}

export function wrapResponse(raw: RawResponse): HttpResponse {
  const response: HttpResponse = {
    raw,
    sent: false,
    status(code) {
      raw.statusCode = code;
      return this;
    },
    header(name, value) {
      if (!raw.headersSent) raw.setHeader(name, value);
      return this;
    },
    json(body, status) {
      this.send(JSON.stringify(body), "application/json", status);
    },
    send(body, contentType, status) {
      if (this.sent || raw.headersSent) return;
      if (status !== undefined) raw.statusCode = status;
      if (contentType) raw.setHeader("Content-Type", contentType);
      (this as { sent: boolean }).sent = true;
      raw.end(body);
    },
  };
  return response;
}
