// The vote component over HTTP together with poll.start / stop / publish / reset / delete: ballots
// of several users (own votes, delegations, vote weights), the voted route, the error answers,
// and the votes, option sums and poll totals written at stop.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { anonymousClient, type Client } from "../action/support/action-server.js";
import { startVoteServer, type VoteServer } from "./support/vote-server.js";

let server: VoteServer;
let admin: Client;
let a: Client;
let b: Client;

before(async () => {
  server = await startVoteServer();
  admin = await server.login("admin");
  a = await server.login("a");
  b = await server.login("b");
  // users 2 and 3 present in meeting 1; the admin (meeting_user 1, group 2 Admin) is present already
  await server.db.transaction((tx) =>
    tx.write([
      { type: "update", fqid: "meeting/1", fields: { present_user_ids: [1, 2, 3] } },
    ]),
  );
});
after(async () => server?.close());

const get = (fqid: string, fields?: string[]) => server.db.get(fqid, fields);
const write = (fqid: string, fields: Record<string, unknown>) => server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const act = async (client: Client, action: string, data: Record<string, unknown>) => client.post("/system/action/handle_request", [{ action, data: [data] }]);
const vote = (client: Client, pollId: number | string, body: unknown) => client.post(`/system/vote?id=${pollId}`, typeof body === "string" ? body : JSON.stringify(body));

async function startedPoll(data: Record<string, unknown>): Promise<{ id: number; options: number[]; global: number }> {
  const created = await act(admin, "poll.create", { meeting_id: 1, title: "E", content_object_id: "topic/1", entitled_group_ids: [2, 5], ...data });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  const started = await act(admin, "poll.start", { id });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const poll = await get(`poll/${id}`, ["option_ids", "global_option_id", "state"]);
  assert.equal(poll?.state, "started");
  return { id, options: poll?.option_ids as number[], global: poll?.global_option_id as number };
}

