// The projector component (spec projector section 4): health, the projector page, the SSE
// subscription, the preview and the client-side script and styles. Slides are rendered on the
// server from the in-memory state the autoupdate component keeps (src/state), so a projector
// shows the same data as the autoupdate. Access: the restricter decides whether the user sees
// the projector (projector.can_see in its meeting, or the meeting's public access).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AppContext } from "../app.js";
import { RequestAuthenticationError, type RequestIdentity } from "../auth/authenticate-request.js";
import { SessionRevokedError } from "../auth/revocations.js";
import { createRestricter } from "../autoupdate/restrict/index.js";
import type { AutoupdateService } from "../autoupdate/service.js";
import { RequestAborted, type HttpRequest, type HttpResponse, type Route } from "../http/types.js";
import type { ProjectorSettings } from "./render.js";
import type { ProjectorEvent, ProjectorService } from "./service.js";
import { requestLanguage } from "./translate.js";
import { jsonNestsDeeperThan } from "../http/json-depth.js";
import { SMALL_BODY_BYTES } from "../http/body-limits.js";

const STATIC_DIR = fileURLToPath(new URL("../../../src/projector/static/", import.meta.url));
const STATIC_TYPES: Record<string, string> = {
  "projector.js": "text/javascript; charset=utf-8",
  "projector.css": "text/css; charset=utf-8",
  "projector-page.css": "text/css; charset=utf-8",
};

