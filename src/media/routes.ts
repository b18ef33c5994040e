// The media component (spec media 3.2-3.4): downloads of mediafiles by mediafile id
// (`/system/media/get/<id>`) or meeting_mediafile id (`/system/media/get-meeting/<id>`, logos and
// header images of the projector) for whoever may see the file, the health route, and the
// backend-facing internal routes (upload, duplicate; own port only, like upstream's network
// isolation). The file bytes live in media.mediafile_data (storage.ts).
import type { AppContext } from "../app.js";
import { RequestAuthenticationError } from "../auth/authenticate-request.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { restrictedValues } from "./access.js";
import { duplicateFile, loadFile, storeFile } from "./storage.js";
import { jsonNestsDeeperThan } from "../http/json-depth.js";

class MediaError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (): MediaError => new MediaError(404, "Not Found.");

function sendError(res: HttpResponse, error: MediaError): void {
  res.json({ message: `Media-Server: ${error.message}` }, error.status);
}

/** The path's id: a positive int, else 404 (no model has id 0). */
function pathId(req: HttpRequest, prefix: string): number {
  const rest = req.path.slice(prefix.length);
  const id = Number(rest);
  if (!/^\d+$/.test(rest) || !Number.isSafeInteger(id) || id < 1) throw notFound();
  return id;
}

/** Latin-1 with unencodable characters as "?" (upstream encodes the filename so). */
function latin1(text: string): string {
  return [...text].map((char) => (char.codePointAt(0)! <= 0xff ? char : "?")).join("");
}

export interface MediaOptions {
  blockSize?: number;
  /** Cache-Control max-age in seconds; 0 disables the header. */
  clientCacheDuration?: number;
}

export function mediaOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): MediaOptions {
  const duration = Number(env.MEDIA_CLIENT_CACHE_DURATION ?? 86400);
  const block = Number(env.MEDIA_BLOCK_SIZE ?? 4096);
  return { clientCacheDuration: Number.isFinite(duration) ? duration : 86400, blockSize: Number.isFinite(block) && block > 0 ? block : 4096 };
}

type Target = { kind: "mediafile" | "meeting_mediafile"; id: number };

/** Step 2: the file id and name the user may download, or 404. */
async function allowedFile(app: AppContext, userId: number, target: Target): Promise<{ fileId: number; filename: string }> {
  if (target.kind === "mediafile") {
    const values = await restrictedValues(app.db, userId, [`mediafile/${target.id}/id`, `mediafile/${target.id}/filename`, `mediafile/${target.id}/is_directory`]);
    if (values.get(`mediafile/${target.id}/id`) !== target.id) throw notFound();
    // a directory has no content to download
    if (values.get(`mediafile/${target.id}/is_directory`) === true) throw notFound();
    const filename = values.get(`mediafile/${target.id}/filename`);
    if (typeof filename !== "string") throw new MediaError(500, `The mediafile with id ${target.id} has no filename.`);
    return { fileId: target.id, filename };
  }
  const key = `meeting_mediafile/${target.id}`;
  const values = await restrictedValues(app.db, userId, [`${key}/id`, `${key}/mediafile_id`]);
  if (values.get(`${key}/id`) !== target.id) throw notFound();
  const fileId = values.get(`${key}/mediafile_id`);
  if (typeof fileId !== "number") throw new MediaError(500, `The meeting_mediafile with id ${target.id} has no visible mediafile.`);
  const file = await restrictedValues(app.db, userId, [`mediafile/${fileId}/filename`, `mediafile/${fileId}/is_directory`]);
  if (file.get(`mediafile/${fileId}/is_directory`) === true) throw notFound();
  const filename = file.get(`mediafile/${fileId}/filename`);
  if (typeof filename !== "string") throw new MediaError(500, `The mediafile with id ${fileId} has no filename.`);
  return { fileId, filename };
}

