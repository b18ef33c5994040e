import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import { openState, type LiveState } from "../../src/state/state.js";
import { loadExampleData, readExampleData } from "./support/example-data.js";
import { keysOfModel, nextChange, sorted, writeAndWait } from "./support/state-helpers.js";

const WRITER_PROCESS = fileURLToPath(new URL("./support/writer-process.js", import.meta.url));

for (const kind of ENGINES) {
  describe(`state on the ${kind} engine`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let state: LiveState;

    before(async () => {
      database = await openTestDatabase(kind);
      await loadExampleData(database.db);
      state = await openState(database.db);
    });

    after(async () => {
      await state?.close();
      await database?.close();
    });

    test("holds every model of the database after loading, encoded as the reader does", async () => {
      const data = readExampleData();
      for (const [collection, models] of Object.entries(data)) {
        const expectedIds = Object.keys(models).map(Number).sort((a, b) => a - b);
        assert.deepEqual(state.ids(collection), expectedIds, collection);
        const fromDatabase = await database.db.getMany(collection, expectedIds);
        for (const id of expectedIds) assert.deepEqual(state.get(`${collection}/${id}`), fromDatabase.get(id), `${collection}/${id}`);
      }
      assert.equal(state.getField("meeting_user", 1, "vote_weight"), "1.000000");
      assert.equal(state.getField("gender", 4, "user_ids"), undefined, "an empty relation list is absent");
      assert.equal(state.get("motion/999"), undefined);
      assert.equal(state.getField("motion", 1, "no_such_field"), undefined);
      assert.deepEqual(state.ids("no_such_collection"), []);
    });

    test("insert: the new model's fields and the reverse relation", async () => {
      const before = state.version;
      const change = await writeAndWait(database.db, state, [
        { type: "create", fqid: "tag/10", fields: { name: "Budget", meeting_id: 1, tagged_ids: ["motion/1"] } },
      ]);
      assert.equal(change.version, before + 1);
      assert.equal(state.version, before + 1);
      assert.equal(change.xactIds.length, 1);
      assert.deepEqual(
        sorted(change.keys),
        sorted([...(await keysOfModel(database.db, "tag/10")), "meeting/1/tag_ids", "motion/1/tag_ids"]),
      );
      assert.deepEqual(state.get("tag/10"), { id: 10, name: "Budget", meeting_id: 1, tagged_ids: ["motion/1"] });
      assert.deepEqual(state.getField("motion", 1, "tag_ids"), [10]);
      assert.deepEqual(state.getField("meeting", 1, "tag_ids"), [1, 2, 3, 10]);
      assert.deepEqual(state.ids("tag"), [1, 2, 3, 10]);
    });

    test("update of some fields: exactly the changed keys", async () => {
      const change = await writeAndWait(database.db, state, [
        { type: "update", fqid: "motion/1", fields: { title: "Budget 2026", reason: "<p>why</p>" } },
      ]);
      assert.deepEqual(sorted(change.keys), ["motion/1/reason", "motion/1/title"]);
      assert.equal(state.getField("motion", 1, "title"), "Budget 2026");
      assert.deepEqual(state.get("motion/1"), await database.db.get("motion/1"));
    });

    test("a field set to null disappears", async () => {
      const change = await writeAndWait(database.db, state, [{ type: "update", fqid: "motion/1", fields: { reason: null } }]);
      assert.deepEqual(sorted(change.keys), ["motion/1/reason"]);
      assert.equal(state.getField("motion", 1, "reason"), undefined);
      assert.equal(Object.hasOwn(state.get("motion/1")!, "reason"), false);
    });

    test("single relation moved: both old and new target change", async () => {
      const change = await writeAndWait(database.db, state, [{ type: "update", fqid: "user/1", fields: { gender_id: 4 } }]);
      assert.deepEqual(sorted(change.keys), ["gender/1/user_ids", "gender/4/user_ids", "user/1/gender_id"]);
      assert.equal(state.getField("gender", 1, "user_ids"), undefined);
      assert.deepEqual(state.getField("gender", 4, "user_ids"), [1]);
    });

    test("n:m relation list: both sides", async () => {
      const change = await writeAndWait(database.db, state, [
        // group/meeting_user_ids is the side whose writes fill the n:m table
        { type: "update", fqid: "group/2", fields: { meeting_user_ids: [1, 2] } },
      ]);
      assert.deepEqual(sorted(change.keys), ["group/2/meeting_user_ids", "meeting_user/2/group_ids"]);
      assert.deepEqual(state.getField("group", 2, "meeting_user_ids"), [1, 2]);
      assert.deepEqual(state.getField("meeting_user", 2, "group_ids"), [2, 5]);
    });

    test("generic relation list: both sides, list fields", async () => {
      const change = await writeAndWait(database.db, state, [
        { type: "update", fqid: "tag/10", list_fields: { add: { tagged_ids: ["agenda_item/1"] }, remove: { tagged_ids: ["motion/1"] } } },
      ]);
      assert.deepEqual(sorted(change.keys), ["agenda_item/1/tag_ids", "motion/1/tag_ids", "tag/10/tagged_ids"]);
      assert.equal(state.getField("motion", 1, "tag_ids"), undefined);
      assert.deepEqual(state.getField("agenda_item", 1, "tag_ids"), [10]);
      assert.deepEqual(state.getField("tag", 10, "tagged_ids"), ["agenda_item/1"]);
    });

    test("delete: every field of the model and the reverse relations", async () => {
      const fields = await keysOfModel(database.db, "tag/10");
      const change = await writeAndWait(database.db, state, [{ type: "delete", fqid: "tag/10" }]);
      assert.deepEqual(sorted(change.keys), sorted([...fields, "agenda_item/1/tag_ids", "meeting/1/tag_ids"]));
      assert.equal(state.get("tag/10"), undefined);
      assert.equal(state.exists("tag", 10), false);
      assert.deepEqual(state.ids("tag"), [1, 2, 3]);
      assert.deepEqual(state.getField("meeting", 1, "tag_ids"), [1, 2, 3]);
    });

    test("several writes in a row are all applied, versions only go up", async () => {
      const seen: number[] = [];
      const unsubscribe = state.subscribe((change) => seen.push(change.version));
      const titles = ["one", "two", "three", "four"];
      for (const title of titles) await database.db.transaction((tx) => tx.write([{ type: "update", fqid: "topic/2", fields: { title } }]));
      while (state.getField("topic", 2, "title") !== "four") await nextChange(state);
      unsubscribe();
      assert.ok(seen.length >= 1 && seen.length <= titles.length);
      assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
      assert.deepEqual(state.get("topic/2"), await database.db.get("topic/2"));
    });

    test("values handed out cannot change the state", () => {
      const groups = state.getField("meeting_user", 2, "group_ids") as number[];
      assert.throws(() => groups.push(99));
      const model = state.get("meeting_user/2")! as Record<string, unknown>;
      assert.throws(() => (model.comment = "changed"));
      assert.equal(state.getField("meeting_user", 2, "comment"), "Test comment a");
      assert.equal(state.getField("meeting_user", 2, "constructor"), undefined, "no prototype properties");
    });

    test("calculated fields: registration point for their providers", async () => {
      const liveVotes = state.registerCalculatedField("poll", "live_votes");
      assert.throws(() => state.registerCalculatedField("poll", "live_votes"), /already registered/);
      assert.throws(() => state.registerCalculatedField("poll", "title"), /not a calculated field/);

      const change = nextChange(state);
      liveVotes.set(1, { "1": "{\"value\":\"Y\"}" });
      assert.deepEqual([...(await change).keys], ["poll/1/live_votes"]);
      assert.deepEqual(state.getField("poll", 1, "live_votes"), { "1": "{\"value\":\"Y\"}" });
      assert.deepEqual(state.get("poll/1")!.live_votes, { "1": "{\"value\":\"Y\"}" });

      const version = state.version;
      liveVotes.set(1, { "1": "{\"value\":\"Y\"}" });
      assert.equal(state.version, version, "the same value again is no change");

      liveVotes.set(999, { "1": "x" });
      assert.equal(state.version, version, "a value for a model the state does not hold is kept silently");
      assert.equal(state.getField("poll", 999, "live_votes"), undefined);

      const removed = nextChange(state);
      liveVotes.set(1, undefined);
      assert.deepEqual([...(await removed).keys], ["poll/1/live_votes"]);
      assert.equal(state.getField("poll", 1, "live_votes"), undefined);
    });

    test("a second state on the same database sees the same data", async () => {
      const second = await openState(database.db);
      try {
        for (const fqid of ["motion/1", "tag/3", "gender/4", "meeting/1", "meeting_user/2"]) {
          assert.deepEqual(second.get(fqid), state.get(fqid), fqid);
        }
      } finally {
        await second.close();
      }
    });

    if (kind === "external") {
      test("a write of another process reaches the state", async () => {
        const change = nextChange(state);
        const events = [{ type: "update", fqid: "motion_block/1", fields: { title: "From another process" } }];
        const exitCode = await new Promise<number | null>((resolve, reject) => {
          const child = spawn(process.execPath, [WRITER_PROCESS, JSON.stringify(events)], {
            env: { ...process.env, ...database.env },
            stdio: ["ignore", "inherit", "inherit"],
          });
          child.on("error", reject);
          child.on("exit", resolve);
        });
        assert.equal(exitCode, 0);
        assert.deepEqual([...(await change).keys], ["motion_block/1/title"]);
        assert.equal(state.getField("motion_block", 1, "title"), "From another process");
      });
    }

    test("a snapshot keeps reading its version while changes are applied, and records nothing once released", async () => {
      const snapshot = state.snapshot();
      const version = state.version;
      const tagsBefore = [...state.ids("tag")];
      const nameBefore = state.getField("motion", 1, "title");
      await writeAndWait(database.db, state, [
        { type: "create", fqid: "tag/20", fields: { name: "Snap", meeting_id: 1 } },
        { type: "update", fqid: "motion/1", fields: { title: "Renamed in a snapshot test" } },
      ]);
      await writeAndWait(database.db, state, [{ type: "delete", fqid: "tag/20" }]);
      await writeAndWait(database.db, state, [{ type: "create", fqid: "tag/21", fields: { name: "Later", meeting_id: 1 } }]);
      assert.equal(state.version, version + 3);
      assert.equal(state.getField("motion", 1, "title"), "Renamed in a snapshot test");
      assert.equal(snapshot.version, version);
      assert.equal(snapshot.getField("motion", 1, "title"), nameBefore);
      assert.deepEqual(snapshot.ids("tag"), tagsBefore);
      assert.equal(snapshot.exists("tag", 20), false);
      assert.equal(snapshot.exists("tag", 21), false);
      assert.equal(snapshot.getField("tag", 21, "name"), undefined);
      assert.equal(snapshot.getField("motion", 1, "constructor"), undefined);
      assert.deepEqual(snapshot.changedKeysSince(version), new Set());
      const later = state.snapshot();
      assert.equal(later.getField("tag", 21, "name"), "Later");
      snapshot.release();
      assert.equal(later.getField("tag", 21, "name"), "Later");
      later.release();
      await writeAndWait(database.db, state, [{ type: "delete", fqid: "tag/21" }]);
      assert.equal(state.undoEntries, 0, "no undo records without open snapshots");
    });
  });
}
