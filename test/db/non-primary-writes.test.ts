// Many-to-many relations are stored through their primary side (committee/manager_ids); writing
// only the other side (user/committee_management_ids) used to be dropped silently and is now an
// error. Writing both sides alike, as the actions do, still works.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import { DatabaseError } from "../../src/db/types.js";

const BASE = [
  { type: "create" as const, fqid: "theme/1", fields: { id: 1, name: "Blue", organization_id: 1 } },
  { type: "create" as const, fqid: "organization/1", fields: { id: 1, name: "Org", theme_id: 1 } },
  { type: "create" as const, fqid: "user/1", fields: { id: 1, username: "admin" } },
  { type: "create" as const, fqid: "user/2", fields: { id: 2, username: "bob" } },
  { type: "create" as const, fqid: "committee/1", fields: { id: 1, name: "C1", manager_ids: [1] } },
  { type: "create" as const, fqid: "committee/2", fields: { id: 2, name: "C2" } },
];

for (const engine of ENGINES) {
  describe(`non-primary n:m sides (${engine})`, () => {
    let td: TestDatabase;
    before(async () => {
      td = await openTestDatabase(engine);
      await td.db.transaction((tx) => tx.write(BASE));
    });
    after(() => td?.close());

    const rejects = (promise: Promise<unknown>) =>
      assert.rejects(promise, (error: unknown) => {
        assert.ok(error instanceof DatabaseError, String(error));
        assert.equal(error.kind, "invalid_request");
        assert.match(error.message, /user\/2\/committee_management_ids: it is the non-primary side .* committee\/manager_ids/);
        return true;
      });

    test("an update of the non-primary side alone fails and changes nothing", async () => {
      await rejects(td.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/2", fields: { committee_management_ids: [2] } }])));
      assert.deepEqual((await td.db.get("user/2", ["committee_management_ids"]))?.committee_management_ids, undefined);
    });

    test("list_fields add and remove on the non-primary side alone fail", async () => {
      await rejects(td.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/2", list_fields: { add: { committee_management_ids: [1] } } }])));
      await td.db.transaction((tx) => tx.write([{ type: "update", fqid: "committee/1", fields: { manager_ids: [1, 2] } }]));
      await rejects(td.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/2", list_fields: { remove: { committee_management_ids: [1] } } }])));
      assert.deepEqual((await td.db.get("user/2", ["committee_management_ids"]))?.committee_management_ids, [1]);
    });

    test("a create with the non-primary side alone fails", async () => {
      await assert.rejects(
        td.db.transaction((tx) => tx.write([{ type: "create", fqid: "user/3", fields: { id: 3, username: "carl", committee_management_ids: [2] } }])),
        /user\/3\/committee_management_ids: it is the non-primary side/,
      );
    });

    test("both sides written alike (as the actions do) pass", async () => {
      await td.db.transaction((tx) =>
        tx.write([
          { type: "update", fqid: "user/2", fields: { committee_management_ids: [1, 2] } },
          { type: "update", fqid: "committee/2", fields: { manager_ids: [2] } },
        ]),
      );
      assert.deepEqual((await td.db.get("user/2", ["committee_management_ids"]))?.committee_management_ids, [1, 2]);
      await td.db.transaction((tx) =>
        tx.write([
          { type: "update", fqid: "committee/2", list_fields: { remove: { manager_ids: [2] } } },
          { type: "update", fqid: "user/2", list_fields: { remove: { committee_management_ids: [2] } } },
        ]),
      );
      assert.deepEqual((await td.db.get("user/2", ["committee_management_ids"]))?.committee_management_ids, [1]);
    });
  });
}
