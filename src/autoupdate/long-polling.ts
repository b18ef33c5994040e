// The long-polling fallback (spec 2.4): the client echoes an opaque state of what it has; we
// answer with the changes since then as multipart/form-data fields `data` and `hash`. Our state
// is base64 of a JSON object mapping each sent key to a short hash of its value.
import { createHash, randomBytes } from "node:crypto";
import type { HttpResponse } from "../http/types.js";

export function fingerprint(json: string): string {
  return createHash("sha1").update(json).digest("base64url").slice(0, 12);
}

export function encodePollState(sent: ReadonlyMap<string, string>): string {
  return Buffer.from(JSON.stringify(Object.fromEntries(sent))).toString("base64");
}

/** The sent fingerprints of a state; a state we cannot read counts as "nothing sent". */
export function decodePollState(state: string | undefined): Map<string, string> {
  if (!state) return new Map();
  try {
    const parsed = JSON.parse(Buffer.from(state, "base64").toString("utf8")) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return new Map();
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch {
    return new Map();
  }
}

export function sendPollAnswer(res: HttpResponse, line: string, state: string): void {
  const boundary = `autoupdate${randomBytes(12).toString("hex")}`;
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  res.header("Cache-Control", "no-store, max-age=0");
  res.send(`${part("data", line)}${part("hash", state)}--${boundary}--\r\n`, `multipart/form-data; boundary=${boundary}`, 200);
}
