// Runs the official client's own Playwright integration suite (client/tests/integration) against a
// started openslides-ts, and writes a summary. Not part of `npm test` (needs a client checkout, a
// built client and Chromium); docs/client-compatibility.md says how and records the runs.
//
//   node scripts/client-suite.mjs --client <openslides-client checkout> --data <OPENSLIDES_DATA_DIR with client/>
//        [--client-build <dir with index.html>] [--out client-suite-results] [--port 8000]
//        [--time-scale 1] [--thread-watch-timeout <s>] [--redis host:port] [--chromium /usr/bin/chromium]
//        [--log-requests errors|all (server.log: answers ≥ 400, the default, or every answer)]
//        [Playwright filters, e.g. login.spec.ts]
//
// The server: development mode, OPENSLIDES_TLS=1 on --port (the suite's baseURL is https://localhost:8000),
// a fresh database on TEST_DATABASE_* (default localhost:5432, openslides/openslides), dropped at the end.
// Playwright: @playwright/test (pinned) installed into the client's tests folder; Chromium from
// Debian instead of the suite's Firefox; one worker, no retries; the suite's time limits multiplied
// by --time-scale (1 keeps them). Output in --out: summary.md, results.json, report.json
// (Playwright's), test-results/ (error context per failed test) and server.log (every answer ≥ 400).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  CHROMIUM_FLAGS,
  PLAYWRIGHT_VERSION,
  ROOT,
  assertPortFree,
  clientBuildDir,
  createDatabase,
  dropDatabase,
  ensurePackage,
  parseRedis,
  requireChromium,
  startServer,
} from "./client-suite/support.mjs";

const USAGE =
  "usage: node scripts/client-suite.mjs --client <openslides-client checkout> (--data <data dir> | --client-build <dir>) " +
  "[--out <dir>] [--port 8000] [--time-scale 1] [--thread-watch-timeout <s>] [--redis host:port] [--chromium <path>] [--log-requests errors|all] [filters]";

function parseArgs(argv) {
  const options = { out: join(ROOT, "client-suite-results"), port: 8000, timeScale: 1, chromium: "/usr/bin/chromium", filters: [] };
  const value = (i) => {
    if (argv[i + 1] === undefined) fail(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--client") options.client = resolve(value(i++));
    else if (arg === "--client-build") options.clientBuild = resolve(value(i++));
    else if (arg === "--data") options.data = resolve(value(i++));
    else if (arg === "--out") options.out = resolve(value(i++));
    else if (arg === "--port") options.port = Number(value(i++));
    else if (arg === "--time-scale") options.timeScale = Number(value(i++));
    else if (arg === "--thread-watch-timeout") options.threadWatchTimeout = Number(value(i++));
    else if (arg === "--redis") options.redis = parseRedis(value(i++));
    else if (arg === "--chromium") options.chromium = resolve(value(i++));
    else if (arg === "--log-requests") options.logRequests = value(i++);
    else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
    else options.filters.push(arg);
  }
  if (!options.client) fail("--client is missing");
  if (!(options.timeScale > 0)) fail("--time-scale must be a positive number");
  if (!Number.isInteger(options.port) || options.port <= 0) fail("--port must be a port number");
  return options;
}

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** The folder with playwright.config.ts: <checkout>/client/tests, <client>/tests or the folder itself. */
function testsDir(client) {
  const found = [join(client, "client", "tests"), join(client, "tests"), client].find((dir) => existsSync(join(dir, "playwright.config.ts")));
  if (!found) fail(`no playwright.config.ts in ${client}/client/tests, ${client}/tests or ${client}`);
  return found;
}

const CONFIG_NAME = "openslides-ts.config.ts";

/** Our override of the suite's config, written next to it (it imports the suite's own). */
function writeConfig(dir, options) {
  const scale = options.timeScale;
  const text = `// Written by openslides-ts scripts/client-suite.mjs; overwritten on every run.
import base from './playwright.config';
const scale = ${scale};
const scaled = (ms: number | undefined, fallback: number) => Math.round((ms ?? fallback) * scale);
export default {
    ...base,
    timeout: scaled(base.timeout, 30000),
    expect: { ...base.expect, timeout: scaled(base.expect?.timeout, 5000) },
    workers: 1,
    retries: 0,
    fullyParallel: false,
    forbidOnly: false,
    reporter: [['list'], ['json', { outputFile: ${JSON.stringify(join(options.out, "report.json"))} }]],
    outputDir: ${JSON.stringify(join(options.out, "test-results"))},
    use: {
        ...base.use,
        baseURL: 'https://localhost:${options.port}',
        trace: 'off'
    },
    projects: [
        {
            name: 'chromium',
            use: {
                browserName: 'chromium',
                viewport: { width: 1280, height: 720 },
                launchOptions: { executablePath: ${JSON.stringify(options.chromium)}, args: ${JSON.stringify(CHROMIUM_FLAGS)} }
            }
        }
    ]
};
`;
  writeFileSync(join(dir, CONFIG_NAME), text);
}

function runPlaywright(dir, filters) {
  const cli = join(dir, "node_modules", "@playwright", "test", "cli.js");
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, "test", "-c", CONFIG_NAME, ...filters], {
      cwd: dir,
      stdio: "inherit",
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", CI: "" },
    });
    child.on("exit", (code) => done(code));
  });
}

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, "");

