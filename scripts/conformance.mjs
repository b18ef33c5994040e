// Runs upstream openslides-backend's own system tests (tests/system/action, tests/system/presenter)
// against a started openslides-ts over HTTP, and writes per-file results. Not part of `npm test`:
// it needs a checkout of upstream's backend (docs/conformance.md: commit, venv, how to run).
//
//   node scripts/conformance.mjs --backend /work/upstream/backend [--python <venv>/bin/python]
//        [--out conformance-results] [--shared-redis] [path filters, e.g. tests/system/action/motion]
//
// The server gets a fresh database on the PostgreSQL of TEST_DATABASE_* (default localhost:5432,
// openslides/openslides) and a redis-server of its own on a free port (with --shared-redis, or
// without redis-server on the PATH, the Redis of TEST_REDIS_*, default localhost:6379). Upstream's test
// session truncates the database and seeds it with its own writer; openslides-ts serves the
// requests. Results: <out>/results.json (per file: passed, failed, skipped, failures with their
// first message line) and <out>/summary.md.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adminQuery, database } from "./support/database.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PLUGIN_DIR = join(ROOT, "scripts", "conformance");

function parseArgs(argv) {
  const options = { backend: undefined, python: undefined, out: join(ROOT, "conformance-results"), filters: [], sharedRedis: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--backend") options.backend = resolve(argv[++i]);
    else if (arg === "--python") options.python = resolve(argv[++i]);
    else if (arg === "--out") options.out = resolve(argv[++i]);
    else if (arg === "--shared-redis") options.sharedRedis = true;
    else options.filters.push(arg);
  }
  if (!options.backend || !existsSync(join(options.backend, "tests", "system"))) {
    console.error("usage: node scripts/conformance.mjs --backend <upstream openslides-backend checkout> [--python <python>] [--out <dir>] [filters]");
    process.exit(2);
  }
  options.python ??= join(options.backend, "..", "venv", "bin", "python");
  if (options.filters.length === 0) options.filters = ["tests/system/action", "tests/system/presenter"];
  return options;
}

// Each run gets a Redis of its own: upstream's tests and our server keep sessions by user id there,
// so two runs (or a test suite) on one Redis would log each other out.
const redis = { host: process.env.TEST_REDIS_HOST ?? "localhost", port: process.env.TEST_REDIS_PORT ?? "6379" };

// Children (redis-server, our server, pytest) are ended with the runner, also when it is interrupted.
const children = new Set();
function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}
let databaseName;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    for (const child of children) child.kill("SIGTERM");
    const drop = databaseName ? adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`) : Promise.resolve();
    void drop.catch(() => undefined).finally(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** A private redis-server on a free loopback port, if redis-server is on the PATH; otherwise undefined. */
async function startPrivateRedis() {
  const port = await freePort();
  const child = track(
    spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  return new Promise((done) => {
    let output = "";
    child.once("error", () => done(undefined));
    child.stdout.on("data", (chunk) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        redis.host = "127.0.0.1";
        redis.port = String(port);
        done(child);
      }
    });
    child.once("exit", () => done(undefined));
  });
}

function startServer(name, dataDir, votePort) {
  const env = {
    PATH: process.env.PATH ?? "",
    OPENSLIDES_DEVELOPMENT: "1",
    OPENSLIDES_DATA_DIR: dataDir,
    OPENSLIDES_LOGLEVEL: "warn",
    OPENSLIDES_PORT: "0",
    // Upstream's poll actions, run inside the test process, call /internal/vote/* without the
    // internal password: the vote port serves them as upstream's vote service does.
    OPENSLIDES_COMPONENT_PORTS: "vote",
    VOTE_PORT: String(votePort),
    // Upstream's tests wait for every action (thread watch -1); no action_worker answers.
    OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1",
    // Upstream's mail tests set these in their own process (set_test_email_settings) and listen
    // with aiosmtpd on 127.0.0.1:25; our server gets them as settings.
    EMAIL_HOST: "127.0.0.1",
    EMAIL_PORT: "25",
    EMAIL_CONNECTION_SECURITY: "NONE",
    EMAIL_TIMEOUT: "5",
    DEFAULT_FROM_EMAIL: "noreply@example.com",
    DATABASE_HOST: database.host,
    DATABASE_PORT: String(database.port),
    DATABASE_NAME: name,
    DATABASE_USER: database.user,
    PGPASSWORD: database.password,
    CACHE_HOST: redis.host,
    CACHE_PORT: redis.port,
    MESSAGE_BUS_HOST: redis.host,
    MESSAGE_BUS_PORT: redis.port,
  };
  const child = track(spawn(process.execPath, [join(ROOT, "dist", "src", "main.js")], { env, stdio: ["ignore", "pipe", "inherit"] }));
  return new Promise((resolvePort, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${buffer}`)), 120_000);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${buffer}`)));
    child.stdout.on("data", (chunk) => {
      buffer += chunk.toString();
      const match = /openslides-ts listening (\{.*\})/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolvePort({ child, port: JSON.parse(match[1]).port });
      }
    });
  });
}

function runPytest(options, name, port, votePort, junitFile) {
  const env = {
    ...process.env,
    PYTHONPATH: [options.backend, PLUGIN_DIR].join(":"),
    OPENSLIDES_TS_URL: `http://127.0.0.1:${port}`,
    OPENSLIDES_DEVELOPMENT: "1",
    DATABASE_HOST: database.host,
    DATABASE_PORT: String(database.port),
    DATABASE_NAME: name,
    DATABASE_USER: database.user,
    PGPASSWORD: database.password,
    AUTH_HOST: "127.0.0.1",
    AUTH_PORT: String(port),
    VOTE_HOST: "127.0.0.1",
    VOTE_PORT: String(votePort),
    CACHE_HOST: redis.host,
    CACHE_PORT: redis.port,
    MESSAGE_BUS_HOST: redis.host,
    MESSAGE_BUS_PORT: redis.port,
  };
  const args = ["-m", "pytest", "-p", "openslides_ts_http", "-q", "-p", "no:cacheprovider", `--junitxml=${junitFile}`, ...options.filters];
  return new Promise((done) => {
    const child = track(spawn(options.python, args, { cwd: options.backend, env, stdio: ["ignore", "inherit", "inherit"] }));
    child.on("exit", (code) => done(code));
  });
}

