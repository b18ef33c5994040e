// The action component's HTTP interface: routes, seed aliases, processing order, error shapes,
// handle_separately, the internal route and the info listing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { anonymousClient, loggedInClient, startActionServer, type ActionServer, type Client } from "./support/action-server.js";

let server: ActionServer;
let admin: Client;
let anonymous: Client;

before(async () => {
  server = await startActionServer();
  admin = await loggedInClient(server.url, "admin", "admin");
  anonymous = anonymousClient(server.url);
});

after(async () => {
  await server?.close();
});

const topicCount = async () => (await server.db.filter("topic", undefined, ["id"])).size;
const internalPassword = Buffer.from("openslides").toString("base64");

describe("health, info, version", () => {
  test("health answers running", async () => {
    const answer = await anonymous.get("/system/action/health");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: "running" });
    assert.match(answer.headers.get("content-type") ?? "", /application\/json/);
  });

  test("info lists every registered action with its array schema", async () => {
    const answer = await anonymous.get("/system/action/info");
    assert.equal(answer.status, 200);
    const actions = answer.body.healthinfo.actions;
    assert.deepEqual(Object.keys(actions), [...Object.keys(actions)].sort());
    assert.ok("list_of_speakers.delete" in actions, "backend-internal actions are listed");
    assert.ok(!("list_of_speakers.create" in actions), "unregistered helpers are not");
    const schema = actions["topic.create"].schema;
    assert.equal(schema.type, "array");
    assert.equal(schema.title, "Action data");
    assert.deepEqual(schema.items.required, ["meeting_id", "title"]);
    assert.equal(schema.items.additionalProperties, false);
    assert.ok("agenda_tag_ids" in schema.items.properties);
  });

  test("version: version.txt's release, \"dev\" without one (as upstream), not the package version", async () => {
    const answer = await anonymous.get("/system/action/version");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { version: "dev" });
  });

  test("the seed's aliases: GET /health lists the actions, POST / handles a request", async () => {
    const health = await anonymous.get("/health");
    assert.equal(health.status, 200);
    assert.equal(health.body.status, "running");
    assert.ok("topic.create" in health.body.healthinfo.actions);
    const created = await admin.post("/", [{ action: "topic.create", data: [{ meeting_id: 1, title: "foo" }] }]);
    assert.equal(created.status, 200);
    assert.equal(typeof created.body.results[0][0].id, "number");
  });
});

describe("request checks (spec 2.2, 2.4)", () => {
  const route = "/system/action/handle_request";

  test("wrong media type", async () => {
    const answer = await admin.post(route, "[]", { "content-type": "text/plain" });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { success: false, message: "Wrong media type. Use 'Content-Type: application/json' instead." });
  });

  test("empty and broken bodies", async () => {
    const empty = await admin.post(route, "");
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.body, { success: false, message: "Failed to decode JSON object: Expecting value: line 1 column 1 (char 0)" });
    const broken = await admin.post(route, "[{");
    assert.equal(broken.status, 400);
    assert.match(broken.body.message, /^Failed to decode JSON object: /);
  });

  test("falsy bodies get werkzeug's generic text", async () => {
    for (const body of ["[]", "{}", "null", "0", "false"]) {
      const answer = await admin.post(route, body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body.message, "The browser (or proxy) sent a request that this server could not understand.");
    }
  });

  test("payload schema violations", async () => {
    const cases: Array<[unknown, string]> = [
      [{ a: 1 }, "data must be array"],
      [[{}], "data[0] must contain ['action', 'data'] properties"],
      [[{ action: "topic.create", data: [], x: 1 }], "data[0] must not contain {'x'} properties"],
      [[{ action: "", data: [] }], "data[0].action must be longer than or equal to 1 characters"],
      [[{ action: "topic.create", data: {} }], "data[0].data must be array"],
      [[{ action: "topic.create", data: [1] }], "data[0].data[0] must be object"],
    ];
    for (const [body, message] of cases) {
      const answer = await admin.post(route, body);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { success: false, message, message_args: {} });
    }
  });

  test("unknown and non-public actions do not exist", async () => {
    for (const name of ["fuzzy_action", "list_of_speakers.delete", "list_of_speakers.create"]) {
      const answer = await admin.post(route, [{ action: name, data: [{ id: 1 }] }]);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { success: false, message: `Action ${name} does not exist.` });
    }
  });

  test("a query string does not match the route", async () => {
    const answer = await admin.post(`${route}?x=1`, [{ action: "topic.create", data: [{ meeting_id: 1, title: "q" }] }]);
    assert.equal(answer.status, 404);
  });

  test("anonymous in a meeting without anonymous access", async () => {
    const answer = await anonymous.post(route, [{ action: "topic.create", data: [{ meeting_id: 1, title: "anon" }] }]);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, { success: false, message: "Anonymous is not enabled for meeting 1" });
  });

  test("malformed credentials are a 400", async () => {
    const answer = await anonymous.post(route, [{ action: "topic.create", data: [{ meeting_id: 1, title: "x" }] }], {
      authentication: "Bearer nonsense",
      cookie: "refreshId=bearer%20nonsense",
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.success, false);
    assert.match(answer.body.message, /^The credentials are not valid\./);
  });
});

