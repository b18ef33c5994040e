// Embedded (PGlite) vs a real PostgreSQL server through the same database layer: schema
// creation, single-row inserts with all triggers, 100-row transactions, reads by id.
// Run: npm run bench -- database-engine   (external server from TEST_DATABASE_* like the tests)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PGliteEngine } from "../src/db/engine/pglite-engine.js";
import { PostgresEngine } from "../src/db/engine/postgres-engine.js";
import type { SqlEngine } from "../src/db/engine/engine.js";
import { SqlDatabase } from "../src/db/database.js";
import { createExternalDatabase, externalServer } from "../test/support/database.js";

interface Result {
  engine: string;
  openAndSchemaMs: number;
  insertMsPerRow: number;
  transaction100Ms: number;
  getMsPerRead: number;
}

async function measure(name: string, open: () => Promise<SqlEngine>): Promise<Result> {
  let start = performance.now();
  const db = await SqlDatabase.open(await open(), { maxRetries: 3, retryPauseMs: 50 });
  const openAndSchemaMs = performance.now() - start;
  await db.transaction((tx) =>
    tx.write([
      { type: "create", fqid: "theme/1", fields: { name: "T", organization_id: 1 } },
      { type: "create", fqid: "organization/1", fields: { name: "O", theme_id: 1 } },
    ]),
  );
  const singles = 200;
  start = performance.now();
  for (let i = 1; i <= singles; i++) await db.transaction((tx) => tx.write([{ type: "create", fqid: `gender/${i}`, fields: { name: `g${i}` } }]));
  const insertMsPerRow = (performance.now() - start) / singles;
  start = performance.now();
  await db.transaction((tx) => tx.write(Array.from({ length: 100 }, (_, i) => ({ type: "create" as const, fqid: `user/${i + 1}`, fields: { username: `u${i}` } }))));
  const transaction100Ms = performance.now() - start;
  start = performance.now();
  for (let i = 1; i <= singles; i++) await db.get(`user/${(i % 100) + 1}`);
  const getMsPerRead = (performance.now() - start) / singles;
  await db.close();
  return { engine: name, openAndSchemaMs, insertMsPerRow, transaction100Ms, getMsPerRead };
}

export async function run(): Promise<void> {
  const results: Result[] = [];
  const dir = mkdtempSync(join(tmpdir(), "bench-pglite-"));
  results.push(await measure("embedded PGlite (new folder)", () => PGliteEngine.open(dir)));
  const reopenStart = performance.now();
  await (await SqlDatabase.open(await PGliteEngine.open(dir), { maxRetries: 3, retryPauseMs: 50 })).close();
  const reopenMs = performance.now() - reopenStart;
  rmSync(dir, { recursive: true, force: true });
  const created = await createExternalDatabase("bench");
  try {
    results.push(await measure("external PostgreSQL", async () => new PostgresEngine({ ...externalServer(), database: created.name, poolMax: 5 })));
  } finally {
    await created.drop();
  }
  console.log(`PGlite reopen of an existing folder: ${reopenMs.toFixed(0)} ms`);
  console.table(results.map((result) => Object.fromEntries(Object.entries(result).map(([key, value]) => [key, typeof value === "number" ? Number(value.toFixed(2)) : value]))));
}
