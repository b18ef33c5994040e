// Behaviour of the generated relational schema (src/meta/generated/schema.sql) on a real
// PostgreSQL: names, views, sequences, integrity triggers and the os_notify change feed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { parseDocument } from "yaml";
import { modelsChecksum } from "../../src/meta/sql/checksum.js";
import { shortenIdentifier } from "../../src/meta/sql/names.js";
import { readSchemaSql } from "../../src/meta/sql/schema-file.js";
import { fromYamlNode, pyyamlDump } from "../../src/meta/sql/pyyaml-dump.js";
import { loadModelSource } from "../../src/meta/source.js";

const PROJECT_ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..", "..");
// TEST_SQL_SCHEMA_FILE lets the same expectations run against another schema file (e.g. upstream's).
const SCHEMA = process.env.TEST_SQL_SCHEMA_FILE ? readFileSync(process.env.TEST_SQL_SCHEMA_FILE, "utf8") : readSchemaSql();

const connection = {
  host: process.env.TEST_DATABASE_HOST ?? "localhost",
  port: Number(process.env.TEST_DATABASE_PORT ?? 5432),
  user: process.env.TEST_DATABASE_USER ?? "openslides",
  password: process.env.TEST_DATABASE_PASSWORD ?? "openslides",
};
const database = `test_meta_sql_schema_${randomBytes(6).toString("hex")}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...connection, database: "postgres" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let db: pg.Client;

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ ...connection, database });
  await client.connect();
  return client;
}

async function inTransaction<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** The error the statement (or, for deferred checks, the COMMIT) fails with. */
async function failure(fn: () => Promise<unknown>): Promise<pg.DatabaseError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof pg.DatabaseError) return error;
    throw error;
  }
  assert.fail("expected a database error");
}

const DEFAULT_PROJECTOR_FIELDS = [
  "agenda_item_list",
  "topic",
  "list_of_speakers",
  "current_los",
  "motion",
  "amendment",
  "motion_block",
  "assignment",
  "mediafile",
  "message",
  "countdown",
  "assignment_poll",
  "motion_poll",
  "poll",
].map((name) => `used_as_default_projector_for_${name}_in_meeting_id`);

/** Inserts a meeting with everything its required fields need; ids are derived from `id`. */
async function insertMeeting(client: pg.Client, id: number): Promise<void> {
  await client.query(
    `INSERT INTO meeting_t (id, name, committee_id, motions_default_workflow_id, motions_default_amendment_workflow_id,
       reference_projector_id, default_group_id) VALUES ($1, $2, 1, $1, $1, $1, $1)`,
    [id, `Meeting ${id}`],
  );
  await client.query(`INSERT INTO group_t (id, name, meeting_id) VALUES ($1, 'Default', $1)`, [id]);
  await client.query(
    `INSERT INTO projector_t (id, name, meeting_id, ${DEFAULT_PROJECTOR_FIELDS.join(", ")})
     VALUES ($1, 'Projector', $1, ${DEFAULT_PROJECTOR_FIELDS.map(() => "$1").join(", ")})`,
    [id],
  );
  await client.query(`INSERT INTO motion_workflow_t (id, name, first_state_id, meeting_id) VALUES ($1, 'Simple', $1, $1)`, [id]);
  await client.query(`INSERT INTO motion_state_t (id, name, weight, workflow_id, meeting_id) VALUES ($1, 'submitted', 1, $1, $1)`, [id]);
}

/** Inserts a motion with its required list of speakers; returns the motion's sequential_number. */
async function insertMotion(client: pg.Client, meetingId: number, id: number, sequentialNumber?: number): Promise<number> {
  const result = await client.query<{ sequential_number: number }>(
    `INSERT INTO motion_t (id, title, state_id, meeting_id, sequential_number) VALUES ($1, 'Motion', $2, $2, $3)
     RETURNING sequential_number`,
    [id, meetingId, sequentialNumber ?? null],
  );
  await client.query(`INSERT INTO list_of_speakers_t (content_object_id, meeting_id) VALUES ($1, $2)`, [`motion/${id}`, meetingId]);
  return result.rows[0]!.sequential_number;
}

before(async () => {
  await admin((client) => client.query(`CREATE DATABASE ${database}`));
  db = await connect();
  await inTransaction(db, () => db.query(SCHEMA));
  await inTransaction(db, async () => {
    await db.query(`INSERT INTO theme_t (id, name) VALUES (1, 'OpenSlides Blue')`);
    await db.query(`INSERT INTO organization_t (id, name, theme_id) VALUES (1, 'Organization', 1)`);
    await db.query(`INSERT INTO committee_t (id, name) VALUES (1, 'Committee')`);
    await insertMeeting(db, 1);
    await insertMeeting(db, 2);
  });
});

after(async () => {
  await db?.end();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

describe("schema objects", () => {
  test("the schema created the meta tables, 49 collection tables and views, and 22 intermediate tables", async () => {
    const tables = await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const names = tables.rows.map((row) => row.name);
    assert.ok(names.includes("version") && names.includes("os_notify_log_t"));
    assert.equal(names.filter((name) => /^(nm|gm)_/.test(name)).length, 22);
    assert.equal(names.length, 49 + 22 + 2);
    const views = await db.query(`SELECT 1 FROM pg_views WHERE schemaname = 'public'`);
    assert.equal(views.rowCount, 49);
  });

  test("intermediate tables and their columns carry upstream's names", async () => {
    const columns = async (table: string) =>
      (
        await db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((row) => row.column_name);
    assert.deepEqual(await columns("nm_group_mmagi_meeting_mediafile_t"), ["group_id", "meeting_mediafile_id"]);
    assert.deepEqual(await columns("gm_tag_tagged_ids_t"), [
      "tag_id",
      "tagged_id",
      "tagged_id_agenda_item_id",
      "tagged_id_assignment_id",
      "tagged_id_motion_id",
    ]);
    assert.deepEqual(await columns("nm_motion_identical_motion_ids_motion_t"), ["identical_motion_id_1", "identical_motion_id_2"]);
  });

  test("names over 63 characters are cut to 56 characters plus 7 hex digits of their md5", async () => {
    const longName = "fk_agenda_item_t_content_object_id_motion_block_id_motion_block_t_id";
    assert.equal(shortenIdentifier(longName), "fk_agenda_item_t_content_object_id_motion_block_id_motiofc82ae2");
    const constraint = await db.query(`SELECT 1 FROM pg_constraint WHERE conname = $1`, [shortenIdentifier(longName)]);
    assert.equal(constraint.rowCount, 1);
    const index = await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'idx_gm_motion_recommendation_extension_reference_ids_t_m81631d0'`);
    assert.equal(index.rowCount, 1);
  });

  test("foreign keys of collection tables are deferred and have no delete action", async () => {
    const result = await db.query<{ condeferrable: boolean; condeferred: boolean; confdeltype: string }>(
      `SELECT condeferrable, condeferred, confdeltype FROM pg_constraint WHERE conname = 'fk_motion_t_meeting_id_meeting_t_id'`,
    );
    assert.deepEqual(result.rows, [{ condeferrable: true, condeferred: true, confdeltype: "a" }]);
  });
});

