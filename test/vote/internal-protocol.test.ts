// Upstream's internal protocol of the vote service on the vote port (spec icc-vote 2.1, 2.4,
// 2.8), as upstream's backend and autoupdate use it against a started server: start, stop
// (idempotent, ballots and voters), clear, clear_all with their errors, and the live_votes
// stream (a first line at once, then only what changed, null for a cleared poll). The routes are
// not served on the main port.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { openLineStream, type LineStream } from "../support/stream-client.js";
import { act } from "./support/many-voters.js";

let server: StartedServer;
let votePort: Client;
let admin: Client;

before(async () => {
  server = await startServer({ env: { OPENSLIDES_COMPONENT_PORTS: "vote", VOTE_PORT: "0", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" } });
  votePort = new Client(`http://127.0.0.1:${server.componentPorts.vote}`);
  admin = new Client(server.url);
  await admin.login("admin", "admin");
});
after(async () => server?.stop());

/** A poll of meeting 1 in state created (not started by the action: upstream's backend calls start itself). */
async function createdPoll(data: Record<string, unknown> = {}): Promise<{ id: number; option: number }> {
  const [created] = await act(admin, "poll.create", [{
    meeting_id: 1, title: "Internal", content_object_id: "topic/1", type: "named", pollmethod: "YN", entitled_group_ids: [2], options: [{ text: "A" }], ...data,
  }]);
  const id = Number(created!.id);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const read = await admin.get(`/system/autoupdate?single=1&k=poll/${id}/option_ids`);
    const option = (read.body[`poll/${id}/option_ids`] as number[] | undefined)?.[0];
    if (option !== undefined || data.type === "analog") return { id, option: option ?? 0 };
    if (Date.now() > deadline) throw new Error(`poll ${id} did not arrive: ${read.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const internal = (route: string, query = "") => votePort.post(`/internal/vote/${route}${query}`, "");
const bareError = (type: string, message: string) => ({ error: type, message: JSON.stringify({ error: type, message }) });

/** Applies stream lines to `snapshot` until `check` holds. */
async function until(stream: LineStream, snapshot: Record<string, unknown>, check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(snapshot)}`);
    const line = JSON.parse(await stream.next(Math.max(100, deadline - Date.now()))) as Record<string, Record<string, unknown> | null>;
    for (const [pollId, votes] of Object.entries(line)) {
      if (votes === null) delete snapshot[pollId];
      else snapshot[pollId] = { ...(snapshot[pollId] as object | undefined), ...votes };
    }
  }
}

describe("vote service: upstream's internal protocol", () => {
  test("start, ballot, stop (twice), ballot after stop, clear, stop after clear", async () => {
    const { id, option } = await createdPoll();
    const started = await internal("start", `?id=${id}`);
    assert.equal(started.status, 200, started.text);
    assert.equal(started.text, "");
    assert.match(started.headers.get("content-type") ?? "", /application\/json/);

    const ballot = await admin.post(`/system/vote?id=${id}`, JSON.stringify({ value: { [option]: "Y" }, user_id: 1 }));
    assert.equal(ballot.status, 200, ballot.text);

    const expected = { votes: [{ request_user_id: 1, vote_user_id: 1, value: { [option]: "Y" }, weight: "1.000000" }], user_ids: [1] };
    const stopped = await internal("stop", `?id=${id}`);
    assert.equal(stopped.status, 200, stopped.text);
    assert.deepEqual(stopped.body, expected);
    assert.deepEqual((await internal("stop", `?id=${id}`)).body, expected, "stop is idempotent");

    const late = await admin.post(`/system/vote?id=${id}`, JSON.stringify({ value: { [option]: "N" }, user_id: 1 }));
    assert.equal(late.status, 400);
    assert.deepEqual(late.body, bareError("stopped", "The vote is not open for votes"));

    assert.equal((await internal("clear", `?id=${id}`)).status, 200);
    assert.equal((await internal("clear", `?id=${id}`)).status, 200, "clear is idempotent");
    const afterClear = await internal("stop", `?id=${id}`);
    assert.equal(afterClear.status, 400);
    assert.deepEqual(afterClear.body, { error: "not-exist", message: `Poll ${id} does not exist in the backend` });
  });

  test("an empty stop, clear_all, and the errors of start and stop", async () => {
    const { id } = await createdPoll();
    assert.equal((await internal("start", `?id=${id}`)).status, 200);
    assert.deepEqual((await internal("stop", `?id=${id}`)).body, { votes: [], user_ids: [] });
    assert.equal((await internal("start", `?id=${id}`)).status, 200, "start again: no error");
    assert.equal((await internal("clear_all")).status, 200);
    assert.equal((await internal("stop", `?id=${id}`)).status, 400, "clear_all forgot the poll");

    const unknown = await internal("start", "?id=99999");
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body, { error: "not-exist", message: "Poll 99999 does not exist" });
    assert.deepEqual((await internal("stop", "?id=99999")).body, { error: "not-exist", message: "Poll 99999 does not exist" });
    const { id: analog } = await createdPoll({ type: "analog", pollmethod: "YN", entitled_group_ids: undefined });
    assert.deepEqual((await internal("start", `?id=${analog}`)).body, { error: "invalid", message: "Analog poll can not be started" });
    assert.deepEqual((await internal("start")).body, { error: "invalid", message: "no id argument provided" });
    assert.deepEqual((await internal("stop", "?id=x")).body, { error: "invalid", message: "id invalid. Expected int, got x" });
  });

  test("live_votes: a first line at once, then new voters, and null for a cleared poll", async () => {
    const { id, option } = await createdPoll({ content_object_id: "motion/1", live_voting_enabled: true, options: [{ content_object_id: "motion/1" }] });
    const { id: secret, option: secretOption } = await createdPoll({ type: "pseudoanonymous" });
    assert.equal((await internal("start", `?id=${id}`)).status, 200);
    assert.equal((await internal("start", `?id=${secret}`)).status, 200);
    const stream = await openLineStream(`${votePort.baseUrl}/internal/vote/live_votes`);
    try {
      assert.equal(stream.status, 200);
      const first = JSON.parse(await stream.next(5000)) as Record<string, unknown>;
      assert.deepEqual(first, { [id]: {}, [secret]: {} });

      const snapshot: Record<string, unknown> = { ...first };
      assert.equal((await admin.post(`/system/vote?id=${id}`, JSON.stringify({ value: { [option]: "Y" }, user_id: 1 }))).status, 200);
      assert.equal((await admin.post(`/system/vote?id=${secret}`, JSON.stringify({ value: { [secretOption]: "N" }, user_id: 1 }))).status, 200);
      await until(stream, snapshot, () => Object.keys(snapshot[id] as object).length === 1 && Object.keys(snapshot[secret] as object).length === 1, "the ballots");
      assert.deepEqual(JSON.parse((snapshot[id] as Record<string, string>)["1"]!), { request_user_id: 1, vote_user_id: 1, value: { [option]: "Y" }, weight: "1.000000" });
      assert.deepEqual(snapshot[secret], { "1": null }, "no ballot text without named live voting");

      assert.equal((await internal("clear", `?id=${id}`)).status, 200);
      await until(stream, snapshot, () => !(String(id) in snapshot), "the cleared poll");
      assert.ok(String(secret) in snapshot);
    } finally {
      stream.close();
    }
  });

  test("not served on the main port", async () => {
    const { id } = await createdPoll();
    const answer = await admin.post(`/internal/vote/start?id=${id}`, "");
    assert.notEqual(answer.status, 200, answer.text);
    assert.equal((await internal("stop", `?id=${id}`)).status, 400, "the poll was not started");
  });
});
