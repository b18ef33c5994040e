// get_user_editable on the example data over HTTP: the field-group rules of user.update per user.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenter get_user_editable", () => {
  let t: PresenterTestServer;
  before(async () => {
    t = await startPresenterServer();
  });
  after(async () => t.stop());

  test("the superadmin may edit everyone's fields", async () => {
    const answer = await present(t.admin, "get_user_editable", { user_ids: [2, 3], fields: ["first_name", "default_password", "organization_management_level"] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const editable = { first_name: [true, ""], default_password: [true, ""], organization_management_level: [true, ""] };
    assert.deepEqual(answer.body, { "2": editable, "3": editable });
  });

  test("a user manager may not touch a superadmin; a plain user nobody", async () => {
    const { client: manager } = await t.createUser("usermanager", { organization_management_level: "can_manage_users" });
    const answer = await present(manager, "get_user_editable", { user_ids: [1, 2], fields: ["first_name", "default_password"] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const refused = [false, "Your organization management level is not high enough to change a user with a Level of superadmin!"];
    assert.deepEqual(answer.body["1"], { first_name: refused, default_password: refused });
    assert.deepEqual(answer.body["2"], { first_name: [true, ""], default_password: [true, ""] });

    const { client: plain } = await t.createUser("plainuser");
    const denied = await present(plain, "get_user_editable", { user_ids: [3], fields: ["first_name"] });
    assert.equal(denied.status, 200);
    assert.equal(denied.body["3"].first_name[0], false);
    assert.match(denied.body["3"].first_name[1], /^Missing permission/);
  });

  test("bad data", async () => {
    const empty = await present(t.admin, "get_user_editable", { user_ids: [2], fields: [] });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.message, "Need at least one field name to check editability.");
    assert.equal((await present(t.admin, "get_user_editable", { user_ids: [2] })).status, 400);
    assert.equal((await present(t.admin, "get_user_editable", { user_ids: [2], fields: ["no_such_field"] })).status, 400);
    assert.equal((await present(t.admin, "get_user_editable", { user_ids: ["x"], fields: ["first_name"] })).status, 400);
  });
});