describe("views", () => {
  test("reverse id lists are sorted and NULL when empty", async () => {
    const before = await db.query(`SELECT motion_ids FROM "meeting" WHERE id = 1`);
    assert.equal(before.rows[0].motion_ids, null);
    await inTransaction(db, async () => {
      for (const id of [13, 11, 12]) await insertMotion(db, 1, id);
    });
    const after = await db.query(`SELECT motion_ids, list_of_speakers_ids FROM "meeting" WHERE id = 1`);
    assert.deepEqual(after.rows[0].motion_ids, [11, 12, 13]);
    assert.equal(after.rows[0].list_of_speakers_ids.length, 3);
    const motion = await db.query(`SELECT list_of_speakers_id, identical_motion_ids FROM "motion" WHERE id = 12`);
    assert.equal(typeof motion.rows[0].list_of_speakers_id, "number");
    assert.equal(motion.rows[0].identical_motion_ids, null);
  });

  test("n:m, generic-list and symmetric relations read from the intermediate tables", async () => {
    await inTransaction(db, async () => {
      await db.query(`INSERT INTO tag_t (id, name, meeting_id) VALUES (5, 'Tag', 1)`);
      await db.query(`INSERT INTO gm_tag_tagged_ids_t (tag_id, tagged_id) VALUES (5, 'motion/12'), (5, 'motion/11')`);
      // stored once: the mirrored pair (12, 11) is dropped by the BEFORE trigger
      await db.query(`INSERT INTO nm_motion_identical_motion_ids_motion_t VALUES (11, 12), (12, 11)`);
    });
    const tag = await db.query(`SELECT tagged_ids FROM "tag" WHERE id = 5`);
    assert.deepEqual(tag.rows[0].tagged_ids, ["motion/11", "motion/12"]);
    const motions = await db.query(`SELECT id, tag_ids, identical_motion_ids FROM "motion" WHERE id IN (11, 12) ORDER BY id`);
    assert.deepEqual(motions.rows, [
      { id: 11, tag_ids: [5], identical_motion_ids: [12] },
      { id: 12, tag_ids: [5], identical_motion_ids: [11] },
    ]);
    const pairs = await db.query(`SELECT count(*)::int AS n FROM nm_motion_identical_motion_ids_motion_t`);
    assert.equal(pairs.rows[0].n, 1);
  });
});

