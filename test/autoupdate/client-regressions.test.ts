// Regressions the official client ran into (issue 16), and relation lists filtered to nothing
// (issue 15), over real HTTP against started servers.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, useTwoProcesses, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { loggedIn, openStream } from "./support.js";

/** Runs one action as the client; fails the test unless it answers 200. Returns the first result, if any. */
async function act(client: Client, action: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await client.post("/system/action/handle_request", [{ action, data: [data] }]);
  assert.equal(answer.status, 200, `${action}: ${answer.text}`);
  return (answer.body.results?.[0]?.[0] ?? {}) as Record<string, unknown>;
}

async function single(client: Client, body: unknown) {
  return client.request("POST", "/system/autoupdate?single=1", body);
}

/** The value of `key` once the autoupdate shows it (its state follows the database a moment later). */
async function valueOnceThere(client: Client, body: unknown, key: string): Promise<unknown> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await single(client, body);
    if (answer.body?.[key] !== undefined) return answer.body[key];
    if (Date.now() > deadline) throw new Error(`${key} did not appear: ${answer.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads a stream to its end (it must end within `timeoutMs`); returns its lines. */
async function readToEnd(url: string, headers: Record<string, string>, body: unknown, whenOpen: () => Promise<void>, timeoutMs = 10_000) {
  const response = await fetch(`${url}/system/autoupdate`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let opened = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (!opened && text.includes("\n")) {
      opened = true;
      await whenOpen();
    }
  }
  return text.split("\n").filter((line) => line !== "");
}

function credentials(client: Client): Record<string, string> {
  return { authentication: client.token!, cookie: client.cookie! };
}

const OPERATOR_REQUEST = (userId: number) => [
  { collection: "user", ids: [userId], fields: { username: null, meeting_user_ids: { type: "relation-list", collection: "meeting_user", fields: { meeting_id: null } } } },
  { collection: "organization", ids: [1], fields: { name: null } },
];

describe("client regressions on one process", () => {
  let server: StartedServer;
  let admin: Client;
  before(async () => {
    // Actions answer at once (no 202 with an action worker), however busy the machine.
    server = await startServer({ env: { OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "120" } });
    admin = await loggedIn(server.url, "admin", "admin");
  });
  after(async () => server?.stop());

  test("the admin of a new meeting in a new committee sees meeting/committee_id and the committee (agenda.spec)", async () => {
    // As the client's integration suite sets up its meetings: an account, a committee, a meeting with the account as admin.
    const account = await act(admin, "user.create", { username: "agenda-admin", default_password: "agenda-admin", is_active: true });
    const committee = await act(admin, "committee.create", { organization_id: 1, name: "Agenda committee", manager_ids: [1] });
    const meeting = await act(admin, "meeting.create", { committee_id: committee.id, name: "Agenda meeting", language: "en", admin_ids: [account.id] });
    const meetingAdmin = await loggedIn(server.url, "agenda-admin", "agenda-admin");
    // Before the fix the committee's user list stayed stale for good: this timed out.
    await valueOnceThere(meetingAdmin, [{ collection: "meeting", ids: [meeting.id], fields: { committee_id: null } }], `meeting/${meeting.id}/committee_id`);

    const answer = await single(meetingAdmin, [
      { collection: "meeting", ids: [meeting.id], fields: { committee_id: null } },
      { collection: "committee", ids: [committee.id], fields: { user_ids: null } },
      { collection: "user", ids: [account.id], fields: { committee_ids: null } },
    ]);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body[`meeting/${meeting.id}/committee_id`], committee.id, "upstream shows a meeting's committee to its members");
    assert.ok((answer.body[`committee/${committee.id}/user_ids`] as number[]).includes(account.id as number), "the meeting's admin is a user of its committee");
    assert.deepEqual(answer.body[`user/${account.id}/committee_ids`], [committee.id]);

    // What the agenda's forward dialog asks next, with the id it got.
    const forward = await single(meetingAdmin, [
      { collection: "committee", ids: [answer.body[`meeting/${meeting.id}/committee_id`]], fields: { name: null, meeting_ids: null } },
    ]);
    assert.equal(forward.status, 200, forward.text);
    assert.equal(forward.body[`committee/${committee.id}/name`], "Agenda committee");
  });

  test("ids null and 0 are answered as upstream's keysbuilder answers them", async () => {
    for (const ids of [[null], [0]]) {
      const answer = await single(admin, [{ collection: "committee", ids, fields: { name: null } }]);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { error: { type: "SyntaxError", msg: "id has to be a positive number" } });
    }
  });

  test("right after a login, a stream with the new cookie but no token yet is anonymous, not a 403 (login hang)", async () => {
    const delegate = await loggedIn(server.url, "a", "a");
    // The shared worker's anonymous stream, reconnected before its who-am-i brought the token.
    const early = await openStream(server.url, { cookie: delegate.cookie } as Client, OPERATOR_REQUEST(2));
    try {
      assert.equal(early.status, 200);
      const first = await early.next();
      assert.equal(first["organization/1/name"] !== undefined, true, "anonymous sees the organization's name");
      assert.ok(!("user/2/username" in first), "and nothing of the user");
    } finally {
      early.close();
    }
    // Then the worker's who-am-i gives the token, and the same request is the user's.
    const worker = new Client(server.url);
    worker.cookie = delegate.cookie;
    const whoAmI = await worker.post("/system/auth/who-am-i/");
    assert.equal(whoAmI.status, 200);
    const answer = await single(worker, OPERATOR_REQUEST(2));
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body["user/2/username"], "a");
  });

  test("many logins, each followed at once by the worker's who-am-i and first stream, all answer 200 with the user's data", async () => {
    for (let round = 0; round < 15; round++) {
      const page = await loggedIn(server.url, "a", "a");
      const worker = new Client(server.url);
      worker.cookie = page.cookie;
      const [whoAmI, withLoginToken] = await Promise.all([worker.post("/system/auth/who-am-i/"), single(page, OPERATOR_REQUEST(2))]);
      assert.equal(whoAmI.status, 200);
      assert.equal(withLoginToken.status, 200, withLoginToken.text);
      assert.equal(withLoginToken.body["user/2/username"], "a");
      const stream = await openStream(server.url, worker, OPERATOR_REQUEST(2), "?compress=1");
      try {
        assert.equal(stream.status, 200, `round ${round}`);
        assert.equal((await stream.next())["user/2/username"], "a");
      } finally {
        stream.close();
      }
    }
  });

  test("a logout ends the session's running stream without an error line (as upstream), so the client shows the login page", async () => {
    const delegate = await loggedIn(server.url, "a", "a");
    const lines = await readToEnd(server.url, credentials(delegate), OPERATOR_REQUEST(2), async () => {
      const logout = await delegate.post("/system/auth/secure/logout");
      assert.equal(logout.status, 200);
    });
    assert.ok(lines.length >= 1);
    assert.equal(JSON.parse(lines[0]!)["user/2/username"], "a");
    for (const line of lines) assert.ok(!("error" in JSON.parse(line)), `no error line: ${line}`);
  });

  test("a stream that opens a moment after its session's logout ends at once without a line; single reads keep upstream's 403 (login.spec 'open login after logout via api')", async () => {
    const delegate = await loggedIn(server.url, "a", "a");
    // The shared worker still has the token and cookie it had before the logout (in another tab, or the API) landed.
    const before = credentials(delegate);
    const logout = await delegate.post("/system/auth/secure/logout");
    assert.equal(logout.status, 200);
    // With the cookie, and without it once the logout's answer removed it (the token alone).
    for (const headers of [before, { authentication: before.authentication! }]) {
      const response = await fetch(`${server.url}/system/autoupdate`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(OPERATOR_REQUEST(2)),
        signal: AbortSignal.timeout(10_000),
      });
      assert.equal(response.status, 200);
      assert.equal(await response.text(), "", "no data of the logged-out user and no error line");
    }
    // A token without a cookie whose session is not revoked stays upstream's 403.
    const other = await loggedIn(server.url, "b", "b");
    const noCookie = await fetch(`${server.url}/system/autoupdate`, {
      method: "POST",
      headers: { "content-type": "application/json", authentication: other.token! },
      body: JSON.stringify(OPERATOR_REQUEST(3)),
    });
    assert.equal(noCookie.status, 403);
    assert.deepEqual(await noCookie.json(), { error: { type: "auth", msg: "Can not find auth cookie" } });
    const singleRead = await fetch(`${server.url}/system/autoupdate?single=1`, {
      method: "POST",
      headers: { "content-type": "application/json", ...before },
      body: JSON.stringify(OPERATOR_REQUEST(2)),
    });
    assert.equal(singleRead.status, 403);
    assert.deepEqual(await singleRead.json(), { error: { type: "auth", msg: "invalid session" } });
  });

  test("a relation list whose targets all became invisible is sent as [] in the first line and in updates (as upstream)", async () => {
    const delegate = await loggedIn(server.url, "a", "a");
    const parent = await act(admin, "topic.create", { meeting_id: 1, title: "Parent topic" });
    const child = await act(admin, "topic.create", { meeting_id: 1, title: "Child topic" });
    const itemOf = (topic: Record<string, unknown>) =>
      valueOnceThere(admin, [{ collection: "topic", ids: [topic.id], fields: { agenda_item_id: null } }], `topic/${topic.id}/agenda_item_id`);
    const parentItem = (await itemOf(parent)) as number;
    const childItem = (await itemOf(child)) as number;
    await act(admin, "agenda_item.assign", { meeting_id: 1, ids: [childItem], parent_id: parentItem });

    const request = [{ collection: "agenda_item", ids: [parentItem], fields: { child_ids: null, item_number: null } }];
    await valueOnceThere(delegate, request, `agenda_item/${parentItem}/child_ids`);
    const stream = await openStream(server.url, delegate, request);
    try {
      assert.deepEqual((await stream.next())[`agenda_item/${parentItem}/child_ids`], [childItem]);
      await act(admin, "agenda_item.update", { id: childItem, type: "hidden" });
      const update = await stream.next();
      assert.deepEqual(update[`agenda_item/${parentItem}/child_ids`], [], "not null: the list still has entries, none visible");
    } finally {
      stream.close();
    }
    const first = await single(delegate, request);
    assert.deepEqual(first.body[`agenda_item/${parentItem}/child_ids`], [], "the first line holds the key too");
    const asAdmin = await single(admin, request);
    assert.deepEqual(asAdmin.body[`agenda_item/${parentItem}/child_ids`], [childItem]);
  });
});

describe("client regressions on two processes with Redis", () => {
  const deployment = useTwoProcesses();

  test("a login in one process, who-am-i and the first stream in the other, many times: always the user's data", async () => {
    for (let round = 0; round < 10; round++) {
      const page = await loggedIn(deployment.first.url, "a", "a");
      const worker = new Client(deployment.second.url);
      worker.cookie = page.cookie;
      const early = await single(Object.assign(new Client(deployment.second.url), { cookie: page.cookie }), OPERATOR_REQUEST(2));
      assert.equal(early.status, 200, `round ${round}: ${early.text}`);
      assert.equal((await worker.post("/system/auth/who-am-i/")).status, 200);
      const stream = await openStream(deployment.second.url, worker, OPERATOR_REQUEST(2));
      try {
        assert.equal(stream.status, 200, `round ${round}`);
        assert.equal((await stream.next())["user/2/username"], "a");
      } finally {
        stream.close();
      }
    }
  });

  test("a logout in one process ends the session's stream in the other, without an error line", async () => {
    const delegate = await loggedIn(deployment.first.url, "a", "a");
    const lines = await readToEnd(deployment.second.url, credentials(delegate), OPERATOR_REQUEST(2), async () => {
      assert.equal((await delegate.post("/system/auth/secure/logout")).status, 200);
    });
    assert.equal(JSON.parse(lines[0]!)["user/2/username"], "a");
    for (const line of lines) assert.ok(!("error" in JSON.parse(line)), `no error line: ${line}`);
  });
});
