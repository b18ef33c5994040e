// The action service under load: requests per second and latency percentiles of topic.create and
// motion.create in meeting 1 of the example data, with 1 and 20 concurrent clients (each its own
// login, sequential requests), on the embedded database and on a PostgreSQL server.
// Run: npm run bench -- action   (ACTION_BENCH_SECONDS=<n> per case, default 10)
import { performance } from "node:perf_hooks";
import { startServer, type StartedServer } from "../test/support/server.js";
import { Client } from "../test/support/http.js";

const SECONDS = Number(process.env.ACTION_BENCH_SECONDS ?? 10);

interface Case {
  action: string;
  data: (n: number) => Record<string, unknown>;
}

const CASES: Case[] = [
  { action: "topic.create", data: (n) => ({ meeting_id: 1, title: `Bench topic ${n}`, text: "<p>Some text</p>" }) },
  // Distinct texts: motion.create links a new motion to every motion with the same text (upstream's identical motions).
  { action: "motion.create", data: (n) => ({ meeting_id: 1, title: `Bench motion ${n}`, text: `<p>The text of motion ${n}</p>`, workflow_id: 1 }) },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function loggedInClients(server: StartedServer, count: number): Promise<Client[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = new Client(server.url);
      await client.login("admin", "admin");
      return client;
    }),
  );
}

async function measure(server: StartedServer, benchCase: Case, concurrency: number) {
  const clients = await loggedInClients(server, concurrency);
  const probe = await clients[0]!.post("/system/action/handle_request", [{ action: benchCase.action, data: [benchCase.data(0)] }]);
  if (probe.status !== 200) return { action: benchCase.action, concurrency, error: `${probe.status} ${probe.body?.message ?? probe.text}`.slice(0, 80) };
  const latencies: number[] = [];
  let counter = 1;
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        const begin = performance.now();
        const answer = await client.post("/system/action/handle_request", [{ action: benchCase.action, data: [benchCase.data(counter++)] }]);
        if (answer.status === 200) latencies.push(performance.now() - begin);
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    action: benchCase.action,
    concurrency,
    "req/s": round(latencies.length / elapsed),
    "p50 ms": round(percentile(latencies, 50)),
    "p90 ms": round(percentile(latencies, 90)),
    "p99 ms": round(percentile(latencies, 99)),
    failures,
  };
}

export async function run(): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const database of ["embedded", "external"] as const) {
    const server = await startServer({ database, env: { OPENSLIDES_LOGLEVEL: "error" } });
    try {
      for (const benchCase of CASES) {
        for (const concurrency of [1, 20]) rows.push({ database, ...(await measure(server, benchCase, concurrency)) });
      }
    } finally {
      await server.stop();
    }
  }
  console.table(rows);
}
