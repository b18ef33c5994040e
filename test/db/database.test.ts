import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import { DatabaseError, type ChangeSet } from "../../src/db/types.js";

const BASE_EVENTS = [
  { type: "create" as const, fqid: "theme/1", fields: { id: 1, name: "Blue", organization_id: 1 } },
  {
    type: "create" as const,
    fqid: "organization/1",
    fields: { id: 1, name: "Org", theme_id: 1, saml_attr_mapping: { saml_id: "uid" }, enable_electronic_voting: true },
  },
  { type: "create" as const, fqid: "user/1", fields: { id: 1, username: "admin", organization_management_level: "superadmin", default_vote_weight: "1.5", last_login: 1700000000 } },
  { type: "create" as const, fqid: "user/2", fields: { id: 2, username: "bob" } },
  { type: "create" as const, fqid: "committee/1", fields: { id: 1, name: "C1", manager_ids: [2, 1] } },
  { type: "create" as const, fqid: "organization_tag/1", fields: { id: 1, name: "T", color: "#aabbcc", tagged_ids: ["committee/1"] } },
];

function waitForChange(td: TestDatabase, predicate: (change: ChangeSet) => boolean): Promise<ChangeSet> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error("no matching change arrived"));
    }, 10_000);
    const stop = td.db.onChange((change) => {
      if (!predicate(change)) return;
      clearTimeout(timer);
      stop();
      resolve(change);
    });
  });
}

