// The change feed after a lost LISTEN connection: a transaction that got its id before another
// one but commits after it, while the listening connection is down, must still be delivered
// (transaction ids follow the first write, not the commit), and nothing is delivered twice.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import type { ChangeSet } from "../../src/db/types.js";

const BASE = [
  { type: "create" as const, fqid: "theme/1", fields: { id: 1, name: "Blue", organization_id: 1 } },
  { type: "create" as const, fqid: "organization/1", fields: { id: 1, name: "Org", theme_id: 1 } },
  { type: "create" as const, fqid: "user/1", fields: { id: 1, username: "admin" } },
];

for (const engine of ENGINES) {
  describe(`change feed catch-up (${engine})`, () => {
    let td: TestDatabase;
    const changes: ChangeSet[] = [];
    before(async () => {
      td = await openTestDatabase(engine);
      await td.db.transaction((tx) => tx.write(BASE));
      assert.ok(await td.db.caughtUpWithin(10_000));
      td.db.onChange((change) => changes.push(change));
    });
    after(() => td?.close());

    const deliveriesOf = (fqid: string) => changes.filter((change) => change.entries.some((entry) => entry.fqid === fqid));

    test("an older transaction committed while the listener was down is caught up, the newer one not repeated", async () => {
      let commitOlder!: () => void;
      const olderMayCommit = new Promise<void>((resolve) => (commitOlder = resolve));
      let olderWrote!: () => void;
      const olderHasWritten = new Promise<void>((resolve) => (olderWrote = resolve));
      // The older transaction takes its id with its first write and stays open.
      const older = td.db.engine.withTransaction(async (session) => {
        await session.query("UPDATE theme_t SET name = 'Older' WHERE id = 1");
        olderWrote();
        await olderMayCommit;
      });
      await olderHasWritten;

      // A newer transaction (higher id) commits and is delivered while the older one is open.
      await td.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/1", fields: { username: "newer" } }]));
      assert.ok(await td.db.caughtUpWithin(10_000));
      assert.equal(deliveriesOf("user/1").length, 1);
      assert.equal(deliveriesOf("theme/1").length, 0);

      // The listening connection dies; the older transaction commits before it listens again
      // (the first attempt to listen again waits 250 ms).
      const { rows } = await td.db.engine.query<{ terminated: boolean }>(
        "SELECT pg_terminate_backend(pid, 5000) AS terminated FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
      );
      assert.deepEqual(
        rows.map((row) => row.terminated),
        [true],
      );
      commitOlder();
      await older;

      assert.ok(await td.db.caughtUpWithin(15_000));
      assert.equal(deliveriesOf("theme/1").length, 1, "the older transaction's change was delivered");
      assert.equal(deliveriesOf("user/1").length, 1, "the newer transaction was not delivered again");
      const older_ = deliveriesOf("theme/1")[0]!;
      const newer = deliveriesOf("user/1")[0]!;
      assert.ok(BigInt(older_.xactId) < BigInt(newer.xactId), "the caught-up transaction has the lower id");
    });

    test("after the catch-up, changes arrive on the new listening connection", async () => {
      await td.db.transaction((tx) => tx.write([{ type: "update", fqid: "organization/1", fields: { name: "Org 2" } }]));
      assert.ok(await td.db.caughtUpWithin(10_000));
      assert.equal(deliveriesOf("organization/1").length, 1);
    });
  });
}
