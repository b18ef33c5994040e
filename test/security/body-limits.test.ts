// Reading and parsing a body blocks the process in proportion to its size. Only requests with
// credentials signed by this deployment may send action and presenter bodies up to the configured
// limit (media uploads); anonymous and forged ones, and the routes with small payloads by nature,
// are refused past 1 MiB before the body is parsed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";

const MIB = 1024 * 1024;
let server: StartedServer;
let admin: Client;
let anonymous: Client;

before(async () => {
  server = await startServer();
  admin = new Client(server.url);
  await admin.login("admin", "admin");
  anonymous = new Client(server.url);
});
after(async () => server?.stop());

/** A topic.create whose text makes the body about `bytes` long. */
function bigTopic(bytes: number): string {
  return JSON.stringify([{ action: "topic.create", data: [{ meeting_id: 1, title: "big", text: `<p>${"x".repeat(bytes)}</p>` }] }]);
}

/** A presenter request padded to about `bytes` (the padding is an unknown field). */
function bigPresenter(bytes: number): string {
  return JSON.stringify([{ presenter: "server_time", data: { padding: "x".repeat(bytes) } }]);
}

describe("action and presenter bodies", () => {
  test("an anonymous action body over 1 MiB is a 413 in the action's error shape", async () => {
    const answer = await anonymous.post("/system/action/handle_request", bigTopic(2 * MIB));
    assert.equal(answer.status, 413, answer.text.slice(0, 200));
    assert.equal(answer.body.success, false);
    assert.match(answer.body.message, /larger than 1048576 bytes/);
  });

  test("a forged access token does not lift the limit", async () => {
    const [header, payload] = admin.token!.slice("bearer ".length).split(".");
    const forged = new Client(server.url);
    forged.token = `bearer ${header}.${payload}.${"A".repeat(43)}`;
    const answer = await forged.post("/system/action/handle_request", bigTopic(2 * MIB));
    assert.equal(answer.status, 413, answer.text.slice(0, 200));
  });

  test("a logged-in user's action body of 2 MiB is read and the action runs", async () => {
    const answer = await admin.post("/system/action/handle_request", bigTopic(2 * MIB));
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    assert.equal(answer.body.results[0][0].id > 0, true);
  });

  test("a logged-in user with only the refresh cookie may send a large body too", async () => {
    const cookieOnly = new Client(server.url);
    cookieOnly.cookie = admin.cookie;
    const answer = await cookieOnly.post("/system/action/handle_request", bigTopic(2 * MIB));
    assert.notEqual(answer.status, 413, answer.text.slice(0, 200));
  });

  test("a small anonymous action body is decoded and judged as before", async () => {
    const answer = await anonymous.post("/system/action/handle_request", "[{");
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /^Failed to decode JSON object/);
  });

  test("an anonymous presenter body over 1 MiB is a 413; a logged-in user's is read", async () => {
    const refused = await anonymous.post("/system/presenter/handle_request", bigPresenter(2 * MIB));
    assert.equal(refused.status, 413, refused.text.slice(0, 200));
    assert.equal(refused.body.success, false);
    const read = await admin.post("/system/presenter/handle_request", bigPresenter(2 * MIB));
    assert.notEqual(read.status, 413, read.text.slice(0, 200));
    assert.ok(read.status < 500, read.text.slice(0, 200));
  });
});

describe("routes with small payloads", () => {
  const big = JSON.stringify({ padding: "x".repeat(2 * MIB) });

  test("ICC notify refuses a body over 1 MiB, also from a logged-in user", async () => {
    const answer = await admin.post("/system/icc/notify/publish", big);
    assert.equal(answer.status, 413, answer.text.slice(0, 200));
  });

  test("a vote body over 1 MiB is refused in the vote service's error shape", async () => {
    const answer = await admin.post("/system/vote?id=1", big);
    assert.equal(answer.status, 413, answer.text.slice(0, 200));
    assert.deepEqual(answer.body, { error: "invalid", message: "request body is larger than 1048576 bytes" });
  });

  test("a projector preview body over 1 MiB is refused with the projector's parse error", async () => {
    const answer = await admin.post("/system/projector/preview/1", big);
    assert.equal(answer.status, 400, answer.text.slice(0, 200));
    assert.deepEqual(answer.body, { error: true, msg: "Could not parse json" });
  });

  test("health answers after all of them", async () => {
    assert.equal((await anonymous.get("/system/action/health")).status, 200);
  });
});

