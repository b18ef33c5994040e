// Actions that end sessions: deactivating a user, and changing one's own password.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { loggedInClient, useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });

async function userWithPassword(username: string, password: string): Promise<{ id: number; client: Client }> {
  const created = await suite.run(suite.admin, "user.create", { username, first_name: username });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  assert.equal((await suite.run(suite.admin, "user.set_password", { id, password })).status, 200);
  return { id, client: await loggedInClient(suite.server.url, username, password) };
}

/** who-am-i renews the access token only for a living session. */
const isLoggedIn = async (client: Client) => {
  const answer = await client.post("/system/auth/who-am-i", {});
  return answer.status === 200 && Boolean(answer.headers.get("authentication"));
};

test("user.update is_active=false ends every session of that user", async () => {
  const { id, client } = await userWithPassword("leaving", "secret1");
  assert.equal(await isLoggedIn(client), true);
  const other = await userWithPassword("staying", "secret2");
  const answer = await suite.run(suite.admin, "user.update", { id, is_active: false });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await isLoggedIn(client), false);
  assert.equal(await isLoggedIn(other.client), true, "other users keep their sessions");
});

test("user.set_password_self logs the user out everywhere; setting another user's password does not", async () => {
  const { id, client } = await userWithPassword("changer", "before1");
  const second = await loggedInClient(suite.server.url, "changer", "before1");
  const byAdmin = await suite.run(suite.admin, "user.set_password", { id, password: "before1" });
  assert.equal(byAdmin.status, 200);
  assert.equal(await isLoggedIn(client), true);
  assert.equal(await isLoggedIn(suite.admin), true);
  const own = await suite.run(client, "user.set_password_self", { old_password: "before1", new_password: "after1" });
  assert.equal(own.status, 200, JSON.stringify(own.body));
  assert.equal(await isLoggedIn(second), false);
  assert.ok(await loggedInClient(suite.server.url, "changer", "after1"));
});
