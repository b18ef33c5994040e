// Issue 13, item 1: a password reset token works only for the user and e-mail address it was
// mailed for, expires, and works once. Against the real server (development keys) with a real
// SMTP receiver.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startSmtpReceiver, type SmtpReceiver } from "../action/support/smtp-receiver.js";
import { expiredJwt, payloadOf, signedJwt } from "../auth/support/client.js";
import { DEVELOPMENT_SECRETS } from "../../src/config.js";
import { Client } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";

const DEV_PASSWORD = Buffer.from("openslides").toString("base64");
const TOKEN_KEY = DEVELOPMENT_SECRETS.authTokenKey;

let server: StartedServer;
let smtp: SmtpReceiver;

before(async () => {
  smtp = await startSmtpReceiver();
  server = await startServer({
    env: { EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(smtp.port), EMAIL_CONNECTION_SECURITY: "NONE", EMAIL_TIMEOUT: "2", DEFAULT_FROM_EMAIL: "noreply@example.com", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" },
  });
  await setEmail("admin@example.com");
});
after(async () => {
  await server?.stop();
  await smtp?.close();
});

async function act(client: Client, action: string, data: Record<string, unknown>) {
  return client.post("/system/action/handle_request", [{ action, data: [data] }]);
}

/** As a service of the deployment would: the resets below end every session of user 1. */
async function setEmail(email: string): Promise<void> {
  const answer = await new Client(server.url).post("/internal/handle_request", [{ action: "user.update", data: [{ id: 1, email }] }], { authorization: DEV_PASSWORD });
  assert.equal(answer.status, 200, answer.text);
}

/** Asks for a reset mail for the address and returns the token of the link (decoded). */
async function mailedToken(email: string): Promise<string> {
  const before = smtp.mails.length;
  const asked = await act(new Client(server.url), "user.forget_password", { email });
  assert.equal(asked.status, 200, asked.text);
  assert.equal(smtp.mails.length, before + 1);
  const match = /token=(\S+)/.exec(smtp.mails.at(-1)!.parsed.text ?? "");
  assert.ok(match);
  return decodeURIComponent(match[1]!);
}

async function confirm(userId: number, token: string, password: string) {
  return act(new Client(server.url), "user.forget_password_confirm", { user_id: userId, authorization_token: token, new_password: password });
}

async function canLogIn(password: string): Promise<boolean> {
  const answer = await new Client(server.url).post("/system/auth/login", { username: "admin", password });
  return answer.status === 200;
}

test("a token made by the internal route (the issue's reproduction, even with the password) sets no password", async () => {
  const created = await new Client(server.url).post("/internal/auth/create-authorization-token", { userId: 1, email: "admin@example.com" }, { authorization: DEV_PASSWORD });
  assert.equal(created.status, 200);
  const token = created.headers.get("authorization")!;
  assert.match(token, /^bearer /);
  const answer = await confirm(1, token, "pwned");
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, "Failed to verify token.");
  assert.equal(await canLogIn("pwned"), false);
});

test("the mailed token works once; a second use fails", async () => {
  const token = await mailedToken("admin@example.com");
  assert.equal((await confirm(1, token, "first new")).status, 200);
  assert.equal(await canLogIn("first new"), true);
  const again = await confirm(1, token, "second new");
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "Token is already used");
  assert.equal(await canLogIn("second new"), false);
});

test("two tokens asked for in the same second differ, and the older one dies with the password change", async () => {
  const first = await mailedToken("admin@example.com");
  const second = await mailedToken("admin@example.com");
  assert.notEqual(first, second);
  assert.equal((await confirm(1, second, "third new")).status, 200);
  const older = await confirm(1, first, "fourth new");
  assert.equal(older.status, 400);
  assert.equal(older.body.message, "Failed to verify token.");
  assert.equal(await canLogIn("third new"), true);
});

test("a token for another user id or another e-mail address fails", async () => {
  const token = await mailedToken("admin@example.com");
  const otherUser = await confirm(2, token, "x");
  assert.equal(otherUser.status, 400);
  assert.equal(otherUser.body.message, "Failed to verify token.");
  // The same claims for another address, signed with the right key: refused.
  const { iat: _iat, exp: _exp, ...claims } = payloadOf(token);
  const otherEmail = `bearer ${await signedJwt({ ...claims, email: "attacker@example.com" }, TOKEN_KEY)}`;
  assert.equal((await confirm(1, otherEmail, "x")).body.message, "Failed to verify token.");
  // The user's address changed after the mail: the token is void.
  await setEmail("new-admin@example.com");
  const changed = await confirm(1, token, "after change");
  assert.equal(changed.status, 400);
  assert.equal(changed.body.message, "Failed to verify token.");
  assert.equal(await canLogIn("after change"), false);
  await setEmail("admin@example.com");
});

test("an expired token fails", async () => {
  const token = await mailedToken("admin@example.com");
  const { iat: _iat, exp: _exp, ...claims } = payloadOf(token);
  const expired = `bearer ${await expiredJwt(claims, TOKEN_KEY)}`;
  const answer = await confirm(1, expired, "too late");
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, "Failed to verify token.");
  assert.equal(await canLogIn("too late"), false);
  // The same claims, unexpired, are accepted: the expiry is what failed.
  const fresh = `bearer ${await signedJwt(claims, TOKEN_KEY)}`;
  assert.equal((await confirm(1, fresh, "in time")).status, 200);
  assert.equal(await canLogIn("in time"), true);
});

