// Memory of the in-memory state (src/state): the example data, then the example data plus a
// generated large meeting, on the external PostgreSQL (TEST_DATABASE_* / localhost). For
// comparison the same models held as plain objects in maps (what a naive cache would keep).
// Run: npm run build && node --expose-gc dist/bench/state-memory.js   (results: bench/state-memory.md)
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SqlDatabase } from "../src/db/database.js";
import { PostgresEngine } from "../src/db/engine/postgres-engine.js";
import type { Database, Model, WriteEvent } from "../src/db/types.js";
import { CollectionStore } from "../src/state/collection-store.js";
import { FIELD_TABLES } from "../src/state/fields.js";
import { LiveState, openState } from "../src/state/state.js";
import { adminQuery, createExternalDatabase, externalServer } from "../test/support/database.js";
import { loadExampleData } from "../test/state/support/example-data.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

function heapUsed(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => (Math.abs(bytes) < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Large meeting sizes: participants, motions, topics, speakers, polls with one vote per participant. */
const SIZE = { users: 3000, motions: 1500, topics: 300, speakers: 6000, polls: 30 };

function lorem(length: number): string {
  const words = "lorem ipsum dolor sit amet consectetuer adipiscing elit aenean commodo ligula eget dolor massa".split(" ");
  let text = "<p>";
  for (let i = 0; text.length < length; i++) text += `${words[i % words.length]} `;
  return `${text}</p>`;
}

/** Adds a large amount of data to meeting 1 of the example data, in a few transactions. */
async function generateLargeMeeting(db: Database): Promise<void> {
  // The example data was inserted with explicit ids (sequences untouched): new ids start above it.
  const ids = (count: number) => Array.from({ length: count }, (_, index) => 1000 + index);
  const [userIds, meetingUserIds, motionIds, losIds, agendaIds, topicIds, submitterIds, speakerIds, pollIds, optionIds, voteIds] = [
    ids(SIZE.users),
    ids(SIZE.users),
    ids(SIZE.motions),
    ids(SIZE.motions + SIZE.topics),
    ids(SIZE.motions / 3 + SIZE.topics),
    ids(SIZE.topics),
    ids(SIZE.motions),
    ids(SIZE.speakers),
    ids(SIZE.polls),
    ids(SIZE.polls),
    ids(SIZE.polls * SIZE.users),
  ];
  const write = (events: WriteEvent[]) => db.transaction((tx) => tx.write(events));

  const people: WriteEvent[] = [];
  userIds!.forEach((id, index) => {
    people.push({
      type: "create",
      fqid: `user/${id}`,
      fields: {
        username: `delegate${index}`,
        first_name: `First${index}`,
        last_name: `Last${index}`,
        email: `delegate${index}@example.org`,
        is_active: true,
        is_physical_person: true,
        default_vote_weight: "1.000000",
        organization_id: 1,
      },
    });
    people.push({
      type: "create",
      fqid: `meeting_user/${meetingUserIds![index]}`,
      fields: { user_id: id, meeting_id: 1, number: `${10000 + index}`, vote_weight: "1.000000" },
    });
  });
  people.push({ type: "update", fqid: "group/3", fields: { meeting_user_ids: meetingUserIds } });
  await write(people);

  const agenda: WriteEvent[] = [];
  let los = 0;
  let item = 0;
  topicIds!.forEach((id, index) => {
    const losId = losIds![los++]!;
    const itemId = agendaIds![item++]!;
    agenda.push({ type: "create", fqid: `topic/${id}`, fields: { title: `Topic ${index}`, text: lorem(800), agenda_item_id: itemId, list_of_speakers_id: losId, meeting_id: 1 } });
    agenda.push({ type: "create", fqid: `agenda_item/${itemId}`, fields: { content_object_id: `topic/${id}`, type: "common", weight: index, meeting_id: 1 } });
    agenda.push({ type: "create", fqid: `list_of_speakers/${losId}`, fields: { content_object_id: `topic/${id}`, closed: false, meeting_id: 1 } });
  });
  motionIds!.forEach((id, index) => {
    const losId = losIds![los++]!;
    agenda.push({
      type: "create",
      fqid: `motion/${id}`,
      fields: {
        title: `Motion ${index}`,
        number: `G${index}`,
        text: lorem(1500),
        reason: lorem(500),
        state_id: 1,
        created: 1700000000 + index,
        list_of_speakers_id: losId,
        meeting_id: 1,
      },
    });
    agenda.push({ type: "create", fqid: `list_of_speakers/${losId}`, fields: { content_object_id: `motion/${id}`, closed: false, meeting_id: 1 } });
    agenda.push({
      type: "create",
      fqid: `motion_submitter/${submitterIds![index]}`,
      fields: { motion_id: id, meeting_user_id: meetingUserIds![index % SIZE.users], weight: 1, meeting_id: 1 },
    });
    if (index % 3 === 0) {
      const itemId = agendaIds![item++]!;
      agenda.push({ type: "create", fqid: `agenda_item/${itemId}`, fields: { content_object_id: `motion/${id}`, type: "common", weight: 1000 + index, meeting_id: 1 } });
    }
  });
  speakerIds!.forEach((id, index) => {
    agenda.push({
      type: "create",
      fqid: `speaker/${id}`,
      fields: { list_of_speakers_id: losIds![index % losIds!.length], meeting_user_id: meetingUserIds![index % SIZE.users], weight: index, meeting_id: 1 },
    });
  });
  await write(agenda);

  for (let poll = 0; poll < SIZE.polls; poll++) {
    const events: WriteEvent[] = [
      {
        type: "create",
        fqid: `poll/${pollIds![poll]}`,
        fields: {
          title: "Vote",
          type: "named",
          backend: "fast",
          pollmethod: "YNA",
          onehundred_percent_base: "YNA",
          state: "finished",
          content_object_id: `motion/${motionIds![poll]}`,
          meeting_id: 1,
        },
      },
      {
        type: "create",
        fqid: `option/${optionIds![poll]}`,
        fields: { poll_id: pollIds![poll], content_object_id: `motion/${motionIds![poll]}`, yes: "1000.000000", no: "1000.000000", abstain: "1000.000000", meeting_id: 1 },
      },
    ];
    for (let voter = 0; voter < SIZE.users; voter++) {
      events.push({
        type: "create",
        fqid: `vote/${voteIds![poll * SIZE.users + voter]}`,
        fields: {
          weight: "1.000000",
          value: ["Y", "N", "A"][voter % 3],
          user_token: randomBytes(8).toString("hex"),
          option_id: optionIds![poll],
          user_id: userIds![voter],
          delegated_user_id: userIds![voter],
          meeting_id: 1,
        },
      });
    }
    await write(events);
  }
}

type Variant = "state" | "reader-objects" | "collection-stores";
const VARIANTS: Variant[] = ["state", "reader-objects", "collection-stores"];

async function readAll(db: SqlDatabase): Promise<Map<string, Map<number, Model>>> {
  const all = new Map<string, Map<number, Model>>();
  for (const [collection, table] of FIELD_TABLES) all.set(collection, await db.filter(collection, undefined, [...table.viewFields]));
  return all;
}

/**
 * Holds the data in one variant; returns what must stay alive while the heap is measured.
 * state: openState() (everything it keeps); reader-objects: the models as the database reader
 * returns them, in maps (a naive cache); collection-stores: the state's stores built from them.
 */
async function hold(db: SqlDatabase, variant: Variant): Promise<unknown> {
  if (variant === "state") return openState(db);
  const all = await readAll(db);
  if (variant === "reader-objects") return all;
  return [...all].map(([collection, byId]) => {
    const table = FIELD_TABLES.get(collection)!;
    const store = new CollectionStore(table);
    for (const [id, model] of byId) store.replace(id, model, table.viewFields);
    return store;
  });
}

/** One measurement per process, so that no variant sees another's garbage or shared values. */
async function measureInChild(variant: Variant, database: string): Promise<{ bytes: number; ms: number }> {
  const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--measure", variant, database], {
    env: process.env,
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`measuring ${variant} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { bytes: number; ms: number };
}

async function measureHere(variant: Variant, database: string): Promise<void> {
  const db = await openDatabase(database);
  try {
    const base = heapUsed();
    const started = performance.now();
    const held = await hold(db, variant);
    const ms = performance.now() - started;
    const bytes = heapUsed() - base;
    // Using `held` after measuring keeps it alive during the measurement.
    if (held instanceof LiveState) await held.close();
    process.stdout.write(JSON.stringify({ bytes, ms, kept: held !== undefined }));
  } finally {
    await db.close();
  }
}

async function describeData(db: SqlDatabase): Promise<string> {
  let models = 0;
  let fields = 0;
  let jsonBytes = 0;
  const counts: Array<[string, number]> = [];
  for (const [collection, byId] of await readAll(db)) {
    counts.push([collection, byId.size]);
    for (const model of byId.values()) {
      models++;
      fields += Object.keys(model).length;
      jsonBytes += Buffer.byteLength(JSON.stringify(model));
    }
  }
  const largest = counts
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([collection, count]) => `${collection} ${count}`)
    .join(", ");
  return `${models} models, ${fields} fields, ${mb(jsonBytes)} as JSON (${largest})`;
}

async function report(name: string, db: SqlDatabase, database: string): Promise<void> {
  console.log(`${name}: ${await describeData(db)}`);
  for (const variant of VARIANTS) {
    const { bytes, ms } = await measureInChild(variant, database);
    console.log(`  ${variant.padEnd(16)} ${mb(bytes).padStart(9)}   loaded in ${ms.toFixed(0)} ms`);
  }
}

const openDatabase = (name: string) =>
  SqlDatabase.open(new PostgresEngine({ ...externalServer(), database: name, poolMax: 5 }), { maxRetries: 3, retryPauseMs: 50 });

/** BENCH_DATABASE=<name> keeps (and reuses) that database instead of a temporary one. */
async function benchDatabaseName(): Promise<string> {
  const kept = process.env.BENCH_DATABASE;
  if (!kept) return (await createExternalDatabase("bench_state")).name;
  await onServer(`CREATE DATABASE ${kept}`).catch(() => undefined);
  return kept;
}

const onServer = adminQuery;

const dropDatabase = (name: string) => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

async function main(): Promise<void> {
  const name = await benchDatabaseName();
  const db = await openDatabase(name);
  try {
    if ((await db.query("SELECT id FROM organization_t")).length === 0) await loadExampleData(db);
    if ((await db.query("SELECT id FROM vote_t WHERE id >= 1000 LIMIT 1")).length === 0) {
      await report("example data", db, name);
      const started = performance.now();
      await generateLargeMeeting(db);
      console.log(`generated the large meeting in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await report("example data + large meeting", db, name);
  } finally {
    await db.close();
    if (!process.env.BENCH_DATABASE) await dropDatabase(name);
  }
}

/** Entry for `npm run bench` (bench/run.mjs). */
export const run = main;

// Run directly, the script measures one variant per child process (`--measure`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [flag, variant, database] = process.argv.slice(2);
  if (flag === "--measure") await measureHere(variant as Variant, database!);
  else await main();
}
