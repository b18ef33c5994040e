// Issue 13, item 5: login throttling that cannot be used to lock others out. Against the real
// server; different client addresses are real source addresses on the loopback net (127.0.0.x).
// Also: check and count are one atomic step (in memory and in Redis shared by two processes),
// and X-Forwarded-For counts only from trusted proxies (OPENSLIDES_TRUSTED_PROXIES).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { ConfigError, loadConfig } from "../../src/config.js";
import { DEFAULT_LOGIN_RATE_LIMIT, delayAfterFailure } from "../../src/auth/login-rate-limit.js";
import { TrustedProxies } from "../../src/http/client-address.js";
import { startServer, type StartedServer } from "../support/server.js";

const ADDRESS_LIMIT = 10;
const FREE_FAILURES = 2;
/** 127.0.0.10 and 127.0.0.11 play reverse proxies. */
const PROXIES = "127.0.0.10/31";
let server: StartedServer;

before(async () => {
  server = await startServer({
    env: {
      OPENSLIDES_LOGIN_FREE_FAILURES: String(FREE_FAILURES),
      OPENSLIDES_TRUSTED_PROXIES: PROXIES,
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
function login(from: string, username: string, password: string, headers: Record<string, string> = {}, to: StartedServer = server): Promise<LoginAnswer> {
  const target = new URL("/system/auth/login", to.url);
  const body = JSON.stringify({ username, password });
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: "POST", localAddress: from, rejectUnauthorized: false, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
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

  test("simultaneous guesses: no more reach the password check than one after another", async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => login("127.0.0.8", "concurrent-target", `guess-${index}`)));
    const statuses = answers.map((answer) => answer.status);
    // One after another, the free failures and the one that starts the first delay get 403.
    assert.equal(statuses.filter((status) => status === 403).length, FREE_FAILURES + 1, statuses.join(" "));
    assert.equal(statuses.filter((status) => status === 429).length, 50 - FREE_FAILURES - 1);
  });

  test("simultaneous guesses over many usernames stop at the per-address limit", async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => login("127.0.0.9", `spray-${index}`, "Password1")));
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 403).length, ADDRESS_LIMIT, statuses.join(" "));
    assert.equal(statuses.filter((status) => status === 429).length, 30 - ADDRESS_LIMIT);
  });

  test("simultaneous logins of one user from one address with the right password all succeed", async () => {
    // Beyond the free attempts they wait for the running ones instead of being refused.
    const answers = await Promise.all(Array.from({ length: 12 }, () => login("127.0.0.21", "admin", "admin")));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(12).fill(200),
    );
  });

  test("a successful login gives the address its slot back", async () => {
    const from = "127.0.0.20";
    for (let attempt = 0; attempt < ADDRESS_LIMIT + 3; attempt++) assert.equal((await login(from, "admin", "admin")).status, 200, `login ${attempt}`);
    assert.equal((await login(from, "nobody-here", "x")).status, 403);
  });
});

