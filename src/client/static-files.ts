// The files of a production build of the official client, read once into memory: they are few
// (about 370 files, 14 MB) and never change while the server runs. Text files of 1000 bytes or
// more are kept gzipped too, as upstream's nginx serves them.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { contentTypeOf, isCompressible } from "./mime-types.js";

export interface StaticFile {
  body: Buffer;
  gzipped?: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
  cacheControl: string;
}

const MIN_GZIP_BYTES = 1000;
/** Angular's output names carry a content hash (main-ABCD1234.js): safe to cache for good. */
const HASHED_NAME = /[-.][A-Za-z0-9_]{8,}\.(js|mjs|css)$/;
/** Files the client or its service worker must always revalidate. */
const NEVER_CACHED = new Set(["/index.html", "/ngsw.json", "/ngsw-worker.js", "/sw.js", "/safety-worker.js", "/worker-basic.min.js", "/assets/time.txt"]);

function cacheControlFor(urlPath: string): string {
  if (NEVER_CACHED.has(urlPath)) return "no-cache, no-store, must-revalidate";
  if (HASHED_NAME.test(urlPath)) return "public, max-age=31536000, immutable";
  return "no-cache";
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Every file below `root`, by URL path (`/assets/time.txt`). */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const path of walk(root)) {
    const urlPath = "/" + relative(root, path).split(sep).join("/");
    const body = readFileSync(path);
    const contentType = contentTypeOf(path);
    files.set(urlPath, {
      body,
      gzipped: isCompressible(contentType) && body.length >= MIN_GZIP_BYTES ? gzipSync(body) : undefined,
      contentType,
      etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
      lastModified: statSync(path).mtime.toUTCString(),
      cacheControl: cacheControlFor(urlPath),
    });
  }
  return files;
}
