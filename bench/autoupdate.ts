// Autoupdate under load on one server process (embedded database, example data): N logged-in
// clients each open a stream on meeting 1's agenda (topics with their agenda items and lists of
// speakers, the shape of the client's agenda list); then one topic changes through the action
// service. Measured: time until every client has its first line, time from the action's answer
// until the last client has the change, and server memory per open stream.
// Run: npm run bench -- autoupdate   (AUTOUPDATE_BENCH_SIZES=100,1000,2000 by default)
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { startServer, type StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";

const SIZES = (process.env.AUTOUPDATE_BENCH_SIZES ?? "100,1000,2000").split(",").map(Number);

const AGENDA_REQUEST = JSON.stringify([
  {
    collection: "meeting",
    ids: [1],
    fields: {
      topic_ids: {
        type: "relation-list",
        collection: "topic",
        fields: {
          title: null,
          text: null,
          agenda_item_id: { type: "relation", collection: "agenda_item", fields: { item_number: null, is_hidden: null, is_internal: null, comment: null } },
          list_of_speakers_id: { type: "relation", collection: "list_of_speakers", fields: { closed: null, speaker_ids: null } },
        },
      },
    },
  },
]);

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

interface Stream {
  firstLine: Promise<number>;
  waitFor(text: string): Promise<number>;
  close(): void;
}

function openStream(server: StartedServer, headers: Record<string, string>, agent: Agent): Stream {
  let buffer = "";
  let resolveFirst!: (time: number) => void;
  const firstLine = new Promise<number>((resolve) => (resolveFirst = resolve));
  const watchers: Array<{ text: string; resolve: (time: number) => void }> = [];
  const req = request(`${server.url}/system/autoupdate`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, agent }, (res) => {
    res.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes("\n")) resolveFirst(performance.now());
      for (const watcher of watchers.splice(0)) {
        if (buffer.includes(watcher.text)) watcher.resolve(performance.now());
        else watchers.push(watcher);
      }
    });
    res.on("error", () => undefined);
  });
  req.on("error", () => undefined);
  req.end(AGENDA_REQUEST);
  return {
    firstLine,
    waitFor: (text) => new Promise((resolve) => (buffer.includes(text) ? resolve(performance.now()) : watchers.push({ text, resolve }))),
    close: () => req.destroy(),
  };
}

async function measure(server: StartedServer, client: Client, count: number) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const headers = { authentication: client.token!, cookie: client.cookie! };
  const before = rssMiB(server.process.pid!);
  const start = performance.now();
  const streams: Stream[] = [];
  for (let i = 0; i < count; i++) {
    streams.push(openStream(server, headers, agent));
    if (i % 200 === 199) await Promise.all(streams.slice(-200).map((stream) => stream.firstLine));
  }
  const firstLines = await Promise.all(streams.map((stream) => stream.firstLine));
  const allConnected = Math.max(...firstLines) - start;
  const memory = rssMiB(server.process.pid!) - before;
  const title = `Changed ${count} ${Date.now()}`;
  const arrived = Promise.all(streams.map((stream) => stream.waitFor(title)));
  const sent = performance.now();
  const answer = await client.post("/system/action/handle_request", [{ action: "topic.update", data: [{ id: 1, title }] }]);
  if (answer.status !== 200) throw new Error(`topic.update failed: ${answer.text}`);
  const last = Math.max(...(await arrived));
  for (const stream of streams) stream.close();
  agent.destroy();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    clients: count,
    "all first lines ms": round(allConnected),
    "mean first line ms": round(firstLines.reduce((sum, time) => sum + time - start, 0) / count),
    "change to last client ms": round(last - sent),
    "KiB per stream": round((memory * 1024) / count),
  };
}

export async function run(): Promise<void> {
  const server = await startServer({ env: { OPENSLIDES_LOGLEVEL: "error" } });
  try {
    const client = new Client(server.url);
    await client.login("admin", "admin");
    const rows = [];
    for (const size of SIZES) rows.push(await measure(server, client, size));
    console.table(rows);
  } finally {
    await server.stop();
  }
}
