// A minimal node:http server serving Route[] through the HttpRequest/HttpResponse contract
// of src/http/types.ts, for the auth tests until the project's server and
// test/support/server.ts exist. Exact paths and "/*" prefixes, longest match first.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HttpError, type HttpRequest, type HttpResponse, type Route } from "../../../src/http/types.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startRouteServer(routes: Route[]): Promise<RunningServer> {
  const sorted = [...routes].sort((a, b) => b.path.length - a.path.length);
  const server = createServer((raw, response) => {
    void handle(sorted, raw, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function matches(route: Route, method: string, path: string): boolean {
  if (route.method !== "*" && route.method !== method) return false;
  if (route.path.endsWith("/*")) return path.startsWith(route.path.slice(0, -1));
  return route.path === path;
}

async function handle(routes: Route[], raw: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(raw.url ?? "/", "http://localhost");
  const controller = new AbortController();
  response.on("close", () => controller.abort());
  const req: HttpRequest = {
    method: raw.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    clientAddress: raw.socket.remoteAddress ?? "",
    raw,
    signal: controller.signal,
    onAbort(callback) {
      const listener = () => callback(controller.signal.reason);
      if (controller.signal.aborted) listener();
      else controller.signal.addEventListener("abort", listener, { once: true });
      return () => controller.signal.removeEventListener("abort", listener);
    },
    body: (limit = 10 * 1024 * 1024) =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        raw.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) reject(new HttpError(413, { message: "Request body too large" }));
          else chunks.push(chunk);
        });
        raw.on("end", () => resolve(Buffer.concat(chunks)));
        raw.on("error", reject);
      }),
  };
  const res: HttpResponse = {
    raw: response,
    sent: false,
    status(code) {
      response.statusCode = code;
      return this;
    },
    header(name, value) {
      response.setHeader(name, value);
      return this;
    },
    json(body, status) {
      this.send(JSON.stringify(body), "application/json", status);
    },
    send(body, contentType, status) {
      if (status !== undefined) response.statusCode = status;
      if (contentType) response.setHeader("Content-Type", contentType);
      (this as { sent: boolean }).sent = true;
      response.end(body);
    },
  };
  const route = routes.find((candidate) => matches(candidate, req.method, req.path));
  try {
    if (!route) return res.json({ message: "Not Found" }, 404);
    await route.handler(req, res);
  } catch (error) {
    if (res.sent) return;
    if (error instanceof HttpError) return res.json(error.body, error.status);
    res.json({ message: String(error) }, 500);
  }
}