function firstLines(error, count = 6) {
  const text = stripAnsi(error?.message ?? error?.value ?? String(error ?? ""));
  return text.split("\n").filter((line) => line.trim() !== "").slice(0, count).join("\n");
}

/** Flattens Playwright's JSON report into one entry per test: file, title, outcome, errors. */
function collectTests(report) {
  const tests = [];
  const walk = (suite, titles, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const last = test.results?.[test.results.length - 1];
        const outcome = test.status === "expected" ? "passed" : test.status === "skipped" ? "did not run" : test.status === "flaky" ? "flaky" : "failed";
        const errors = (last?.errors ?? (last?.error ? [last.error] : [])).map((error) => firstLines(error));
        tests.push({ file: spec.file ?? file, title: [...titles, spec.title].join(" › "), outcome, seconds: Math.round((last?.duration ?? 0) / 100) / 10, errors });
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.title && child.title !== (child.file ?? file) ? [...titles, child.title] : titles, child.file ?? file);
  };
  for (const suite of report.suites ?? []) walk(suite, [], suite.file ?? suite.title);
  return tests;
}

/** The request log lines of answers ≥ 400 on /system/ routes. */
function failedAnswers(logFile) {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => / INFO request \S+ \/system\/\S* [45]\d\d /.test(line));
}

function writeSummary(options, tests, answers) {
  const count = (outcome) => tests.filter((test) => test.outcome === outcome).length;
  const totals = { total: tests.length, passed: count("passed"), failed: count("failed"), flaky: count("flaky"), didNotRun: count("did not run") };
  const lines = [
    "# The official client's integration suite against openslides-ts",
    "",
    `${new Date().toISOString()}; time scale ×${options.timeScale}; ${totals.passed} of ${totals.total} passed, ${totals.failed} failed, ${totals.didNotRun} did not run.`,
    "",
    "## Tests",
    "",
  ];
  for (const test of tests) {
    lines.push(`- ${test.outcome === "passed" ? "passed" : test.outcome.toUpperCase()}: ${test.file} › ${test.title} (${test.seconds} s)`);
    for (const error of test.outcome === "passed" ? [] : test.errors) lines.push(...error.split("\n").map((line) => `    ${line}`));
  }
  lines.push("", `## Server answers ≥ 400 on /system/ (${answers.length}; all in server.log)`, "", ...answers.map((line) => `    ${line}`));
  writeFileSync(join(options.out, "summary.md"), lines.join("\n") + "\n");
  writeFileSync(join(options.out, "results.json"), JSON.stringify({ totals, tests, failedAnswers: answers }, null, 2) + "\n");
  return totals;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = testsDir(options.client);
  const clientDir = clientBuildDir(options);
  requireChromium(options.chromium);
  await assertPortFree(options.port);
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  ensurePackage(dir, "@playwright/test", PLAYWRIGHT_VERSION);
  writeConfig(dir, options);
  const name = await createDatabase("client_suite");
  const logFile = join(options.out, "server.log");
  let server;
  try {
    server = await startServer({
      name,
      port: options.port,
      dataDir: join(options.out, "server-data"),
      clientDir,
      logFile,
      threadWatchTimeout: options.threadWatchTimeout,
      redis: options.redis,
      extraEnv: options.logRequests ? { OPENSLIDES_LOG_REQUESTS: options.logRequests } : {},
    });
    await runPlaywright(dir, options.filters);
  } finally {
    await server?.stop();
    await dropDatabase(name);
  }
  const reportFile = join(options.out, "report.json");
  if (!existsSync(reportFile)) throw new Error("Playwright wrote no report");
  const totals = writeSummary(options, collectTests(JSON.parse(readFileSync(reportFile, "utf8"))), failedAnswers(logFile));
  console.log(`\n${totals.passed} of ${totals.total} passed, ${totals.failed} failed, ${totals.didNotRun} did not run; see ${join(options.out, "summary.md")}`);
  process.exitCode = totals.passed === totals.total ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