describe("sequential numbers", () => {
  test("are counted per meeting, and a given number is kept and continued from", async () => {
    const numbers = await inTransaction(db, async () => [
      await insertMotion(db, 2, 21),
      await insertMotion(db, 2, 22),
      await insertMotion(db, 2, 23, 10),
      await insertMotion(db, 2, 24),
      await insertMotion(db, 2, 25, 3),
    ]);
    assert.deepEqual(numbers, [1, 2, 10, 11, 3]);
    const sequence = await db.query(`SELECT 1 FROM pg_class WHERE relname = 'motion_t_meeting_id2_sequential_number_seq'`);
    assert.equal(sequence.rowCount, 1);
  });
});

describe("integrity triggers", () => {
  test("a constant field cannot be changed", async () => {
    const error = await failure(() => db.query(`UPDATE motion_t SET meeting_id = 2 WHERE id = 11`));
    assert.equal(error.message, "Constant value constraint violated for motion/11: meeting_id can not be updated.");
  });

  test("a dangling foreign key fails at commit, not at the statement", async () => {
    await db.query("BEGIN");
    try {
      await db.query(`UPDATE motion_t SET category_id = 999 WHERE id = 11`);
      const error = await failure(() => db.query("COMMIT"));
      assert.equal(error.code, "23503");
      assert.equal(error.constraint, "fk_motion_t_category_id_motion_category_t_id");
    } finally {
      await db.query("ROLLBACK");
    }
  });

  test("a required reverse relation is checked at commit", async () => {
    const error = await failure(() =>
      inTransaction(db, () => db.query(`INSERT INTO motion_t (id, title, state_id, meeting_id) VALUES (31, 'No list', 1, 1)`)),
    );
    assert.equal(error.message, "Trigger tr_i_not_null_motion_list_of_speakers_id: NOT NULL CONSTRAINT VIOLATED for motion/31/list_of_speakers_id");
  });

  test("equal_fields: models of different meetings cannot be related", async () => {
    const error = await failure(() =>
      inTransaction(db, () => db.query(`UPDATE motion_t SET state_id = 1 WHERE id = 21`)),
    );
    assert.equal(error.message, "The following models do not belong to meeting 2: ['motion_state/1']");
  });

  test("equal_fields on another field names both sides and their values", async () => {
    const error = await failure(() =>
      inTransaction(db, async () => {
        await db.query(`INSERT INTO mediafile_t (id, title, owner_id) VALUES (1, 'Folder', 'meeting/1')`);
        await db.query(`INSERT INTO mediafile_t (id, title, owner_id, parent_id) VALUES (2, 'File', 'organization/1', 1)`);
      }),
    );
    assert.equal(
      error.message,
      "The relation parent_id requires the following fields to be equal:\n mediafile/2/owner_id: organization/1 \n mediafile/1/owner_id: meeting/1",
    );
  });
});

