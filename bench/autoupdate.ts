// Autoupdate under load, ours beside upstream's Go autoupdate service when its binary is given.
// One deployment (our server on a fresh database of the external PostgreSQL, with Redis) holds
// the example data plus generated delegates of meeting 1 and serves the actions. For every size N
// and both scenarios, a FRESH autoupdate process is started on that database: a second process of
// ours (the deployment's second node), then upstream's binary. N streams of a small request
// (meeting 1's agenda: topics with their agenda items and lists of speakers, the shape of the
// client's agenda list) open at once; measured: time until every stream has its first line, time
// from the action's answer (topic.update on the deployment's first process) until the last stream
// has the change, and the process's RSS growth per stream.
// Scenarios: "one user" (every stream is the superadmin) and "different users" (stream i is
// delegate i, all in the Delegates group).
//
// Run: npm run bench -- autoupdate
//   AUTOUPDATE_BENCH_SIZES=100,1000,2000 (default)
//   OPENSLIDES_BENCH_UPSTREAM_AUTOUPDATE=<path of upstream's autoupdate binary> (optional; built
//   with `go build` from a checkout of openslides-autoupdate-service, see bench/autoupdate.md)
//   AUTOUPDATE_BENCH_NODE_OPTIONS=<flags> for our measured process (e.g. --cpu-prof, heap sizes)
//   AUTOUPDATE_BENCH_WARM=1: one unmeasured burst of the same size before the measured one (to
//   tell the cost of cold code from the steady cost; the figures are without it)
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { Agent, request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { DEVELOPMENT_SECRETS } from "../src/config.js";
import { createAccessToken, createRefreshCookieValue, newSessionId } from "../src/auth/tokens.js";
import { redisEnv, startServer, type StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";

const SIZES = (process.env.AUTOUPDATE_BENCH_SIZES ?? "100,1000,2000").split(",").map(Number);
const UPSTREAM = process.env.OPENSLIDES_BENCH_UPSTREAM_AUTOUPDATE;
const DELEGATES_GROUP = 5;
const SETTLE_MS = 2000;
const WARM = process.env.AUTOUPDATE_BENCH_WARM === "1";

const AGENDA_REQUEST = JSON.stringify([
  {
    collection: "meeting",
    ids: [1],
    fields: {
      topic_ids: {
        type: "relation-list",
        collection: "topic",
        fields: {
          title: null,
          text: null,
          agenda_item_id: { type: "relation", collection: "agenda_item", fields: { item_number: null, is_hidden: null, is_internal: null, comment: null } },
          list_of_speakers_id: { type: "relation", collection: "list_of_speakers", fields: { closed: null, speaker_ids: null } },
        },
      },
    },
  },
]);

type Headers = Record<string, string>;

interface AutoupdateProcess {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

/** CPU time (user + system, all threads) the process has used so far, in ms (10 ms resolution). */
function cpuMs(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The headers of a logged-in client of `userId`, signed with the development keys both services use. */
async function credentials(userId: number): Promise<Headers> {
  const keys = { tokenKey: DEVELOPMENT_SECRETS.authTokenKey, cookieKey: DEVELOPMENT_SECRETS.authCookieKey };
  const claims = { sessionId: newSessionId(), userId };
  const cookie = await createRefreshCookieValue(keys, claims);
  return { authentication: await createAccessToken(keys, claims), cookie: `refreshId=${encodeURIComponent(cookie)}` };
}

/** Delegates of meeting 1 as SSO accounts (no password to hash), in batches; their user ids. */
async function createDelegates(admin: Client, count: number): Promise<number[]> {
  const ids: number[] = [];
  const stamp = Date.now();
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, (_, j) => ({
      username: `bench-${stamp}-${i + j}`, saml_id: `bench-${stamp}-${i + j}`, first_name: `Delegate ${i + j}`, meeting_id: 1, group_ids: [DELEGATES_GROUP],
    }));
    const answer = await admin.post("/system/action/handle_request", [{ action: "user.create", data: batch }]);
    if (answer.status !== 200) throw new Error(`user.create failed: ${answer.status} ${answer.text.slice(0, 300)}`);
    for (const result of answer.body.results[0] as Array<{ id: number }>) ids.push(result.id);
  }
  return ids;
}

interface Stream {
  firstLine: Promise<number>;
  waitFor(text: string): Promise<number>;
  close(): void;
}

function openStream(url: string, headers: Headers, agent: Agent): Stream {
  let buffer = "";
  let resolveFirst!: (time: number) => void;
  let rejectFirst!: (error: Error) => void;
  const firstLine = new Promise<number>((resolve, reject) => ((resolveFirst = resolve), (rejectFirst = reject)));
  const watchers: Array<{ text: string; resolve: (time: number) => void }> = [];
  const req = request(`${url}/system/autoupdate`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, agent }, (res) => {
    if (res.statusCode !== 200) rejectFirst(new Error(`autoupdate answered ${res.statusCode}`));
    res.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes("\n")) resolveFirst(performance.now());
      for (const watcher of watchers.splice(0)) {
        if (buffer.includes(watcher.text)) watcher.resolve(performance.now());
        else watchers.push(watcher);
      }
    });
    res.on("error", () => undefined);
  });
  req.on("error", (error) => rejectFirst(error));
  req.end(AGENDA_REQUEST);
  return {
    firstLine,
    waitFor: (text) => new Promise((resolve) => (buffer.includes(text) ? resolve(performance.now()) : watchers.push({ text, resolve }))),
    close: () => req.destroy(),
  };
}

