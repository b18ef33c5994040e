// poll/live_votes over real HTTP with two server processes (one database, one Redis): ballots cast
// on either process reach autoupdate streams on both; the value is upstream's (user id → the
// named ballot text with live voting, else null; absent before start and after stop); only poll
// managers and users with poll.can_see_progress (restriction mode C) get it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, startTwoProcesses, type StartedServer } from "../support/server.js";
import type { Client } from "../support/http.js";
import { loggedIn, openStream, type StreamReader } from "../autoupdate/support.js";

let first: StartedServer;
let second: StartedServer;
let stopAll: () => Promise<void>;
let admin: Client;
let aOnFirst: Client;
let bOnSecond: Client;
let adminOnSecond: Client;

before(async () => {
  ({ first, second, stop: stopAll } = await startTwoProcesses());
  admin = await loggedIn(first.url, "admin", "admin");
  adminOnSecond = await loggedIn(second.url, "admin", "admin");
  aOnFirst = await loggedIn(first.url, "a", "a");
  bOnSecond = await loggedIn(second.url, "b", "b");
  for (const id of [2, 3]) {
    const answer = await act(admin, "user.set_present", { id, meeting_id: 1, present: true });
    assert.equal(answer.status, 200, answer.text);
  }
});
after(async () => stopAll?.());

async function act(client: Client, action: string, data: Record<string, unknown>) {
  return client.post("/system/action/handle_request", [{ action, data: [data] }]);
}

const vote = (client: Client, pollId: number, body: unknown) => client.post(`/system/vote?id=${pollId}`, JSON.stringify(body));

