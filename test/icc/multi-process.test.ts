import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MemoryBus } from "../../src/bus/memory-bus.js";
import { NotifyHub } from "../../src/icc/notify.js";
import { useTwoProcesses } from "../support/server.js";
import { Client } from "../support/http.js";
import { openLineStream } from "../support/stream-client.js";

test("a listener that goes away is removed from the hub", async () => {
  const bus = new MemoryBus();
  const hub = new NotifyHub(bus);
  await hub.start();
  const stop = hub.listen({ channelId: hub.newChannelId(1), userId: 1, meetingId: 1, receivesMeetingBroadcasts: true, deliver: () => undefined });
  assert.equal(hub.listenerCount, 1);
  stop();
  assert.equal(hub.listenerCount, 0);
  hub.close();
  await bus.close();
});

describe("ICC across two processes over Redis", () => {
  const deployment = useTwoProcesses();

  test("a message published on one process reaches a listener on the other", async () => {
    const listener = new Client(deployment.second.url);
    await listener.login("b", "b");
    const stream = await openLineStream(`${deployment.second.url}/system/icc/notify`, { authentication: listener.token!, cookie: listener.cookie! });
    JSON.parse(await stream.next());
    const sender = new Client(deployment.first.url);
    await sender.login("admin", "admin");
    const own = await openLineStream(`${deployment.first.url}/system/icc/notify`, { authentication: sender.token!, cookie: sender.cookie! });
    const channelId = (JSON.parse(await own.next()) as { channel_id: string }).channel_id;
    const answer = await sender.post("/system/icc/notify/publish", { channel_id: channelId, name: "across", to_users: [3], message: [1, 2] });
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(await stream.next()), { sender_user_id: 1, sender_channel_id: channelId, name: "across", message: [1, 2] });
    stream.close();
    own.close();
  });
});
