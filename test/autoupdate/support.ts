// Reading autoupdate streams in tests: lines as they arrive, with a wait for the next one. With
// `compress` in the query the lines are decoded as the official client does it (base64, then
// fzstd, then UTF-8), and must decode.
import { decompress } from "fzstd";
import { Client } from "../support/http.js";

/** One compressed line (without its "\n") as the client decodes it: atob, fzstd, UTF-8. */
export function decodeCompressedLine(line: string): string {
  if (!/^[A-Za-z0-9+/]+$/.test(line)) throw new Error(`not unpadded standard base64: ${line.slice(0, 80)}`);
  const bytes = Uint8Array.from(atob(line), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(decompress(bytes));
}

export interface StreamReader {
  status: number;
  /** The next line, parsed (decoded first when compressed); rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** The next line as it came over the wire, without its "\n". */
  nextRaw(timeoutMs?: number): Promise<string>;
  close(): void;
}

export async function openStream(baseUrl: string, client: Client | undefined, body: unknown, query = ""): Promise<StreamReader> {
  const controller = new AbortController();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (client?.token) headers.authentication = client.token;
  if (client?.cookie) headers.cookie = client.cookie;
  const response = await fetch(`${baseUrl}/system/autoupdate${query}`, { method: "POST", headers, body: JSON.stringify(body), signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const lines: string[] = [];
  const waiting: Array<() => void> = [];
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let index;
        while ((index = buffer.indexOf("\n")) >= 0) {
          lines.push(buffer.slice(0, index));
          buffer = buffer.slice(index + 1);
        }
        waiting.splice(0).forEach((wake) => wake());
      }
    } catch {
      // aborted
    }
  })();
  const compressed = new URLSearchParams(query.replace(/^\?/, "")).has("compress");
  const nextRaw = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (lines.length === 0) {
      if (Date.now() > deadline) throw new Error("no line arrived in time");
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return lines.shift()!;
  };
  return {
    status: response.status,
    nextRaw,
    async next(timeoutMs = 10_000) {
      const line = await nextRaw(timeoutMs);
      if (!compressed || line.startsWith('{"error"')) return JSON.parse(line) as Record<string, unknown>;
      const decoded = decodeCompressedLine(line);
      if (!decoded.endsWith("\n")) throw new Error("a compressed line must hold the JSON and its line feed");
      return JSON.parse(decoded) as Record<string, unknown>;
    },
    close: () => controller.abort(),
  };
}

export async function loggedIn(baseUrl: string, username: string, password: string): Promise<Client> {
  const client = new Client(baseUrl);
  await client.login(username, password);
  return client;
}
