// Login storm on one server process (external PostgreSQL, development mode): 1,000 users log in
// at the same moment, each login one argon2id verification. Measured: the time until all are
// logged in, and meanwhile the answer times (p50/p99/max) of another, already logged-in user who
// reads through autoupdate and the action service one request after the other.
// Run: npm run bench -- login-storm   (LOGIN_STORM_USERS, OPENSLIDES_PASSWORD_HASH_CONCURRENCY to vary)
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startServer, type StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function createUsers(server: StartedServer, count: number): Promise<void> {
  const db = new pg.Client({ host: server.env.DATABASE_HOST, port: Number(server.env.DATABASE_PORT), database: server.env.DATABASE_NAME, user: server.env.DATABASE_USER, password: server.env.PGPASSWORD });
  await db.connect();
  // Every user gets admin's hash (password "admin"): the same cost per verification as real ones.
  await db.query(
    `INSERT INTO user_t (username, password, is_active) SELECT 'storm' || n, (SELECT password FROM user_t WHERE id = 1), true FROM generate_series(1, $1::integer) AS n`,
    [count],
  );
  await db.end();
}

/** Sequential reads of another user until `done` resolves; the answer time of each. */
async function otherUserMeanwhile(reader: Client, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const times: number[] = [];
  while (!finished) {
    const started = performance.now();
    const answer = await reader.post("/system/autoupdate?single=1", [{ collection: "meeting", ids: [1], fields: { name: null, topic_ids: null } }]);
    if (answer.status !== 200) throw new Error(`a read failed: ${answer.status} ${answer.text}`);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}

export async function run(): Promise<void> {
  const users = Number(process.env.LOGIN_STORM_USERS ?? 1000);
  const env: Record<string, string> = { OPENSLIDES_LOGLEVEL: "error" };
  if (process.env.OPENSLIDES_PASSWORD_HASH_CONCURRENCY) env.OPENSLIDES_PASSWORD_HASH_CONCURRENCY = process.env.OPENSLIDES_PASSWORD_HASH_CONCURRENCY;
  const server = await startServer({ database: "external", env, startTimeoutMs: 120_000 });
  try {
    await createUsers(server, users);
    const reader = new Client(server.url);
    await reader.login("admin", "admin");
    const loadBefore = loadavg()[0]!;
    const started = performance.now();
    const logins = Promise.all(
      Array.from({ length: users }, (_, i) =>
        new Client(server.url).post("/system/auth/login", { username: `storm${i + 1}`, password: "admin" }).then((answer) => answer.status),
      ),
    );
    const [statuses, times] = await Promise.all([logins, otherUserMeanwhile(reader, logins)]);
    const allMs = performance.now() - started;
    const sorted = times.sort((a, b) => a - b);
    console.table([
      {
        users,
        loggedIn: statuses.filter((status) => status === 200).length,
        allLoggedInS: Math.round(allMs / 100) / 10,
        loginsPerSecond: Math.round((users / allMs) * 10000) / 10,
        otherRequests: sorted.length,
        otherP50Ms: Math.round(percentile(sorted, 50)),
        otherP99Ms: Math.round(percentile(sorted, 99)),
        otherMaxMs: Math.round(sorted.at(-1) ?? 0),
        load1Before: Math.round(loadBefore * 10) / 10,
        load1After: Math.round(loadavg()[0]! * 10) / 10,
      },
    ]);
  } finally {
    await server.stop();
  }
}