describe("X-Forwarded-For and OPENSLIDES_TRUSTED_PROXIES", () => {
  const exhaust = async (from: string, username: string, forwardedFor: () => string) => {
    for (let attempt = 0; attempt <= FREE_FAILURES; attempt++) {
      assert.equal((await login(from, username, "wrong", { "x-forwarded-for": forwardedFor() })).status, 403, `attempt ${attempt}`);
    }
  };

  test("from an untrusted peer the header is ignored: rotating it does not escape the delay", async () => {
    let counter = 0;
    await exhaust("127.0.0.12", "xff-untrusted", () => `198.51.100.${++counter}`);
    assert.equal((await login("127.0.0.12", "xff-untrusted", "wrong", { "x-forwarded-for": "198.51.100.200" })).status, 429);
  });

  test("behind a trusted proxy each forwarded client is counted apart", async () => {
    const username = "xff-trusted";
    await exhaust("127.0.0.10", username, () => "198.51.100.1");
    const viaProxy = (forwardedFor: string, from = "127.0.0.10") => login(from, username, "wrong", { "x-forwarded-for": forwardedFor });
    assert.equal((await viaProxy("198.51.100.1")).status, 429);
    // Through a second trusted proxy, and with a made-up address left of the real one: still that client.
    assert.equal((await viaProxy("198.51.100.1, 127.0.0.10", "127.0.0.11")).status, 429);
    assert.equal((await viaProxy("203.0.113.9, 198.51.100.1")).status, 429);
    // Another client behind the same proxy is not delayed.
    assert.equal((await viaProxy("198.51.100.2")).status, 403);
    // Without the header the proxy itself is the client.
    assert.equal((await login("127.0.0.10", username, "wrong")).status, 403);
  });

  test("which address counts", () => {
    const proxies = new TrustedProxies(["10.0.0.0/8", "2001:db8::1"]);
    assert.equal(proxies.clientAddress("192.0.2.1", "198.51.100.7"), "192.0.2.1");
    assert.equal(proxies.clientAddress("10.1.2.3", "198.51.100.7"), "198.51.100.7");
    assert.equal(proxies.clientAddress("::ffff:10.1.2.3", "1.1.1.1, 198.51.100.7, 10.9.9.9"), "198.51.100.7");
    assert.equal(proxies.clientAddress("2001:db8::1", "2001:db8::2"), "2001:db8::2");
    assert.equal(proxies.clientAddress("10.1.2.3", "10.2.2.2, 10.3.3.3"), "10.2.2.2");
    assert.equal(proxies.clientAddress("10.1.2.3", "not-an-address, 10.3.3.3"), "10.3.3.3");
    assert.equal(proxies.clientAddress("10.1.2.3", ["198.51.100.7", "203.0.113.1:4711"]), "203.0.113.1");
    assert.equal(proxies.clientAddress("10.1.2.3", undefined), "10.1.2.3");
    // Only the last 20 entries are looked at.
    assert.equal(proxies.clientAddress("10.1.2.3", `198.51.100.7, ${Array(40).fill("10.0.0.1").join(", ")}`), "10.0.0.1");
    assert.equal(new TrustedProxies([]).clientAddress("10.1.2.3", "198.51.100.7"), "10.1.2.3");
    for (const bad of ["10.0.0.0/33", "example.org", "10.0.0.1/x", "::1/129"]) {
      assert.throws(() => loadConfig({ OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_TRUSTED_PROXIES: bad }), ConfigError, bad);
    }
    assert.deepEqual(loadConfig({ OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_TRUSTED_PROXIES: "10.0.0.0/8, ::1" }).listen.trustedProxies, ["10.0.0.0/8", "::1"]);
  });
});

describe("login throttling shared by two processes over Redis", () => {
  let first: StartedServer | undefined;
  let second: StartedServer | undefined;
  before(async () => {
    first = await startServer({ database: "external", redis: true, env: { OPENSLIDES_LOGIN_FREE_FAILURES: String(FREE_FAILURES) } });
    second = await startServer({ shareWith: first });
  });
  after(async () => {
    await second?.stop({ keepData: true });
    await first?.stop();
  });

  test("simultaneous guesses at both processes: no more reach the password check than one after another", async () => {
    // Redis is shared with other tests: a username and address of this run alone.
    const from = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const username = `redis-target-${Date.now()}`;
    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => login(from, username, `guess-${index}`, {}, index % 2 === 0 ? first! : second!)));
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 403).length, FREE_FAILURES + 1, statuses.join(" "));
    assert.equal(statuses.filter((status) => status === 429).length, 50 - FREE_FAILURES - 1);
    // Both processes refused some: they share the counts.
    for (const [index, process] of ["first", "second"].entries()) {
      assert.ok(statuses.some((status, attempt) => attempt % 2 === index && status === 429), `the ${process} process refused none`);
    }
  });

  test("simultaneous right logins of one user at both processes all succeed", async () => {
    const from = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => login(from, "admin", "admin", {}, index % 2 === 0 ? first! : second!)));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(12).fill(200),
    );
  });
});