describe("handle_separately", () => {
  test("an element's action error becomes its result; the others are written", async () => {
    const count = await topicCount();
    const answer = await admin.post("/system/action/handle_separately", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "s1" }] },
      { action: "topic.create", data: [{ meeting_id: 1 }] },
      { action: "topic.create", data: [{ meeting_id: 1, title: "s3" }] },
    ]);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.success, true);
    const [first, second, third] = answer.body.results;
    assert.equal(typeof first[0].id, "number");
    assert.deepEqual(second, {
      success: false,
      message: "Action topic.create: data must contain ['title'] properties",
      action_data_error_index: 0,
      message_args: {},
    });
    assert.equal(typeof third[0].id, "number");
    assert.equal(await topicCount(), count + 2);
  });

  test("with a trailing slash the request is atomic (upstream quirk)", async () => {
    const count = await topicCount();
    const answer = await admin.post("/system/action/handle_separately/", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "s1" }] },
      { action: "topic.create", data: [{ meeting_id: 1 }] },
    ]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.action_error_index, 1);
    assert.equal(await topicCount(), count);
  });
});

describe("internal route", () => {
  const route = "/internal/handle_request";
  const payload = [{ action: "topic.create", data: [{ meeting_id: 1, title: "internal" }] }];

  test("needs the internal password", async () => {
    const missing = await anonymous.post(route, payload);
    assert.equal(missing.status, 401);
    assert.equal(missing.body.success, false);
    assert.equal(missing.headers.get("www-authenticate"), null);
    const wrong = await anonymous.post(route, payload, { authorization: Buffer.from("wrong").toString("base64") });
    assert.equal(wrong.status, 401);
    const notBase64 = await anonymous.post(route, payload, { authorization: "abc" });
    assert.equal(notBase64.status, 400);
    assert.equal(notBase64.body.message, "The internal auth password must be correctly base64-encoded.");
  });

  test("runs without permission checks; backend-internal actions are reachable in development", async () => {
    const created = await anonymous.post(route, payload, { authorization: internalPassword });
    assert.equal(created.status, 200);
    assert.equal(typeof created.body.results[0][0].id, "number");
    const internalAction = await anonymous.post(route, [{ action: "meeting_mediafile.create", data: [{ meeting_id: 1, mediafile_id: 1, is_public: true }] }], {
      authorization: internalPassword,
    });
    // meeting_mediafile (1, 1) exists already: the unique constraint answers, not "does not exist".
    assert.equal(internalAction.status, 400);
    assert.notEqual(internalAction.body.message, "Action meeting_mediafile.create does not exist.");
  });
});
