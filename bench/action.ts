// The action service under load: requests per second and latency percentiles of topic.create,
// motion.create, meeting.create and meeting.clone in the example data (committee 1, meeting 1),
// each client its own login sending sequential requests, on the embedded database and on a
// PostgreSQL server. A 202 (the 1 s thread watch handed the work to an action_worker) is followed
// as the client follows it: the worker is read through our autoupdate until its state is "end",
// and the request took until then. A request "fails" when it answers anything else than 200 or
// such a 202, or its worker ends without success (e.g. a 400 of a lost numbering race).
//
// Beside upstream: with OPENSLIDES_BENCH_UPSTREAM_BACKEND=<checkout of openslides-backend> (and
// OPENSLIDES_BENCH_UPSTREAM_PYTHON=<python of a venv with its requirements>, default
// <checkout>/.venv/bin/python), upstream's action service runs on loopback against the same
// database (created by our server on the PostgreSQL server, development keys, so our tokens are
// valid there), and each case runs on both, interleaved; the table gets the ratio.
// Run: npm run bench -- action   (ACTION_BENCH_SECONDS=<n> per case, default 10)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { startServer, type StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";

const SECONDS = Number(process.env.ACTION_BENCH_SECONDS ?? 10);
const UPSTREAM_BACKEND = process.env.OPENSLIDES_BENCH_UPSTREAM_BACKEND;
const UPSTREAM_PYTHON = process.env.OPENSLIDES_BENCH_UPSTREAM_PYTHON ?? (UPSTREAM_BACKEND ? join(UPSTREAM_BACKEND, ".venv/bin/python") : "");

interface Case {
  action: string;
  concurrency: number[];
  data: (n: number) => Record<string, unknown>;
}

const CASES: Case[] = [
  { action: "topic.create", concurrency: [1, 20], data: (n) => ({ meeting_id: 1, title: `Bench topic ${n}`, text: "<p>Some text</p>" }) },
  // Distinct texts: motion.create links a new motion to every motion with the same text (upstream's identical motions).
  { action: "motion.create", concurrency: [1, 20], data: (n) => ({ meeting_id: 1, title: `Bench motion ${n}`, text: `<p>The text of motion ${n}</p>`, workflow_id: 1 }) },
  { action: "meeting.create", concurrency: [1], data: (n) => ({ committee_id: 1, name: `Bench meeting ${n}`, language: "en", admin_ids: [1] }) },
  { action: "meeting.clone", concurrency: [1], data: () => ({ meeting_id: 1 }) },
];

/** A service answering /system/action/handle_request: ours, or upstream's beside it. */
interface Target {
  name: string;
  url: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Clients logged in at our server (the auth service), sending to the target. */
async function loggedInClients(server: StartedServer, target: Target, count: number): Promise<Client[]> {
  // One after the other: the login throttle counts a login as a failed attempt until it succeeded,
  // so 20 simultaneous logins of one user from one address would be refused.
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) {
    const login = new Client(server.url);
    await login.login("admin", "admin");
    const client = new Client(target.url);
    client.token = login.token;
    client.cookie = login.cookie;
    clients.push(client);
  }
  return clients;
}

let counter = 1;

interface ActionAnswer {
  status: number;
  body: unknown;
  text: string;
}

/** The action_worker of a 202 answer ("action_worker/<id>"), if it names one. */
function workerId(answer: ActionAnswer): number | undefined {
  const fqid = (answer.body as { results?: Array<Array<{ fqid?: unknown }>> } | undefined)?.results?.[0]?.[0]?.fqid;
  const match = typeof fqid === "string" ? /^action_worker\/(\d+)$/.exec(fqid) : null;
  return match ? Number(match[1]) : undefined;
}

/** Reads the worker through our autoupdate (as the client does) until it ends; its result's success. */
async function followWorker(server: StartedServer, client: Client, id: number): Promise<boolean> {
  const reader = new Client(server.url);
  reader.token = client.token;
  reader.cookie = client.cookie;
  const request = [{ collection: "action_worker", ids: [id], fields: { state: null, result: null } }];
  for (;;) {
    const answer = await reader.post("/system/autoupdate?single=1", request);
    if (answer.status !== 200) return false;
    const values = JSON.parse(answer.text.split("\n")[0] ?? "{}") as Record<string, unknown>;
    if (values[`action_worker/${id}/state`] === "end") return (values[`action_worker/${id}/result`] as { success?: unknown } | undefined)?.success === true;
    await sleep(50);
  }
}