describe("vote service", () => {
  test("health", async () => {
    const answer = await anonymousClient(server.url).get("/system/vote/health");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { healthy: true, service: "vote" });
  });

  test("a named YNA poll: three users vote, stop writes votes, sums, totals and entitled users", async () => {
    const { id, options, global } = await startedPoll({ type: "named", pollmethod: "YNA", global_abstain: true, max_votes_amount: 2, options: [{ text: "A" }, { text: "B" }] });
    for (const [client, body] of [
      [admin, { value: { [options[0]!]: "Y", [options[1]!]: "N" } }],
      [a, { value: { [options[0]!]: "A" } }],
      [b, { value: "A", user_id: 3 }],
    ] as const) {
      const answer = await vote(client, id, body);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    }

    const double = await vote(a, id, { value: { [options[0]!]: "Y" } });
    assert.equal(double.status, 400);
    assert.deepEqual(double.body, { error: "double-vote", message: JSON.stringify({ error: "double-vote", message: "Not the first vote" }) });
    const voted = await a.get(`/system/vote/voted?ids=${id},999`);
    assert.deepEqual(voted.body, { [String(id)]: [2], "999": null });

    const stopped = await act(admin, "poll.stop", { id });
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    const poll = await get(`poll/${id}`);
    assert.equal(poll?.state, "finished");
    assert.deepEqual(poll?.voted_ids, [1, 2, 3]);
    assert.equal(poll?.votesvalid, "3.000000");
    assert.equal(poll?.votescast, "3.000000");
    assert.equal(poll?.votesinvalid, "0.000000");
    const entitled = (poll?.entitled_users_at_stop as Array<Record<string, unknown>>).sort((x, y) => Number(x.user_id) - Number(y.user_id));
    assert.deepEqual(entitled, [
      { voted: true, present: true, user_id: 1, vote_delegated_to_user_id: null },
      { voted: true, present: true, user_id: 2, vote_delegated_to_user_id: null },
      { voted: true, present: true, user_id: 3, vote_delegated_to_user_id: null },
    ]);
    const first = await get(`option/${options[0]}`);
    assert.deepEqual([first?.yes, first?.no, first?.abstain], ["1.000000", "0.000000", "1.000000"]);
    const second = await get(`option/${options[1]}`);
    assert.deepEqual([second?.yes, second?.no, second?.abstain], ["0.000000", "1.000000", "0.000000"]);
    const globalOption = await get(`option/${global}`);
    assert.equal(globalOption?.abstain, "1.000000");
    const votes = await server.db.getMany("vote", [...(first?.vote_ids as number[]), ...(second?.vote_ids as number[]), ...(globalOption?.vote_ids as number[])]);
    const summary = [...votes.values()].map((v) => `${v.option_id}:${v.value}:${v.weight}:${v.user_id}:${v.delegated_user_id}`).sort();
    assert.deepEqual(summary, [
      `${options[0]}:A:1.000000:2:2`, `${options[0]}:Y:1.000000:1:1`, `${options[1]}:N:1.000000:1:1`, `${global}:A:1.000000:3:3`,
    ].sort());
    for (const v of votes.values()) assert.match(String(v.user_token), /^[a-zA-Z0-9]{16}$/);
    assert.ok(((await get("user/2", ["vote_ids"]))?.vote_ids as number[]).length > 0);
    assert.ok(((await get("user/2", ["poll_voted_ids"]))?.poll_voted_ids as number[]).includes(id));
    // history on motions/assignments only: a topic has none, the poll is closed in the store
    const late = await vote(b, id, { value: { [options[0]!]: "Y" } });
    assert.equal(late.body.error, "not-exist");
    const again = await act(admin, "poll.stop", { id });
    assert.equal(again.body.message, `Cannot stop poll ${id}, because it is not in state started.`);
  });

  test("a named poll's votes get their ids in voter order, entitled users come in meeting user order", async () => {
    // user 3 in group 3 (Staff): the groups' members in group order are meeting users 1, 3, 2
    const moved = await act(admin, "user.update", { id: 3, meeting_id: 1, group_ids: [3] });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    try {
      const { id, global } = await startedPoll({ type: "named", pollmethod: "Y", global_no: true, options: [{ text: "A" }], entitled_group_ids: [2, 3, 5] });
      for (const client of [b, a, admin]) {
        const answer = await vote(client, id, { value: "N" });
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
      }
      const stopped = await act(admin, "poll.stop", { id });
      assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
      const voteIds = (await get(`option/${global}`, ["vote_ids"]))?.vote_ids as number[];
      const votes = await server.db.getMany("vote", voteIds, ["user_id"]);
      assert.deepEqual([...votes.entries()].sort(([x], [y]) => x - y).map(([, v]) => v.user_id), [1, 2, 3]);
      const poll = await get(`poll/${id}`, ["entitled_users_at_stop"]);
      assert.deepEqual((poll?.entitled_users_at_stop as Array<Record<string, unknown>>).map((entry) => entry.user_id), [1, 2, 3]);
    } finally {
      await act(admin, "user.update", { id: 3, meeting_id: 1, group_ids: [5] });
    }
  });

  test("a pseudoanonymous Y poll on a motion: amounts, vote weights, no user ids, publish stops it", async () => {
    await write("meeting/1", { users_enable_vote_weight: true });
    await write("meeting_user/2", { vote_weight: "2.500000" });
    await write("meeting_user/3", { vote_weight: null });
    const { id, options } = await startedPoll({
      type: "pseudoanonymous", pollmethod: "Y", content_object_id: "motion/1", max_votes_amount: 2, max_votes_per_option: 2, options: [{ text: "A" }, { text: "B" }],
    });
    assert.equal((await vote(a, id, { value: { [options[0]!]: 2 } })).status, 200);
    assert.equal((await vote(b, id, { value: { [options[0]!]: 1, [options[1]!]: 1 } })).status, 200);
    const zero = await vote(admin, id, { value: { [options[0]!]: 0, [options[1]!]: 0 } });
    assert.equal(zero.body.message, "The sum of your answers has to be between 1 and 2");

    const published = await act(admin, "poll.publish", { id });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const poll = await get(`poll/${id}`);
    assert.equal(poll?.state, "published");
    assert.equal(poll?.votesvalid, "3.500000");
    assert.equal(poll?.votescast, "2.000000");
    assert.deepEqual(poll?.voted_ids, [2, 3]);
    const first = await get(`option/${options[0]}`);
    assert.equal(first?.yes, "6.000000");
    const second = await get(`option/${options[1]}`);
    assert.equal(second?.yes, "1.000000");
    const votes = await server.db.getMany("vote", [...(first?.vote_ids as number[]), ...(second?.vote_ids as number[])]);
    assert.equal(votes.size, 3);
    for (const v of votes.values()) {
      assert.equal(v.user_id, undefined);
      assert.equal(v.delegated_user_id, undefined);
    }
    const history = await server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: "motion/1" }, ["entries"]);
    const entries = [...history.values()].flatMap((entry) => entry.entries as string[]);
    for (const text of ["Voting created", "Voting started", "Voting stopped/published"]) assert.ok(entries.includes(text), text);
    await write("meeting/1", { users_enable_vote_weight: false });
    await write("meeting_user/2", { vote_weight: "1.000000" });
  });

  test("delegations: voting for a delegator, forbidding the delegator, entitled_users_at_stop", async () => {
    await write("meeting_user/3", { vote_delegated_to_id: 2 });
    await write("meeting_user/2", { vote_delegations_from_ids: [3] });
    const { id, options } = await startedPoll({ type: "named", pollmethod: "Y", options: [{ text: "A" }] });
    const forAdmin = await vote(a, id, { value: { [options[0]!]: 1 }, user_id: 1 });
    assert.deepEqual(forAdmin.body, { error: "not-allowed", message: "You can not vote for user 1" });
    const forB = await vote(a, id, { value: { [options[0]!]: 1 }, user_id: 3 });
    assert.equal(forB.status, 200, JSON.stringify(forB.body));
    const voted = await a.get(`/system/vote/voted?ids=${id}`);
    assert.deepEqual(voted.body, { [String(id)]: [3] });

    await write("meeting/1", { users_forbid_delegator_to_vote: true });
    const self = await vote(b, id, { value: { [options[0]!]: 1 } });
    assert.deepEqual(self.body, { error: "not-allowed", message: "You have delegated your vote and therefore can not vote for your self" });
    await write("meeting/1", { users_forbid_delegator_to_vote: false, users_enable_vote_delegations: false });
    const off = await vote(a, id, { value: { [options[0]!]: 1 }, user_id: 3 });
    assert.deepEqual(off.body, { error: "not-allowed", message: "Vote delegation is not activated in meeting 1" });
    await write("meeting/1", { users_enable_vote_delegations: true });

    const stopped = await act(admin, "poll.stop", { id });
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    const poll = await get(`poll/${id}`);
    const entitled = (poll?.entitled_users_at_stop as Array<Record<string, unknown>>).find((entry) => entry.user_id === 3);
    assert.deepEqual(entitled, { voted: true, present: true, user_id: 3, vote_delegated_to_user_id: 2 });
    const optionVotes = await server.db.getMany("vote", (await get(`option/${options[0]}`, ["vote_ids"]))?.vote_ids as number[]);
    const [only] = [...optionVotes.values()];
    assert.deepEqual([only?.user_id, only?.delegated_user_id], [3, 2]);
    await write("meeting_user/3", { vote_delegated_to_id: null });
    await write("meeting_user/2", { vote_delegations_from_ids: [] });
  });

  test("refusals: anonymous, bad ids, absent, not entitled, bad values, not started", async () => {
    const { id, options } = await startedPoll({ type: "named", pollmethod: "YN", entitled_group_ids: [5], global_yes: false, options: [{ text: "A" }] });
    const anonymous = await vote(anonymousClient(server.url), id, { value: "Y" });
    assert.equal(anonymous.status, 401);
    assert.deepEqual(anonymous.body, { error: "not-allowed", message: "Anonymous user can not vote" });
    assert.deepEqual((await a.post("/system/vote", "{}")).body, { error: "invalid", message: "no id argument provided" });
    assert.deepEqual((await vote(a, "x", {})).body, { error: "invalid", message: "id invalid. Expected int, got x" });
    assert.deepEqual((await a.get("/system/vote/voted?ids=1,")).body, { error: "invalid", message: "2th id invalid. Expected int, got " });
    assert.deepEqual((await vote(a, 9999, {})).body, { error: "not-exist", message: "Poll 9999 does not exist" });
    const notEntitled = await vote(admin, id, { value: { [options[0]!]: "Y" } });
    assert.deepEqual(notEntitled.body, { error: "not-allowed", message: "User 1 is not allowed to vote. He is not in an entitled group" });
    await write("meeting/1", { present_user_ids: [1, 3] });
    const absent = await vote(a, id, { value: { [options[0]!]: "Y" } });
    assert.deepEqual(absent.body, { error: "not-allowed", message: "You have to be present in meeting 1" });
    await write("meeting/1", { present_user_ids: [1, 2, 3] });
    const cases: Array<[unknown, string]> = [
      [{ value: "Y" }, "Global vote Y is not enabled"],
      [{ value: { [options[0]!]: "A" } }, `Data for option ${options[0]} does not fit the poll method.`],
      [{ value: { "999999": "Y" } }, "Option_id 999999 does not belong to the poll"],
      [{ value: { [options[0]!]: 1 } }, "Your vote has a wrong format"],
      [{ value: {} }, "Your vote has a wrong format"],
      [{ value: null }, "Your vote has a wrong format"],
      [{ value: [1, 2, 5] }, "decoding payload: unknown vote value: `[1,2,5]`"],
      [{ value: { [options[0]!]: [null] } }, `decoding payload: unknown vote value: \`{"${options[0]}":[null]}\``],
      [{ value: { id: 1 } }, 'decoding payload: unknown vote value: `{"id":1}`'],
      [{ value: { [options[0]!]: 1, "999999": "Y" } }, `decoding payload: unknown vote value: \`{"${options[0]}":1,"999999":"Y"}\``],
    ];
    for (const [body, message] of cases) {
      const answer = await vote(a, id, body);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { error: "invalid", message });
    }
    assert.equal((await vote(a, id, "not json")).body.error, "invalid");
    assert.deepEqual((await vote(a, id, { user_id: 2 })).body, { error: "invalid", message: "Your vote has a wrong format" });
    assert.deepEqual((await vote(a, id, { value: "Y", user_id: null })).body, { error: "not-allowed", message: "Votes for anonymous user are not allowed" });

    const created = await act(admin, "poll.create", { meeting_id: 1, title: "E", content_object_id: "topic/1", type: "named", pollmethod: "Y", entitled_group_ids: [5], options: [{ text: "A" }] });
    const notStarted = await vote(a, created.body.results[0][0].id, { value: "Y" });
    assert.equal(notStarted.body.error, "invalid");
  });

  test("poll.start refusals, reset and delete clear the store", async () => {
    const analog = await act(admin, "poll.create", { meeting_id: 1, title: "E", content_object_id: "topic/1", type: "analog", pollmethod: "Y", options: [{ text: "A" }] });
    const analogStart = await act(admin, "poll.start", { id: analog.body.results[0][0].id });
    assert.equal(analogStart.body.message, "Analog polls cannot be started. Please use poll.update instead to give votes.");
    const { id, options } = await startedPoll({ type: "named", pollmethod: "Y", options: [{ text: "A" }] });
    const twice = await act(admin, "poll.start", { id });
    assert.equal(twice.body.message, `Cannot start poll ${id}, because it is not in state created.`);
    const denied = await act(a, "poll.start", { id });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action poll.start. Missing Permission: poll.can_manage");
    // the coupled countdown (meeting 1: poll_couple_countdown, countdown 2) runs
    assert.equal((await get("projector_countdown/2", ["running"]))?.running, true);

    assert.equal((await vote(a, id, { value: { [options[0]!]: 1 } })).status, 200);
    const reset = await act(admin, "poll.reset", { id });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal((await get(`poll/${id}`, ["state"]))?.state, "created");
    assert.deepEqual((await a.get(`/system/vote/voted?ids=${id}`)).body, { [String(id)]: null });
    assert.equal((await vote(a, id, { value: { [options[0]!]: 1 } })).body.error, "not-exist");

    assert.equal((await act(admin, "poll.start", { id })).status, 200);
    assert.equal((await vote(a, id, { value: { [options[0]!]: 1 } })).status, 200);
    const deleted = await act(admin, "poll.delete", { id });
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.equal(await get(`poll/${id}`), undefined);
    assert.deepEqual((await a.get(`/system/vote/voted?ids=${id}`)).body, { [String(id)]: null });
    const rows = await server.db.query<{ n: string }>("SELECT count(*) AS n FROM vote.poll WHERE id = $1", [id]);
    assert.equal(Number(rows[0]!.n), 0);
  });

  test("ballots racing a stop: every accepted ballot is counted, later ones are refused", async () => {
    const { id, options } = await startedPoll({ type: "pseudoanonymous", pollmethod: "Y", options: [{ text: "A" }] });
    const ballot = { value: { [options[0]!]: 1 } };
    const [first, second, stop, third] = await Promise.all([vote(admin, id, ballot), vote(a, id, ballot), act(admin, "poll.stop", { id }), vote(b, id, ballot)]);
    assert.equal(stop.status, 200, JSON.stringify(stop.body));
    const accepted = [first, second, third].filter((answer) => answer.status === 200).length;
    for (const answer of [first, second, third]) if (answer.status !== 200) assert.ok(["stopped", "not-exist"].includes(answer.body.error), JSON.stringify(answer.body));
    const poll = await get(`poll/${id}`, ["votescast", "voted_ids"]);
    assert.equal(poll?.votescast, `${accepted}.000000`);
    assert.equal(((poll?.voted_ids as number[] | undefined) ?? []).length, accepted);
    assert.equal((await get(`option/${options[0]}`, ["yes"]))?.yes ?? "0.000000", `${accepted}.000000`);
  });

  test("a stop that fails leaves the ballots in the store", async () => {
    const { id, options } = await startedPoll({ type: "named", pollmethod: "Y", options: [{ text: "A" }] });
    assert.equal((await vote(a, id, { value: { [options[0]!]: 1 } })).status, 200);
    const failing = await admin.post("/system/action/handle_request", [
      { action: "poll.stop", data: [{ id }] },
      { action: "topic.update", data: [{ id: 1, title: 5 }] },
    ]);
    assert.equal(failing.status, 400);
    assert.equal((await get(`poll/${id}`, ["state"]))?.state, "started");
    assert.deepEqual((await a.get(`/system/vote/voted?ids=${id}`)).body, { [String(id)]: [2] });
    const stopped = await act(admin, "poll.stop", { id });
    assert.equal(stopped.status, 200);
    assert.equal((await get(`option/${options[0]}`, ["yes"]))?.yes, "1.000000");
  });
});
