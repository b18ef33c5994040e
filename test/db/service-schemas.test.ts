// The vote and media tables exist as soon as the database is opened (src/db/service-schemas.ts):
// ballots and uploads do not check for or create them per request.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, openTestDatabase } from "../support/database.js";
import { storeBallot, startPoll } from "../../src/vote/store.js";
import { loadFile, storeFile } from "../../src/media/storage.js";

for (const engine of ENGINES) {
  test(`opening the database creates the vote and media tables (${engine})`, async () => {
    const td = await openTestDatabase(engine);
    try {
      const [row] = await td.db.query<{ vote: boolean; media: boolean }>(
        "SELECT to_regclass('vote.ballot') IS NOT NULL AS vote, to_regclass('media.mediafile_data') IS NOT NULL AS media",
      );
      assert.deepEqual(row, { vote: true, media: true });
      // Only the store's own statements run inside the transactions.
      const statements: string[] = [];
      await td.db.transaction(async (tx) => {
        const recording = { query: <Row>(sql: string, params?: unknown[]) => (statements.push(sql), tx.query<Row>(sql, params)) };
        await startPoll(recording, 7);
        assert.equal(await storeBallot(recording, 7, 1, JSON.stringify({ value: "Y" })), "ok");
        await storeFile(recording, 3, Buffer.from("bytes"), "text/plain");
      });
      assert.deepEqual(statements.filter((sql) => /CREATE|to_regclass/i.test(sql)), []);
      assert.equal((await loadFile(td.db, 3))?.data.toString(), "bytes");
    } finally {
      await td.close();
    }
  });
}
