// Issue 13, item 5: login throttling that cannot be used to lock others out. Against the real
// server; different client addresses are real source addresses on the loopback net (127.0.0.x).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { ConfigError, loadConfig } from "../../src/config.js";
import { DEFAULT_LOGIN_RATE_LIMIT, delayAfterFailure } from "../../src/auth/login-rate-limit.js";
import { startServer, type StartedServer } from "../support/server.js";

const ADDRESS_LIMIT = 10;
let server: StartedServer;

before(async () => {
  server = await startServer({
    env: {
      OPENSLIDES_LOGIN_FREE_FAILURES: "2",
      OPENSLIDES_LOGIN_MAX_DELAY: "60",
      OPENSLIDES_LOGIN_MAX_FAILURES_PER_ADDRESS: String(ADDRESS_LIMIT),
    },
  });
});
after(async () => server?.stop());

interface LoginAnswer {
  status: number;
  retryAfter: string | undefined;
  body: { success?: boolean; message?: string };
}

/** POST /system/auth/login from the given loopback source address. */
function login(from: string, username: string, password: string): Promise<LoginAnswer> {
  const target = new URL("/system/auth/login", server.url);
  const body = JSON.stringify({ username, password });
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: "POST", localAddress: from, rejectUnauthorized: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] as string | undefined, body: JSON.parse(text) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("login throttling", () => {
  test("an attacker's failures from one address do not stop the real user from another", async () => {
    let throttled = false;
    for (let attempt = 0; attempt < 6; attempt++) {
      const answer = await login("127.0.0.2", "admin", `guess-${attempt}`);
      assert.ok(answer.status === 403 || answer.status === 429, `attempt ${attempt}: ${answer.status}`);
      throttled ||= answer.status === 429;
    }
    assert.ok(throttled, "the attacker is slowed down");
    // The attacker is throttled even with the right password...
    assert.equal((await login("127.0.0.2", "admin", "admin")).status, 429);
    // ...but the real user, from another address, logs in at once.
    const real = await login("127.0.0.3", "admin", "admin");
    assert.equal(real.status, 200);
    assert.equal(real.body.success, true);
  });

  test("delays grow (1 s, 2 s) after the free failures, with upstream's envelope", async () => {
    const from = "127.0.0.4";
    const username = "someone-unknown";
    assert.equal((await login(from, username, "x")).status, 403);
    assert.equal((await login(from, username, "x")).status, 403);
    assert.equal((await login(from, username, "x")).status, 403);
    const first = await login(from, username, "x");
    assert.equal(first.status, 429);
    assert.equal(first.retryAfter, "1");
    assert.deepEqual(first.body, { message: "Too many login attempts. Please try again in 1 seconds.", success: false });
    await sleep(1100);
    assert.equal((await login(from, username, "x")).status, 403);
    const second = await login(from, username, "x");
    assert.equal(second.status, 429);
    assert.equal(second.retryAfter, "2");
    // The same username from another address is not delayed.
    assert.equal((await login("127.0.0.5", username, "x")).status, 403);
  });

  test("doubling is capped at the maximum delay", () => {
    const options = { ...DEFAULT_LOGIN_RATE_LIMIT, freeFailuresPerPair: 2, maxDelaySeconds: 60 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 10_000].map((failures) => delayAfterFailure(failures, options)),
      [0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60],
    );
  });

  test("the per-address limit stops guessing over many usernames from one address, not other addresses", async () => {
    const from = "127.0.0.6";
    for (let attempt = 0; attempt < ADDRESS_LIMIT; attempt++) {
      assert.equal((await login(from, `sprayed-${attempt}`, "Password1")).status, 403, `attempt ${attempt}`);
    }
    const blocked = await login(from, "admin", "admin");
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.retryAfter) >= 1);
    assert.equal((await login("127.0.0.7", "admin", "admin")).status, 200);
  });

  test("defaults fit a venue of 1,000 delegates behind one NAT; bad settings are refused", () => {
    const defaults = loadConfig({ OPENSLIDES_DEVELOPMENT: "1" }).loginRateLimit;
    assert.ok(defaults.maxFailuresPerAddress >= 1000, `per-address limit ${defaults.maxFailuresPerAddress}`);
    assert.ok(defaults.freeFailuresPerPair >= 3);
    assert.throws(() => loadConfig({ OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_LOGIN_FREE_FAILURES: "-1" }), ConfigError);
    assert.throws(() => loadConfig({ OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_LOGIN_MAX_DELAY: "1.5" }), ConfigError);
  });
});
