// The worker thread that sanitises large HTML texts (html-off-thread.ts): the same sanitizeHtml,
// run where it cannot block the server's event loop.
import { parentPort } from "node:worker_threads";
import { sanitizeHtml, type HtmlMode } from "./html.js";

export interface SanitizeRequest {
  id: number;
  html: string;
  mode: HtmlMode;
}

export type SanitizeReply = { id: number; html: string } | { id: number; error: string };

parentPort?.on("message", ({ id, html, mode }: SanitizeRequest) => {
  let reply: SanitizeReply;
  try {
    reply = { id, html: sanitizeHtml(html, mode) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
