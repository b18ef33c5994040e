// Connection storm: N clients connect to one server process at the same moment and each asks
// GET /system/health once. Counted: connections reset or refused, answers, time until the last
// answer; with the default listen backlog (4096) and with Node's own default (511) for comparison.
// Run: npm run bench -- connect-storm   (CONNECT_STORM_CLIENTS, default 2000)
import { connect } from "node:net";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { startServer } from "../test/support/server.js";

async function storm(port: number, clients: number): Promise<{ ok: number; failed: Record<string, number>; lastAnswerMs: number }> {
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<string>((resolve) => {
          const socket = connect(port, "127.0.0.1");
          let received = "";
          socket.on("connect", () => socket.write("GET /system/health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"));
          socket.on("data", (chunk) => (received += chunk.toString()));
          socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
          socket.on("close", () => resolve(received.startsWith("HTTP/1.1 200") ? "ok" : "no answer"));
        }),
    ),
  );
  const failed: Record<string, number> = {};
  for (const outcome of outcomes) if (outcome !== "ok") failed[outcome] = (failed[outcome] ?? 0) + 1;
  return { ok: outcomes.filter((outcome) => outcome === "ok").length, failed, lastAnswerMs: Math.round(performance.now() - started) };
}

export async function run(): Promise<void> {
  const clients = Number(process.env.CONNECT_STORM_CLIENTS ?? 2000);
  const rows = [];
  for (const backlog of [4096, 511]) {
    const server = await startServer({ env: { OPENSLIDES_LOGLEVEL: "error", OPENSLIDES_LISTEN_BACKLOG: String(backlog) }, startTimeoutMs: 120_000 });
    try {
      const result = await storm(server.port, clients);
      rows.push({ backlog, clients, answered: result.ok, failed: JSON.stringify(result.failed), lastAnswerMs: result.lastAnswerMs, load1: Math.round(loadavg()[0]! * 10) / 10 });
    } finally {
      await server.stop();
    }
  }
  console.table(rows);
}
