// The web client's files on the main port (upstream: the client container's nginx behind the
// proxy): every GET that no service route takes is a client file, or index.html for the deep
// links of the single-page app. Paths of the services never fall back to index.html.
import type { AppContext } from "../app.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { loadStaticFiles, type StaticFile } from "./static-files.js";
import { welcomePage } from "./welcome-page.js";

const SERVICE_PREFIXES = ["/system/", "/internal/"];
/** The service worker's kill switch of upstream's nginx: the worker is handed an empty manifest and caches nothing. */
const SAFETY_MANIFEST = "/ngsw-safety.json";

function isServicePath(path: string): boolean {
  return path === "/system" || path === "/internal" || SERVICE_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function notFound(req: HttpRequest, res: HttpResponse): void {
  res.json({ success: false, message: `Not found: ${req.path}` }, 404);
}

function sendFile(req: HttpRequest, res: HttpResponse, file: StaticFile): void {
  res.header("Cache-Control", file.cacheControl).header("ETag", file.etag).header("Last-Modified", file.lastModified);
  if (req.headers["if-none-match"] === file.etag) {
    res.raw.statusCode = 304;
    res.raw.end();
    return;
  }
  const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = file.gzipped && acceptsGzip ? file.gzipped : file.body;
  if (file.gzipped) res.header("Vary", "Accept-Encoding");
  if (body === file.gzipped) res.header("Content-Encoding", "gzip");
  if (req.method === "HEAD") {
    res.header("Content-Type", file.contentType).header("Content-Length", String(body.length));
    res.raw.statusCode = 200;
    res.raw.end();
    return;
  }
  res.send(body, file.contentType, 200);
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function clientFileHandler(files: Map<string, StaticFile>) {
  const index = files.get("/index.html");
  return (req: HttpRequest, res: HttpResponse) => {
    const path = decodePath(req.path);
    if (path === undefined) return notFound(req, res);
    if (path === "/ngsw.json" && String(req.headers.referer ?? "").endsWith("ngsw-worker.js")) {
      const safety = files.get(SAFETY_MANIFEST);
      if (safety) return sendFile(req, res, safety);
    }
    const file = files.get(path) ?? (path.endsWith("/") ? files.get(`${path}index.html`) : undefined);
    if (file) return sendFile(req, res, file);
    // A missing asset is a 404; any other path is a route of the app.
    if (path.startsWith("/assets/") || !index) return notFound(req, res);
    sendFile(req, res, index);
  };
}

function welcomeHandler(app: AppContext) {
  const page = welcomePage(app);
  return (req: HttpRequest, res: HttpResponse) => {
    if (req.path === "/assets/time.txt") {
      // The client's clock check reads only the Date header; answer it even without a build.
      res.header("Cache-Control", "no-cache, no-store, must-revalidate");
      return res.send(String(Date.now()), "text/plain; charset=utf-8", 200);
    }
    if (req.path !== "/" && req.path !== "/index.html") return notFound(req, res);
    res.header("Cache-Control", "no-cache");
    res.send(page, "text/html; charset=utf-8", 200);
  };
}

/** Any method, so that unknown service paths stay a 404 whatever the method; files answer GET and HEAD only. */
function readOnly(serve: (req: HttpRequest, res: HttpResponse) => void) {
  return (req: HttpRequest, res: HttpResponse) => {
    if (isServicePath(req.path)) return notFound(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.header("Allow", "GET, HEAD");
      return res.json({ success: false, message: `Method ${req.method} is not allowed for ${req.path}.` }, 405);
    }
    serve(req, res);
  };
}

export function clientRoutes(app: AppContext): Route[] {
  const serve = app.config.clientDir ? clientFileHandler(loadStaticFiles(app.config.clientDir)) : welcomeHandler(app);
  return [{ method: "*", path: "/*", component: "client", handler: readOnly(serve) }];
}