describe("equal_fields, order of inserts", () => {
  test("a row pointing to a row inserted after it in the same transaction is checked from its own side", async () => {
    const error = await failure(() =>
      inTransaction(db, async () => {
        await db.query(`INSERT INTO mediafile_t (id, title, owner_id, parent_id) VALUES (4, 'File', 'organization/1', 3)`);
        await db.query(`INSERT INTO mediafile_t (id, title, owner_id) VALUES (3, 'Folder', 'meeting/1')`);
      }),
    );
    assert.equal(
      error.message,
      "The relation parent_id requires the following fields to be equal:\n mediafile/4/owner_id: organization/1 \n mediafile/3/owner_id: meeting/1",
    );
  });

  test("a new model linked to a model of another meeting is named from the new model's side", async () => {
    await inTransaction(db, () => db.query(`INSERT INTO tag_t (id, name, meeting_id) VALUES (8, 'Other meeting', 2)`));
    const error = await failure(() =>
      inTransaction(db, async () => {
        await db.query(`INSERT INTO topic_t (id, title, meeting_id) VALUES (50, 'Topic', 1)`);
        await db.query(`INSERT INTO list_of_speakers_t (content_object_id, meeting_id) VALUES ('topic/50', 1)`);
        await db.query(`INSERT INTO agenda_item_t (id, content_object_id, meeting_id) VALUES (50, 'topic/50', 1)`);
        await db.query(`INSERT INTO gm_tag_tagged_ids_t (tag_id, tagged_id) VALUES (8, 'agenda_item/50')`);
      }),
    );
    assert.equal(error.message, "The following models do not belong to meeting 1: ['tag/8']");
  });

  test("rows of one meeting inserted in any order commit", async () => {
    await inTransaction(db, async () => {
      await db.query(`INSERT INTO mediafile_t (id, title, owner_id, parent_id) VALUES (6, 'File', 'meeting/1', 5)`);
      await db.query(`INSERT INTO mediafile_t (id, title, owner_id) VALUES (5, 'Folder', 'meeting/1')`);
    });
    const { rows } = await db.query<{ parent_id: number }>(`SELECT parent_id FROM mediafile_t WHERE id = 6`);
    assert.equal(rows[0]?.parent_id, 5);
  });
});

describe("change notification", () => {
  test("one NOTIFY per transaction, and the log names every changed model and field", async () => {
    const listener = await connect();
    const payloads: string[] = [];
    try {
      await listener.query("LISTEN os_notify");
      const first = new Promise<void>((resolve) => {
        listener.on("notification", (message) => {
          payloads.push(message.payload ?? "");
          resolve();
        });
      });
      const xactId = await inTransaction(db, async () => {
        await insertMotion(db, 1, 41);
        await db.query(`UPDATE motion_t SET title = 'Renamed', text = 'Text' WHERE id = 41`);
        await db.query(`UPDATE motion_t SET reason = 'Reason' WHERE id = 41`);
        return (await db.query<{ id: string }>(`SELECT pg_current_xact_id()::text AS id`)).rows[0]!.id;
      });
      await Promise.race([first, rejectAfter(10_000, "no os_notify notification arrived")]);
      await listener.query("SELECT 1"); // any further notification of that commit arrives before this answer
      assert.deepEqual(payloads, [`{"xactId":${xactId}}`]);

      const log = await db.query<{ operation: string; fqid: string; updated_fields: string[] | null }>(
        `SELECT operation, fqid, updated_fields FROM os_notify_log_t WHERE xact_id = $1::xid8`,
        [xactId],
      );
      const entries = new Map(log.rows.map((row) => [`${row.operation} ${row.fqid}`, row.updated_fields?.sort() ?? null]));
      assert.equal(entries.get("insert motion/41"), null);
      // list_of_speakers_id: the new list of speakers points to the motion
      assert.deepEqual(entries.get("update motion/41"), ["list_of_speakers_id", "reason", "text", "title"]);
      const meetingFields = entries.get("update meeting/1") ?? [];
      assert.ok(meetingFields.includes("motion_ids") && meetingFields.includes("list_of_speakers_ids"), String(meetingFields));
      assert.deepEqual(entries.get("update motion_state/1"), ["motion_ids"]);
      assert.ok(entries.has("insert list_of_speakers/" + (await losIdOf(41))));
    } finally {
      await listener.end();
    }
  });

  test("a repeated change of logged fields leaves the log row alone; new fields are merged into it", async () => {
    const logRow = () =>
      db.query<{ ctid: string; updated_fields: string[] }>(
        `SELECT ctid::text AS ctid, updated_fields FROM os_notify_log_t WHERE operation = 'update' AND fqid = 'committee/1' AND xact_id = pg_current_xact_id()`,
      );
    await inTransaction(db, async () => {
      await db.query(`UPDATE committee_t SET name = 'First' WHERE id = 1`);
      const first = await logRow();
      await db.query(`UPDATE committee_t SET name = 'Second' WHERE id = 1`);
      const again = await logRow();
      await db.query(`UPDATE committee_t SET description = 'Described' WHERE id = 1`);
      const merged = await logRow();
      assert.equal(again.rows[0]!.ctid, first.rows[0]!.ctid, "no new row version for fields logged already");
      assert.deepEqual([...merged.rows[0]!.updated_fields].sort(), ["description", "name"]);
      assert.equal(merged.rowCount, 1);
    });
  });

  test("a deleted model is logged as delete, its former relations as updates", async () => {
    const xactId = await inTransaction(db, async () => {
      await db.query(`DELETE FROM list_of_speakers_t WHERE content_object_id = 'motion/41'`);
      await db.query(`DELETE FROM motion_t WHERE id = 41`);
      return (await db.query<{ id: string }>(`SELECT pg_current_xact_id()::text AS id`)).rows[0]!.id;
    });
    const log = await db.query<{ operation: string; fqid: string; updated_fields: string[] | null }>(
      `SELECT operation, fqid, updated_fields FROM os_notify_log_t WHERE xact_id = $1::xid8 ORDER BY id`,
      [xactId],
    );
    const keys = log.rows.map((row) => `${row.operation} ${row.fqid}`);
    assert.ok(keys.includes("delete motion/41"));
    assert.ok(keys.includes("update meeting/1"));
  });
});

