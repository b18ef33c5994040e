// Every route (the route table of the running server; port-only routes on their component's
// port, every component port opened) gets bad input: a wrong
// method, garbage and deeply nested JSON, a huge string, wrong types, impossible ids in the path
// and the query, with and without a login. No answer may be a 5xx, and each must start within a
// generous bound (streams may stay open: their first answer counts).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { startServer, type RunningServer } from "../../src/start.js";
import type { Route } from "../../src/http/types.js";
import { createExternalDatabase, externalServer } from "../support/database.js";

const ANSWER_BOUND_MS = 10_000;

let running: RunningServer;
let baseUrl: string;
let dataDir: string;
let dropDatabase: () => Promise<void>;
let adminHeaders: Record<string, string> = {};

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "openslides-sweep-"));
  const database = await createExternalDatabase("sweep");
  dropDatabase = database.drop;
  const server = externalServer();
  const config = loadConfig({
    OPENSLIDES_DEVELOPMENT: "1",
    OPENSLIDES_DATA_DIR: dataDir,
    OPENSLIDES_PORT: "0",
    DATABASE_HOST: server.host,
    DATABASE_PORT: String(server.port),
    DATABASE_NAME: database.name,
    DATABASE_USER: server.user,
    PGPASSWORD: server.password,
    OPENSLIDES_COMPONENT_PORTS: "all",
    ...Object.fromEntries(["ACTION", "PRESENTER", "AUTH", "MEDIA", "ICC", "AUTOUPDATE", "VOTE", "SEARCH", "PROJECTOR"].map((name) => [`${name}_PORT`, "0"])),
  });
  running = await startServer(config, createLogger("error"));
  baseUrl = `http://127.0.0.1:${running.listeners.get("main")!.port}`;
  adminHeaders = await login();
});

after(async () => {
  await running?.stop();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/system/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "admin" }),
  });
  assert.equal(response.status, 200);
  const cookie = /refreshId=[^;]*/.exec(response.headers.get("set-cookie") ?? "")?.[0] ?? "";
  return { authentication: response.headers.get("authentication") ?? "", cookie };
}

interface Probe {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

const BAD_IDS = ["0", "-1", "99999999999999999999", "abc", "1.5", "%00"];
const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const BAD_BODIES: Array<{ body: string; contentType?: string }> = [
  { body: "{" },
  { body: deep(100_000) },
  { body: JSON.stringify(["x".repeat(1_000_000)]) },
  { body: JSON.stringify([{ action: "topic.create", data: [{ id: -1, ids: [0, -1, 1e20], meeting_id: "x", title: { a: [null] }, owner_id: `${"a".repeat(64_000)}!` }] }]) },
  { body: JSON.stringify({ id: -1, ids: [0, -1], collection: 5, fields: null, presenter: "x".repeat(10_000), data: 1e308 }) },
  { body: "null" },
  { body: "a=1&b=%zz", contentType: "application/x-www-form-urlencoded" },
  { body: "--x\r\nnot multipart", contentType: "multipart/form-data; boundary=x" },
];

/** The concrete paths of a route: its own path, or for a prefix route impossible ids after it; bad query parameters on each. */
function pathsOf(route: Route): string[] {
  const query = "?id=-1&ids=99999999999999999999,0&k=user/0/x&single=1&meeting_id=-1";
  const bases = route.path.endsWith("/*") ? BAD_IDS.map((id) => route.path.slice(0, -1) + id) : [route.path];
  return bases.flatMap((base) => [base, base + query]);
}

function probesOf(route: Route): Probe[] {
  const methods = route.method === "*" ? ["GET", "POST"] : [route.method];
  const probes: Probe[] = [{ method: route.method === "DELETE" ? "PUT" : "DELETE", path: pathsOf(route)[0]! }];
  for (const path of pathsOf(route)) {
    for (const method of methods) {
      if (method === "GET" || method === "HEAD") probes.push({ method, path });
      else for (const { body, contentType } of BAD_BODIES) probes.push({ method, path, body, contentType });
    }
  }
  return probes;
}

/** The status, or a failure text: a 5xx, no answer in time, or a broken connection. */
async function send(probe: Probe, headers: Record<string, string>, base: string): Promise<string | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ANSWER_BOUND_MS);
  try {
    const response = await fetch(base + probe.path, {
      method: probe.method,
      headers: { ...headers, ...(probe.body !== undefined ? { "content-type": probe.contentType ?? "application/json" } : {}) },
      body: probe.body,
      signal: controller.signal,
    });
    // a stream answers with its headers and stays open: its status is the answer
    await response.body?.cancel();
    return response.status >= 500 ? `status ${response.status}` : undefined;
  } catch (error) {
    return controller.signal.aborted ? `no answer within ${ANSWER_BOUND_MS} ms` : `connection failed: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

const describeProbe = (probe: Probe, who: string) =>
  `${who} ${probe.method} ${probe.path.slice(0, 80)} ${probe.body === undefined ? "" : probe.body.slice(0, 60)}`;

test("no route answers bad input with a 5xx or not at all", async () => {
  assert.ok(running.routes.length > 40, `${running.routes.length} routes`);
  const failures: string[] = [];
  let sent = 0;
  for (const route of running.routes) {
    // a logged-in logout would end the session the other probes use
    const asAdmin = !/logout/.test(route.path);
    const base = route.portOnly ? `http://127.0.0.1:${running.listeners.get(route.component)!.port}` : baseUrl;
    for (const probe of probesOf(route)) {
      const anonymous = await send(probe, {}, base);
      if (anonymous) failures.push(`${describeProbe(probe, "anonymous")}: ${anonymous}`);
      sent++;
      if (!asAdmin) continue;
      const admin = await send(probe, adminHeaders, base);
      if (admin) failures.push(`${describeProbe(probe, "admin")}: ${admin}`);
      sent++;
    }
  }
  assert.ok(sent > 1000, `${sent} probes sent`);
  assert.deepEqual(failures, []);
});
