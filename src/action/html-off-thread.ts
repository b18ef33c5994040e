// Sanitising HTML costs up to about a millisecond per KiB of hostile markup (a text of `<<<…` or of
// many style attributes), so a large text would block every other request for seconds. Texts above
// OFF_THREAD_MIN_LENGTH are sanitised in a worker thread, one after the other; smaller ones (most
// motion and topic texts) stay on the event loop, where a thread's round trip would cost more.
import { Worker } from "node:worker_threads";
import { sanitizeHtml, type HtmlMode } from "./html.js";
import type { SanitizeReply, SanitizeRequest } from "./html-thread.js";

export const OFF_THREAD_MIN_LENGTH = 4096;
/** The thread ends after this long without work (it holds several MiB), and starts again on demand. */
const IDLE_MS = 60_000;

interface Pending {
  resolve(html: string): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const entry of pending.values()) entry.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(new URL("./html-thread.js", import.meta.url));
  started.on("message", (reply: SanitizeReply) => {
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    if ("error" in reply) entry.reject(new Error(reply.error));
    else entry.resolve(reply.html);
    if (pending.size === 0) scheduleIdleStop();
  });
  started.on("error", (error) => {
    if (worker === started) worker = undefined;
    failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) worker = undefined;
    if (pending.size > 0) failAll(new Error(`the HTML sanitising thread ended (${code})`));
  });
  started.unref();
  return started;
}

function scheduleIdleStop(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (pending.size > 0 || !worker) return;
    const stopping = worker;
    worker = undefined;
    void stopping.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/** sanitizeHtml, in the worker thread for long texts. */
export function sanitizeHtmlOffThread(html: string, mode: HtmlMode): Promise<string> {
  if (html.length < OFF_THREAD_MIN_LENGTH) return Promise.resolve(sanitizeHtml(html, mode));
  clearTimeout(idleTimer);
  worker ??= startWorker();
  const id = nextId++;
  const request: SanitizeRequest = { id, html, mode };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage(request);
  });
}