async function createPoll(data: Record<string, unknown>): Promise<{ id: number; options: number[] }> {
  const created = await act(admin, "poll.create", { meeting_id: 1, title: "Live", entitled_group_ids: [2, 5], ...data });
  assert.equal(created.status, 200, created.text);
  const id = created.body.results[0][0].id as number;
  // The process's state follows the database shortly after the action's commit.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const read = await admin.get(`/system/autoupdate?single=1&k=poll/${id}/option_ids`);
    const options = read.body[`poll/${id}/option_ids`] as number[] | undefined;
    if (options) return { id, options };
    if (Date.now() > deadline) throw new Error(`poll ${id} did not arrive`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reads stream lines into a snapshot (null removes a key) until `check` holds for it. */
async function until(stream: StreamReader, snapshot: Record<string, unknown>, check: (data: Record<string, unknown>) => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!check(snapshot)) {
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(snapshot)}`);
    const line = await stream.next(Math.max(100, deadline - Date.now()));
    for (const [key, value] of Object.entries(line)) {
      if (value === null) delete snapshot[key];
      else snapshot[key] = value;
    }
  }
  return snapshot;
}

const ballot = (userId: number, value: unknown) => JSON.stringify({ request_user_id: userId, vote_user_id: userId, value, weight: "1.000000" });

describe("poll/live_votes", () => {
  test("named motion poll with live voting: each ballot reaches streams on both processes, with its vote", async () => {
    const { id } = await createPoll({ content_object_id: "motion/1", type: "named", pollmethod: "YNA", live_voting_enabled: true, options: [{ content_object_id: "motion/1" }] });
    const request = [{ collection: "poll", ids: [id], fields: { state: null, live_votes: null, option_ids: null } }];
    const onFirst = await openStream(first.url, admin, request);
    const onSecond = await openStream(second.url, adminOnSecond, request);
    const delegate = await openStream(first.url, aOnFirst, request);
    const seenFirst: Record<string, unknown> = {};
    const seenSecond: Record<string, unknown> = {};
    const seenDelegate: Record<string, unknown> = {};
    const key = `poll/${id}/live_votes`;
    try {
      await until(onFirst, seenFirst, (data) => data[`poll/${id}/state`] === "created", "created");
      assert.ok(!(key in seenFirst), "no live votes before the poll is started");
      const option = (seenFirst[`poll/${id}/option_ids`] as number[])[0]!;

      assert.equal((await act(admin, "poll.start", { id })).status, 200);
      for (const [stream, seen] of [[onFirst, seenFirst], [onSecond, seenSecond]] as const) {
        await until(stream, seen, (data) => data[`poll/${id}/state`] === "started" && key in data, "started");
        assert.deepEqual(seen[key], {});
      }

      const aVote = { [option]: "Y" };
      assert.equal((await vote(aOnFirst, id, { value: aVote })).status, 200);
      for (const [stream, seen] of [[onFirst, seenFirst], [onSecond, seenSecond]] as const) {
        await until(stream, seen, (data) => Object.keys((data[key] as object | undefined) ?? {}).length === 1, "a's vote");
        assert.deepEqual(seen[key], { "2": ballot(2, aVote) });
      }

      // Cast on the second process: the first process's subscriber gets it through the bus.
      assert.equal((await vote(bOnSecond, id, { value: "A" })).status, 400, "global abstain is off");
      const bVote = { [option]: "N" };
      assert.equal((await vote(bOnSecond, id, { value: bVote })).status, 200);
      for (const [stream, seen] of [[onFirst, seenFirst], [onSecond, seenSecond]] as const) {
        await until(stream, seen, (data) => Object.keys((data[key] as object | undefined) ?? {}).length === 2, "b's vote");
        assert.deepEqual(seen[key], { "2": ballot(2, aVote), "3": ballot(3, bVote) });
      }
      const single = await adminOnSecond.get(`/system/autoupdate?single=1&k=${key}`);
      assert.deepEqual(single.body[key], { "2": ballot(2, aVote), "3": ballot(3, bVote) });

      // The delegate sees the poll, but not its live votes (mode C).
      const denied = await aOnFirst.get(`/system/autoupdate?single=1&k=${key},poll/${id}/state`);
      assert.deepEqual(denied.body, { [`poll/${id}/state`]: "started" });

      assert.equal((await act(admin, "poll.stop", { id })).status, 200);
      await until(onSecond, seenSecond, (data) => data[`poll/${id}/state`] === "finished", "finished");
      assert.ok(!(key in seenSecond), "no live votes after stop");
      await until(onFirst, seenFirst, (data) => data[`poll/${id}/state`] === "finished", "finished");
      assert.ok(!(key in seenFirst));
      await until(delegate, seenDelegate, (data) => data[`poll/${id}/state`] === "finished", "delegate");
      assert.ok(!(key in seenDelegate), "the delegate never got live votes");
    } finally {
      onFirst.close();
      onSecond.close();
      delegate.close();
    }
  });

  test("without live voting: user ids with null; mode C hides it from a delegate who sees the poll", async () => {
    const { id, options } = await createPoll({ content_object_id: "topic/1", type: "pseudoanonymous", pollmethod: "Y", options: [{ text: "A" }, { text: "B" }] });
    const key = `poll/${id}/live_votes`;
    const request = [{ collection: "poll", ids: [id], fields: { state: null, live_votes: null } }];
    assert.equal((await act(admin, "poll.start", { id })).status, 200);
    const onSecond = await openStream(second.url, adminOnSecond, request);
    const delegate = await openStream(second.url, bOnSecond, request);
    const seen: Record<string, unknown> = {};
    const seenDelegate: Record<string, unknown> = {};
    try {
      await until(onSecond, seen, (data) => data[`poll/${id}/state`] === "started" && key in data, "started");
      assert.deepEqual(seen[key], {});
      assert.equal((await vote(aOnFirst, id, { value: { [options[0]!]: 1 } })).status, 200);
      await until(onSecond, seen, (data) => Object.keys((data[key] as object | undefined) ?? {}).length === 1, "a's vote");
      assert.deepEqual(seen[key], { "2": null });
      assert.equal((await vote(bOnSecond, id, { value: { [options[1]!]: 1 } })).status, 200);
      await until(onSecond, seen, (data) => Object.keys((data[key] as object | undefined) ?? {}).length === 2, "b's vote");
      assert.deepEqual(seen[key], { "2": null, "3": null });

      await until(delegate, seenDelegate, (data) => data[`poll/${id}/state`] === "started", "delegate sees the poll");
      assert.ok(!(key in seenDelegate), "mode C: not for a delegate");
      const single = await bOnSecond.get(`/system/autoupdate?single=1&k=${key},poll/${id}/state`);
      assert.deepEqual(single.body, { [`poll/${id}/state`]: "started" });

      // poll.can_see_progress opens mode C for the delegates.
      const perms = await act(admin, "group.update", { id: 5, permissions: ["agenda_item.can_see_internal", "user.can_see", "poll.can_see_progress"] });
      assert.equal(perms.status, 200, perms.text);
      // (the group change is committed through the first process; the second follows shortly)
      const deadline = Date.now() + 10_000;
      let granted = await bOnSecond.get(`/system/autoupdate?single=1&k=${key}`);
      while (!(key in granted.body) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        granted = await bOnSecond.get(`/system/autoupdate?single=1&k=${key}`);
      }
      assert.deepEqual(granted.body, { [key]: { "2": null, "3": null } });

      assert.equal((await act(admin, "poll.reset", { id })).status, 200);
      await until(onSecond, seen, (data) => data[`poll/${id}/state`] === "created", "reset");
      assert.ok(!(key in seen), "a reset poll has no live votes");
      const after = await adminOnSecond.get(`/system/autoupdate?single=1&k=${key}`);
      assert.deepEqual(after.body, {});
    } finally {
      onSecond.close();
      delegate.close();
    }
  });
});

describe("poll/live_votes in one process without Redis", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server?.stop());

  test("the in-process bus carries the ballot to the stream", async () => {
    const own = await loggedIn(server.url, "admin", "admin");
    const created = await act(own, "poll.create", { meeting_id: 1, title: "Local", content_object_id: "topic/1", entitled_group_ids: [2], type: "named", pollmethod: "Y", options: [{ text: "A" }] });
    assert.equal(created.status, 200, created.text);
    const id = created.body.results[0][0].id as number;
    assert.equal((await act(own, "poll.start", { id })).status, 200);
    const key = `poll/${id}/live_votes`;
    const stream = await openStream(server.url, own, [{ collection: "poll", ids: [id], fields: { live_votes: null, option_ids: null } }]);
    const seen: Record<string, unknown> = {};
    try {
      await until(stream, seen, (data) => key in data && `poll/${id}/option_ids` in data, "started");
      assert.deepEqual(seen[key], {});
      const option = (seen[`poll/${id}/option_ids`] as number[])[0]!;
      assert.equal((await vote(own, id, { value: { [option]: 1 } })).status, 200);
      await until(stream, seen, (data) => Object.keys((data[key] as object | undefined) ?? {}).length === 1, "the vote");
      assert.deepEqual(seen[key], { "1": null }, "live voting is off");
    } finally {
      stream.close();
    }
  });
});
