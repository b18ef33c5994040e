import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  expandKeys,
  expandKeysInSlices,
  KeyRequestError,
  parseKeyRequests,
  requestsFromKeys,
  type FieldKey,
  type KeyValueSource,
} from "../../src/autoupdate/keys-builder/index.js";
import { quoteByte, readFirstJsonValue } from "../../src/autoupdate/keys-builder/json-reader.js";
import { unrestrictedSource } from "../../src/autoupdate/keys-builder/state-source.js";
import type { SliceClock } from "../../src/autoupdate/work-slices.js";
import { openState, type LiveState } from "../../src/state/state.js";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import { loadExampleData, readExampleData } from "../state/support/example-data.js";
import { writeAndWait } from "../state/support/state-helpers.js";

/** Values given as "collection/id/field" -> value, like upstream's YAML fixtures; records every read level. */
function fixtureSource(data: Record<string, unknown>): KeyValueSource & { levels: string[][] } {
  const levels: string[][] = [];
  return {
    levels,
    values(keys: readonly FieldKey[]) {
      levels.push(keys.map((key) => `${key.collection}/${key.id}/${key.field}`));
      return keys.map((key) => data[`${key.collection}/${key.id}/${key.field}`]);
    },
  };
}

function expand(request: unknown, data: Record<string, unknown> = {}) {
  const body = JSON.stringify(Array.isArray(request) ? request : [request]);
  const source = fixtureSource(data);
  return { ...expandKeys(parseKeyRequests(body), source), levels: source.levels };
}

