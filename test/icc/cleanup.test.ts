// Listeners that disconnect leave nothing behind: the ICC routes in-process, over real HTTP.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { AppContext } from "../../src/app.js";
import { createAuthContext } from "../../src/auth/context.js";
import { authComponent } from "../../src/auth/routes.js";
import { createBuses } from "../../src/bus/create-bus.js";
import { loadConfig } from "../../src/config.js";
import { Listener } from "../../src/http/server.js";
import { createIccServices, iccRoutes, type IccServices } from "../../src/icc/routes.js";
import { createLogger } from "../../src/log.js";
import { readSeed } from "../../src/setup/first-start.js";
import { importModels } from "../../src/setup/import-models.js";
import { openTestDatabase, type TestDatabase } from "../support/database.js";
import { Client } from "../support/http.js";
import { openLineStream } from "../support/stream-client.js";

let td: TestDatabase;
let app: AppContext;
let services: IccServices;
let listener: Listener;

before(async () => {
  td = await openTestDatabase("external");
  await importModels(td.db, readSeed("example-data.json"));
  const config = loadConfig({ OPENSLIDES_DEVELOPMENT: "1" });
  const buses = createBuses({});
  const auth = createAuthContext({ keys: { tokenKey: config.authTokenKey, cookieKey: config.authCookieKey }, cache: buses.cache, messageBus: buses.messageBus });
  app = { config, db: td.db, buses, auth, log: createLogger("error"), version: "test", shutdownHooks: [] };
  services = createIccServices(app);
  listener = new Listener({ host: "127.0.0.1", port: 0, routes: [...authComponent(app), ...iccRoutes(app, services)], maxBodyBytes: 1 << 20, log: app.log });
  await listener.start();
});

after(async () => {
  await listener.stop(200);
  services.close();
  app.auth.close();
  await app.buses.close();
  await td.close();
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), "condition not reached");
}

test("closed notify and applause streams unregister their listeners", async () => {
  const client = new Client(`http://127.0.0.1:${listener.port}`);
  await client.login("admin", "admin");
  const headers = { authentication: client.token!, cookie: client.cookie! };
  const streams = await Promise.all([1, 2, 3].map(() => openLineStream(`http://127.0.0.1:${listener.port}/system/icc/notify?meeting_id=1`, headers)));
  const applause = await openLineStream(`http://127.0.0.1:${listener.port}/system/icc/applause?meeting_id=1`, headers);
  for (const stream of [...streams, applause]) await stream.next();
  assert.equal(services.notify.listenerCount, 3);
  assert.equal(services.applause.listenerCount, 1);
  for (const stream of [...streams, applause]) stream.close();
  await waitFor(() => services.notify.listenerCount === 0 && services.applause.listenerCount === 0);
});

test("a logout ends the session's open notify stream", async () => {
  const client = new Client(`http://127.0.0.1:${listener.port}`);
  await client.login("admin", "admin");
  const stream = await openLineStream(`http://127.0.0.1:${listener.port}/system/icc/notify`, { authentication: client.token!, cookie: client.cookie! });
  await stream.next();
  assert.equal(services.notify.listenerCount, 1);
  await client.post("/system/auth/secure/logout");
  await waitFor(() => services.notify.listenerCount === 0);
  stream.close();
});
