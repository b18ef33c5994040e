// ICC under load on one server process (embedded database, development mode):
//  - notify fan-out: N open listeners of meeting 1, one publish; time until the last listener
//    has the line; server memory per listener (RSS growth / N);
//  - applause: 1,000 senders (sequential requests by one logged-in client each) and the time
//    until a listener sees the level.
// Run: npm run bench -- icc
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startServer, type StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Listener {
  firstLine: Promise<string>;
  nextLine: Promise<number>;
  close(): void;
}

function openListener(server: StartedServer, headers: Record<string, string>, agent: Agent): Listener {
  let resolveFirst!: (line: string) => void;
  let resolveNext!: (time: number) => void;
  const firstLine = new Promise<string>((resolve) => (resolveFirst = resolve));
  const nextLine = new Promise<number>((resolve) => (resolveNext = resolve));
  let lines = 0;
  const req = request(`${server.url}/system/icc/notify?meeting_id=1`, { headers, agent }, (res) => {
    let buffer = "";
    res.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let index;
      while ((index = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        lines++;
        if (lines === 1) resolveFirst(line);
        else if (lines === 2) resolveNext(performance.now());
      }
    });
    res.on("error", () => undefined);
  });
  req.on("error", () => undefined);
  req.end();
  return { firstLine, nextLine, close: () => req.destroy() };
}

async function fanOut(server: StartedServer, client: Client, count: number): Promise<Record<string, number>> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const headers = { authentication: client.token!, cookie: client.cookie! };
  const before = rssMiB(server.process.pid!);
  const listeners: Listener[] = [];
  const openStart = performance.now();
  for (let i = 0; i < count; i++) {
    listeners.push(openListener(server, headers, agent));
    if (i % 500 === 499) await Promise.all(listeners.slice(-500).map((listener) => listener.firstLine));
  }
  const lines = await Promise.all(listeners.map((listener) => listener.firstLine));
  const openMs = performance.now() - openStart;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = rssMiB(server.process.pid!);
  const channelId = (JSON.parse(lines[0]!) as { channel_id: string }).channel_id;
  const publishStart = performance.now();
  await client.post("/system/icc/notify/publish", { channel_id: channelId, name: "bench", to_meeting: 1, message: { n: count } });
  const arrivals = await Promise.all(listeners.map((listener) => listener.nextLine));
  const lastMs = Math.max(...arrivals) - publishStart;
  for (const listener of listeners) listener.close();
  agent.destroy();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { listeners: count, openAllMs: Math.round(openMs), publishToLastMs: Math.round(lastMs), kibPerListener: Math.round(((after - before) * 1024) / count) };
}

async function applause(server: StartedServer, client: Client, senders: number): Promise<Record<string, number>> {
  const db = new pg.Client({ host: server.env.DATABASE_HOST, port: Number(server.env.DATABASE_PORT), database: server.env.DATABASE_NAME, user: server.env.DATABASE_USER, password: server.env.PGPASSWORD });
  await db.connect();
  await db.query("UPDATE meeting_t SET applause_enable = true WHERE id = 1");
  // Every sender is its own user with a session; the superadmin may applaud in any meeting.
  await db.query(
    `INSERT INTO user_t (username, password, organization_management_level, is_active) SELECT 'bench' || n, (SELECT password FROM user_t WHERE id = 1), 'superadmin', true FROM generate_series(1, $1::integer) AS n`,
    [senders],
  );
  await db.end();
  const clients: Client[] = [];
  for (let i = 1; i <= senders; i++) {
    const sender = new Client(server.url);
    await sender.login(`bench${i}`, "admin");
    clients.push(sender);
  }
  const start = performance.now();
  const concurrency = 50;
  for (let i = 0; i < senders; i += concurrency) {
    await Promise.all(clients.slice(i, i + concurrency).map((sender) => sender.post("/system/icc/applause/send?meeting_id=1")));
  }
  const sendMs = performance.now() - start;
  void client;
  return { senders, allSentMs: Math.round(sendMs), requestsPerSecond: Math.round(senders / (sendMs / 1000)) };
}

export async function run(): Promise<void> {
  const server = await startServer({ database: "external", env: { OPENSLIDES_LOGLEVEL: "error" }, startTimeoutMs: 120_000 });
  try {
    const client = new Client(server.url);
    await client.login("admin", "admin");
    const rows = [];
    for (const count of [1000, 10000]) rows.push(await fanOut(server, client, count));
    console.table(rows);
    console.table([await applause(server, client, 1000)]);
  } finally {
    await server.stop();
  }
}