/** How long a request waits for the state to show a projector that the database has. */
const CATCH_UP_MS = 2000;
/** Keep-alive comment on idle streams, so that proxies do not close them. */
const KEEP_ALIVE_MS = 30_000;
/** Write coalescing of events (upstream: at most 50 ms debounce). */
const FLUSH_DELAY_MS = 10;
/** A reader this far behind is cut off; it reconnects and gets the whole content again. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

class ProjectorHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendError(res: HttpResponse, status: number, message: string): void {
  // Upstream writes the body without a content type; Go sniffs it as text/plain.
  res.send(`${JSON.stringify({ error: true, msg: message })}\n`, "text/plain; charset=utf-8", status);
}

function staticFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of Object.keys(STATIC_TYPES)) files.set(name, readFileSync(STATIC_DIR + name));
  return files;
}

type Renderer = typeof import("./render.js");

// The slide renderer (with its HTML parser) and the projector service are loaded by the first
// projector request, not at start.
let renderer: Promise<[Renderer, typeof import("./service.js")]> | undefined;
function loadRenderer(): Promise<[Renderer, typeof import("./service.js")]> {
  renderer ??= Promise.all([import("./render.js"), import("./service.js")]);
  return renderer;
}

export function projectorRoutes(app: AppContext, autoupdate: AutoupdateService): Route[] {
  let service: ProjectorService | undefined;
  const onError = (error: unknown) => app.log.error("projector: a slide could not be rendered", error);
  const ready = async (): Promise<ProjectorService> => {
    await autoupdate.ready;
    const [, { ProjectorService }] = await loadRenderer();
    if (!service) {
      service = new ProjectorService(autoupdate.state, onError);
      app.shutdownHooks.push(() => service?.close());
    }
    return service;
  };
  let files: Map<string, Buffer> | undefined;

  /**
   * A projector committed a moment ago may not be in the in-memory state yet (the change feed is
   * asynchronous); upstream reads the database directly and would see it. Wait for the state.
   */
  const catchUp = async (id: number): Promise<void> => {
    if (autoupdate.state.exists("projector", id)) return;
    if (!(await app.db.get(`projector/${id}`, ["id"]))) return;
    const deadline = Date.now() + CATCH_UP_MS;
    while (!autoupdate.state.exists("projector", id) && Date.now() < deadline) {
      await autoupdate.state.settled();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** Upstream's middleware: authentication, the id, the projector's visibility. */
  const guard = async (req: HttpRequest, res: HttpResponse, prefix: string): Promise<{ id: number; service: ProjectorService; identity: RequestIdentity }> => {
    let identity: RequestIdentity;
    try {
      identity = await app.auth.authenticator("go").authenticate(req, res);
    } catch (error) {
      if (error instanceof RequestAuthenticationError) throw new ProjectorHttpError(401, "authenticate request failed");
      throw error;
    }
    const rest = req.path.slice(prefix.length);
    const id = Number(rest);
    // no model has an id below 1
    if (!/^[-+]?\d+$/.test(rest) || !Number.isSafeInteger(id) || id < 1) throw new ProjectorHttpError(400, "Projector id invalid");
    const projectors = await ready();
    await catchUp(id);
    const visible = createRestricter(autoupdate.state, identity.userId).restrict([`projector/${id}/id`]);
    if (visible.get(`projector/${id}/id`) !== id) throw new ProjectorHttpError(401, "permissions denied");
    return { id, service: projectors, identity };
  };

  const handle =
    (
      prefix: string,
      handler: (req: HttpRequest, res: HttpResponse, id: number, service: ProjectorService, identity: RequestIdentity) => Promise<void> | void,
    ): Route["handler"] =>
    async (req, res) => {
      try {
        const { id, service, identity } = await guard(req, res, prefix);
        await handler(req, res, id, service, identity);
      } catch (error) {
        if (res.sent) return;
        if (error instanceof ProjectorHttpError) return sendError(res, error.status, error.message);
        app.log.error("projector: request failed", error);
        sendError(res, 500, "Error reading projector content");
      }
    };

  const get = handle("/system/projector/get/", async (req, res, id, projectors) => {
    const [{ projectorPage }] = await loadRenderer();
    const content = projectors.content(id, requestLanguage(req));
    if (content === undefined) throw new ProjectorHttpError(404, "Projector not found");
    const script = `const id = window.location.pathname.substring(window.location.pathname.lastIndexOf("/") + 1);\n      Projector(document.getElementById("projector-page"), id, undefined, { standalone: false });`;
    res.send(projectorPage(content, script), "text/html; charset=utf-8", 200);
  });

  const preview = handle("/system/projector/preview/", async (req, res, id) => {
    let body: unknown;
    try {
      const text = (await req.body(SMALL_BODY_BYTES)).toString("utf8");
      if (jsonNestsDeeperThan(text)) throw new ProjectorHttpError(400, "Could not parse json");
      body = JSON.parse(text);
    } catch (error) {
      throw new ProjectorHttpError(400, "Could not parse json");
    }
    const projector = autoupdate.state.get(`projector/${id}`);
    if (!projector) throw new ProjectorHttpError(404, "Projector not found");
    const [{ PREVIEW_KEYS, projectorHtml, projectorPage, renderProjector }] = await loadRenderer();
    const rendered = renderProjector(autoupdate.state, projector, requestLanguage(req), onError);
    if (body && typeof body === "object" && !Array.isArray(body)) {
      const settings = rendered.settings as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
        const target = PREVIEW_KEYS[key];
        if (!target) continue;
        const current = (rendered.settings as ProjectorSettings)[target];
        if (typeof current === typeof value) settings[target] = value;
      }
    }
    const script = `Projector(document.getElementById("projector-page"), null, null, { standalone: true });`;
    res.send(projectorPage(projectorHtml(rendered), script), "text/html; charset=utf-8", 200);
  });

  const subscribe = handle("/system/projector/subscribe/", (req, res, id, projectors, identity) => {
    const raw = res.raw;
    let buffered: string[] = [];
    let flushTimer: NodeJS.Timeout | undefined;
    let keepAlive: NodeJS.Timeout | undefined;
    let subscription: { content: string; close(): void } | undefined;
    let closed = false;

    const finish = () => {
      if (closed) return;
      closed = true;
      subscription?.close();
      if (flushTimer) clearTimeout(flushTimer);
      if (keepAlive) clearTimeout(keepAlive);
      req.signal.removeEventListener("abort", onAbort);
    };
    const end = () => {
      if (closed) return;
      flush();
      finish();
      raw.end();
    };
    const flush = () => {
      flushTimer = undefined;
      if (closed || buffered.length === 0) return;
      const chunk = buffered.join("");
      buffered = [];
      if (raw.writableLength > MAX_BUFFERED_BYTES) {
        finish();
        raw.destroy();
        return;
      }
      (raw as { write(chunk: string): boolean }).write(chunk);
      keepAlive?.refresh();
    };
    const send = (events: ProjectorEvent[]) => {
      if (closed) return;
      for (const { event, data } of events) buffered.push(`event: ${event}\ndata: ${data}\n\n`);
      flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
      if (events.some((event) => event.event === "deleted")) end();
    };
    const onAbort = () => {
      finish();
      if (req.signal.reason instanceof RequestAborted && req.signal.reason.by === "shutdown") raw.end();
    };

    // A session logged out since its authentication gets the answer of a logged-out session, not a stream.
    const session = app.auth.authenticator("go").sessionSignal(identity, req.signal);
    if (session.aborted && session.reason instanceof SessionRevokedError) throw new ProjectorHttpError(401, "authenticate request failed");
    subscription = projectors.listen(id, requestLanguage(req), send);
    if (!subscription) throw new ProjectorHttpError(404, "Projector not found");
    (res as { sent: boolean }).sent = true;
    raw.statusCode = 200;
    raw.setHeader("Content-Type", "text/event-stream");
    raw.setHeader("Cache-Control", "no-cache");
    raw.setHeader("X-Accel-Buffering", "no");
    if (req.raw.httpVersionMajor < 2) raw.setHeader("Connection", "keep-alive");
    raw.on("close", finish);
    req.signal.addEventListener("abort", onAbort, { once: true });
    if (req.signal.aborted) return onAbort();
    // A logout of the session ends the stream (like upstream's Go services).
    session.addEventListener("abort", () => end(), { once: true });
    const first: ProjectorEvent[] = [];
    if (req.query.get("init") === "1") first.push({ event: "projector-replace", data: JSON.stringify(subscription.content) });
    first.push({ event: "connected", data: String(Date.now()) });
    for (const { event, data } of first) buffered.push(`event: ${event}\ndata: ${data}\n\n`);
    flush();
    keepAlive = setTimeout(function ping() {
      if (closed) return;
      (raw as { write(chunk: string): boolean }).write(": keep-alive\n\n");
      keepAlive = setTimeout(ping, KEEP_ALIVE_MS);
      keepAlive.unref();
    }, KEEP_ALIVE_MS);
    keepAlive.unref();
  });

  const staticHandler: Route["handler"] = (req, res) => {
    const name = req.path.slice("/system/projector/static/".length);
    const type = STATIC_TYPES[name];
    if (!type) {
      res.send("404 page not found\n", "text/plain; charset=utf-8", 404);
      return;
    }
    files ??= staticFiles();
    res.header("Cache-Control", app.config.development ? "no-cache" : "public, max-age=3600");
    res.send(files.get(name)!, type, 200);
  };

  return [
    {
      method: "*",
      path: "/system/projector/health",
      component: "projector",
      handler: (_req, res) => res.send(`{"healthy": true, "service":"projector"}\n`, "text/plain; charset=utf-8", 200),
    },
    { method: "*", path: "/system/projector/get/*", component: "projector", handler: get },
    { method: "GET", path: "/system/projector/subscribe/*", component: "projector", handler: subscribe },
    { method: "POST", path: "/system/projector/preview/*", component: "projector", handler: preview },
    { method: "GET", path: "/system/projector/static/*", component: "projector", handler: staticHandler },
  ];
}