/** Opens one stream per header set at once; first lines, the change to the last stream, memory. */
async function measure(target: AutoupdateProcess, admin: Client, streamHeaders: Headers[]): Promise<Record<string, number>> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const before = rssMiB(target.pid);
  const cpuBefore = cpuMs(target.pid);
  const start = performance.now();
  const streams = streamHeaders.map((headers) => openStream(target.url, headers, agent));
  const firstLines = (await Promise.all(streams.map((stream) => stream.firstLine))).map((at) => at - start).sort((a, b) => a - b);
  const memory = rssMiB(target.pid) - before;
  const cpu = cpuMs(target.pid) - cpuBefore;
  const title = `Changed ${streams.length} ${Date.now()}`;
  const arrived = Promise.all(streams.map((stream) => stream.waitFor(title)));
  const sent = performance.now();
  const answer = await admin.post("/system/action/handle_request", [{ action: "topic.update", data: [{ id: 1, title }] }]);
  if (answer.status !== 200) throw new Error(`topic.update failed: ${answer.text}`);
  const last = Math.max(...(await arrived));
  for (const stream of streams) stream.close();
  agent.destroy();
  return {
    "all first lines ms": round(firstLines.at(-1)!),
    "median first line ms": round(firstLines[firstLines.length >> 1]!),
    "change to last stream ms": round(last - sent),
    "KiB per stream": round((memory * 1024) / streams.length),
    "CPU ms to first lines": round(cpu),
  };
}