for (const kind of ENGINES) {
  describe(`database layer on the ${kind} engine`, () => {
    let td: TestDatabase;
    before(async () => {
      td = await openTestDatabase(kind);
      await td.db.transaction((tx) => tx.write(BASE_EVENTS));
      await td.db.transaction((tx) => tx.query("SELECT setval('user_t_id_seq', 2)"));
    });
    after(async () => td?.close());

    test("reads models in the upstream value encoding", async () => {
      const user = await td.db.get("user/1");
      assert.equal(user?.username, "admin");
      assert.equal(user?.default_vote_weight, "1.500000");
      assert.equal(user?.last_login, 1700000000);
      assert.equal(user?.organization_management_level, "superadmin");
      assert.deepEqual(user?.committee_management_ids, [1]);
      assert.equal("password" in (user ?? {}), false, "null fields are absent");
      const organization = await td.db.get("organization/1", ["saml_attr_mapping", "theme_ids", "committee_ids"]);
      assert.deepEqual(organization, { id: 1, saml_attr_mapping: { saml_id: "uid" }, theme_ids: [1], committee_ids: [1] });
    });

    test("relation lists of intermediate tables appear on both sides, sorted", async () => {
      assert.deepEqual((await td.db.get("committee/1", ["manager_ids", "organization_tag_ids"])), { id: 1, manager_ids: [1, 2], organization_tag_ids: [1] });
      assert.deepEqual((await td.db.get("organization_tag/1", ["tagged_ids"]))?.tagged_ids, ["committee/1"]);
    });

    test("getManyOfCollections reads several collections in one statement, in getMany's encoding", async () => {
      const reads = [
        { collection: "user", ids: [1, 2, 99], fields: [] as string[] },
        { collection: "organization", ids: [1], fields: ["saml_attr_mapping", "theme_ids", "committee_ids", "enable_electronic_voting"] },
        { collection: "committee", ids: [], fields: ["name"] },
        { collection: "theme", ids: [1], fields: ["name"] },
      ];
      const combined = await td.db.getManyOfCollections(reads);
      for (const read of reads) {
        const alone = read.ids.length === 0 ? new Map() : await td.db.getMany(read.collection, [...read.ids], read.fields.length > 0 ? read.fields : undefined);
        assert.deepEqual(combined.get(read.collection), alone, read.collection);
      }
      assert.equal(combined.get("user")?.get(1)?.default_vote_weight, "1.500000");
      assert.equal(combined.get("user")?.get(1)?.last_login, 1700000000);
    });

    test("getMany skips missing ids and rejects non-positive ones", async () => {
      const users = await td.db.getMany("user", [2, 1, 99], ["username"]);
      assert.deepEqual([...users.keys()].sort(), [1, 2]);
      await assert.rejects(td.db.getMany("user", [0]), /Id must be positive/);
      assert.equal(await td.db.get("user/99999999999999"), undefined, "an id beyond the integer range does not exist");
    });

    test("filters with every operator", async () => {
      const ids = async (filter: Parameters<typeof td.db.filter>[1]) => [...(await td.db.filter("user", filter, ["id"])).keys()];
      assert.deepEqual(await ids({ field: "username", operator: "=", value: "bob" }), [2]);
      assert.deepEqual(await ids({ field: "username", operator: "~=", value: "BOB" }), [2]);
      assert.deepEqual(await ids({ field: "username", operator: "%=", value: "ad%" }), [1]);
      assert.deepEqual(await ids({ field: "id", operator: "in", value: [2, 3] }), [2]);
      assert.deepEqual(await ids({ field: "committee_management_ids", operator: "has", value: 1 }), [1, 2]);
      assert.deepEqual(await ids({ field: "password", operator: "=", value: null }), [1, 2]);
      assert.deepEqual(await ids({ not_filter: { field: "id", operator: ">", value: 1 } }), [1]);
      assert.deepEqual(await ids({ or_filter: [{ field: "id", operator: "=", value: 1 }, { field: "username", operator: "=", value: "bob" }] }), [1, 2]);
      assert.deepEqual(await ids({ and_filter: [{ field: "id", operator: ">=", value: 1 }, { field: "organization_management_level", operator: "=", value: "superadmin" }] }), [1]);
      assert.equal(await td.db.count("user", { field: "id", operator: "<", value: 10 }), 2);
      assert.equal(await td.db.exists("user", { field: "username", operator: "=", value: "nobody" }), false);
      assert.equal(await td.db.max("user", { field: "id", operator: ">", value: 0 }, "id"), 2);
      assert.equal(await td.db.min("user", { field: "id", operator: ">", value: 0 }, "last_login"), 1700000000);
    });

    test("bad filters and unknown names give the upstream errors", async () => {
      await assert.rejects(td.db.filter("user", { field: "id", operator: "<", value: null }), /You can only compare to None with = or !=/);
      await assert.rejects(td.db.filter("user", { field: "nope", operator: "=", value: 1 }), /Field 'nope' does not exist in collection 'user'/);
      await assert.rejects(td.db.filter("nope", undefined), /Collection 'nope' does not exist in the database/);
      await assert.rejects(td.db.get("user/1", ["nope"]), DatabaseError);
    });

    test("update with fields, list_fields and intermediate sets", async () => {
      await td.db.transaction((tx) =>
        tx.write([
          { type: "update", fqid: "committee/1", fields: { manager_ids: [2], description: "x" } },
          { type: "update", fqid: "user/2", fields: { default_vote_weight: "2", last_login: 1700000100 } },
        ]),
      );
      assert.deepEqual((await td.db.get("committee/1", ["manager_ids"]))?.manager_ids, [2]);
      assert.equal((await td.db.get("user/1", ["committee_management_ids"]))?.committee_management_ids, undefined, "empty lists are absent");
      await td.db.transaction((tx) => tx.write([{ type: "update", fqid: "committee/1", list_fields: { add: { manager_ids: [1] }, remove: { manager_ids: [2] } } }]));
      assert.deepEqual((await td.db.get("committee/1", ["manager_ids"]))?.manager_ids, [1]);
      assert.equal((await td.db.get("user/2"))?.default_vote_weight, "2.000000");
    });

    test("creates written as one batch write their intermediate rows on both sides; a bad one is reported by its own fqid", async () => {
      await td.db.transaction((tx) =>
        tx.write([
          { type: "create", fqid: "committee/11", fields: { name: "C11", manager_ids: [1] } },
          { type: "create", fqid: "committee/12", fields: { name: "C12", manager_ids: [1, 2] } },
          { type: "create", fqid: "committee/13", fields: { name: "C13" } },
          { type: "create", fqid: "committee/14", fields: { name: "C14", manager_ids: [2], forward_to_committee_ids: [11, 12] } },
        ]),
      );
      const committees = await td.db.getMany("committee", [11, 12, 13, 14], ["manager_ids", "forward_to_committee_ids"]);
      assert.deepEqual([11, 12, 13, 14].map((id) => committees.get(id)?.manager_ids), [[1], [1, 2], undefined, [2]]);
      assert.deepEqual(committees.get(14)?.forward_to_committee_ids, [11, 12]);
      assert.deepEqual((await td.db.get("committee/11", ["receive_forwardings_from_committee_ids"]))?.receive_forwardings_from_committee_ids, [14]);
      const users = await td.db.getMany("user", [1, 2], ["committee_management_ids"]);
      assert.ok([11, 12].every((id) => (users.get(1)?.committee_management_ids as number[]).includes(id)));
      assert.ok([12, 14].every((id) => (users.get(2)?.committee_management_ids as number[]).includes(id)));
      await assert.rejects(
        td.db.transaction((tx) =>
          tx.write([
            { type: "create", fqid: "committee/15", fields: { name: "C15", manager_ids: [1] } },
            { type: "create", fqid: "committee/16", fields: { name: "C16", manager_ids: [1] } },
            { type: "create", fqid: "committee/17", fields: { name: "C17", manager_ids: ["x"] } },
          ]),
        ),
        (error: Error) => error instanceof DatabaseError && /committee\/17/.test(error.message),
      );
      assert.equal(await td.db.get("committee/15"), undefined, "the failed write left nothing");
    });

    test("write errors carry the upstream texts and roll everything back", async () => {
      await assert.rejects(td.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/77", fields: { username: "x" } }])), /Model 'user\/77' does not exist\./);
      await assert.rejects(td.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/1" }])), /No fields given\./);
      await assert.rejects(td.db.transaction((tx) => tx.write([{ type: "create", fqid: "user/1", fields: { username: "again" } }])), /Model 'user\/1' exists\./);
      await assert.rejects(td.db.transaction((tx) => tx.write([{ type: "create", fqid: "committee/5", fields: { name: "bad", manager_ids: [999] } }])), /Model 'user\/999' does not exist\./);
      await assert.rejects(
        td.db.transaction(async (tx) => {
          await tx.write([{ type: "create", fqid: "user/50", fields: { username: "temporary" } }]);
          await tx.write([{ type: "delete", fqid: "user/51" }]);
        }),
        /Model 'user\/51' does not exist\./,
      );
      assert.equal(await td.db.get("user/50"), undefined, "nothing of a failed transaction stays");
    });

    test("reserveIds and delete", async () => {
      const ids = await td.db.transaction((tx) => tx.reserveIds("user", 2));
      assert.equal(ids.length, 2);
      assert.ok(ids[0]! > 2 && ids[1] === ids[0]! + 1);
      await td.db.transaction((tx) => tx.write([{ type: "create", fqid: `user/${ids[0]}`, fields: { username: "carol" } }]));
      await td.db.transaction((tx) => tx.write([{ type: "delete", fqid: `user/${ids[0]}` }]));
      assert.equal(await td.db.get(`user/${ids[0]}`), undefined);
    });

    test("the change feed reports what a committed transaction changed", async () => {
      const arrived = waitForChange(td, (change) => change.entries.some((entry) => entry.fqid === "gender/7"));
      await td.db.transaction((tx) => tx.write([{ type: "create", fqid: "gender/7", fields: { name: "g7" } }]));
      const change = await arrived;
      assert.ok(change.entries.some((entry) => entry.fqid === "gender/7" && entry.operation === "insert"));
      assert.ok(change.entries.some((entry) => entry.fqid === "organization/1" && entry.operation === "update" && entry.fields?.includes("gender_ids")));
    });

    test("a readYourWrites transaction's changes are delivered when ownCommitsAppliedWithin resolves, also after a failed one", async () => {
      const seen = new Set<string>();
      const stop = td.db.onChange((change) => change.entries.forEach((entry) => seen.add(entry.fqid)));
      try {
        await assert.rejects(
          td.db.transaction(
            async (tx) => {
              await tx.write([{ type: "create", fqid: "gender/20", fields: { name: "g20" } }]);
              throw new Error("given up");
            },
            { readYourWrites: true },
          ),
          /given up/,
        );
        for (let id = 21; id < 26; id++) {
          await td.db.transaction((tx) => tx.write([{ type: "create", fqid: `gender/${id}`, fields: { name: `g${id}` } }]), { readYourWrites: true });
          assert.equal(await td.db.ownCommitsAppliedWithin(5_000), true);
          assert.ok(seen.has(`gender/${id}`), `gender/${id} delivered`);
        }
        assert.equal(seen.has("gender/20"), false);
      } finally {
        stop();
      }
    });

    if (kind === "external") {
      test("a write in another process reaches this process's change feed", async () => {
        const arrived = waitForChange(td, (change) => change.entries.some((entry) => entry.fqid === "gender/8"));
        const script = `import pg from "pg"; const c = new pg.Client({host: process.env.DATABASE_HOST, port: Number(process.env.DATABASE_PORT), database: process.env.DATABASE_NAME, user: process.env.DATABASE_USER, password: process.env.PGPASSWORD}); await c.connect(); await c.query("INSERT INTO gender_t (id, name) VALUES (8, 'g8')"); await c.end();`;
        const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, ...td.env }, stdio: "inherit" });
        const code = await new Promise((resolve) => child.on("exit", resolve));
        assert.equal(code, 0);
        const change = await arrived;
        assert.equal(change.entries.find((entry) => entry.fqid === "gender/8")?.operation, "insert");
      });

      test("after the listening connection is lost, the feed catches up on what it missed", async () => {
        const arrived = waitForChange(td, (change) => change.entries.some((entry) => entry.fqid === "gender/9"));
        // End the LISTEN connection and write while it is gone.
        await td.db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'");
        await td.db.transaction((tx) => tx.write([{ type: "create", fqid: "gender/9", fields: { name: "g9" } }]));
        const change = await arrived;
        assert.equal(change.entries.find((entry) => entry.fqid === "gender/9")?.operation, "insert");
      });

      test("conflicting concurrent transactions are retried", async () => {
        let attempts = 0;
        const bump = () =>
          td.db.transaction(async (tx) => {
            attempts++;
            const user = await tx.get("user/2", ["default_vote_weight"], { lock: false });
            await new Promise((resolve) => setTimeout(resolve, 100));
            const next = (Number(user?.default_vote_weight) + 1).toFixed(6);
            await tx.write([{ type: "update", fqid: "user/2", fields: { default_vote_weight: next } }]);
          });
        const before = Number((await td.db.get("user/2"))?.default_vote_weight);
        await Promise.all([bump(), bump()]);
        assert.ok(attempts >= 3, "one of the two was retried");
        assert.equal(Number((await td.db.get("user/2"))?.default_vote_weight), before + 2);
      });
    }
  });
}
