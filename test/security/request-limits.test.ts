// Issue 13, items 2, 4, 7 and 8: requests that used to stall the server for everyone, answer
// with a 500, or lose writes. Each answer is bounded generously (a stall was 20 s to minutes).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Client, type Answer } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";

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

/** The answer, failing when it takes longer than `seconds`. */
async function within<T>(seconds: number, pending: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000)));
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const act = (client: Client, action: string, data: unknown[], route = "handle_request") => client.post(`/system/action/${route}`, [{ action, data }]);
const nested = (depth: number, open: string, close: string, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);

function assertActionError(answer: Answer, status: number, message: RegExp): void {
  assert.equal(answer.status, status, answer.text.slice(0, 300));
  assert.equal(answer.body.success, false);
  assert.match(answer.body.message, message);
}

describe("item 2: the fqid pattern", () => {
  for (const length of [64_000, 300_000]) {
    test(`an anonymous mediafile.upload with a ${length}-character owner_id is refused at once; health answers meanwhile`, async () => {
      const owner = "a".repeat(length) + "!";
      const upload = act(anonymous, "mediafile.upload", [{ title: "x", owner_id: owner, filename: "x.txt", file: "eA==" }]);
      const health = await within(5, anonymous.get("/system/action/health"));
      assert.equal(health.status, 200);
      const answer = await within(5, upload);
      assert.ok(answer.status >= 400 && answer.status < 500, `status ${answer.status}`);
      assert.equal(answer.body.success, false);
    });
  }

  test("a long content_object_id of a logged-in user gets the pattern's message", async () => {
    const answer = await within(5, act(admin, "projector.project", [{ ids: [1], meeting_id: 1, content_object_id: `${"motion_".repeat(20_000)}/1` }]));
    assertActionError(answer, 400, /content_object_id must match pattern/);
  });
});

describe("item 4: autoupdate requests", () => {
  test("a million ids is a 400 in the autoupdate's error shape, without stalling health", async () => {
    const ids = Array.from({ length: 1_000_000 }, (_, index) => index + 1);
    const pending = admin.request("POST", "/system/autoupdate?single=1", [{ collection: "user", ids, fields: { username: null } }]);
    const health = await within(5, anonymous.get("/system/action/health"));
    assert.equal(health.status, 200);
    const answer = await within(10, pending);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.type, "invalid_request");
    assert.match(answer.body.error.msg, /body is larger than|ids, at most/);
  });

  test("more ids than allowed in a small body is a 400 naming the limit", async () => {
    const ids = Array.from({ length: 100_001 }, () => 1);
    const answer = await within(10, admin.request("POST", "/system/autoupdate?single=1", [{ collection: "user", ids, fields: { username: null } }]));
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { error: { type: "invalid_request", msg: "Invalid request: more than 100000 ids, at most 100000 are allowed" } });
  });

  test("the largest allowed request is answered, and health answers while it computes", async () => {
    const ids = Array.from({ length: 100_000 }, (_, index) => index + 1);
    const pending = admin.request("POST", "/system/autoupdate?single=1", [{ collection: "user", ids, fields: { username: null, meeting_user_ids: { type: "relation-list", collection: "meeting_user", fields: { meeting_id: null } } } }]);
    const health = await within(5, anonymous.get("/system/action/health"));
    assert.equal(health.status, 200);
    const answer = await within(60, pending);
    assert.equal(answer.status, 200);
    assert.equal(answer.body["user/1/username"], "admin");
  });
});

