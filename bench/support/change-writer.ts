// A second process for the engine benchmark: opens the same database (argv[2] = JSON of
// {kind: "embedded", dataDir} or {kind: "external", database}), commits argv[3] transactions that
// each create one gender, and prints "<fqid> <epoch ms after commit>" per transaction.
import { performance } from "node:perf_hooks";
import { SqlDatabase } from "../../src/db/database.js";
import { openEmbeddedEngine } from "../../src/db/engine/embedded-engine.js";
import { PostgresEngine } from "../../src/db/engine/postgres-engine.js";
import { EMBEDDED_CREDENTIALS, externalServer } from "../../test/support/database.js";

const target = JSON.parse(process.argv[2] ?? "{}") as { kind: "embedded"; dataDir: string } | { kind: "external"; database: string };
const count = Number(process.argv[3] ?? 20);
const firstId = Number(process.argv[4] ?? 1000);
const engine =
  target.kind === "embedded"
    ? await openEmbeddedEngine({ ...EMBEDDED_CREDENTIALS, dataDir: target.dataDir, poolMax: 2 })
    : new PostgresEngine({ ...externalServer(), database: target.database, poolMax: 2 });
const db = await SqlDatabase.open(engine, { maxRetries: 3, retryPauseMs: 50 });
try {
  for (let i = 0; i < count; i++) {
    const fqid = `gender/${firstId + i}`;
    await db.transaction((tx) => tx.write([{ type: "create", fqid, fields: { name: `g${firstId + i}` } }]));
    console.log(`${fqid} ${performance.timeOrigin + performance.now()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
} finally {
  await db.close();
}
