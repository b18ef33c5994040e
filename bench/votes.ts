// The vote service under a real vote (issue 14): 1,000 participants of meeting 1 cast one ballot
// each on a named YNA poll, sent at a fixed concurrency (20, then 200) to one server process
// (development mode, external PostgreSQL). Per run: accepted, 5xx, other answers, ballots/s,
// p50/p99 answer times, and whether poll.stop counted every accepted ballot. The users are SSO
// users made through user.create (no password hashing) with tickets signed by the development
// keys, so no login is measured. The load average is printed, as the machine may be shared.
// Run: npm run bench -- votes
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { startServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";
import { act, createVoters, inParallel, type Voter } from "../test/vote/support/many-voters.js";

const USERS = 1000;
const GROUP = 5;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

async function startedPoll(admin: Client, title: string): Promise<{ id: number; option: number }> {
  const [created] = await act(admin, "poll.create", [{
    meeting_id: 1, title, content_object_id: "topic/1", type: "named", pollmethod: "YNA", entitled_group_ids: [GROUP], options: [{ text: "Motion" }],
  }]);
  const id = Number(created!.id);
  await act(admin, "poll.start", [{ id }]);
  for (let attempt = 0; attempt < 200; attempt++) {
    const read = await admin.get(`/system/autoupdate?single=1&k=poll/${id}/option_ids`);
    const option = (read.body[`poll/${id}/option_ids`] as number[] | undefined)?.[0];
    if (option !== undefined) return { id, option };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`poll ${id} has no option`);
}

async function countedVoters(admin: Client, id: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const read = await admin.get(`/system/autoupdate?single=1&k=poll/${id}/state,poll/${id}/voted_ids`);
    if (read.body[`poll/${id}/state`] === "finished") return (read.body[`poll/${id}/voted_ids`] as number[]).length;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`poll ${id} did not finish`);
}

async function vote(admin: Client, voters: Voter[], concurrency: number): Promise<Record<string, string | number>> {
  const { id, option } = await startedPoll(admin, `Concurrency ${concurrency}`);
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const load = loadavg()[0]!;
  const start = performance.now();
  await inParallel(voters, concurrency, async (voter, index) => {
    const sent = performance.now();
    const answer = await voter.client.post(`/system/vote?id=${id}`, JSON.stringify({ value: { [option]: ["Y", "N", "A"][index % 3] }, user_id: voter.userId }));
    times.push(performance.now() - sent);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  });
  const seconds = (performance.now() - start) / 1000;
  await act(admin, "poll.stop", [{ id }]);
  const counted = await countedVoters(admin, id);
  times.sort((x, y) => x - y);
  const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
  const accepted = statuses.get(200) ?? 0;
  return {
    concurrency,
    ballots: voters.length,
    accepted,
    "5xx": serverErrors,
    other: voters.length - accepted - serverErrors,
    "counted at stop": counted,
    "ballots/s": Math.round(voters.length / seconds),
    "p50 ms": Math.round(percentile(times, 0.5)),
    "p99 ms": Math.round(percentile(times, 0.99)),
    "load (1 min) at start": load.toFixed(1),
  };
}

export async function run(): Promise<void> {
  const server = await startServer({
    database: "external",
    env: { OPENSLIDES_LOGLEVEL: "error", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" },
    startTimeoutMs: 120_000,
  });
  try {
    const admin = new Client(server.url);
    await admin.login("admin", "admin");
    const voters = await createVoters(admin, server.url, USERS, GROUP, "bench");
    const rows = [];
    for (const concurrency of [20, 200]) rows.push(await vote(admin, voters, concurrency));
    console.table(rows);
    console.log(`load average after: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  } finally {
    await server.stop();
  }
}
