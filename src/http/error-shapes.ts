// The listener's own error answers (the database is unreachable, the request was cut short by a
// shutdown, an error no route handled) in the shape of the component whose route failed, so a
// client of that component can read them as it reads the component's other errors. Components
// answer their own errors themselves; this is what is left over.
import type { Component } from "./types.js";

export interface ErrorAnswer {
  body: string;
  contentType: string;
}

const json = (body: unknown, newline = false): ErrorAnswer => ({ body: `${JSON.stringify(body)}${newline ? "\n" : ""}`, contentType: "application/json" });

/** `message` in the shape of `component`'s errors (undefined: no route, the action and presenter shape). */
export function errorAnswer(component: Component | undefined, message: string): ErrorAnswer {
  switch (component) {
    case "icc":
      return json({ error: "internal", msg: message });
    case "vote":
      return json({ error: "internal", message }, true);
    case "autoupdate":
    case "search":
      return json({ error: { type: "InternalError", msg: message } });
    case "projector":
      // Upstream writes the body without a content type; Go sniffs it as text/plain.
      return { body: `${JSON.stringify({ error: true, msg: message })}\n`, contentType: "text/plain; charset=utf-8" };
    case "media":
      return json({ message: `Media-Server: ${message}` });
    case "auth":
      return json({ message, success: false });
    default:
      return json({ success: false, message });
  }
}
