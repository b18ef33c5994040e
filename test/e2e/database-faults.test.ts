// Database loss mid-traffic: the embedded postmaster is killed, and a PostgreSQL server of the
// test's own is stopped and started again. The server process survives, answers 503 in upstream's
// shape while the database is away, serves again afterwards, every acknowledged write is there,
// and an autoupdate stream opened before stays open and catches up.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { openStream, type StreamReader } from "../autoupdate/support.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Answers wait for the action instead of turning into an action_worker after a second (busy machines). */
const NO_WORKER = { OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" };
const TOPICS_REQUEST = [{ collection: "meeting", ids: [1], fields: { topic_ids: null } }];

interface Traffic {
  acknowledged: number[];
  statuses: number[];
  /** Non-200 answers, for the messages. */
  failures: Array<{ status: number; body: any }>;
}

/** Creates topics one after the other until `stop()` resolves true; records what was acknowledged. */
async function writeTopics(client: Client, label: string, stop: (traffic: Traffic) => boolean, boundMs: number): Promise<Traffic> {
  const traffic: Traffic = { acknowledged: [], statuses: [], failures: [] };
  const deadline = Date.now() + boundMs;
  for (let i = 0; !stop(traffic); i++) {
    assert.ok(Date.now() < deadline, `writes did not succeed again in time: ${JSON.stringify(traffic.failures.slice(-3))}`);
    const answer = await client
      .post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: `${label}-${i}` }] }])
      .catch((error: Error) => ({ status: 0, body: { message: error.message } }) as const);
    traffic.statuses.push(answer.status);
    if (answer.status === 200) traffic.acknowledged.push(answer.body.results[0][0].id as number);
    else {
      traffic.failures.push({ status: answer.status, body: answer.body });
      await sleep(200);
    }
  }
  return traffic;
}

function assertOnly200And503(traffic: Traffic): void {
  for (const failure of traffic.failures) {
    assert.equal(failure.status, 503, `unexpected answer ${JSON.stringify(failure)}`);
    assert.equal(failure.body.success, false);
    assert.match(failure.body.message, /database/i);
  }
}

/** Reads stream lines until the topics seen include every id (within 30 s). */
async function streamCatchesUp(stream: StreamReader, ids: number[]): Promise<void> {
  let seen: number[] = [];
  const deadline = Date.now() + 30_000;
  while (!ids.every((id) => seen.includes(id))) {
    assert.ok(Date.now() < deadline, `the stream did not catch up: missing ${ids.filter((id) => !seen.includes(id))}`);
    const line = await stream.next(30_000);
    if (Array.isArray(line["meeting/1/topic_ids"])) seen = line["meeting/1/topic_ids"] as number[];
  }
}

async function storedTopicIds(client: Client): Promise<number[]> {
  const answer = await client.post("/system/autoupdate?single=1", TOPICS_REQUEST);
  assert.equal(answer.status, 200, answer.text);
  return answer.body["meeting/1/topic_ids"] as number[];
}

async function openTopicStream(server: StartedServer, client: Client): Promise<StreamReader> {
  const stream = await openStream(server.url, client, TOPICS_REQUEST);
  assert.equal(stream.status, 200);
  await stream.next(30_000);
  return stream;
}

