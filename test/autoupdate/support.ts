// Reading autoupdate streams in tests: lines as they arrive, with a wait for the next one.
import { Client } from "../support/http.js";

export interface StreamReader {
  status: number;
  /** The next line, parsed; rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<Record<string, unknown>>;
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
  return {
    status: response.status,
    async next(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (lines.length === 0) {
        if (Date.now() > deadline) throw new Error("no line arrived in time");
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return JSON.parse(lines.shift()!) as Record<string, unknown>;
    },
    close: () => controller.abort(),
  };
}

export async function loggedIn(baseUrl: string, username: string, password: string): Promise<Client> {
  const client = new Client(baseUrl);
  await client.login(username, password);
  return client;
}
