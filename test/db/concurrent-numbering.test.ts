// Concurrent motion.create in one meeting on the real server, both engines, with the default 1 s
// thread watch: the requests queue on the per-meeting numbering lock (src/action/shared/numbering.ts)
// instead of colliding on the unique index and retrying. All answer 200, and numbers and
// sequential numbers follow each other without gaps: a retried insert would have used up a
// sequential number (the sequence does not roll back), so no gap also means no retry. Motion ids
// stay dense too, although attempts that learn of the lock late start again.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import { Client } from "../support/http.js";
import { startServer } from "../support/server.js";

const CLIENTS = 12;

const consecutive = (values: number[]) => values.every((value, index) => index === 0 || value === values[index - 1]! + 1);

for (const engine of ENGINES) {
  describe(`Transaction.lockNumbering (${engine})`, () => {
    let td: TestDatabase;
    before(async () => {
      td = await openTestDatabase(engine);
      await td.db.query("CREATE TABLE numbering_probe (n integer)");
    });
    after(() => td?.close());

    const count = async (tx: { query<Row>(sql: string): Promise<Row[]> }) =>
      (await tx.query<{ count: number }>("SELECT count(*)::integer AS count FROM numbering_probe"))[0]!.count;

    test("without concurrency the transaction runs once and keeps its snapshot", async () => {
      let attempts = 0;
      await td.db.transaction(async (tx) => {
        attempts++;
        await count(tx);
        const reader = await tx.lockNumbering("probe", 1);
        assert.equal(reader, tx);
        await tx.query("INSERT INTO numbering_probe VALUES (1)");
      });
      assert.equal(attempts, 1);
    });

    test("a snapshot older than the previous holder's commit: started again with the lock first", async () => {
      let release!: () => void;
      const otherCommitted = new Promise<void>((resolve) => (release = resolve));
      const seen: number[] = [];
      const first = td.db.transaction(async (tx) => {
        seen.push(await count(tx)); // the snapshot is taken here
        if (seen.length === 1) await otherCommitted;
        const reader = await tx.lockNumbering("probe", 2);
        seen.push(await count(reader as typeof tx));
        await tx.query("INSERT INTO numbering_probe VALUES (3)");
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await td.db.transaction(async (tx) => {
        await tx.lockNumbering("probe", 2);
        await tx.query("INSERT INTO numbering_probe VALUES (2)");
      });
      release();
      await first;
      // Attempt 1 read 1 row and ended at the lock; attempt 2 (lock before snapshot) saw 2 rows twice.
      assert.deepEqual(seen, [1, 2, 2]);
      assert.equal(await count(td.db), 3);
    });

    test("ids reserved by an attempt that started again are handed out again, not burned", async () => {
      let release!: () => void;
      const otherCommitted = new Promise<void>((resolve) => (release = resolve));
      const reserved: number[][] = [];
      const first = td.db.transaction(async (tx) => {
        await count(tx);
        reserved.push(await tx.reserveIds("tag", 2));
        if (reserved.length === 1) await otherCommitted;
        await tx.lockNumbering("probe", 3);
        reserved.push(await tx.reserveIds("tag", 1));
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await td.db.transaction(async (tx) => {
        await tx.lockNumbering("probe", 3);
        await tx.query("INSERT INTO numbering_probe VALUES (4)");
      });
      release();
      await first;
      const [a, b] = reserved[0]!;
      // Attempt 1 took a and b and ended at the lock; attempt 2 got them back, then one fresh id.
      assert.deepEqual(reserved, [[a, b], [a, b], [b! + 1]]);
    });

    test("reserveIdsOfCollections: one statement for several sequences; a restarted attempt gets its ids back, then fresh ones", async () => {
      let release!: () => void;
      const otherCommitted = new Promise<void>((resolve) => (release = resolve));
      const reserved: number[][][] = [];
      const first = td.db.transaction(async (tx) => {
        await count(tx);
        reserved.push(await tx.reserveIdsOfCollections([["tag", 1], ["gender", 2]]));
        if (reserved.length === 1) await otherCommitted;
        await tx.lockNumbering("probe", 7);
        if (reserved.length === 2) reserved.push(await tx.reserveIdsOfCollections([["gender", 1], ["tag", 2]]));
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await td.db.transaction(async (tx) => {
        await tx.lockNumbering("probe", 7);
        await tx.query("INSERT INTO numbering_probe VALUES (8)");
      });
      release();
      await first;
      const [[tag], [g1, g2]] = reserved[0]! as [[number], [number, number]];
      assert.equal(g2, g1 + 1);
      assert.deepEqual(reserved.slice(1), [
        [[tag], [g1, g2]],
        [[g2 + 1], [tag + 1, tag + 2]],
      ]);
    });

    test("other keys and other kinds do not wait for each other", async () => {
      await td.db.transaction(async (tx) => {
        await tx.lockNumbering("probe", 5);
        await td.db.transaction(async (inner) => {
          await inner.lockNumbering("probe", 6);
          await inner.lockNumbering("other", 5);
        });
      });
    });
  });

  describe(`concurrent motion.create (${engine})`, () => {
    test(`${CLIENTS} clients at once: all 200, distinct numbers without gaps`, async () => {
      const server = await startServer({ database: engine });
      try {
        const clients = await Promise.all(
          Array.from({ length: CLIENTS }, async () => {
            const client = new Client(server.url);
            await client.login("admin", "admin");
            return client;
          }),
        );
        // Distinct texts: motions with identical texts are linked to each other (identical_motion_ids), more work per create.
        const create = (client: Client, title: string) =>
          client.post("/system/action/handle_request", [{ action: "motion.create", data: [{ meeting_id: 1, title, text: `<p>${title}</p>`, workflow_id: 1 }] }]);
        // A few motions first (a cold process is slower), so the meeting's sequence exists and the starting point is known.
        let start = { id: 0, sequential_number: 0 };
        for (const title of ["First", "Second", "Third"]) {
          const answer = await create(clients[0]!, title);
          assert.equal(answer.status, 200, answer.text);
          start = answer.body.results[0][0] as { id: number; sequential_number: number };
        }

        const answers = await Promise.all(clients.map((client, i) => create(client, `Concurrent ${i}`)));
        for (const answer of answers) assert.equal(answer.status, 200, answer.text);
        const results = answers.map((answer) => answer.body.results[0][0] as { id: number; sequential_number: number });
        // Attempts that started again under the lock reuse their ids: no id is burned.
        const ids = results.map((result) => result.id).sort((a, b) => a - b);
        assert.deepEqual(ids, Array.from({ length: CLIENTS }, (_, i) => start.id + 1 + i), `ids ${JSON.stringify(ids)}`);

        const sequential = results.map((result) => result.sequential_number).sort((a, b) => a - b);
        assert.deepEqual(
          sequential,
          Array.from({ length: CLIENTS }, (_, i) => start.sequential_number + 1 + i),
          `sequential numbers ${JSON.stringify(sequential)}`,
        );

        const numbers = await motionNumbers(clients[0]!, [start.id, ...results.map((result) => result.id)]);
        const values = numbers.map((number) => Number(number)).sort((a, b) => a - b);
        assert.equal(new Set(numbers).size, CLIENTS + 1, `numbers ${JSON.stringify(numbers)}`);
        assert.ok(consecutive(values), `numbers ${JSON.stringify(values)}`);
      } finally {
        await server.stop();
      }
    });
  });
}

/** The motions' numbers, once the server's state (which follows the database) has them all. */
async function motionNumbers(client: Client, ids: number[]): Promise<string[]> {
  const keys = ids.map((id) => `motion/${id}/number`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await client.get(`/system/autoupdate?single=1&k=${keys.join(",")}`);
    const body = (answer.body ?? {}) as Record<string, unknown>;
    if (keys.every((key) => body[key] !== undefined)) return keys.map((key) => String(body[key]));
    if (Date.now() > deadline) throw new Error(`numbers did not arrive: ${answer.text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