describe("the embedded PostgreSQL is killed mid-traffic", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({ env: NO_WORKER });
  });
  after(async () => {
    await server.stop();
  });

  test("the postmaster is restarted, writes go on, nothing acknowledged is lost, the stream catches up", async () => {
    const client = new Client(server.url);
    await client.login("admin", "admin");
    const stream = await openTopicStream(server, client);
    try {
      const before = await writeTopics(client, "before", (traffic) => traffic.acknowledged.length >= 5, 60_000);
      const pid = Number(readFileSync(join(server.dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      const during = await writeTopics(client, "after", (traffic) => traffic.acknowledged.length >= 5, 90_000);
      assert.equal(server.process.exitCode, null, "the server process is still running");
      assertOnly200And503(before);
      assertOnly200And503(during);
      const acknowledged = [...before.acknowledged, ...during.acknowledged];
      const stored = await storedTopicIds(client);
      assert.deepEqual(
        acknowledged.filter((id) => !stored.includes(id)),
        [],
        "every acknowledged topic is stored",
      );
      await streamCatchesUp(stream, acknowledged);
      const newPid = Number(readFileSync(join(server.dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
      assert.notEqual(newPid, pid, "a new postmaster runs");
    } finally {
      stream.close();
    }
  });
});

/** The newest PostgreSQL installed from the distribution's packages, if any. */
function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  const bin = versions.length > 0 ? join(root, versions.at(-1)!, "bin") : undefined;
  return bin && existsSync(join(bin, "pg_ctl")) ? bin : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

/** A throw-away PostgreSQL server (initdb, trust on loopback), run as `postgres` when we are root. */
class OwnPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async create(bin: string): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), "openslides-faults-pg-"));
    chmodSync(dir, 0o777);
    const server = new OwnPostgres(join(dir, "data"), await freePort(), bin);
    server.run("initdb", ["-D", server.dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    server.start();
    server.run("createdb", ["-h", "127.0.0.1", "-p", String(server.port), "-U", "postgres", "openslides"]);
    return server;
  }

  private run(tool: string, args: string[]): void {
    const command = join(this.bin, tool);
    if (process.getuid?.() === 0) execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map((arg) => `'${arg}'`).join(" ")], { stdio: "pipe" });
    else execFileSync(command, args, { stdio: "pipe" });
  }

  start(): void {
    this.run("pg_ctl", ["-D", this.dir, "-w", "-l", join(this.dir, "..", "log"), "-o", `-p ${this.port} -k ${join(this.dir, "..")} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  }

  stop(): void {
    this.run("pg_ctl", ["-D", this.dir, "-w", "-m", "fast", "stop"]);
  }

  remove(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(join(this.dir, ".."), { recursive: true, force: true });
  }
}

describe("a PostgreSQL server is stopped and started again mid-traffic", { skip: postgresBinDir() ? false : "no PostgreSQL binaries under /usr/lib/postgresql" }, () => {
  let postgres: OwnPostgres;
  let server: StartedServer;
  before(async () => {
    postgres = await OwnPostgres.create(postgresBinDir()!);
    server = await startServer({
      env: { ...NO_WORKER, DATABASE_HOST: "127.0.0.1", DATABASE_PORT: String(postgres.port), DATABASE_NAME: "openslides", DATABASE_USER: "postgres", PGPASSWORD: "unused" },
    });
  });
  after(async () => {
    await server?.stop();
    postgres?.remove();
  });

  test("503 while it is away, then writes go on, nothing acknowledged is lost, the stream catches up", async () => {
    const client = new Client(server.url);
    await client.login("admin", "admin");
    const stream = await openTopicStream(server, client);
    try {
      const before = await writeTopics(client, "before", (traffic) => traffic.acknowledged.length >= 5, 60_000);
      postgres.stop();
      const away = await writeTopics(client, "away", (traffic) => traffic.statuses.length >= 2, 60_000);
      assert.deepEqual(away.acknowledged, [], "no write is acknowledged without the database");
      assertOnly200And503(away);
      postgres.start();
      const during = await writeTopics(client, "after", (traffic) => traffic.acknowledged.length >= 5, 90_000);
      assert.equal(server.process.exitCode, null, "the server process is still running");
      assertOnly200And503(before);
      assertOnly200And503(during);
      const acknowledged = [...before.acknowledged, ...during.acknowledged];
      const stored = await storedTopicIds(client);
      assert.deepEqual(
        acknowledged.filter((id) => !stored.includes(id)),
        [],
        "every acknowledged topic is stored",
      );
      await streamCatchesUp(stream, acknowledged);
    } finally {
      stream.close();
    }
  });
});
