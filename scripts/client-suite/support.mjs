// What scripts/client-suite.mjs and scripts/client-login-loop.mjs share: a fresh database, the
// started openslides-ts (TLS, development mode, request log) and a pinned Playwright from the npm registry.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adminQuery, database } from "../support/database.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The version the runs in docs/client-compatibility.md used; the client's tests ask for ^1.61.1. */
export const PLAYWRIGHT_VERSION = "1.61.1";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];


export async function createDatabase(prefix) {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return name;
}

export async function dropDatabase(name) {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** The folder with the built client's index.html: --client-build, or <data>/client of --data. */
export function clientBuildDir(options) {
  const candidates = options.clientBuild ? [options.clientBuild, join(options.clientBuild, "browser")] : options.data ? [join(options.data, "client")] : [];
  const found = candidates.find((dir) => existsSync(join(dir, "index.html")));
  if (!found) throw new Error(`no built client (index.html) in ${candidates.join(" or ") || "(give --client-build <dir> or --data <OPENSLIDES_DATA_DIR>)"}`);
  return found;
}

export async function assertPortFree(port) {
  await new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", () => fail(new Error(`port ${port} is in use; stop what listens there or pass --port`)));
    probe.listen({ port, host: "0.0.0.0" }, () => probe.close(() => done()));
  });
}

/**
 * Starts dist/src/main.js with HTTPS on `port` against the database `name`. The server's stderr
 * (with every answer ≥ 400 through OPENSLIDES_LOG_REQUESTS=errors) goes to `logFile`.
 */
export function startServer({ name, port, dataDir, clientDir, logFile, threadWatchTimeout, redis, extraEnv = {} }) {
  mkdirSync(dataDir, { recursive: true });
  const env = {
    PATH: process.env.PATH ?? "",
    OPENSLIDES_DEVELOPMENT: "1",
    OPENSLIDES_TLS: "1",
    OPENSLIDES_DATA_DIR: dataDir,
    OPENSLIDES_CLIENT_DIR: clientDir,
    OPENSLIDES_LOGLEVEL: "info",
    OPENSLIDES_LOG_REQUESTS: "errors",
    OPENSLIDES_PORT: String(port),
    DATABASE_HOST: database.host,
    DATABASE_PORT: String(database.port),
    DATABASE_NAME: name,
    DATABASE_USER: database.user,
    PGPASSWORD: database.password,
    ...(threadWatchTimeout === undefined ? {} : { OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: String(threadWatchTimeout) }),
    ...(redis ? { CACHE_HOST: redis.host, CACHE_PORT: redis.port, MESSAGE_BUS_HOST: redis.host, MESSAGE_BUS_PORT: redis.port } : {}),
    ...extraEnv,
  };
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(ROOT, "dist", "src", "main.js")], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stderr.pipe(log);
  return new Promise((started, failed) => {
    let buffer = "";
    const timer = setTimeout(() => failed(new Error(`the server did not start within 120 s (see ${logFile})`)), 120_000);
    child.on("exit", (code) => failed(new Error(`the server exited with ${code} (see ${logFile})`)));
    child.stdout.on("data", (chunk) => {
      buffer += chunk.toString();
      if (!buffer.includes("openslides-ts listening")) return;
      clearTimeout(timer);
      started({
        child,
        async stop() {
          child.removeAllListeners("exit");
          if (child.exitCode !== null) return;
          const exited = new Promise((done) => child.on("exit", done));
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
  });
}

/** Installs `pkg@version` into `dir` (npm, from the configured registry) unless that version is there. */
export function ensurePackage(dir, pkg, version = PLAYWRIGHT_VERSION) {
  const manifest = join(dir, "node_modules", ...pkg.split("/"), "package.json");
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === version) return;
  mkdirSync(dir, { recursive: true });
  console.log(`installing ${pkg}@${version} into ${dir}`);
  const result = spawnSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", `${pkg}@${version}`], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
  });
  if (result.status !== 0) throw new Error(`npm install ${pkg}@${version} failed in ${dir}`);
}

/** "host:port" → { host, port }. */
export function parseRedis(value) {
  const [host, port = "6379"] = value.split(":");
  return { host, port };
}

export function requireChromium(path) {
  if (!existsSync(path)) throw new Error(`no browser at ${path} (apt-get install chromium, or pass --chromium <path>)`);
  return path;
}
