// Autoupdate on a generated large meeting (issue 6): meeting 1 of the example data grows through
// the action service to LARGE_USERS participants, LARGE_MOTIONS motions and LARGE_TOPICS topics
// with speakers. Then, for the superadmin and for a delegate: the first line of the client's
// motion list, agenda and participant list (time and size, plain and zstd-compressed); and for
// LARGE_STREAMS different delegates (no result sharing between users) each with those three
// streams: time until all first lines, and time until a motion's new title reached every stream.
// Run: npm run bench -- large-meeting
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import type { StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";
import { act, startLargeMeeting } from "./support/large-meeting-data.js";

const USERS = Number(process.env.LARGE_USERS ?? 300);
const MOTIONS = Number(process.env.LARGE_MOTIONS ?? 1000);
const TOPICS = Number(process.env.LARGE_TOPICS ?? 300);
const STREAM_USERS = Number(process.env.LARGE_STREAMS ?? 200);

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

function openStream(server: StartedServer, client: Client, body: unknown, agent: Agent, compress = false): Stream {
  let buffer = "";
  let resolveFirst!: (value: { at: number; bytes: number }) => void;
  const firstLine = new Promise<{ at: number; bytes: number }>((resolve) => (resolveFirst = resolve));
  const watchers: Array<{ text: string; resolve: (time: number) => void }> = [];
  const headers = { authentication: client.token!, cookie: client.cookie!, "content-type": "application/json" };
  const req = request(`${server.url}/system/autoupdate${compress ? "?compress=1" : ""}`, { method: "POST", headers, agent }, (res) => {
    if (res.statusCode !== 200) res.on("data", (chunk: Buffer) => console.error(`autoupdate answered ${res.statusCode}: ${chunk.toString().slice(0, 200)}`));
    res.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf("\n");
      if (newline >= 0) resolveFirst({ at: performance.now(), bytes: Buffer.byteLength(buffer.slice(0, newline)) });
      for (const watcher of watchers.splice(0)) {
        if (buffer.includes(watcher.text)) watcher.resolve(performance.now());
        else watchers.push(watcher);
      }
      if (watchers.length === 0 && buffer.length > 1_000_000) buffer = buffer.slice(-1000);
    });
    res.on("error", () => undefined);
  });
  req.on("error", () => undefined);
  req.end(JSON.stringify(body));
  return {
    firstLine,
    waitFor: (text) => new Promise((resolve) => (buffer.includes(text) ? resolve(performance.now()) : watchers.push({ text, resolve }))),
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

async function manyUsers(server: StartedServer, admin: Client, usernames: string[], motionId: number): Promise<Record<string, unknown>> {
  const clients: Client[] = [];
  for (const username of usernames.slice(0, STREAM_USERS)) {
    const client = new Client(server.url);
    await client.login(username, "pw");
    clients.push(client);
  }
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const start = performance.now();
  const streams = clients.flatMap((client) => Object.values(REQUESTS).map((body) => openStream(server, client, body, agent)));
  const lines = await Promise.all(streams.map((stream) => stream.firstLine));
  const allConnected = Math.max(...lines.map((line) => line.at)) - start;
  const title = `Renamed ${Date.now()}`;
  const motionStreams = streams.filter((_, index) => index % 3 === 0);
  const arrived = Promise.all(motionStreams.map((stream) => stream.waitFor(title)));
  const sent = performance.now();
  await act(admin, "motion.update", [{ id: motionId, title }]);
  const last = Math.max(...(await arrived));
  for (const stream of streams) stream.close();
  agent.destroy();
  return { users: clients.length, streams: streams.length, "all first lines ms": round(allConnected), "motion title to last motion stream ms": round(last - sent) };
}

export async function run(): Promise<void> {
  const { server, usernames, motionIds } = await startLargeMeeting({ users: USERS, motions: MOTIONS, topics: TOPICS });
  try {
    const admin = new Client(server.url);
    await admin.login("admin", "admin");
    const delegate = new Client(server.url);
    await delegate.login(usernames[0]!, "pw");
    console.table(await firstLines(server, { superadmin: admin, delegate }));
    console.table([await manyUsers(server, admin, usernames, motionIds[0]!)]);
  } finally {
    await server.stop();
  }
}
