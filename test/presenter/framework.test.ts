// The presenter request pipeline over HTTP: routes, error envelope, authentication, and the
// first presenters (get_valid_timezones, number_of_users, get_active_users_amount).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

const PATH = "/system/presenter/handle_request";

describe("presenter component", () => {
  let server: StartedServer;
  let admin: Client;
  let userA: Client;
  let anonymous: Client;

  before(async () => {
    server = await startServer();
    admin = new Client(server.url);
    await admin.login("admin", "admin");
    userA = new Client(server.url);
    await userA.login("a", "a");
    anonymous = new Client(server.url);
  });
  after(async () => {
    await server.stop();
  });

  test("health", async () => {
    const answer = await anonymous.get("/system/presenter/health");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: "running" });
  });

  test("bad requests answer 400 with upstream's texts", async () => {
    const cases: Array<[unknown, string]> = [
      [[], "The browser (or proxy) sent a request that this server could not understand."],
      [{ presenter: "x" }, "data must be array"],
      [[{ data: {} }], "data[0] must contain ['presenter'] properties"],
      [[{ presenter: "" }], "data[0].presenter must be longer than or equal to 1 characters"],
      [[{ presenter: "whoami" }], "Presenter whoami does not exist."],
      [[{ presenter: "number_of_users" }], "No data given."],
      [[{ presenter: "number_of_users", data: {} }], "data must contain ['number_of_users_to_add_or_activate'] properties"],
    ];
    for (const [body, message] of cases) {
      const answer = await admin.post(PATH, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.deepEqual(answer.body, { success: false, message });
    }
    const wrongType = await admin.post(PATH, "[]", { "content-type": "text/plain" });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.message, "Wrong media type. Use 'Content-Type: application/json' instead.");
    const query = await admin.post(`${PATH}?x=1`, [{ presenter: "number_of_users", data: { number_of_users_to_add_or_activate: 1 } }]);
    assert.equal(query.status, 404);
  });

  test("a failed authentication is a 400", async () => {
    const answer = await anonymous.post(PATH, [{ presenter: "get_active_users_amount", data: {} }], { authentication: "bearer nonsense", cookie: "refreshId=bearer%20nonsense" });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.success, false);
  });

  test("results come in request order; number_of_users needs no permission", async () => {
    const answer = await anonymous.post(PATH, [
      { presenter: "number_of_users", data: { number_of_users_to_add_or_activate: 5 } },
      { presenter: "number_of_users", data: { number_of_users_to_add_or_activate: 0 } },
    ]);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, [{ possible: true }, { possible: true }]);
  });

  test("get_active_users_amount", async () => {
    const allowed = await admin.post(PATH, [{ presenter: "get_active_users_amount", data: {} }]);
    assert.equal(allowed.status, 200);
    assert.equal(typeof allowed.body[0].active_users_amount, "number");
    assert.ok(allowed.body[0].active_users_amount >= 3);
    const denied = await userA.post(PATH, [{ presenter: "get_active_users_amount", data: {} }]);
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, { success: false, message: "Missing OrganizationManagementLevel: can_manage_users" });
    const extra = await admin.post(PATH, [{ presenter: "get_active_users_amount", data: { x: 1 } }]);
    assert.equal(extra.status, 400);
  });

  test("get_valid_timezones", async () => {
    const allowed = await admin.post(PATH, [{ presenter: "get_valid_timezones", data: {} }]);
    assert.equal(allowed.status, 200);
    assert.equal(typeof allowed.body[0]["Europe/Berlin"], "string");
    assert.equal(allowed.body[0]["UTC"], "UTC");
    const denied = await userA.post(PATH, [{ presenter: "get_valid_timezones", data: {} }]);
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, { success: false, message: "Missing Permission: meeting.can_manage_settings" });
    const badData = await admin.post(PATH, [{ presenter: "get_valid_timezones", data: [] }]);
    assert.equal(badData.status, 400);
  });
});