/** Waits until the process answers a one-field request (ours loads its state after listening). */
async function ready(target: AutoupdateProcess, headers: Headers): Promise<void> {
  const body = JSON.stringify([{ collection: "organization", ids: [1], fields: { name: null } }]);
  const answer = await fetch(`${target.url}/system/autoupdate?single=1`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  if (answer.status !== 200) throw new Error(`${target.name}: the readiness request answered ${answer.status}: ${await answer.text()}`);
  await answer.text();
}

async function ours(deployment: StartedServer): Promise<AutoupdateProcess> {
  const nodeOptions = process.env.AUTOUPDATE_BENCH_NODE_OPTIONS;
  // Given as node's arguments: NODE_OPTIONS refuses some of them (--cpu-prof).
  const nodeArgs = nodeOptions ? nodeOptions.split(/\s+/).filter(Boolean) : [];
  const server = await startServer({ shareWith: deployment, env: { OPENSLIDES_LOGLEVEL: "error" }, nodeArgs });
  return { name: "openslides-ts", url: server.url, pid: server.process.pid!, stop: async () => void (await server.stop({ keepData: true })) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function healthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`upstream autoupdate exited with ${child.exitCode}:\n${output()}`);
    try {
      const answer = await fetch(`${url}/system/autoupdate/health`);
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`upstream autoupdate did not answer in time:\n${output()}`);
}

/** Upstream's binary on the deployment's database and Redis, with the development secrets. */
async function upstream(binary: string, deployment: StartedServer, secrets: string): Promise<AutoupdateProcess> {
  const port = await freePort();
  const env = deployment.env;
  const child = spawn(binary, [], {
    env: {
      PATH: process.env.PATH ?? "",
      OPENSLIDES_DEVELOPMENT: "1",
      AUTOUPDATE_PORT: String(port),
      DATABASE_HOST: env.DATABASE_HOST!,
      DATABASE_PORT: env.DATABASE_PORT!,
      DATABASE_NAME: env.DATABASE_NAME!,
      DATABASE_USER: env.DATABASE_USER!,
      DATABASE_PASSWORD_FILE: join(secrets, "postgres_password"),
      AUTH_TOKEN_KEY_FILE: join(secrets, "auth_token_key"),
      AUTH_COOKIE_KEY_FILE: join(secrets, "auth_cookie_key"),
      MESSAGE_BUS_HOST: redisEnv().MESSAGE_BUS_HOST!,
      MESSAGE_BUS_PORT: redisEnv().MESSAGE_BUS_PORT!,
      AUTH_HOST: "127.0.0.1",
      AUTH_PORT: String(deployment.port),
      VOTE_HOST: "127.0.0.1",
      VOTE_PORT: String(deployment.port),
      METRIC_INTERVAL: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await healthy(url, child, () => output);
  return {
    name: "upstream Go",
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function writeSecrets(): string {
  const dir = mkdtempSync(join(tmpdir(), "openslides-bench-secrets-"));
  writeFileSync(join(dir, "postgres_password"), process.env.TEST_DATABASE_PASSWORD ?? "openslides");
  writeFileSync(join(dir, "auth_token_key"), DEVELOPMENT_SECRETS.authTokenKey);
  writeFileSync(join(dir, "auth_cookie_key"), DEVELOPMENT_SECRETS.authCookieKey);
  return dir;
}

export async function run(): Promise<void> {
  console.log(`load average before: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  const deployment = await startServer({ database: "external", redis: true, env: { OPENSLIDES_LOGLEVEL: "error", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" } });
  const secrets = writeSecrets();
  try {
    const admin = new Client(deployment.url);
    await admin.login("admin", "admin");
    const delegates = await createDelegates(admin, Math.max(...SIZES));
    const superadmin = await credentials(1);
    const delegateHeaders = await Promise.all(delegates.map((id) => credentials(id)));
    const starters: Array<() => Promise<AutoupdateProcess>> = [() => ours(deployment)];
    if (UPSTREAM) starters.push(() => upstream(UPSTREAM, deployment, secrets));
    const rows: Array<Record<string, unknown>> = [];
    for (const size of SIZES) {
      for (const scenario of ["one user", "different users"] as const) {
        const headers = scenario === "one user" ? Array.from({ length: size }, () => superadmin) : delegateHeaders.slice(0, size);
        for (const start of starters) {
          const target = await start();
          try {
            await ready(target, superadmin);
            await sleep(SETTLE_MS);
            if (WARM) {
              // Analysis only: one unmeasured burst first, to tell cold code from steady costs.
              await measure(target, admin, headers);
              await sleep(SETTLE_MS);
            }
            rows.push({ autoupdate: target.name, scenario, streams: size, ...(await measure(target, admin, headers)) });
            console.log(JSON.stringify(rows.at(-1)));
          } finally {
            await target.stop();
          }
        }
      }
    }
    console.table(rows);
    if (UPSTREAM) console.table(ratios(rows));
  } finally {
    rmSync(secrets, { recursive: true, force: true });
    await deployment.stop();
    console.log(`load average after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  }
}

/** Upstream's time divided by ours, per size and scenario (above 1: ours is faster). */
function ratios(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const result: Array<Record<string, unknown>> = [];
  for (const row of rows.filter((candidate) => candidate.autoupdate === "openslides-ts")) {
    const theirs = rows.find((candidate) => candidate.autoupdate !== "openslides-ts" && candidate.scenario === row.scenario && candidate.streams === row.streams);
    if (!theirs) continue;
    const ratio = (key: string) => Math.round(((theirs[key] as number) / (row[key] as number)) * 100) / 100;
    result.push({ scenario: row.scenario, streams: row.streams, "first lines: Go / ours": ratio("all first lines ms"), "change: Go / ours": ratio("change to last stream ms") });
  }
  return result;
}
