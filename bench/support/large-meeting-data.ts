// A generated large meeting for the autoupdate benchmarks: meeting 1 of the example data grows
// through the action service to `users` participants (delegates, password "pw"), `motions`
// motions (one submitter each) and `topics` topics with three speakers each. Generating takes
// minutes, so the data folder is kept under .bench-data/ and reused by later runs with the same
// sizes (delete the folder to generate anew).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { startServer, type StartOptions, type StartedServer } from "../../test/support/server.js";
import { Client } from "../../test/support/http.js";

export interface LargeMeetingSizes {
  users: number;
  motions: number;
  topics: number;
}

export interface LargeMeeting {
  server: StartedServer;
  usernames: string[];
  motionIds: number[];
}

const BATCH = 50;

export async function act(client: Client, action: string, data: unknown[]): Promise<Array<Record<string, unknown>>> {
  const answer = await client.post("/system/action/handle_request", [{ action, data }]);
  if (answer.status !== 200) throw new Error(`${action} failed: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.body.results[0];
}

async function inBatches<T>(items: T[], work: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await work(items.slice(i, i + BATCH));
}

async function generate(admin: Client, sizes: LargeMeetingSizes): Promise<{ usernames: string[]; motionIds: number[] }> {
  const usernames = Array.from({ length: sizes.users }, (_, i) => `delegate${i + 1}`);
  const meetingUserIds: number[] = [];
  await inBatches(usernames, async (batch) => {
    const results = await act(admin, "user.create", batch.map((username, i) => ({
      username, first_name: `First${i}`, last_name: username, default_password: "pw", meeting_id: 1, group_ids: [5],
    })));
    for (const result of results) meetingUserIds.push(result.meeting_user_id as number);
  });
  const motionIds: number[] = [];
  await inBatches(Array.from({ length: sizes.motions }, (_, i) => i), async (batch) => {
    const results = await act(admin, "motion.create", batch.map((i) => ({
      meeting_id: 1, title: `Motion ${i}`, text: `<p>Text of motion ${i}</p>`, submitter_meeting_user_ids: [meetingUserIds[i % meetingUserIds.length]],
    })));
    for (const result of results) motionIds.push(result.id as number);
  });
  const topicIds: number[] = [];
  await inBatches(Array.from({ length: sizes.topics }, (_, i) => i), async (batch) => {
    const results = await act(admin, "topic.create", batch.map((i) => ({ meeting_id: 1, title: `Topic ${i}`, text: `<p>About ${i}</p>` })));
    for (const result of results) topicIds.push(result.id as number);
  });
  // The autoupdate state follows the database a moment later.
  let topics: Record<string, number> = {};
  for (let attempt = 0; attempt < 50 && !topics[`topic/${topicIds.at(-1)}/list_of_speakers_id`]; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await admin.post("/system/autoupdate?single=1", [{ collection: "topic", ids: topicIds, fields: { list_of_speakers_id: null } }]);
    topics = JSON.parse(response.text.split("\n")[0]!) as Record<string, number>;
  }
  const speakers = topicIds.flatMap((id, i) => [0, 1, 2].map((n) => ({
    list_of_speakers_id: topics[`topic/${id}/list_of_speakers_id`], meeting_user_id: meetingUserIds[(i * 3 + n) % meetingUserIds.length],
  })));
  // speaker.create takes one speaker per request, as upstream.
  await inBatches(speakers, (batch) => Promise.all(batch.map((speaker) => act(admin, "speaker.create", [speaker]))));
  return { usernames, motionIds };
}

/** Starts a server on the generated meeting, generating it first when no kept copy exists. */
export async function startLargeMeeting(sizes: LargeMeetingSizes, options: StartOptions = {}): Promise<LargeMeeting> {
  const dataDir = resolve(".bench-data", `large-${sizes.users}-${sizes.motions}-${sizes.topics}`);
  const marker = join(dataDir, "generated.json");
  const env = { OPENSLIDES_LOGLEVEL: "error", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1", ...options.env };
  if (!existsSync(marker)) {
    mkdirSync(dataDir, { recursive: true });
    const server = await startServer({ ...options, env: { ...env, OPENSLIDES_DATA_DIR: dataDir }, startTimeoutMs: 120_000 });
    try {
      const admin = new Client(server.url);
      await admin.login("admin", "admin");
      const started = performance.now();
      const generated = await generate(admin, sizes);
      console.log(`generated ${sizes.users} participants, ${sizes.motions} motions, ${sizes.topics} topics in ${Math.round((performance.now() - started) / 1000)} s`);
      writeFileSync(marker, JSON.stringify(generated));
    } finally {
      await server.stop({ keepData: true });
    }
  }
  const generated = JSON.parse(readFileSync(marker, "utf8")) as { usernames: string[]; motionIds: number[] };
  const server = await startServer({ ...options, env: { ...env, OPENSLIDES_DATA_DIR: dataDir }, startTimeoutMs: 120_000 });
  return { server, ...generated };
}
