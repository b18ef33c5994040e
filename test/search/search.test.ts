// The search component over HTTP on the real server (example data): hits with content, scores and
// matched fields, related objects, collection and meeting filters, stemming, wildcards and
// fuzziness, and the restricter's visibility for a superadmin, a delegate and anonymous users,
// also after a topic became invisible and after it was deleted.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client, type Answer } from "../support/http.js";

/** The state follows the database through the change feed: retry until the answer fits. */
async function eventually(ask: () => Promise<Answer>, fits: (answer: Answer) => boolean, what: string): Promise<Answer> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await ask();
    if (fits(answer)) return answer;
    if (Date.now() > deadline) assert.fail(`${what}: last answer ${answer.status} ${answer.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const search = (client: Client, params: Record<string, string>) => client.get(`/system/search?${new URLSearchParams(params)}`);

describe("search service", () => {
  let server: StartedServer;
  let admin: Client;
  let delegate: Client;
  let anonymous: Client;
  let topicId = 0;
  let agendaItemId = 0;

  before(async () => {
    server = await startServer({ env: { OPENSLIDES_COMPONENT_PORTS: "search", SEARCH_PORT: "0" } });
    admin = new Client(server.url);
    await admin.login("admin", "admin");
    delegate = new Client(server.url);
    await delegate.login("a", "a");
    anonymous = new Client(server.url);
    const created = await admin.post("/system/action/handle_request", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "Zebrastreifen", text: "<p>Die Teams testen den Westeingang &amp; mehr</p>" }] },
    ]);
    assert.equal(created.status, 200, created.text);
    topicId = created.body.results[0][0].id;
  });
  after(async () => server?.stop());

  test("health", async () => {
    const answer = await anonymous.get("/system/search/health");
    assert.equal(answer.status, 200);
    assert.equal(answer.text, `{"healthy": true, "service":"search"}`);
    const port = server.componentPorts.search;
    assert.ok(port, "the search port is open");
    const own = await new Client(server.url.replace(/:\d+$/, `:${port}`)).get("/system/search/health");
    assert.equal(own.status, 200);
  });

  test("a missing q is a bad request", async () => {
    const answer = await admin.get("/system/search");
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { error: { type: "invalid_request", msg: "Invalid request: 'q' parameter missing" } });
  });

  test("a broken refresh cookie with a forged token is an auth error; without any token it is anonymous", async () => {
    const answer = await anonymous.get("/system/search?q=x", { authentication: "bearer forged", cookie: "refreshId=bearer%20broken" });
    assert.equal(answer.status, 403, answer.text);
    assert.equal(answer.body.error.type, "auth");
    // The client's shared worker sends the cookie before its who-am-i brought the token (docs/auth.md).
    const cookieOnly = await anonymous.get("/system/search?q=x", { cookie: "refreshId=bearer%20broken" });
    assert.equal(cookieOnly.status, 200, cookieOnly.text);
  });

  test("superadmin: hit with content, score, matched fields and the related meeting", async () => {
    const answer = await eventually(() => search(admin, { q: "zebrastreifen" }), (a) => a.body?.[`topic/${topicId}`] !== undefined, "topic found");
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /application\/json/);
    const hit = answer.body[`topic/${topicId}`];
    assert.equal(hit.content.title, "Zebrastreifen");
    assert.equal(hit.content.meeting_id, 1);
    assert.equal(hit.content.id, topicId);
    assert.ok(hit.score > 0);
    assert.deepEqual(hit.matched_by.title, ["zebrastreif"]);
    assert.deepEqual(hit.matched_by._title_original, ["zebrastreifen"]);
    assert.deepEqual(answer.body["meeting/1"], { content: { id: 1, name: "OpenSlides Demo" } });
    const topic = (await admin.post("/system/autoupdate?single=1", [{ collection: "topic", ids: [topicId], fields: { agenda_item_id: null } }])).body;
    agendaItemId = topic[`topic/${topicId}/agenda_item_id`];
    assert.ok(agendaItemId > 0);
  });

  test("stemming, HTML text, wildcards and fuzziness", async () => {
    const stemmed = await search(admin, { q: "teams" });
    assert.deepEqual(stemmed.body[`topic/${topicId}`]?.matched_by.text, ["team"]);
    const entity = await search(admin, { q: "mehr" });
    assert.ok(entity.body[`topic/${topicId}`], "text after a decoded entity is found");
    const part = await search(admin, { q: "brastrei" });
    assert.ok(part.body[`topic/${topicId}`], "a part of a word is found by the wildcard alternative");
    const typo = await search(admin, { q: "Zebrastreifn" });
    assert.ok(typo.body[`topic/${topicId}`], "a typo is found by the fuzzy alternative");
    const exact = typo.body[`topic/${topicId}`].score;
    const best = (await search(admin, { q: "Zebrastreifen" })).body[`topic/${topicId}`].score;
    assert.ok(best > exact, "an exact match scores higher than a fuzzy one");
    const phrase = await search(admin, { q: '"teams testen"' });
    assert.ok(phrase.body[`topic/${topicId}`], "a phrase");
    const excluded = await search(admin, { q: "zebrastreifen -westeingang" });
    const left = excluded.body[`topic/${topicId}`];
    assert.ok(!left || left.score < best, "the query-string alternative excludes it; only wildcard and fuzzy matches are left");
  });

  test("collection and meeting filters", async () => {
    const topics = await search(admin, { q: "zebrastreifen", c: "topic" });
    assert.ok(topics.body[`topic/${topicId}`]);
    assert.deepEqual(topics.body[`topic/${topicId}`].matched_by._bleve_type, ["topic"]);
    const motions = await search(admin, { q: "zebrastreifen", c: "motion" });
    assert.deepEqual(motions.body, {});
    const inMeeting = await search(admin, { q: "zebrastreifen", m: "1" });
    assert.ok(inMeeting.body[`topic/${topicId}`]);
    const otherMeeting = await search(admin, { q: "zebrastreifen", m: "2" });
    assert.deepEqual(otherMeeting.body, {});
    const posted = await admin.request("POST", "/system/search", "q=zebrastreifen&c=topic", { "content-type": "application/x-www-form-urlencoded" });
    assert.ok(posted.body[`topic/${topicId}`], "parameters from a form body");
  });

  test("a meeting with its committee (the client's global search for meetings)", async () => {
    const answer = await search(admin, { q: "Demo", c: "meeting" });
    const meeting = answer.body["meeting/1"];
    assert.ok(meeting?.score > 0, answer.text);
    assert.equal(meeting.content.committee_id, 1);
    assert.deepEqual(answer.body["committee/1"].content, { id: 1, name: "Default committee" });
    const nothing = await search(admin, { q: "blup", c: "meeting" });
    assert.deepEqual(nothing.body, {});
  });

  test("a motion with its submitters for the superadmin and a delegate (motion.can_create implies can_see), not for anonymous", async () => {
    const forAdmin = await search(admin, { q: "test", c: "motion" });
    const motion = forAdmin.body["motion/1"];
    assert.ok(motion, forAdmin.text);
    assert.equal(motion.content.title, "test");
    assert.ok(Object.keys(forAdmin.body).some((fqid) => fqid.startsWith("motion_submitter/")), "related submitters are included");
    const forDelegate = await search(delegate, { q: "test", c: "motion" });
    assert.equal(forDelegate.status, 200);
    assert.equal(forDelegate.body["motion/1"]?.content.title, "test");
    const forAnonymous = await search(anonymous, { q: "test", c: "motion" });
    assert.deepEqual(forAnonymous.body, {});
  });

  test("delegate and anonymous: the visible topic, nothing for anonymous", async () => {
    const forDelegate = await search(delegate, { q: "zebrastreifen" });
    assert.ok(forDelegate.body[`topic/${topicId}`], forDelegate.text);
    const forAnonymous = await search(anonymous, { q: "zebrastreifen" });
    assert.equal(forAnonymous.status, 200);
    assert.deepEqual(forAnonymous.body, {});
  });

  test("a topic that becomes invisible, then is deleted", async () => {
    const hide = await admin.post("/system/action/handle_request", [{ action: "agenda_item.update", data: [{ id: agendaItemId, type: "hidden" }] }]);
    assert.equal(hide.status, 200, hide.text);
    await eventually(() => search(delegate, { q: "zebrastreifen" }), (a) => a.status === 200 && a.body[`topic/${topicId}`] === undefined, "hidden for the delegate");
    assert.ok((await search(admin, { q: "zebrastreifen" })).body[`topic/${topicId}`], "still visible for the superadmin");
    const renamed = await admin.post("/system/action/handle_request", [{ action: "topic.update", data: [{ id: topicId, title: "Fahrradweg" }] }]);
    assert.equal(renamed.status, 200, renamed.text);
    await eventually(() => search(admin, { q: "fahrradweg" }), (a) => a.body?.[`topic/${topicId}`] !== undefined, "found under the new title");
    const deleted = await admin.post("/system/action/handle_request", [{ action: "topic.delete", data: [{ id: topicId }] }]);
    assert.equal(deleted.status, 200, deleted.text);
    await eventually(() => search(admin, { q: "fahrradweg" }), (a) => a.status === 200 && a.body[`topic/${topicId}`] === undefined, "gone after delete");
  });
});
