// The `pg` driver, loaded without Node's fetch implementation. On Node 20, which has no
// `navigator`, pg's check for Cloudflare Workers (lib/stream.js, run when pg is loaded) builds a
// `Response`, and that loads undici with zlib, http2, perf_hooks and worker_threads: about 4 MiB
// of idle memory for nothing. A `navigator` that is not Cloudflare's answers the check first; it
// is there only while pg loads (Node 21 and later have their own).
import { createRequire } from "node:module";
import type * as PgModule from "pg";

function loadPg(): typeof PgModule {
  const require = createRequire(import.meta.url);
  if ("navigator" in globalThis) return require("pg") as typeof PgModule;
  Object.defineProperty(globalThis, "navigator", { value: { userAgent: `Node.js/${process.versions.node}` }, configurable: true });
  try {
    return require("pg") as typeof PgModule;
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}

export const pg = loadPg();
