// Reads a streaming response (JSON lines) over HTTP/1.1 the way the web client does.
import { request } from "node:http";

export interface LineStream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Resolves with the next line (waits up to timeoutMs). */
  next(timeoutMs?: number): Promise<string>;
  /** Lines received so far and not yet taken with next(). */
  pending(): string[];
  close(): void;
}

export function openLineStream(url: string, headers: Record<string, string> = {}): Promise<LineStream> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const waiters: Array<(line: string) => void> = [];
    let buffer = "";
    const req = request(url, { headers }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let index;
        while ((index = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, index);
          buffer = buffer.slice(index + 1);
          const waiter = waiters.shift();
          if (waiter) waiter(line);
          else lines.push(line);
        }
      });
      res.on("end", () => {
        if (buffer) {
          const waiter = waiters.shift();
          if (waiter) waiter(buffer);
          else lines.push(buffer);
          buffer = "";
        }
      });
      res.on("error", () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        next: (timeoutMs = 5000) =>
          new Promise((resolveLine, rejectLine) => {
            const queued = lines.shift();
            if (queued !== undefined) return resolveLine(queued);
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(done), 1);
              rejectLine(new Error("no line arrived"));
            }, timeoutMs);
            const done = (line: string) => {
              clearTimeout(timer);
              resolveLine(line);
            };
            waiters.push(done);
          }),
        pending: () => lines.splice(0),
        close: () => req.destroy(),
      });
    });
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    req.end();
  });
}