describe("long HTML texts", () => {
  /** Markup that is slow to sanitise: many style attributes, about a second per MiB on one core. */
  const slowHtml = (mib: number) => '<span style="color: red; width: 10px">a</span>'.repeat(22_000 * mib);

  test("sanitising them does not hold up other requests", async () => {
    // Such a text of 8 MiB blocked the event loop for 8 s or more before it moved to a thread.
    let bigDone = false;
    const big = admin
      .post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "long", text: slowHtml(8) }] }])
      .finally(() => (bigDone = true));
    let longestWait = 0;
    let answeredMeanwhile = 0;
    while (!bigDone) {
      const started = Date.now();
      const health = await anonymous.get("/system/action/health");
      assert.equal(health.status, 200);
      longestWait = Math.max(longestWait, Date.now() - started);
      if (!bigDone) answeredMeanwhile++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answer = await big;
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    assert.ok(answeredMeanwhile > 0, "no health answer while the texts were sanitised");
    assert.ok(longestWait < 5000, `a health request waited ${longestWait} ms`);
  });

  test("a long text is stored sanitised exactly as a short one would be", async () => {
    const unsafe = '<p onclick="x()">a<script>alert(1)</script></p>';
    const long = `${unsafe}${"<p>filler</p>".repeat(1_000)}`;
    const answer = await admin.post("/system/action/handle_request", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "short", text: unsafe }, { meeting_id: 1, title: "long", text: long }] },
    ]);
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    const [shortId, longId] = answer.body.results[0].map((result: { id: number }) => result.id);
    const read = await admin.post("/system/autoupdate?single=1", [
      { collection: "topic", ids: [shortId, longId], fields: { text: null } },
    ]);
    const shortText: string = read.body[`topic/${shortId}/text`];
    const longText: string = read.body[`topic/${longId}/text`];
    assert.ok(long.length >= 4096);
    assert.ok(!shortText.includes("onclick") && !shortText.includes("<script>"), shortText);
    assert.equal(longText, shortText + "<p>filler</p>".repeat(1_000));
  });

  test("a long amendment paragraph is stored sanitised exactly as a short one would be", async () => {
    const lead = await admin.post("/system/action/handle_request", [{ action: "motion.create", data: [{ meeting_id: 1, title: "lead", text: "<p>lead</p>" }] }]);
    assert.equal(lead.status, 200, lead.text.slice(0, 300));
    const leadId: number = lead.body.results[0][0].id;
    const unsafe = '<p onclick="x()">a<script>alert(1)</script></p>';
    const filler = "<p>filler</p>".repeat(1_000);
    const answer = await admin.post("/system/action/handle_request", [
      { action: "motion.create", data: [{ meeting_id: 1, title: "amendment", lead_motion_id: leadId, amendment_paragraphs: { "0": unsafe, "1": unsafe + filler } }] },
    ]);
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    const id: number = answer.body.results[0][0].id;
    const read = await admin.post("/system/autoupdate?single=1", [{ collection: "motion", ids: [id], fields: { amendment_paragraphs: null } }]);
    const paragraphs: Record<string, string> = read.body[`motion/${id}/amendment_paragraphs`];
    assert.ok(!paragraphs["0"]!.includes("onclick") && !paragraphs["0"]!.includes("<script>"), paragraphs["0"]);
    assert.equal(paragraphs["1"], paragraphs["0"] + filler);
  });
});