function download(app: AppContext, options: MediaOptions, prefix: string, kind: Target["kind"]): Route["handler"] {
  return async (req, res) => {
    try {
      const id = pathId(req, prefix);
      let userId: number;
      try {
        userId = await app.auth.authenticator("python").authenticateRefreshCookieOnly(req);
      } catch (error) {
        if (!(error instanceof RequestAuthenticationError)) throw error;
        res.header("Location", "/");
        res.send("", "text/html; charset=utf-8", 302);
        return;
      }
      const { fileId, filename } = await allowedFile(app, userId, { kind, id });
      const file = await loadFile(app.db, fileId);
      if (!file) throw new MediaError(404, `The mediafile with id ${fileId} could not be found.`);
      const contentType = file.mimetype.startsWith("text/") && !file.mimetype.includes("charset") ? `${file.mimetype}; charset=utf-8` : file.mimetype;
      res.header("Content-Disposition", `attachment; filename="${latin1(filename)}"`);
      const duration = options.clientCacheDuration ?? 86400;
      if (duration !== 0 && !app.config.development) res.header("Cache-Control", `private, max-age=${duration}`);
      res.send(file.data, contentType, 200);
    } catch (error) {
      if (res.sent) return;
      if (error instanceof MediaError) return sendError(res, error);
      app.log.error("media: download failed", error);
      sendError(res, new MediaError(500, error instanceof Error ? error.message : String(error)));
    }
  };
}

async function jsonBody(req: HttpRequest): Promise<Record<string, unknown>> {
  try {
    const text = (await req.body()).toString("utf8");
    if (jsonNestsDeeperThan(text)) throw new MediaError(400, "request.data is not json");
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // below
  }
  throw new MediaError(400, "request.data is not json");
}

const intLike = (value: unknown): number | undefined => {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
};

function internal(app: AppContext, handler: (req: HttpRequest) => Promise<void>): Route["handler"] {
  return async (req, res) => {
    try {
      await handler(req);
      res.send("", "text/html; charset=utf-8", 200);
    } catch (error) {
      if (res.sent) return;
      if (error instanceof MediaError) return sendError(res, error);
      app.log.error("media: internal request failed", error);
      sendError(res, new MediaError(500, error instanceof Error ? error.message : String(error)));
    }
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function mediaRoutes(app: AppContext, options: MediaOptions = mediaOptionsFromEnv()): Route[] {
  const upload = internal(app, async (req) => {
    const body = await jsonBody(req);
    const id = intLike(body.id);
    if (id === undefined || typeof body.mimetype !== "string") {
      throw new MediaError(400, `The post request.data is not in right format: ${JSON.stringify(Object.keys(body))}`);
    }
    const encoded = typeof body.file === "string" ? body.file.replace(/\s/g, "") : undefined;
    if (encoded === undefined || encoded.length % 4 === 1 || !BASE64.test(encoded)) throw new MediaError(400, "cannot decode base64 file");
    await storeFile(app.db, id, Buffer.from(encoded, "base64"), body.mimetype, false);
  });
  const duplicate = internal(app, async (req) => {
    const body = await jsonBody(req);
    const sourceId = intLike(body.source_id);
    const targetId = intLike(body.target_id);
    if (sourceId === undefined || targetId === undefined) {
      throw new MediaError(400, `The post request.data is not in right format: ${JSON.stringify(Object.keys(body))}`);
    }
    if (!(await duplicateFile(app.db, sourceId, targetId))) throw new MediaError(404, `The mediafile with id ${sourceId} could not be found.`);
  });
  const redirect = (to: string): Route["handler"] => (_req, res) => {
    res.header("Location", to);
    res.send("", "text/html; charset=utf-8", 308);
  };
  return [
    { method: "GET", path: "/system/media/get/*", component: "media", handler: download(app, options, "/system/media/get/", "mediafile") },
    {
      method: "GET",
      path: "/system/media/get-meeting/*",
      component: "media",
      handler: download(app, options, "/system/media/get-meeting/", "meeting_mediafile"),
    },
    {
      method: "*",
      path: "/system/media/health",
      component: "media",
      handler: (_req, res) => res.json({ healthy: true, service: "media" }),
    },
    { method: "POST", path: "/internal/media/upload_mediafile/", component: "media", handler: upload, portOnly: true },
    { method: "POST", path: "/internal/media/upload_mediafile", component: "media", handler: redirect("/internal/media/upload_mediafile/"), portOnly: true },
    { method: "POST", path: "/internal/media/duplicate_mediafile/", component: "media", handler: duplicate, portOnly: true },
    {
      method: "POST",
      path: "/internal/media/duplicate_mediafile",
      component: "media",
      handler: redirect("/internal/media/duplicate_mediafile/"),
      portOnly: true,
    },
  ];
}