/** Sends one action; true when it succeeded (at once, or through its action_worker). */
async function act(server: StartedServer, client: Client, benchCase: Case): Promise<{ ok: boolean; answer: ActionAnswer }> {
  const answer: ActionAnswer = await client.post("/system/action/handle_request", [{ action: benchCase.action, data: [benchCase.data(counter++)] }]);
  if (answer.status === 200) return { ok: true, answer };
  const worker = answer.status === 202 ? workerId(answer) : undefined;
  if (worker === undefined) return { ok: false, answer };
  return { ok: await followWorker(server, client, worker), answer };
}

async function measure(server: StartedServer, target: Target, benchCase: Case, concurrency: number) {
  const clients = await loggedInClients(server, target, concurrency);
  const probe = await act(server, clients[0]!, benchCase);
  if (!probe.ok) return { rate: 0, error: `${probe.answer.status} ${(probe.answer.body as { message?: string } | undefined)?.message ?? probe.answer.text}`.slice(0, 100) };
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        const begin = performance.now();
        const { ok } = await act(server, client, benchCase);
        if (ok) latencies.push(performance.now() - begin);
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    rate: latencies.length / elapsed,
    "req/s": round(latencies.length / elapsed),
    "p50 ms": round(percentile(latencies, 50)),
    "p90 ms": round(percentile(latencies, 90)),
    "p99 ms": round(percentile(latencies, 99)),
    failures,
  };
}

/** Upstream's action service on a free loopback port against our server's database. */
async function startUpstream(server: StartedServer): Promise<{ target: Target; stop: () => Promise<void> }> {
  if (!existsSync(UPSTREAM_PYTHON)) throw new Error(`no python at ${UPSTREAM_PYTHON} (OPENSLIDES_BENCH_UPSTREAM_PYTHON)`);
  const port = 19100 + Math.floor(Math.random() * 800);
  const env = {
    PATH: process.env.PATH ?? "",
    OPENSLIDES_DEVELOPMENT: "1",
    OPENSLIDES_BACKEND_COMPONENT: "action",
    OPENSLIDES_LOGLEVEL: "ERROR",
    ACTION_PORT: String(port),
    DATABASE_HOST: server.env.DATABASE_HOST!,
    DATABASE_PORT: server.env.DATABASE_PORT!,
    DATABASE_NAME: server.env.DATABASE_NAME!,
    DATABASE_USER: server.env.DATABASE_USER!,
    PGPASSWORD: server.env.PGPASSWORD!,
    AUTH_HOST: "127.0.0.1",
    AUTH_PORT: new URL(server.url).port,
  };
  // Its own process group: gunicorn's workers stop with it.
  const child: ChildProcess = spawn(UPSTREAM_PYTHON, ["-m", "openslides_backend"], { cwd: UPSTREAM_BACKEND, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`upstream's backend exited with ${child.exitCode}`);
    if (performance.now() > deadline) throw new Error("upstream's backend did not answer within 180 s");
    const up = await fetch(`${url}/system/action/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (up) break;
    await sleep(200);
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { target: { name: "upstream (Python)", url }, stop };
}

export async function run(): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  console.log(`load average before: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  for (const database of ["embedded", "external"] as const) {
    const server = await startServer({ database, env: { OPENSLIDES_LOGLEVEL: "error" } });
    const upstream = database === "external" && UPSTREAM_BACKEND ? await startUpstream(server) : undefined;
    const ours: Target = { name: "openslides-ts", url: server.url };
    try {
      for (const benchCase of CASES) {
        for (const concurrency of benchCase.concurrency) {
          const row: Record<string, unknown> = { database, action: benchCase.action, clients: concurrency };
          const { rate: ourRate = 0, ...mine } = await measure(server, ours, benchCase, concurrency);
          rows.push({ ...row, service: ours.name, ...mine });
          if (!upstream) continue;
          // From the unrounded rates: a case of a few seconds per request rounds to 0.1 or 0.4 req/s.
          const { rate: theirRate = 0, ...theirs } = await measure(server, upstream.target, benchCase, concurrency);
          const ratio = theirRate > 0 ? Math.round((ourRate / theirRate) * 10) / 10 : "-";
          rows.push({ ...row, service: upstream.target.name, ...theirs, "ours/upstream": ratio });
        }
      }
    } finally {
      await upstream?.stop();
      await server.stop();
    }
  }
  console.table(rows);
  console.log(`load average after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
}