describe("item 7: bad input answers 4xx, never 500", () => {
  test("a presenter body of 100,000 nested arrays", async () => {
    const answer = await within(5, admin.request("POST", "/system/presenter/handle_request", nested(100_000, "[", "]")));
    assertActionError(answer, 400, /nested deeper than 100 levels/);
  });

  test("an action with a 3,000-deep object", async () => {
    const deep = nested(3000, '{"a":', "}");
    const answer = await within(5, admin.request("POST", "/system/action/handle_request", `[{"action":"topic.create","data":[{"meeting_id":1,"title":"t","text":${deep}}]}]`));
    assertActionError(answer, 400, /nested deeper than 100 levels/);
  });

  test("nesting below the limit is decoded as before", async () => {
    const answer = await within(5, admin.request("POST", "/system/action/handle_request", `[{"action":"topic.create","data":[{"meeting_id":1,"title":${nested(90, "[", "]", '"t"')}}]}]`));
    assertActionError(answer, 400, /title must be string/);
  });

  for (const id of ["-1", "0"]) {
    test(`a vote for poll ${id}`, async () => {
      const answer = await within(5, admin.request("POST", `/system/vote?id=${id}`, { value: "Y" }));
      assert.equal(answer.status, 400, answer.text);
      assert.deepEqual(answer.body, { error: "not-exist", message: `Poll ${id} does not exist` });
    });
  }

  test("voted with an id beyond every integer", async () => {
    const answer = await within(5, admin.request("GET", "/system/vote/voted?ids=99999999999999999999"));
    assert.equal(answer.status, 400, answer.text);
    assert.equal(answer.body.error, "invalid");
    const zero = await within(5, admin.request("GET", "/system/vote/voted?ids=0,-1,3000000000"));
    assert.equal(zero.status, 200, zero.text);
    assert.deepEqual(zero.body, { "0": null, "-1": null, "3000000000": null });
  });

  for (const path of ["get", "subscribe", "preview"]) {
    for (const id of ["0", "-1"]) {
      test(`projector ${path}/${id}`, async () => {
        const answer = await within(5, admin.request(path === "preview" ? "POST" : "GET", `/system/projector/${path}/${id}`, path === "preview" ? {} : undefined));
        assert.equal(answer.status, 400, answer.text);
        assert.match(answer.text, /Projector id invalid/);
      });
    }
  }

  test("media get/0 and the download of a directory are 404", async () => {
    const zero = await within(5, admin.get("/system/media/get/0"));
    assert.equal(zero.status, 404, zero.text);
    const created = await act(admin, "mediafile.create_directory", [{ owner_id: "meeting/1", title: "a directory" }]);
    assert.equal(created.status, 200, created.text);
    const directory = created.body.results[0][0].id as number;
    const download = await within(5, admin.get(`/system/media/get/${directory}`));
    assert.equal(download.status, 404, download.text);
    assert.deepEqual(download.body, { message: "Media-Server: Not Found." });
  });
});

describe("item 8: handle_separately", () => {
  const topicTitles = async () => {
    const answer = await admin.request("POST", "/system/autoupdate?single=1", [{ collection: "meeting", ids: [1], fields: { topic_ids: { type: "relation-list", collection: "topic", fields: { title: null } } } }]);
    return Object.entries(answer.body as Record<string, unknown>).filter(([key]) => /^topic\/\d+\/title$/.test(key)).map(([, value]) => value);
  };

  test("what the first action wrote stays when the second fails", async () => {
    const answer = await act(admin, "topic.create", [{ meeting_id: 1, title: "kept separately" }], "handle_separately");
    assert.equal(answer.status, 200);
    const failing = await admin.post("/system/action/handle_separately", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "first of two" }] },
      { action: "no_such.action", data: [{}] },
    ]);
    assertActionError(failing, 400, /Action no_such\.action does not exist\./);
    const deadline = Date.now() + 5000;
    while (!(await topicTitles()).includes("first of two")) {
      assert.ok(Date.now() < deadline, "the first action's topic is written");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  test("handle_request stays atomic", async () => {
    const failing = await admin.post("/system/action/handle_request", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "never written" }] },
      { action: "no_such.action", data: [{}] },
    ]);
    assertActionError(failing, 400, /Action no_such\.action does not exist\./);
    assert.ok(!(await topicTitles()).includes("never written"));
  });
});