/** A safety net against hanging forever, not a timing assertion. */
function rejectAfter(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}

async function losIdOf(motionId: number): Promise<number> {
  const result = await db.query<{ id: number }>(`SELECT list_of_speakers_id AS id FROM "motion" WHERE id = $1`, [motionId]);
  return result.rows[0]!.id;
}

describe("MODELS_YML_CHECKSUM", () => {
  test("the dump of joined YAML matches PyYAML's layout (expected text produced by PyYAML 6)", () => {
    const input = [
      `"yes": "no"`,
      `num: "0.000001"`,
      `empty: ""`,
      `list: []`,
      `map: {}`,
      `items:`,
      `  - a: 1`,
      `    b: 1.0`,
      `  - Y`,
      `long: ${"word ".repeat(20)}end`,
      `quote: "It's: here"`,
      `multi: "Line one\\n\\nline  two\\nthree"`,
      `sql: "(\\n  SELECT a\\n  FROM t\\n) AS x\\n"`,
      `hash: "#ffffff"`,
      `unicode: Grüße – ok`,
    ].join("\n");
    const expected =
      "'yes': 'no'\nnum: '0.000001'\nempty: ''\nlist: []\nmap: {}\nitems:\n- a: 1\n  b: 1.0\n- Y\n" +
      "long: word word word word word word word word word word word word word word word word\n  word word word word end\n" +
      "quote: 'It''s: here'\nmulti: 'Line one\n\n\n  line  two\n\n  three'\n" +
      'sql: "(\\n  SELECT a\\n  FROM t\\n) AS x\\n"\n' +
      "hash: '#ffffff'\nunicode: Grüße – ok\n";
    assert.equal(pyyamlDump(fromYamlNode(parseDocument(input, { version: "1.1" }).contents)), expected);
  });

  test("equals the checksum in upstream's schema_relational.sql for this copy of the models", () => {
    // Update together with models/: the value is the header of upstream's generated schema.
    assert.equal(modelsChecksum(loadModelSource(join(PROJECT_ROOT, "models"))), "472dd223307f11a19a864edd93b78230");
    assert.match(SCHEMA, /^-- MODELS_YML_CHECKSUM = '[0-9a-f]{32}'$/m);
  });
});
