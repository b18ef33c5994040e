import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { openLineStream, type LineStream } from "../support/stream-client.js";

function authHeaders(client: Client): Record<string, string> {
  return { authentication: client.token!, cookie: client.cookie! };
}

describe("ICC notify", () => {
  let server: StartedServer;
  const clients: Record<string, Client> = {};
  before(async () => {
    server = await startServer();
    for (const [name, password] of [["admin", "admin"], ["a", "a"], ["b", "b"]] as const) {
      clients[name] = new Client(server.url);
      await clients[name].login(name, password);
    }
  });
  after(async () => server?.stop());

  async function listen(name: string, query = ""): Promise<{ stream: LineStream; channelId: string }> {
    const stream = await openLineStream(`${server.url}/system/icc/notify${query}`, authHeaders(clients[name]!));
    assert.equal(stream.status, 200);
    assert.equal(stream.headers["content-type"], "application/octet-stream");
    const first = JSON.parse(await stream.next()) as { channel_id: string };
    return { stream, channelId: first.channel_id };
  }

  test("the first line names the channel: <host>:<user id>:<counter>", async () => {
    const { stream, channelId } = await listen("a", "?meeting_id=1");
    assert.match(channelId, /^[a-zA-Z0-9]{8}:2:\d+$/);
    stream.close();
  });

  test("delivery by meeting, by user and by channel, and to nobody else", async () => {
    const admin = await listen("admin", "?meeting_id=1");
    const a = await listen("a", "?meeting_id=1");
    const b = await listen("b");
    const publish = (body: Record<string, unknown>) => clients.admin!.post("/system/icc/notify/publish", { channel_id: admin.channelId, ...body });

    assert.equal((await publish({ name: "to meeting", to_meeting: 1, message: { x: 1 } })).status, 200);
    const expected = { sender_user_id: 1, sender_channel_id: admin.channelId, name: "to meeting", message: { x: 1 } };
    assert.deepEqual(JSON.parse(await a.stream.next()), expected);
    assert.deepEqual(JSON.parse(await admin.stream.next()), expected, "the sender's own connection receives it too");

    await publish({ name: "to b", to_users: [3] });
    assert.deepEqual(JSON.parse(await b.stream.next()), { sender_user_id: 1, sender_channel_id: admin.channelId, name: "to b", message: null });

    await publish({ name: "to a's channel", to_channels: [a.channelId], message: "hi" });
    assert.equal(JSON.parse(await a.stream.next()).name, "to a's channel");

    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(b.stream.pending(), [], "b got only its own message");
    assert.deepEqual(admin.stream.pending(), [], "admin got only the meeting message");
    assert.deepEqual(a.stream.pending(), []);
    for (const listener of [admin, a, b]) listener.stream.close();
  });

  test("meeting broadcasts reach only listeners who may see the meeting", async () => {
    const sender = await listen("admin", "?meeting_id=1");
    const outsider = await listen("b", "?meeting_id=99");
    await clients.admin!.post("/system/icc/notify/publish", { channel_id: sender.channelId, name: "m99", to_meeting: 99 });
    await clients.admin!.post("/system/icc/notify/publish", { channel_id: sender.channelId, name: "direct", to_users: [3] });
    assert.equal(JSON.parse(await outsider.stream.next()).name, "direct", "the broadcast to meeting 99 was not delivered");
    sender.stream.close();
    outsider.stream.close();
  });

  test("bad input gets the upstream errors", async () => {
    const admin = clients.admin!;
    const badQuery = await admin.get("/system/icc/notify?meeting_id=abc");
    assert.equal(badQuery.status, 400);
    assert.deepEqual(badQuery.body, { error: "invalid", msg: "url query meeting_id has to be an int" });
    const huge = await admin.get("/system/icc/notify?meeting_id=99999999999999999999999");
    assert.deepEqual([huge.status, huge.body], [400, { error: "invalid", msg: "url query meeting_id has to be an int" }]);
    const negative = await admin.get("/system/icc/applause?meeting_id=-1");
    assert.deepEqual([negative.status, negative.body], [400, { error: "not-allowed", msg: "You can not see the Livestream from meeting -1." }]);
    const foreignChannel = await admin.post("/system/icc/notify/publish", { channel_id: "host:2:0", name: "x", to_users: [2] });
    assert.deepEqual([foreignChannel.status, foreignChannel.body], [400, { error: "invalid", msg: "invalid channel id `host:2:0`" }]);
    const noName = await admin.post("/system/icc/notify/publish", { channel_id: "host:1:0", to_users: [2] });
    assert.deepEqual(noName.body, { error: "invalid", msg: "notify message does not have required field `name`" });
    const wrongType = await admin.post("/system/icc/notify/publish", { channel_id: "host:1:0", name: "x", to_users: 1 });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.error, "invalid");
    assert.match(wrongType.body.msg, /^invalid json: /);
    const notJson = await admin.post("/system/icc/notify/publish", "{nope");
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.error, "invalid");
  });

  test("anonymous may neither listen nor publish", async () => {
    const anonymous = new Client(server.url);
    const listenAnswer = await anonymous.get("/system/icc/notify");
    assert.deepEqual([listenAnswer.status, listenAnswer.body], [401, { error: "not-allowed", msg: "Anonymous user can not receive notify messages." }]);
    const publishAnswer = await anonymous.post("/system/icc/notify/publish", { channel_id: "x:0:0", name: "n" });
    assert.deepEqual([publishAnswer.status, publishAnswer.body], [401, { error: "not-allowed", msg: "Anonymous user can not publish notify messages." }]);
    const forged = await anonymous.get("/system/icc/notify", { authentication: "bearer forged", cookie: "refreshId=bearer%20forged" });
    assert.deepEqual([forged.status, forged.body], [401, { error: "not-allowed", msg: "Anonymous user can not receive icc messages." }]);
  });

  test("health", async () => {
    const answer = await new Client(server.url).get("/system/icc/health");
    assert.deepEqual([answer.status, answer.body], [200, { healthy: true, service: "icc" }]);
  });
});

test("the ICC seed's curl examples on the ICC port in development mode", async () => {
  const server = await startServer({ env: { OPENSLIDES_COMPONENT_PORTS: "icc", ICC_PORT: "0" } });
  try {
    const port = server.componentPorts.icc!;
    const stream = await openLineStream(`http://127.0.0.1:${port}/system/icc/notify?meeting_id=1`);
    const channelId = (JSON.parse(await stream.next()) as { channel_id: string }).channel_id;
    assert.match(channelId, /^[a-zA-Z0-9]{8}:1:\d+$/, "curl without credentials acts as the example superadmin");
    const icc = new Client(`http://127.0.0.1:${port}`);
    const published = await icc.post("/system/icc/notify/publish", { channel_id: channelId, to_meeting: 1, to_users: [3, 4], name: "my message title", message: { any: "valid", json: "data" } });
    assert.equal(published.status, 200);
    assert.deepEqual(JSON.parse(await stream.next()), { sender_user_id: 1, sender_channel_id: channelId, name: "my message title", message: { any: "valid", json: "data" } });
    stream.close();
    const applause = await openLineStream(`http://127.0.0.1:${port}/system/icc/applause?meeting_id=1`);
    assert.deepEqual(JSON.parse(await applause.next()), { level: 0, present_users: 1 });
    applause.close();
    const mainPort = await new Client(server.url).get("/system/icc/notify");
    assert.equal(mainPort.status, 401, "the main port keeps upstream's rules");
  } finally {
    await server.stop();
  }
});
