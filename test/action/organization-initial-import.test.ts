// organization.initial_import over the internal route on an empty database: the initial data,
// an explicit models map, the checker's refusals, and a filled database.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startActionServer, type ActionServer } from "./support/action-server.js";

let server: ActionServer;
before(async () => {
  server = await startActionServer({}, { empty: true });
});
after(async () => server?.close());

async function emptyDatabase(): Promise<void> {
  await server.db.transaction(async (tx) => {
    const tables = await tx.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '%\\_t' ESCAPE '\\'");
    await tx.query(`TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  });
}
beforeEach(emptyDatabase);

const seed = (name: string) => JSON.parse(readFileSync(new URL(`../../../seed/${name}`, import.meta.url), "utf8")) as Record<string, any>;

const internal = (data: unknown, password = "openslides") =>
  fetch(`${server.url}/internal/handle_request`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: Buffer.from(password).toString("base64") },
    body: JSON.stringify([{ action: "organization.initial_import", data: [data] }]),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

test("empty data imports the initial data and reports the migration index", async () => {
  const answer = await internal({ data: {} });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const initial = seed("initial-data.json");
  const result = answer.body.results[0][0];
  assert.equal(result.data_migration_index, initial._migration_index);
  assert.equal(typeof result.backend_migration_index, "number");
  assert.equal(result.migration_needed, result.backend_migration_index > initial._migration_index);
  const organization = await server.db.get("organization/1", ["name", "default_language", "theme_id"]);
  assert.equal(organization?.name, initial.organization["1"].name);
  assert.equal(organization?.theme_id, initial.organization["1"].theme_id);
  assert.ok(await server.db.get("user/1", ["username"]));
  const [sequence] = await server.db.transaction((tx) => tx.query<{ last_value: string }>("SELECT last_value FROM gender_t_id_seq"));
  assert.equal(Number(sequence?.last_value), Object.keys(initial.gender).length);
});

test("the example data with its timestamps; a second import is refused", async () => {
  const answer = await internal({ data: seed("example-data.json") });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const meeting = await server.db.get("meeting/1", ["start_time", "name"]);
  assert.equal(meeting?.start_time, Date.parse("2011-11-11T11:11:11+01:00") / 1000);
  const again = await internal({ data: seed("initial-data.json") });
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "Datastore is not empty.");
});

test("the checker refuses unknown fields, missing fields, broken relations and number timestamps", async () => {
  const unknownField = seed("initial-data.json");
  unknownField.organization["1"].test_field = "test";
  const unknown = await internal({ data: unknownField });
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.message, /organization\/1: Invalid fields test_field \(value: test\)/);

  const missing = seed("initial-data.json");
  delete missing.organization["1"].default_language;
  assert.match((await internal({ data: missing })).body.message, /organization\/1: Missing fields default_language/);

  const relation = seed("initial-data.json");
  relation.organization["1"].theme_id = 666;
  const broken = await internal({ data: relation });
  assert.equal(broken.status, 400);
  assert.match(broken.body.message, /Relation Error: points to theme\/666\/theme_for_organization_id, but the reverse relation for it is corrupt\./);
  assert.match(broken.body.message, /Relation Error: points to organization\/1\/theme_id, but the reverse relation for it is corrupt\./);

  const wrongType = seed("initial-data.json");
  wrongType.organization["1"].theme_id = "test";
  assert.match((await internal({ data: wrongType })).body.message, /organization\/1\/theme_id: Type error: Type is not RelationField\(to=\{'theme': 'theme_for_organization_id'\}, is_list_field=False, on_delete=SET_NULL, required=True, constraints=\{\}\)/);

  const timestamp = seed("example-data.json");
  timestamp.meeting["1"].start_time = 12345678990;
  const number = await internal({ data: timestamp });
  assert.equal(number.status, 400);
  assert.match(number.body.message, /Could not convert value of field meeting\/start_time\. Message: fromisoformat: argument must be str/);

  // the schema's two checks of the migration index, worded as upstream's schema validator does
  const tooSmall = await internal({ data: { _migration_index: -1 } });
  assert.deepEqual([tooSmall.status, tooSmall.body.message], [400, "JSON does not match schema: data._migration_index must be bigger than or equal to 1"]);
  const notInteger = await internal({ data: { _migration_index: "1" } });
  assert.deepEqual([notInteger.status, notInteger.body.message], [400, "JSON does not match schema: data._migration_index must be integer"]);

  const collection = seed("initial-data.json");
  collection.no_such_collection = {};
  assert.match((await internal({ data: collection })).body.message, /Invalid collections: no_such_collection\./);
  assert.equal(await server.db.get("organization/1", ["id"]), undefined, "nothing was written");
});

test("a bad timezone fails on the database constraint; the public route does not know the action", async () => {
  const data = seed("example-data.json");
  data.meeting["1"].time_zone = "Mars/Tharsis_Montes";
  const answer = await internal({ data });
  assert.equal(answer.status, 400);
  assert.match(answer.body.message, /timezone_meeting_time_zone/);
  const denied = await internal({ data: {} }, "wrong");
  assert.equal(denied.status, 401);
  const publicRoute = await fetch(`${server.url}/system/action/handle_request`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify([{ action: "organization.initial_import", data: [{ data: {} }] }]),
  });
  assert.notEqual(publicRoute.status, 200);
  assert.equal(await server.db.get("organization/1", ["id"]), undefined);
});
