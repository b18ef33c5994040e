// Two server processes sharing one PostgreSQL database and one Redis: a session created on
// one is valid on the other, and a logout on one is refused by the other's
// request-authentication helper (through the logout stream) and its who-am-i (through the
// shared session store).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { createTestDatabase, USERS, type TestDatabase } from "./support/database.js";
import { redisTarget } from "./support/auth-server.js";
import { call, login, payloadOf, withCredentials } from "./support/client.js";

const SERVER_SCRIPT = fileURLToPath(new URL("./support/auth-server-process.js", import.meta.url));
const prefix = `test:auth-two:${randomBytes(6).toString("hex")}:`;

interface ServerProcess {
  url: string;
  child: ChildProcess;
}

async function startServerProcess(databaseName: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_SCRIPT, databaseName, prefix], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await Promise.race([once(lines, "line"), once(child, "exit").then(() => [undefined])])) as [string | undefined];
  if (!first) throw new Error("server process ended before it was ready");
  return { url: (JSON.parse(first) as { url: string }).url, child };
}

async function stop(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = once(server.child, "exit");
  server.child.kill("SIGTERM");
  await exited;
}

let database: TestDatabase;
let first: ServerProcess;
let second: ServerProcess;

before(async () => {
  database = await createTestDatabase("auth_two");
  [first, second] = await Promise.all([startServerProcess(database.name), startServerProcess(database.name)]);
});

after(async () => {
  await Promise.all([stop(first), stop(second)]);
  await database?.drop();
  const redis = new Redis(redisTarget);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

/** Asks until the answer changes to the expected status (the logout stream is asynchronous). */
async function eventually(ask: () => ReturnType<typeof call>, status: number): Promise<Awaited<ReturnType<typeof call>>> {
  let answer = await ask();
  for (let attempt = 0; attempt < 100 && answer.status !== status; attempt++) {
    await sleep(50);
    answer = await ask();
  }
  return answer;
}

describe("two processes on one Redis and one database", () => {
  test("a logout on one process revokes the session on the other", async () => {
    const credentials = await login(first.url, USERS.superadmin.username, USERS.superadmin.password);
    const sessionId = payloadOf(credentials.token).sessionId;

    const before = await call(second.url, "/test/authenticate/go", { headers: withCredentials(credentials) });
    assert.deepEqual(before.body, { userId: USERS.superadmin.id, sessionId });
    assert.equal((await call(second.url, "/system/auth/who-am-i", { headers: { cookie: credentials.cookie } })).status, 200);

    const logout = await call(first.url, "/system/auth/secure/logout", { headers: withCredentials(credentials) });
    assert.equal(logout.status, 200);

    const whoAmI = await call(second.url, "/system/auth/who-am-i", { headers: { cookie: credentials.cookie } });
    assert.equal(whoAmI.status, 403);
    assert.deepEqual(whoAmI.body, { message: "Not signed in" });

    const pythonAfter = await eventually(() => call(second.url, "/test/authenticate/python", { headers: withCredentials(credentials) }), 400);
    assert.deepEqual(pythonAfter.body, { error: "The session is invalid" });
    const goAfter = await call(second.url, "/test/authenticate/go", { headers: withCredentials(credentials) });
    assert.equal(goAfter.status, 403);
    assert.deepEqual(goAfter.body, { error: "invalid session" });
  });

  test("a process started after a logout still knows the revoked session", async () => {
    const credentials = await login(first.url, USERS.superadmin.username, USERS.superadmin.password);
    await call(first.url, "/system/auth/secure/logout", { headers: withCredentials(credentials) });
    const late = await startServerProcess(database.name);
    try {
      const answer = await call(late.url, "/test/authenticate/python", { headers: withCredentials(credentials) });
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { error: "The session is invalid" });
    } finally {
      await stop(late);
    }
  });

  test("login failures count across processes", async () => {
    const username = "someone-guessing";
    // 5 free failures, the 6th starts a wait for this username and address on both processes.
    for (let attempt = 0; attempt < 6; attempt++) {
      const target = attempt % 2 === 0 ? first : second;
      assert.equal((await call(target.url, "/system/auth/login", { json: { username, password: "guess" } })).status, 403);
    }
    assert.equal((await call(first.url, "/system/auth/login", { json: { username, password: "guess" } })).status, 429);
    assert.equal((await call(second.url, "/system/auth/login", { json: { username, password: "guess" } })).status, 429);
  });
});
