// Password hashing under load: argon2 computations go through a queue with a bounded number
// running at once; a login storm leaves other users' requests answered; mass user creation
// hashes every new user's password and each can log in with it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, hashQueueLoad, setHashConcurrency, verifyPassword, defaultHashConcurrency } from "../../src/auth/passwords.js";
import { WorkQueue } from "../../src/auth/work-queue.js";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

describe("work queue", () => {
  test("runs at most `limit` jobs at once, the others in arrival order", async () => {
    const queue = new WorkQueue(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const job = (index: number) => async () => {
      started.push(index);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
      return index;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((index) => queue.run(job(index))));
    assert.deepEqual(results, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5]);
    assert.equal(most, 2);
    assert.deepEqual(queue.load(), { running: 0, waiting: 0, limit: 2 });
  });

  test("a failing job frees its place", async () => {
    const queue = new WorkQueue(1);
    await assert.rejects(queue.run(() => Promise.reject(new Error("boom"))), /boom/);
    assert.equal(await queue.run(async () => "next"), "next");
  });

  test("refuses a limit below 1", () => {
    assert.throws(() => new WorkQueue(0), /at least 1/);
  });
});

describe("password hashing queue", () => {
  test("the default leaves a thread of libuv's pool free", () => {
    const limit = defaultHashConcurrency();
    assert.ok(limit >= 1 && limit <= 3, `default ${limit}`);
  });

  test("hashes beyond the limit wait, and all of them come out valid", async () => {
    setHashConcurrency(1);
    try {
      const hashes = [hashPassword("one"), hashPassword("two"), hashPassword("three")];
      assert.deepEqual(hashQueueLoad(), { running: 1, waiting: 2, limit: 1 });
      const [one, two, three] = await Promise.all(hashes);
      assert.match(one!, /^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
      assert.ok(await verifyPassword("two", two!));
      assert.ok(!(await verifyPassword("two", three!)));
      assert.deepEqual(hashQueueLoad(), { running: 0, waiting: 0, limit: 1 });
    } finally {
      setHashConcurrency(defaultHashConcurrency());
    }
  });
});

describe("logins and user creation on a server", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({ env: { OPENSLIDES_PASSWORD_HASH_CONCURRENCY: "1", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" } });
  });
  after(async () => {
    await server.stop();
  });

  test("while 30 logins queue for hashing, another user's requests are answered", async () => {
    const reader = new Client(server.url);
    await reader.login("admin", "admin");
    const storm = Array.from({ length: 30 }, () => new Client(server.url).post("/system/auth/login", { username: "admin", password: "admin" }));
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const answer = await reader.post("/system/autoupdate?single=1", [{ collection: "meeting", ids: [1], fields: { name: null } }]);
      assert.equal(answer.status, 200, answer.text);
      assert.ok(Date.now() - started < 5000, "answered within 5 s while the logins queue");
    }
    const answers = await Promise.all(storm);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      answers.map(() => 200),
    );
  });

  test("one request creating several users hashes every password; each user can log in", async () => {
    const admin = new Client(server.url);
    await admin.login("admin", "admin");
    const users = Array.from({ length: 6 }, (_, i) => ({ username: `mass-${i}`, default_password: `pw-${i}` }));
    const answer = await admin.post("/system/action/handle_request", [{ action: "user.create", data: users }]);
    assert.equal(answer.status, 200, answer.text);
    for (const [i, user] of users.entries()) {
      const login = await new Client(server.url).post("/system/auth/login", { username: user.username, password: `pw-${i}` });
      assert.equal(login.status, 200, `${user.username}: ${login.text}`);
    }
  });
});