const decode = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#10;/g, "\n").replace(/&amp;/g, "&");

/** Per test file: passed, failed and skipped counts and the failures, from pytest's junit xml. */
function readJunit(file) {
  const xml = readFileSync(file, "utf8");
  const files = {};
  const testcase = /<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const match of xml.matchAll(testcase)) {
    const [, classname, name, , inner = ""] = match;
    const parts = classname.split(".");
    const moduleEnd = parts.findIndex((part) => part.startsWith("test_") || part === "test");
    const path = `${parts.slice(0, moduleEnd + 1).join("/")}.py`;
    const entry = (files[path] ??= { passed: 0, failed: 0, skipped: 0, failures: [] });
    const problem = /<(failure|error)(?: message="([^"]*)")?/.exec(inner);
    if (problem) {
      entry.failed++;
      const message = decode(problem[2] ?? problem[1]).split("\n")[0].slice(0, 300);
      entry.failures.push({ test: `${parts.slice(moduleEnd + 1).join(".")}::${decode(name)}`, message });
    } else if (/<skipped/.test(inner)) entry.skipped++;
    else entry.passed++;
  }
  return files;
}

function writeSummary(out, files) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  for (const [path, entry] of Object.entries(files).sort()) {
    totals.passed += entry.passed;
    totals.failed += entry.failed;
    totals.skipped += entry.skipped;
    if (entry.failed === 0) continue;
    lines.push(`\n## ${path}: ${entry.passed} passed, ${entry.failed} failed`);
    for (const failure of entry.failures) lines.push(`- ${failure.test}: ${failure.message}`);
  }
  const run = totals.passed + totals.failed;
  const rate = run === 0 ? 0 : (100 * totals.passed) / run;
  const head = `# Conformance run\n\n${totals.passed} of ${run} passed (${rate.toFixed(1)} %), ${totals.skipped} skipped.\n`;
  writeFileSync(join(out, "summary.md"), head + lines.join("\n") + "\n");
  writeFileSync(join(out, "results.json"), JSON.stringify({ totals, files }, null, 2) + "\n");
  return head;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(options.out, { recursive: true });
  const name = `conformance_${process.pid}_${Date.now()}`;
  const dataDir = join(options.out, "server-data");
  mkdirSync(dataDir, { recursive: true });
  await adminQuery(`CREATE DATABASE ${name}`);
  databaseName = name;
  const privateRedis = options.sharedRedis ? undefined : await startPrivateRedis();
  if (!privateRedis) console.error(`conformance: using the shared Redis at ${redis.host}:${redis.port}`);
  let server;
  try {
    const votePort = await freePort();
    server = await startServer(name, dataDir, votePort);
    const junitFile = join(options.out, "junit.xml");
    await runPytest(options, name, server.port, votePort, junitFile);
    if (!existsSync(junitFile)) throw new Error("pytest wrote no results");
    process.stdout.write(writeSummary(options.out, readJunit(junitFile)));
  } finally {
    if (server) {
      server.child.removeAllListeners("exit");
      const exited = new Promise((done) => server.child.on("exit", done));
      server.child.kill("SIGTERM");
      await exited;
    }
    privateRedis?.kill("SIGTERM");
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
