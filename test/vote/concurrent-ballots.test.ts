// Ballots under a real vote (issue 14): 1,000 users of one meeting vote on one named poll of a
// started server, 200 requests at a time. Every ballot is accepted (no 5xx, none lost) and
// counted exactly at stop, with delegations and vote weights; a ballot sent twice at the same
// moment is accepted once and answered upstream's double-vote 400 once; ballots racing a stop
// are either accepted and counted or answered "stopped", never lost.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { act, createVoters, inParallel, type Voter } from "./support/many-voters.js";

const VOTERS = 980;
const DELEGATORS = 20;
const HEAVY = 100;
const CONCURRENCY = 200;
const GROUP = 5;

let server: StartedServer;
let admin: Client;
/** Vote for themselves; the first HEAVY have vote weight 2.5, the first DELEGATORS hold a delegation. */
let voters: Voter[];
/** Delegated their vote to voters[i]. */
let delegators: Voter[];

before(async () => {
  server = await startServer({ database: "external", env: { OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" } });
  admin = new Client(server.url);
  await admin.login("admin", "admin");
  await act(admin, "meeting.update", [{ id: 1, users_enable_vote_weight: true, users_enable_vote_delegations: true }]);
  voters = await createVoters(admin, server.url, VOTERS, GROUP, "voter", (i) => (i < HEAVY ? { vote_weight: "2.500000" } : {}));
  delegators = await createVoters(admin, server.url, DELEGATORS, GROUP, "delegator", (i) => ({ vote_delegated_to_id: voters[i]!.meetingUserId }));
});
after(async () => server?.stop());

async function startedPoll(): Promise<{ id: number; option: number }> {
  const [created] = await act(admin, "poll.create", [{
    meeting_id: 1, title: "Meeting day", content_object_id: "topic/1", type: "named", pollmethod: "YNA", entitled_group_ids: [GROUP], options: [{ text: "Yes or no" }],
  }]);
  const id = Number(created!.id);
  await act(admin, "poll.start", [{ id }]);
  // The server's state follows the database shortly after the commit.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const read = await admin.get(`/system/autoupdate?single=1&k=poll/${id}/option_ids`);
    const option = (read.body[`poll/${id}/option_ids`] as number[] | undefined)?.[0];
    if (option !== undefined) return { id, option };
    if (Date.now() > deadline) throw new Error(`no option of poll ${id}: ${read.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const letterOf = (index: number) => ["Y", "N", "A"][index % 3]!;
const cast = (voter: Voter, pollId: number, body: unknown) => voter.client.post(`/system/vote?id=${pollId}`, JSON.stringify(body));

async function pollResult(id: number, option: number) {
  const keys = [...["voted_ids", "votesvalid", "votescast", "state"].map((field) => `poll/${id}/${field}`), ...["yes", "no", "abstain"].map((field) => `option/${option}/${field}`)];
  const read = await admin.get(`/system/autoupdate?single=1&k=${keys.join(",")}`);
  return read.body as Record<string, unknown>;
}

async function untilFinished(id: number, option: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await pollResult(id, option);
    if (result[`poll/${id}/state`] === "finished") return result;
    if (Date.now() > deadline) throw new Error(`poll ${id} not finished: ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("ballots of 1,000 users on one poll", () => {
  test("all accepted at concurrency 200, counted exactly at stop with delegations and weights", async () => {
    const { id, option } = await startedPoll();
    // The delegates cast the delegators' ballots, interleaved with everybody else's.
    const ballots = [
      ...voters.map((voter, index) => ({ sender: voter, userId: voter.userId, weight: index < HEAVY ? 2.5 : 1, letter: letterOf(index) })),
      ...delegators.map((delegator, index) => ({ sender: voters[index]!, userId: delegator.userId, weight: 1, letter: letterOf(index + 1) })),
    ].sort((x, y) => (x.userId * 7919) % 1009 - (y.userId * 7919) % 1009);
    const answers = await inParallel(ballots, CONCURRENCY, (ballot) => cast(ballot.sender, id, { value: { [option]: ballot.letter }, user_id: ballot.userId }));
    const failed = answers.map((answer, index) => ({ answer, ballot: ballots[index]! })).filter(({ answer }) => answer.status !== 200);
    assert.deepEqual(failed.slice(0, 3).map(({ answer }) => `${answer.status} ${answer.text}`), []);

    const stopped = await admin.post("/system/action/handle_request", [{ action: "poll.stop", data: [{ id }] }]);
    assert.equal(stopped.status, 200, stopped.text);
    const result = await untilFinished(id, option);
    const expected = (letter: string) => ballots.filter((ballot) => ballot.letter === letter).reduce((sum, ballot) => sum + ballot.weight, 0).toFixed(6);
    assert.deepEqual((result[`poll/${id}/voted_ids`] as number[]).length, VOTERS + DELEGATORS);
    assert.deepEqual(new Set(result[`poll/${id}/voted_ids`] as number[]), new Set(ballots.map((ballot) => ballot.userId)));
    assert.equal(result[`poll/${id}/votescast`], `${VOTERS + DELEGATORS}.000000`);
    assert.equal(result[`poll/${id}/votesvalid`], (VOTERS + DELEGATORS + HEAVY * 1.5).toFixed(6));
    assert.equal(result[`option/${option}/yes`], expected("Y"));
    assert.equal(result[`option/${option}/no`], expected("N"));
    assert.equal(result[`option/${option}/abstain`], expected("A"));
  });

  test("a ballot sent twice at once: one accepted, one double-vote 400, for each of 200 users", async () => {
    const { id, option } = await startedPoll();
    const senders = voters.slice(0, 200);
    const twice = senders.flatMap((voter) => [voter, voter]);
    const answers = await inParallel(twice, CONCURRENCY, (voter) => cast(voter, id, { value: { [option]: "Y" }, user_id: voter.userId }));
    for (let i = 0; i < senders.length; i++) {
      const pair = [answers[2 * i]!, answers[2 * i + 1]!].sort((x, y) => x.status - y.status);
      assert.deepEqual(pair.map((answer) => answer.status), [200, 400], pair.map((answer) => answer.text).join(" | "));
      assert.deepEqual(pair[1]!.body, { error: "double-vote", message: JSON.stringify({ error: "double-vote", message: "Not the first vote" }) });
    }
    // A delegate voting again for a delegator who already has a ballot gets the same answer.
    const again = await cast(voters[0]!, id, { value: { [option]: "N" }, user_id: voters[0]!.userId });
    assert.equal(again.status, 400);
    assert.equal(again.body.error, "double-vote");
    await act(admin, "poll.stop", [{ id }]);
    const result = await untilFinished(id, option);
    assert.equal((result[`poll/${id}/voted_ids`] as number[]).length, senders.length);
    assert.equal(result[`option/${option}/yes`], (HEAVY * 2.5 + (senders.length - HEAVY)).toFixed(6));
  });

  test("ballots racing a stop: each is counted or answered stopped, none is lost", async () => {
    const { id, option } = await startedPoll();
    const racing = voters.slice(200, 800);
    let accepted = 0;
    let stopAnswer: Promise<{ status: number; text: string }> | undefined;
    const answers = await inParallel(racing, 100, async (voter) => {
      const answer = await cast(voter, id, { value: { [option]: "N" }, user_id: voter.userId });
      if (answer.status === 200 && ++accepted === 150) stopAnswer = admin.post("/system/action/handle_request", [{ action: "poll.stop", data: [{ id }] }]);
      return answer;
    });
    assert.ok(stopAnswer, "the stop was sent");
    const stopped = await stopAnswer;
    assert.equal(stopped.status, 200, stopped.text);
    const acceptedIds = racing.filter((_, index) => answers[index]!.status === 200).map((voter) => voter.userId);
    const refused = answers.filter((answer) => answer.status !== 200);
    assert.ok(refused.length > 0, "some ballots came after the stop");
    for (const answer of refused) {
      assert.equal(answer.status, 400, answer.text);
      assert.ok(["stopped", "not-exist"].includes(answer.body.error), answer.text);
    }
    const result = await untilFinished(id, option);
    assert.deepEqual([...(result[`poll/${id}/voted_ids`] as number[])].sort((x, y) => x - y), acceptedIds.sort((x, y) => x - y));
    assert.equal(result[`poll/${id}/votescast`], `${acceptedIds.length}.000000`);
  });
});
