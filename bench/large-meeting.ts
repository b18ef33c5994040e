// Autoupdate on a generated large meeting (issue 6): meeting 1 of the example data grows through
// the action service to LARGE_USERS participants, LARGE_MOTIONS motions and LARGE_TOPICS topics
// with speakers. Then, for the superadmin and for a delegate: the first line of the client's
// motion list, agenda and participant list (time and size, plain and zstd-compressed); and for
// LARGE_STREAMS different delegates each with those three streams: time until all first lines,
// and time until a motion's new title reached every stream. Last, N = LARGE_CLIENTS (100, 1,000,
// 2,000) different delegates with one motion-list stream each: first lines, server memory per
// stream, and a motion's new title to the last client. The generated meeting is kept in
// .bench-data/ (bench/support/large-meeting-data.ts).
// Run: npm run bench -- large-meeting
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { decompress } from "fzstd";
import type { StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";
import { act, startLargeMeeting } from "./support/large-meeting-data.js";

const USERS = Number(process.env.LARGE_USERS ?? 2000);
const MOTIONS = Number(process.env.LARGE_MOTIONS ?? 1000);
const TOPICS = Number(process.env.LARGE_TOPICS ?? 300);
const STREAM_USERS = Number(process.env.LARGE_STREAMS ?? 200);
const CLIENT_COUNTS = (process.env.LARGE_CLIENTS ?? "100,1000,2000").split(",").map(Number);

const user = { username: null, first_name: null, last_name: null, is_present_in_meeting_ids: null, gender_id: null };
export const REQUESTS: Record<string, unknown> = {
  motions: [
    {
      collection: "meeting",
      ids: [1],
      fields: {
        motion_ids: {
          type: "relation-list",
          collection: "motion",
          fields: {
            title: null, number: null, sequential_number: null, state_id: null, category_id: null, block_id: null, tag_ids: null,
            created: null, last_modified: null, lead_motion_id: null, amendment_ids: null, list_of_speakers_id: null, agenda_item_id: null,
            submitter_ids: {
              type: "relation-list",
              collection: "motion_submitter",
              fields: { weight: null, meeting_user_id: { type: "relation", collection: "meeting_user", fields: { user_id: { type: "relation", collection: "user", fields: user } } } },
            },
          },
        },
        motion_state_ids: { type: "relation-list", collection: "motion_state", fields: { name: null, css_class: null, recommendation_label: null } },
      },
    },
  ],
  agenda: [
    {
      collection: "meeting",
      ids: [1],
      fields: {
        agenda_item_ids: {
          type: "relation-list",
          collection: "agenda_item",
          fields: {
            item_number: null, content_object_id: null, type: null, is_hidden: null, is_internal: null, weight: null, parent_id: null, level: null,
            duration: null, comment: null,
          },
        },
        list_of_speakers_ids: { type: "relation-list", collection: "list_of_speakers", fields: { closed: null, speaker_ids: null, content_object_id: null } },
      },
    },
  ],
  participants: [
    {
      collection: "meeting",
      ids: [1],
      fields: {
        meeting_user_ids: {
          type: "relation-list",
          collection: "meeting_user",
          fields: { group_ids: null, structure_level_ids: null, vote_weight: null, number: null, user_id: { type: "relation", collection: "user", fields: user } },
        },
        group_ids: { type: "relation-list", collection: "group", fields: { name: null, permissions: null } },
      },
    },
  ],
};

interface Stream {
  firstLine: Promise<{ at: number; bytes: number }>;
  waitFor(text: string): Promise<number>;
  close(): void;
}

/**
 * A stream of the autoupdate. The first line is only measured (time, size); later lines are
 * decoded (zstd with `compress`, as the official client asks) and searched by waitFor.
 */
function openStream(server: StartedServer, client: Client, body: unknown, agent: Agent, compress = false): Stream {
  let pending = "";
  let later = "";
  let first: { at: number; bytes: number } | undefined;
  let resolveFirst!: (value: { at: number; bytes: number }) => void;
  const firstLine = new Promise<{ at: number; bytes: number }>((resolve) => (resolveFirst = resolve));
  const watchers: Array<{ text: string; resolve: (time: number) => void }> = [];
  const headers = { authentication: client.token!, cookie: client.cookie!, "content-type": "application/json" };
  const decode = (line: string) => (compress ? new TextDecoder().decode(decompress(Buffer.from(line, "base64"))) : line);
  const req = request(`${server.url}/system/autoupdate${compress ? "?compress=1" : ""}`, { method: "POST", headers, agent }, (res) => {
    if (res.statusCode !== 200) res.on("data", (chunk: Buffer) => console.error(`autoupdate answered ${res.statusCode}: ${chunk.toString().slice(0, 200)}`));
    res.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!first) resolveFirst((first = { at: performance.now(), bytes: Buffer.byteLength(line) }));
        else later = (later + decode(line)).slice(-100_000);
      }
      for (const watcher of watchers.splice(0)) {
        if (later.includes(watcher.text)) watcher.resolve(performance.now());
        else watchers.push(watcher);
      }
    });
    res.on("error", () => undefined);
  });
  req.on("error", () => undefined);
  req.end(JSON.stringify(body));
  return {
    firstLine,
    waitFor: (text) => new Promise((resolve) => (later.includes(text) ? resolve(performance.now()) : watchers.push({ text, resolve }))),
    close: () => req.destroy(),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

async function firstLines(server: StartedServer, clients: Record<string, Client>): Promise<Array<Record<string, unknown>>> {
  const rows = [];
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  for (const [who, client] of Object.entries(clients)) {
    for (const [name, body] of Object.entries(REQUESTS)) {
      for (const compress of [false, true]) {
        const start = performance.now();
        const stream = openStream(server, client, body, agent, compress);
        const { at, bytes } = await stream.firstLine;
        stream.close();
        rows.push({ user: who, request: name, compressed: compress, "first line ms": round(at - start), "first line KiB": round(bytes / 1024) });
      }
    }
  }
  agent.destroy();
  return rows;
}

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

async function logIn(server: StartedServer, usernames: string[]): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < usernames.length; i += 20) {
    clients.push(...(await Promise.all(usernames.slice(i, i + 20).map(async (username) => {
      const client = new Client(server.url);
      await client.login(username, "pw");
      return client;
    }))));
  }
  return clients;
}