function parseError(body: string): KeyRequestError {
  try {
    parseKeyRequests(body);
  } catch (error) {
    assert.ok(error instanceof KeyRequestError, `expected a KeyRequestError, got ${String(error)}`);
    return error;
  }
  assert.fail(`no error for ${body}`);
}

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe("key request parsing: errors (upstream texts)", () => {
  const request = (fields: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify([{ ids: [5], collection: "user", fields, ...extra }]);

  const cases: Array<{ name: string; body: string; type?: string; msg: string; fields?: string[] }> = [
    { name: "empty list", body: "[]", msg: "No data" },
    { name: "null", body: "null", msg: "No data" },
    { name: "truncated", body: '[{"ids": [1], "collection": "user"', msg: "Body is not complete" },
    { name: "truncated inside a number", body: "[1", msg: "Body is not complete" },
    { name: "syntax error", body: "{5", type: "JsonError", msg: "invalid character '5' looking for beginning of object key string" },
    { name: "syntax error after key", body: '[{"ids" 5}]', type: "JsonError", msg: "invalid character '5' after object key" },
    { name: "syntax error after pair", body: '[{"ids": [1] "x": 2}]', type: "JsonError", msg: "invalid character '\"' after object key:value pair" },
    { name: "syntax error in list", body: "[1 2]", type: "JsonError", msg: "invalid character '2' after array element" },
    { name: "bad literal", body: "[tru]", type: "JsonError", msg: "invalid character ']' in literal true (expecting 'e')" },
    { name: "bad start", body: "x", type: "JsonError", msg: "invalid character 'x' looking for beginning of value" },
    { name: "bad escape", body: '["\\x"]', type: "JsonError", msg: "invalid character 'x' in string escape code" },
    { name: "control character in string", body: '["a\nb"]', type: "JsonError", msg: "invalid character '\\n' in string literal" },
    { name: "bad number", body: "[-a]", type: "JsonError", msg: "invalid character 'a' in numeric literal" },
    { name: "top level object", body: '{"ids": [1], "collection": "user", "fields": {}}', msg: "wrong type at field ``. Got object, expected list" },
    { name: "top level number", body: "5", msg: "wrong type at field ``. Got number, expected list" },
    { name: "request not an object", body: "[5]", msg: "wrong type at field ``. Got number, expected object" },
    { name: "ids not a list", body: request({ username: null }, { ids: 5 }), msg: "wrong type at field `ids`. Got number, expected list" },
    { name: "id a string", body: request({ username: null }, { ids: ["1"] }), msg: "wrong type at field `ids`. Got string, expected number" },
    { name: "id a fraction", body: '[{"ids": [1.5], "collection": "user", "fields": {}}]', msg: "wrong type at field `ids`. Got number 1.5, expected number" },
    { name: "collection a number", body: request({ username: null }, { collection: 5 }), msg: "wrong type at field `collection`. Got number, expected string" },
    { name: "descriptor a number", body: request({ username: 5 }), msg: "wrong type at field `fields`. Got number, expected object" },
    { name: "type a number", body: request({ meeting_user_ids: { type: 5 } }), msg: "wrong type at field `fields.type`. Got number, expected string" },
    {
      name: "nested descriptor a list",
      body: request({ meeting_user_ids: { type: "relation-list", collection: "meeting_user", fields: { group_ids: [] } } }),
      msg: "wrong type at field `fields.fields`. Got array, expected object",
    },
    { name: "fields not an object", body: request(5), msg: "wrong type at field `fields`. Got number, expected object" },
    { name: "no ids", body: '[{"fields": {"name": null}, "collection": "user"}]', msg: "no ids" },
    { name: "empty ids", body: request({ username: null }, { ids: [] }), msg: "no ids" },
    { name: "id 0", body: request({ username: null }, { ids: [0] }), msg: "id has to be a positive number" },
    { name: "id null", body: request({ username: null }, { ids: [null] }), msg: "id has to be a positive number" },
    { name: "negative id", body: request({ username: null }, { ids: [1, -3] }), msg: "id has to be a positive number" },
    { name: "no collection", body: '[{"ids": [5], "fields": {"name": null}}]', msg: "attribute collection is missing" },
    { name: "empty collection", body: request({}, { collection: "" }), msg: "attribute collection is missing" },
    { name: "no fields", body: '[{"ids": [5], "collection": "user"}]', msg: "attribte fields is missing" },
    { name: "unknown field", body: request({ Username: null }), msg: 'field "Username": user/Username does not exist', fields: ["Username"] },
    {
      name: "unknown collection",
      body: '[{"ids": [1], "collection": "User", "fields": {"username": null}}]',
      msg: 'field "username": User/username does not exist',
      fields: ["username"],
    },
    {
      name: "relation without collection (checked before the field's existence)",
      body: request({ group_id: { type: "relation", fields: { name: null } } }),
      msg: 'field "group_id": no collection',
      fields: ["group_id"],
    },
    { name: "no type", body: request({ group_id: { collection: "group", fields: { name: null } } }), msg: 'field "group_id": no type', fields: ["group_id"] },
    {
      name: "no type below",
      body: request({ group_id: { type: "relation-list", collection: "group", fields: { perm_ids: { fields: { collection: "perm" } } } } }),
      msg: 'field "group_id.perm_ids": no type',
      fields: ["group_id", "perm_ids"],
    },
    {
      name: "unknown type",
      body: request({ group_id: { type: "invalid-type", collection: "group", fields: { name: null } } }),
      msg: 'field "group_id": unknown type invalid-type',
    },
    {
      name: "relation twice, no fields",
      body: request({ group_ids: { type: "relation-list", collection: "group", fields: { perm_ids: { type: "relation-list", collection: "perm" } } } }),
      msg: 'field "group_ids.perm_ids": no fields',
      fields: ["group_ids", "perm_ids"],
    },
    { name: "generic without fields", body: request({ meeting_user_ids: { type: "generic-relation" } }), msg: 'field "meeting_user_ids": no fields' },
    {
      name: "relation to an unknown collection",
      body: request({ group_id: { type: "relation", collection: "Group", fields: { name: null } } }),
      msg: 'field "group_id.name": Group/name does not exist',
      fields: ["group_id", "name"],
    },
    {
      name: "relation-list to an unknown collection",
      body: request({ group_ids: { type: "relation-list", collection: "Group", fields: { name: null } } }),
      msg: 'field "group_ids.name": Group/name does not exist',
    },
    {
      name: "unknown field three levels down",
      body: request({
        meeting_user_ids: {
          type: "relation-list",
          collection: "meeting_user",
          fields: { group_ids: { type: "relation-list", collection: "group", fields: { nope: null } } },
        },
      }),
      msg: 'field "meeting_user_ids.group_ids.nope": group/nope does not exist',
      fields: ["meeting_user_ids", "group_ids", "nope"],
    },
    {
      name: "second request invalid",
      body: JSON.stringify([
        { ids: [5], collection: "user", fields: { username: null } },
        { ids: [5], collection: "user", fields: { meeting_user_ids: { type: "relation-list", fields: { comment: null } } } },
      ]),
      msg: 'field "meeting_user_ids": no collection',
    },
  ];

  for (const { name, body, type = "SyntaxError", msg, fields } of cases) {
    test(name, () => {
      const error = parseError(body);
      assert.equal(error.type, type);
      assert.equal(error.message, msg);
      if (fields) assert.deepEqual(error.fields, fields);
      assert.deepEqual(error.toJSON(), { error: { type, msg } });
    });
  }

  test("a nested error is reported before a mismatch of the same request", () => {
    const error = parseError(request({ x: { type: "nope" } }, { ids: "1" }));
    assert.equal(error.message, 'field "x": unknown type nope');
  });

  test("the first mismatch of a request wins", () => {
    const error = parseError(request({ username: null }, { ids: ["a"], collection: 7 }));
    assert.equal(error.message, "wrong type at field `ids`. Got string, expected number");
  });
});

describe("key request parsing: accepted input", () => {
  test("an empty body is no request", () => {
    assert.deepEqual(parseKeyRequests(""), []);
    assert.deepEqual(parseKeyRequests(" \n\t"), []);
  });

  test("only the first JSON value is read", () => {
    const requests = parseKeyRequests('[{"ids":[1],"collection":"user","fields":{"username":null}}] trailing {garbage');
    assert.equal(requests.length, 1);
    assert.deepEqual([...requests[0]!.fields.keys()], ["username"]);
  });

  test("attributes match case-insensitively, unknown ones are ignored, fields may be null", () => {
    const [request] = parseKeyRequests('[{"IDS":[3],"Collection":"user","fields":null,"position":7}]');
    assert.deepEqual(request!.ids, [3]);
    assert.equal(request!.collection, "user");
    assert.equal(request!.fields.size, 0);
  });

  test("an unknown collection passes with empty fields (upstream quirk)", () => {
    assert.equal(parseKeyRequests('[{"ids":[1],"collection":"nope","fields":{}}]').length, 1);
  });

  test("generic relations are not validated at parse time", () => {
    const body = '[{"ids":[1],"collection":"personal_note","fields":{"content_object_id":{"type":"generic-relation","fields":{"does-not-exist":null}}}}]';
    assert.equal(parseKeyRequests(body).length, 1);
  });

  test("a body given as bytes", () => {
    assert.equal(parseKeyRequests(Buffer.from('[{"ids":[1],"collection":"user","fields":{"username":null}}]')).length, 1);
  });

  test("deep nesting is refused, not a crash", () => {
    const error = parseError("[".repeat(20000));
    assert.equal(error.type, "JsonError");
    assert.match(error.message, /exceeded max depth/);
  });
});

describe("plain keys (the k parameter)", () => {
  test("each key is a request of one field; empty entries are skipped", () => {
    const requests = requestsFromKeys(["user/1/username", "", "motion/2/title"]);
    const { keys } = expandKeys(requests, fixtureSource({}));
    assert.deepEqual(sorted(keys), ["motion/2/title", "user/1/username"]);
  });

  for (const key of ["user/1/nope", "user/x/username", "user/0/username", "user/1", "nope/1/id", "user/1/username/x"]) {
    test(`invalid key ${key}`, () => {
      assert.throws(() => requestsFromKeys([key]), (error: unknown) => {
        assert.ok(error instanceof KeyRequestError);
        assert.equal(error.type, "SyntaxError");
        assert.equal(error.message, `invalid key: ${key}`);
        return true;
      });
    });
  }
});

describe("expansion (upstream keysbuilder cases)", () => {
  test("fields of several ids", () => {
    const { keys, dependencies } = expand({ ids: [1, 2], collection: "user", fields: { first_name: null, last_name: null } });
    assert.deepEqual(sorted(keys), ["user/1/first_name", "user/1/last_name", "user/2/first_name", "user/2/last_name"]);
    assert.equal(dependencies.size, 0);
  });

  test("relation and relation-list, two levels, one read per level", () => {
    const result = expand(
      {
        ids: [1],
        collection: "user",
        fields: {
          username: null,
          organization_id: { type: "relation", collection: "organization", fields: { name: null } },
          meeting_user_ids: {
            type: "relation-list",
            collection: "meeting_user",
            fields: { group_ids: { type: "relation-list", collection: "group", fields: { name: null } } },
          },
        },
      },
      { "user/1/organization_id": 1, "user/1/meeting_user_ids": [1, 2], "meeting_user/1/group_ids": [1, 2] },
    );
    assert.deepEqual(sorted(result.keys), [
      "group/1/name",
      "group/2/name",
      "meeting_user/1/group_ids",
      "meeting_user/2/group_ids",
      "organization/1/name",
      "user/1/meeting_user_ids",
      "user/1/organization_id",
      "user/1/username",
    ]);
    assert.deepEqual(sorted(result.dependencies), [
      "meeting_user/1/group_ids",
      "meeting_user/2/group_ids",
      "user/1/meeting_user_ids",
      "user/1/organization_id",
    ]);
    assert.equal(result.levels.length, 2);
  });

  test("generic relation list with fields of different targets", () => {
    const { keys } = expand(
      { ids: [2, 1], collection: "tag", fields: { tagged_ids: { type: "generic-relation-list", fields: { title: null, description: null } } } },
      { "tag/1/tagged_ids": ["assignment/20"], "tag/2/tagged_ids": ["motion/30"] },
    );
    assert.deepEqual(sorted(keys), ["assignment/20/description", "assignment/20/title", "motion/30/title", "tag/1/tagged_ids", "tag/2/tagged_ids"]);
  });

  test("generic relation followed by a relation list", () => {
    const { keys } = expand(
      {
        ids: [1],
        collection: "personal_note",
        fields: {
          content_object_id: {
            type: "generic-relation",
            fields: { amendment_ids: { type: "relation-list", collection: "motion", fields: { title: null } } },
          },
        },
      },
      { "personal_note/1/content_object_id": "motion/1", "motion/1/amendment_ids": [1, 2] },
    );
    assert.deepEqual(sorted(keys), ["motion/1/amendment_ids", "motion/1/title", "motion/2/title", "personal_note/1/content_object_id"]);
  });

  test("unknown fields behind generic relations are skipped", () => {
    const { keys } = expand(
      { ids: [1], collection: "tag", fields: { tagged_ids: { type: "generic-relation-list", fields: { title: null } } } },
      { "tag/1/tagged_ids": ["motion/1", "agenda_item/2"] },
    );
    assert.deepEqual(sorted(keys), ["motion/1/title", "tag/1/tagged_ids"]);
  });

  test("a relation value 0 or absent is not followed, but still a dependency", () => {
    const { keys, dependencies } = expand(
      { ids: [1, 2], collection: "agenda_item", fields: { parent_id: { type: "relation", collection: "agenda_item", fields: { item_number: null } } } },
      { "agenda_item/1/parent_id": 0 },
    );
    assert.deepEqual(sorted(keys), ["agenda_item/1/parent_id", "agenda_item/2/parent_id"]);
    assert.deepEqual(sorted(dependencies), ["agenda_item/1/parent_id", "agenda_item/2/parent_id"]);
  });

  test("several requests: duplicates merged, one read", () => {
    const result = expand(
      [
        { ids: [1], collection: "user", fields: { organization_id: { type: "relation", collection: "organization", fields: { login_text: null } } } },
        { ids: [1], collection: "motion", fields: { title: null } },
        { ids: [2], collection: "user", fields: { organization_id: { type: "relation", collection: "organization", fields: { login_text: null } } } },
        { ids: [1], collection: "user", fields: { organization_id: null } },
      ],
      { "user/1/organization_id": 1, "user/2/organization_id": 1 },
    );
    assert.deepEqual(sorted(result.keys), ["motion/1/title", "organization/1/login_text", "user/1/organization_id", "user/2/organization_id"]);
    assert.equal(result.levels.length, 1);
  });

  test("three levels deep: three reads", () => {
    const result = expand(
      {
        ids: [1, 2, 3],
        collection: "user",
        fields: {
          meeting_user_ids: {
            type: "relation-list",
            collection: "meeting_user",
            fields: {
              personal_note_ids: {
                type: "relation-list",
                collection: "personal_note",
                fields: { content_object_id: { type: "generic-relation", fields: { title: null } } },
              },
            },
          },
        },
      },
      {
        "user/1/meeting_user_ids": [1, 2],
        "user/2/meeting_user_ids": [1, 2],
        "meeting_user/1/personal_note_ids": [1, 2],
        "meeting_user/2/personal_note_ids": [1, 2],
        "personal_note/1/content_object_id": "motion/4",
        "personal_note/2/content_object_id": "topic/5",
      },
    );
    assert.deepEqual(sorted(result.keys), [
      "meeting_user/1/personal_note_ids",
      "meeting_user/2/personal_note_ids",
      "motion/4/title",
      "personal_note/1/content_object_id",
      "personal_note/2/content_object_id",
      "topic/5/title",
      "user/1/meeting_user_ids",
      "user/2/meeting_user_ids",
      "user/3/meeting_user_ids",
    ]);
    assert.equal(result.levels.length, 3);
  });

  test("a changed relation value moves the tree", () => {
    const request = { ids: [1], collection: "user", fields: { organization_id: { type: "relation", collection: "organization", fields: { login_text: null } } } };
    assert.ok(expand(request, { "user/1/organization_id": 1 }).keys.has("organization/1/login_text"));
    const moved = expand(request, { "user/1/organization_id": 2 });
    assert.deepEqual(sorted(moved.keys), ["organization/2/login_text", "user/1/organization_id"]);
  });
});

describe("expansion in slices", () => {
  test("one key's long relation list is followed item by item with the clock, to the same keys", () => {
    const ids = Array.from({ length: 1000 }, (_, index) => index + 1);
    const body = JSON.stringify([{ ids: [1], collection: "meeting", fields: { meeting_user_ids: { type: "relation-list", collection: "meeting_user", fields: { number: null } } } }]);
    const data = { "meeting/1/meeting_user_ids": ids };
    // A clock that says "due" every 10 looks (the real one looks at the time).
    let looks = 0;
    const everyTenLooks: SliceClock = { due: () => ++looks % 10 === 0 };
    const work = expandKeysInSlices(parseKeyRequests(body), fixtureSource(data), everyTenLooks);
    let pauses = 0;
    let step = work.next();
    while (!step.done) {
      pauses++;
      step = work.next();
    }
    // The old expansion looked once per chunk of keys: one key, at most one pause.
    assert.ok(pauses >= 90, `pauses while following one list of 1,000 items: ${pauses}`);
    assert.deepEqual(sorted(step.value.keys), sorted(expandKeys(parseKeyRequests(body), fixtureSource(data)).keys));
    assert.equal(step.value.keys.size, 1001);
  });
});

describe("expansion: values of the wrong type", () => {
  const cases: Array<{ name: string; fields: Record<string, unknown>; data: Record<string, unknown>; msg: string }> = [
    {
      name: "relation on a string field",
      fields: { username: { type: "relation", collection: "organization", fields: { name: null } } },
      data: { "user/1/username": "admin" },
      msg: "invalid value in key user/1/username. Got string, expected int",
    },
    {
      name: "relation-list on a single relation",
      fields: { organization_id: { type: "relation-list", collection: "organization", fields: { name: null } } },
      data: { "user/1/organization_id": 1 },
      msg: "invalid value in key user/1/organization_id. Got number, expected []int",
    },
    {
      name: "generic relation on a number",
      fields: { organization_id: { type: "generic-relation", fields: { name: null } } },
      data: { "user/1/organization_id": 1 },
      msg: "invalid value in key user/1/organization_id. Got number, expected string",
    },
    {
      name: "generic relation on a plain string",
      fields: { username: { type: "generic-relation", fields: { name: null } } },
      data: { "user/1/username": "admin" },
      msg: "invalid value in key user/1/username. Got string, expected fqid",
    },
    {
      name: "generic list on an id list",
      fields: { meeting_user_ids: { type: "generic-relation-list", fields: { name: null } } },
      data: { "user/1/meeting_user_ids": [1] },
      msg: "invalid value in key user/1/meeting_user_ids. Got number, expected string",
    },
  ];
  for (const { name, fields, data, msg } of cases) {
    test(name, () => {
      assert.throws(() => expand({ ids: [1], collection: "user", fields }, data), (error: unknown) => {
        assert.ok(error instanceof KeyRequestError);
        assert.equal(error.type, "ValueError");
        assert.equal(error.message, msg);
        return true;
      });
    });
  }
});

describe("Go-compatible JSON reading", () => {
  test("quoting of bytes in messages", () => {
    assert.equal(quoteByte(0x27), "'\\''");
    assert.equal(quoteByte(0x22), "'\"'");
    assert.equal(quoteByte(0x5c), "'\\\\'");
    assert.equal(quoteByte(0x01), "'\\x01'");
    assert.equal(quoteByte(0x0a), "'\\n'");
    assert.equal(quoteByte(0x41), "'A'");
    assert.equal(quoteByte(0xc3), "'Ã'");
  });

  test("strings with escapes and surrogate pairs", () => {
    assert.deepEqual(readFirstJsonValue('"a\\u00fc\\ud83d\\ude00\\n\\/"'), { kind: "string", value: "aü😀\n/" });
    assert.deepEqual(readFirstJsonValue('"\\ud800x"'), { kind: "string", value: "\ufffdx" });
  });

  test("numbers keep their literal; a number ends where it cannot continue", () => {
    assert.deepEqual(readFirstJsonValue("-0.5e+3"), { kind: "number", raw: "-0.5e+3" });
    assert.deepEqual(readFirstJsonValue("12x"), { kind: "number", raw: "12" });
  });
});

/** The example data as key -> value, with empty lists left out as the database does. */
function exampleDataSource(): KeyValueSource & { levels: string[][] } {
  const flat: Record<string, unknown> = {};
  for (const [collection, models] of Object.entries(readExampleData())) {
    for (const [id, model] of Object.entries(models)) {
      for (const [field, value] of Object.entries(model)) {
        if (value !== null && !(Array.isArray(value) && value.length === 0)) flat[`${collection}/${id}/${field}`] = value;
      }
    }
  }
  return fixtureSource(flat);
}

/** meeting -> agenda items -> content objects (generic) -> list of speakers -> speakers; tags -> tagged objects (generic list). */
const MEETING_TREE = [
  {
    ids: [1],
    collection: "meeting",
    fields: {
      name: null,
      agenda_item_ids: {
        type: "relation-list",
        collection: "agenda_item",
        fields: {
          item_number: null,
          content_object_id: {
            type: "generic-relation",
            fields: {
              title: null,
              list_of_speakers_id: {
                type: "relation",
                collection: "list_of_speakers",
                fields: { closed: null, speaker_ids: { type: "relation-list", collection: "speaker", fields: { meeting_user_id: null } } },
              },
            },
          },
        },
      },
      tag_ids: {
        type: "relation-list",
        collection: "tag",
        fields: { name: null, tagged_ids: { type: "generic-relation-list", fields: { title: null, item_number: null } } },
      },
    },
  },
];

for (const kind of ENGINES) {
  describe(`expansion on the state with the example data (${kind} engine)`, { timeout: 60_000 }, () => {
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

    test("four levels through relations and generic relations", () => {
      const requests = parseKeyRequests(JSON.stringify(MEETING_TREE));
      const { keys, dependencies } = expandKeys(requests, unrestrictedSource(state));
      const reference = exampleDataSource();
      const expected = expandKeys(requests, reference);
      assert.deepEqual(sorted(keys), sorted(expected.keys));
      assert.deepEqual(sorted(dependencies), sorted(expected.dependencies));
      assert.equal(reference.levels.length, 4);

      for (const key of [
        "meeting/1/name",
        "agenda_item/1/content_object_id",
        "motion/1/title",
        "motion/1/list_of_speakers_id",
        "list_of_speakers/1/speaker_ids",
        "speaker/11/meeting_user_id",
        "topic/5/title",
        "speaker/3/meeting_user_id",
        "motion_block/1/title",
        "tag/2/tagged_ids",
        "assignment/2/title",
        "agenda_item/4/item_number",
      ]) {
        assert.ok(keys.has(key), key);
      }
      // Fields the target collection lacks are skipped: agenda items have no title, assignments no item_number.
      assert.equal(keys.has("agenda_item/4/title"), false);
      assert.equal(keys.has("assignment/2/item_number"), false);
      // A list of speakers without speakers has no speaker_ids: nothing below it.
      assert.ok(dependencies.has("list_of_speakers/2/speaker_ids"));
      assert.equal(state.getField("list_of_speakers", 2, "speaker_ids"), undefined);
    });

    test("a change of a dependency moves the tree", async () => {
      const requests = parseKeyRequests(JSON.stringify(MEETING_TREE));
      const first = expandKeys(requests, unrestrictedSource(state));
      const change = await writeAndWait(database.db, state, [
        { type: "create", fqid: "speaker/100", fields: { list_of_speakers_id: 2, meeting_id: 1, meeting_user_id: 1 } },
      ]);
      assert.ok(change.keys.has("list_of_speakers/2/speaker_ids"));
      assert.ok(first.dependencies.has("list_of_speakers/2/speaker_ids"), "the change touches a dependency");

      const second = expandKeys(requests, unrestrictedSource(state));
      assert.deepEqual(sorted(second.keys).filter((key) => !first.keys.has(key)), ["speaker/100/meeting_user_id"]);
      assert.ok(second.dependencies.has("speaker/100/meeting_user_id") === false);
    });

    test("a change of a plain key does not touch the dependencies", async () => {
      const requests = parseKeyRequests(JSON.stringify(MEETING_TREE));
      const first = expandKeys(requests, unrestrictedSource(state));
      const change = await writeAndWait(database.db, state, [{ type: "update", fqid: "topic/5", fields: { title: "Renamed" } }]);
      assert.deepEqual([...change.keys], ["topic/5/title"]);
      assert.ok(first.keys.has("topic/5/title"));
      assert.equal(first.dependencies.has("topic/5/title"), false);
    });
  });
}
