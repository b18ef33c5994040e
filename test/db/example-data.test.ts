// Round trip of upstream's example data (every kind of field: decimals, timestamps, JSON, enums,
// enum arrays, colors, generic relations, n:m and generic-list tables, SQL-computed lists): written
// through the writer, every model read back from the views must equal the file, reverse relations
// included, because the file is consistent on both sides.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { STORAGE } from "../../src/meta/generated/storage.js";
import { importModels, type ModelsMap } from "../../src/setup/import-models.js";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";

const EXAMPLE = JSON.parse(readFileSync(new URL("../../../seed/example-data.json", import.meta.url), "utf8")) as ModelsMap;

function isTimestamp(collection: string, field: string): boolean {
  const storage = STORAGE[collection]?.fields[field];
  return storage?.kind === "column" && storage.sqlType === "timestamptz";
}

/**
 * The file's model in the read encoding: ISO timestamps become unix seconds; calculated fields
 * are not in the database; an empty relation list is absent (array_agg over no rows is NULL);
 * generic lists are ordered by the fqid string; sequential numbers are the database's.
 */
function expectedModel(collection: string, model: Record<string, unknown>): Record<string, unknown> {
  const expected: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(model)) {
    const storage = STORAGE[collection]?.fields[field];
    if (storage?.kind === "calculated" || value === null) continue;
    if (Array.isArray(value) && value.length === 0 && storage?.kind !== "column") continue;
    if (storage?.kind === "gm" && storage.primary && Array.isArray(value)) {
      expected[field] = [...(value as string[])].sort();
      continue;
    }
    expected[field] = typeof value === "string" && isTimestamp(collection, field) ? Math.floor(Date.parse(value) / 1000) : value;
  }
  return expected;
}

for (const kind of ENGINES) {
  describe(`example data round trip on the ${kind} engine`, () => {
    let td: TestDatabase;
    before(async () => {
      td = await openTestDatabase(kind);
      await importModels(td.db, EXAMPLE);
    });
    after(async () => td?.close());

    test("every model reads back exactly as written, reverse fields included", async () => {
      let compared = 0;
      const differences: string[] = [];
      for (const [collection, models] of Object.entries(EXAMPLE)) {
        if (collection === "_migration_index") continue;
        const stored = await td.db.filter(collection, undefined);
        for (const [id, model] of Object.entries(models as Record<string, Record<string, unknown>>)) {
          const expected = expectedModel(collection, model);
          const actual = { ...stored.get(Number(id)) };
          if (!("sequential_number" in model)) delete actual.sequential_number;
          for (const field of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
            try {
              assert.deepEqual(actual[field], expected[field]);
            } catch {
              differences.push(`${collection}/${id}/${field}: read ${JSON.stringify(actual[field])}, file ${JSON.stringify(expected[field])}`);
            }
          }
          compared++;
        }
        assert.equal(stored.size, Object.keys(models as object).length, `${collection}: no extra models`);
      }
      assert.deepEqual(differences, []);
      assert.ok(compared > 150);
    });

    test("values come in the upstream encoding", async () => {
      const poll = await td.db.get("poll/1", ["votesvalid", "content_object_id", "option_ids", "live_votes"]);
      assert.deepEqual(poll, { id: 1, votesvalid: "2.000000", content_object_id: "motion/1", option_ids: [1] }, "decimals as strings, generic fqids, no calculated field");
      const motion = await td.db.get("motion/1", ["created", "tag_ids", "attachment_meeting_mediafile_ids"]);
      assert.equal(typeof motion?.created, "number");
      const group = await td.db.get("group/1", ["permissions", "meeting_user_ids"]);
      assert.ok(Array.isArray(group?.permissions) && group.permissions.every((permission) => typeof permission === "string"));
      const committee = await td.db.get("committee/1", ["user_ids", "organization_tag_ids"]);
      assert.ok(Array.isArray(committee?.user_ids), "SQL-computed relation lists are read from the view");
      const organization = await td.db.get("organization/1", ["saml_attr_mapping", "default_language"]);
      assert.equal(organization?.default_language, "en");
    });

    test("helper columns of the views are never returned", async () => {
      const projection = await td.db.get("projection/1");
      assert.ok(projection);
      assert.equal(Object.keys(projection).some((field) => field.startsWith("content_object_id_")), false);
      assert.equal("content" in projection, false);
    });
  });
}
