// A transaction committed with readYourWrites (an action) gets its own change log back in its
// COMMIT message: its notification is delivered from those rows, without reading the log again.
// Other transactions' notifications still read the log. The engine is the real one; the test only
// records the statements it is asked to run.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { createExternalDatabase, externalServer } from "../support/database.js";
import { PostgresEngine } from "../../src/db/engine/postgres-engine.js";
import { SqlDatabase } from "../../src/db/database.js";
import type { ChangeSet } from "../../src/db/types.js";

const LOG_READ = "FROM os_notify_log_t WHERE xact_id = $1::xid8";

describe("own commits deliver their prefetched log", () => {
  const statements: string[] = [];
  const changes: ChangeSet[] = [];
  let db: SqlDatabase;
  let drop: () => Promise<void>;
  let databaseName = "";
  before(async () => {
    const created = await createExternalDatabase();
    databaseName = created.name;
    drop = created.drop;
    const engine = new PostgresEngine({ ...externalServer(), database: created.name, poolMax: 5 });
    const query = engine.query.bind(engine);
    engine.query = ((sql: string, params?: unknown[]) => {
      statements.push(sql);
      return query(sql, params);
    }) as typeof engine.query;
    db = await SqlDatabase.open(engine, { maxRetries: 3, retryPauseMs: 50 });
    db.onChange((change) => changes.push(change));
  });
  after(async () => {
    await db?.close();
    await drop?.();
  });

  const logReads = () => statements.filter((sql) => sql.includes(LOG_READ)).length;
  const deliveredOf = (fqid: string) => changes.find((change) => change.entries.some((entry) => entry.fqid === fqid));

  test("a readYourWrites commit is delivered with its entries and no log read", async () => {
    const before = logReads();
    await db.transaction(
      (tx) =>
        tx.write([
          { type: "create", fqid: "theme/1", fields: { id: 1, name: "Blue", organization_id: 1 } },
          { type: "create", fqid: "organization/1", fields: { id: 1, name: "Org", theme_id: 1 } },
        ]),
      { readYourWrites: true },
    );
    assert.ok(await db.ownCommitsAppliedWithin(10_000));
    const change = deliveredOf("theme/1");
    assert.ok(change, "the change was delivered");
    // As the log holds them: the inserts, and the updates of each side's relation field.
    assert.deepEqual(change.entries.map((entry) => `${entry.operation} ${entry.fqid}`).sort(), [
      "insert organization/1",
      "insert theme/1",
      "update organization/1",
      "update theme/1",
    ]);
    assert.equal(logReads(), before);
  });

  test("a commit without readYourWrites is read from the log", async () => {
    const before = logReads();
    await db.transaction((tx) => tx.write([{ type: "update", fqid: "theme/1", fields: { name: "Red" } }]));
    assert.ok(await db.caughtUpWithin(10_000));
    assert.ok(changes.some((change) => change.entries.some((entry) => entry.fqid === "theme/1" && entry.operation === "update")));
    assert.equal(logReads(), before + 1);
  });

  test("a COMMIT held up by a row lock does not hold up the delivery of other transactions", async () => {
    // Another session locks organization/1; the action's deferred foreign-key check of a new
    // gender waits for it inside the COMMIT message.
    const locker = new pg.Client({ ...externalServer(), database: databaseName });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("SELECT 1 FROM organization_t WHERE id = 1 FOR UPDATE");
      const held = db.transaction((tx) => tx.write([{ type: "create", fqid: "gender/5", fields: { id: 5, name: "Held", organization_id: 1 } }]), { readYourWrites: true });
      const heldDone = held.then(() => true);
      // Meanwhile another transaction commits: its change arrives while the first still waits.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const seen = changes.length;
      await db.transaction((tx) => tx.write([{ type: "update", fqid: "theme/1", fields: { name: "Meanwhile" } }]));
      const delivered = await waitFor(() => changes.slice(seen).some((change) => change.entries.some((entry) => entry.fqid === "theme/1")), 10_000);
      assert.ok(delivered, "the other transaction was delivered while the COMMIT waited");
      assert.equal(await Promise.race([heldDone, Promise.resolve(false)]), false, "the first COMMIT was still waiting");
      await locker.query("COMMIT");
      await held;
      assert.ok(await db.ownCommitsAppliedWithin(10_000));
      assert.ok(deliveredOf("gender/5"));
    } finally {
      await locker.end();
    }
  });
});

/** Polls until the condition holds or the time is up. */
async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}
