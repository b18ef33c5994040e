// Starts the real server (node dist/src/main.js) as a child process on ephemeral ports with a
// temporary data folder, development mode by default (example data, admin/admin), on the
// embedded engine or a fresh database of the external PostgreSQL; optionally with Redis. Actions always answer (no action worker).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { createExternalDatabase, externalServer } from "./database.js";

const MAIN = fileURLToPath(new URL("../../src/main.js", import.meta.url));

export interface StartOptions {
  env?: Record<string, string>;
  database?: "embedded" | "external";
  /** Use the Redis at TEST_REDIS_HOST/PORT (default localhost:6379) for sessions and the bus. */
  redis?: boolean;
  /** Reuse an existing data folder / external database (second process of one deployment). */
  shareWith?: StartedServer;
  startTimeoutMs?: number;
  /** Flags for node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
}

export interface StartedServer {
  url: string;
  port: number;
  componentPorts: Record<string, number>;
  dataDir: string;
  env: Record<string, string>;
  process: ChildProcess;
  logs(): string;
  /** SIGTERM and wait; resolves with the exit code. `keepData` leaves the data folder and database for another process. */
  stop(options?: { keepData?: boolean }): Promise<number | null>;
}

export function redisEnv(): Record<string, string> {
  const host = process.env.TEST_REDIS_HOST ?? "localhost";
  const port = process.env.TEST_REDIS_PORT ?? "6379";
  return { CACHE_HOST: host, CACHE_PORT: port, MESSAGE_BUS_HOST: host, MESSAGE_BUS_PORT: port };
}

export async function startServer(options: StartOptions = {}): Promise<StartedServer> {
  const owned: Array<() => Promise<void> | void> = [];
  let env: Record<string, string>;
  if (options.shareWith) {
    env = { ...options.shareWith.env };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), "openslides-server-"));
    owned.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // Tests wait for every action (no 202 with an action worker when a loaded machine is slow);
    // the worker itself is tested with its own setting.
    env = { OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_DATA_DIR: dataDir, OPENSLIDES_LOGLEVEL: "warn", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" };
    if (options.database === "external") {
      const server = externalServer();
      const created = await createExternalDatabase("server");
      owned.push(created.drop);
      Object.assign(env, {
        DATABASE_HOST: server.host,
        DATABASE_PORT: String(server.port),
        DATABASE_NAME: created.name,
        DATABASE_USER: server.user,
        PGPASSWORD: server.password,
      });
    }
    if (options.redis) Object.assign(env, redisEnv());
  }
  Object.assign(env, { OPENSLIDES_PORT: "0" }, options.env ?? {});
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = await new Promise<{ port: number; componentPorts: Record<string, number>; scheme: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), options.startTimeoutMs ?? 60_000);
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      output += chunk.toString();
      const match = /openslides-ts listening (\{.*\})/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(JSON.parse(match[1]!));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  }).catch(async (error) => {
    child.kill("SIGKILL");
    for (const cleanup of owned.reverse()) await cleanup();
    throw error;
  });
  return {
    url: `${listening.scheme}://127.0.0.1:${listening.port}`,
    port: listening.port,
    componentPorts: listening.componentPorts,
    dataDir: env.OPENSLIDES_DATA_DIR!,
    env,
    process: child,
    logs: () => output,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      if (!keepData) for (const cleanup of owned.splice(0).reverse()) await cleanup();
      return code;
    },
  };
}

/** Two server processes of one deployment: one external PostgreSQL database and one Redis. */
export async function startTwoProcesses(): Promise<{ first: StartedServer; second: StartedServer; stop(): Promise<void> }> {
  const first = await startServer({ database: "external", redis: true });
  const second = await startServer({ shareWith: first }).catch(async (error) => {
    await first.stop();
    throw error;
  });
  return {
    first,
    second,
    stop: async () => {
      await second.stop({ keepData: true });
      await first.stop();
    },
  };
}

/**
 * Starts two processes of one deployment before the tests of the enclosing suite and stops them
 * after; the returned object gives them to the tests once started.
 */
export function useTwoProcesses(): { readonly first: StartedServer; readonly second: StartedServer } {
  let started: Awaited<ReturnType<typeof startTwoProcesses>> | undefined;
  before(async () => {
    started = await startTwoProcesses();
  });
  after(async () => started?.stop());
  const get = (): Awaited<ReturnType<typeof startTwoProcesses>> => {
    if (!started) throw new Error("the two processes are not started yet (use them inside tests)");
    return started;
  };
  return {
    get first() {
      return get().first;
    },
    get second() {
      return get().second;
    },
  };
}
