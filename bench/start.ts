// Start of the server as `npm start` runs it (`node dist/src/main.js`, embedded database): time to
// the first answer of /system/health on a first start (empty data folder) and on restarts (the
// database exists), the part of it spent loading the modules, and the idle memory of the node
// process a few seconds after the start.
// Run: npm run bench -- start   (START_BENCH_RUNS=<restarts>, default 3)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const RUNS = Number(process.env.START_BENCH_RUNS ?? 3);
const IDLE_SECONDS = 5;
const MAIN = resolve("dist/src/main.js");
const START = resolve("dist/src/start.js");
const PORT_BASE = 18900 + Math.floor(Math.random() * 50);

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

async function firstAnswer(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/system/health`);
      await answer.arrayBuffer();
      return;
    } catch {
      await sleep(10);
    }
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
}

/** Seconds to the first answer; with `idle`, also the RSS after IDLE_SECONDS. */
async function startOnce(dataDir: string, port: number, idle: boolean): Promise<{ seconds: number; idleMiB?: number }> {
  const begin = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", OPENSLIDES_DATA_DIR: dataDir, OPENSLIDES_PORT: String(port), OPENSLIDES_LOGLEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await firstAnswer(port, child);
    const seconds = (performance.now() - begin) / 1000;
    if (!idle) return { seconds };
    await sleep(IDLE_SECONDS * 1000);
    return { seconds, idleMiB: rssMiB(child.pid!) };
  } finally {
    await stop(child);
  }
}

/** Seconds to import the server's modules without starting (start.ts; main.ts imports it only as the process entry). */
function moduleLoadSeconds(): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(START)}); console.log((performance.now() - t) / 1000);`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return Number(result.stdout.trim());
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "openslides-start-bench-"));
  const rows: Record<string, unknown>[] = [];
  try {
    console.log(`load average before: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
    const first = await startOnce(dataDir, PORT_BASE, false);
    rows.push({ start: "first (empty data folder)", "s to first answer": round(first.seconds) });
    for (let i = 0; i < RUNS; i++) {
      const again = await startOnce(dataDir, PORT_BASE + 1 + i, true);
      rows.push({ start: `restart ${i + 1} (database exists)`, "s to first answer": round(again.seconds), [`RSS after ${IDLE_SECONDS} s idle, MiB`]: round(again.idleMiB!, 0) });
    }
    rows.push({ start: "module loading only", "s to first answer": round(moduleLoadSeconds()) });
    console.table(rows);
    console.log(`load average after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