interface Measured {
  /** Time from opening to each first line, ascending. */
  firstLines: number[];
  memoryMiB: number;
  /** From motion.update to the last watched stream having the new title. */
  renameMs: number;
}

/** Opens the streams at once, waits for every first line, renames a motion and waits until the watched streams have it. */
async function connectAndRename(server: StartedServer, admin: Client, motionId: number, open: (agent: Agent) => Stream[], watched: (streams: Stream[]) => Stream[]): Promise<Measured> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = rssMiB(server.process.pid!);
  const start = performance.now();
  const streams = open(agent);
  const lines = await Promise.all(streams.map((stream) => stream.firstLine));
  const firstLines = lines.map((line) => line.at - start).sort((a, b) => a - b);
  const memoryMiB = rssMiB(server.process.pid!) - before;
  const title = `Renamed ${streams.length} ${Date.now()}`;
  const arrived = Promise.all(watched(streams).map((stream) => stream.waitFor(title)));
  const sent = performance.now();
  await act(admin, "motion.update", [{ id: motionId, title }]);
  const renameMs = Math.max(...(await arrived)) - sent;
  for (const stream of streams) stream.close();
  agent.destroy();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { firstLines, memoryMiB, renameMs };
}

/** Each client with the three requests (motions, agenda, participants); the motion streams are watched. */
async function threeStreamsEach(server: StartedServer, admin: Client, clients: Client[], motionId: number): Promise<Record<string, unknown>> {
  const measured = await connectAndRename(
    server, admin, motionId,
    (agent) => clients.flatMap((client) => Object.values(REQUESTS).map((body) => openStream(server, client, body, agent))),
    (streams) => streams.filter((_, index) => index % 3 === 0),
  );
  return { users: clients.length, streams: clients.length * 3, "all first lines ms": round(measured.firstLines.at(-1)!), "motion title to last motion stream ms": round(measured.renameMs) };
}

/** N different delegates, one motion-list stream each: first lines, memory per stream, one motion's new title to the last of them. */
async function clientsOfTheMeeting(server: StartedServer, admin: Client, clients: Client[], motionId: number, compress: boolean): Promise<Record<string, unknown>> {
  const measured = await connectAndRename(
    server, admin, motionId,
    (agent) => clients.map((client) => openStream(server, client, REQUESTS.motions, agent, compress)),
    (streams) => streams,
  );
  return {
    clients: clients.length,
    compressed: compress,
    "all first lines ms": round(measured.firstLines.at(-1)!),
    "median first line ms": round(measured.firstLines[measured.firstLines.length >> 1]!),
    "motion title to last client ms": round(measured.renameMs),
    "server KiB per stream": round((measured.memoryMiB * 1024) / clients.length),
  };
}

export async function run(): Promise<void> {
  const { server, usernames, motionIds } = await startLargeMeeting({ users: USERS, motions: MOTIONS, topics: TOPICS });
  try {
    const admin = new Client(server.url);
    await admin.login("admin", "admin");
    const delegate = new Client(server.url);
    await delegate.login(usernames[0]!, "pw");
    console.table(await firstLines(server, { superadmin: admin, delegate }));
    const loggingIn = performance.now();
    const clients = await logIn(server, usernames.slice(0, Math.max(STREAM_USERS, ...CLIENT_COUNTS)));
    console.log(`logged in ${clients.length} delegates in ${round((performance.now() - loggingIn) / 1000)} s`);
    console.table([await threeStreamsEach(server, admin, clients.slice(0, STREAM_USERS), motionIds[0]!)]);
    const rows = [];
    for (const count of CLIENT_COUNTS) {
      for (const compress of [true, false]) rows.push(await clientsOfTheMeeting(server, admin, clients.slice(0, count), motionIds[1]!, compress));
    }
    console.table(rows);
  } finally {
    await server.stop();
  }
}
