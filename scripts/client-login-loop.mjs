// Logs in and out through the official client's UI N times in a row (Chromium, playwright-core) and
// counts hangs: a login that does not show the logged-in client, or a logout that does not come back
// to the login page, within the bound. For each hang it records the page's URL and text, the
// /system/ requests still open and the last answers. Not part of `npm test`; see
// docs/client-compatibility.md.
//
//   node scripts/client-login-loop.mjs --data <OPENSLIDES_DATA_DIR with client/> [--client-build <dir>]
//        [--count 200] [--users admin,a] [--bound 30] [--new-context] [--out client-login-loop-results]
//        [--port 8000] [--url https://localhost:8000 (a running server instead of starting one)]
//        [--redis host:port] [--chromium /usr/bin/chromium]
//
// Without --url it starts openslides-ts like scripts/client-suite.mjs (development mode, TLS, fresh
// database, request log in <out>/server.log). By default one browser context does every login, as a
// person at one browser would (the client's SharedWorker lives on between logins); --new-context
// opens a fresh one per login.
import { createRequire } from "node:module";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
  "usage: node scripts/client-login-loop.mjs (--data <data dir> | --client-build <dir> | --url <base url>) [--count 200] " +
  "[--users admin,a] [--bound 30] [--new-context] [--out <dir>] [--port 8000] [--redis host:port] [--chromium <path>]";

function parseArgs(argv) {
  const options = {
    count: 200,
    users: ["admin", "a"],
    boundSeconds: 30,
    newContext: false,
    out: join(ROOT, "client-login-loop-results"),
    port: 8000,
    chromium: "/usr/bin/chromium",
  };
  const value = (i) => {
    if (argv[i + 1] === undefined) fail(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--data") options.data = resolve(value(i++));
    else if (arg === "--client-build") options.clientBuild = resolve(value(i++));
    else if (arg === "--url") options.url = value(i++).replace(/\/+$/, "");
    else if (arg === "--count") options.count = Number(value(i++));
    else if (arg === "--users") options.users = value(i++).split(",").filter(Boolean);
    else if (arg === "--bound") options.boundSeconds = Number(value(i++));
    else if (arg === "--new-context") options.newContext = true;
    else if (arg === "--out") options.out = resolve(value(i++));
    else if (arg === "--port") options.port = Number(value(i++));
    else if (arg === "--redis") options.redis = parseRedis(value(i++));
    else if (arg === "--chromium") options.chromium = resolve(value(i++));
    else fail(`unknown argument ${arg}`);
  }
  if (!options.url && !options.data && !options.clientBuild) fail("give --data, --client-build or --url");
  if (!Number.isInteger(options.count) || options.count < 1) fail("--count must be a positive integer");
  if (!(options.boundSeconds > 0)) fail("--bound must be a positive number of seconds");
  if (options.users.length === 0) fail("--users is empty");
  return options;
}

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function loadPlaywright() {
  const dir = join(tmpdir(), `openslides-ts-playwright-core-${PLAYWRIGHT_VERSION}`);
  ensurePackage(dir, "playwright-core", PLAYWRIGHT_VERSION);
  return createRequire(join(dir, "package.json"))("playwright-core");
}

/** Watches a page's /system/ traffic: requests still open and the last answers. */
function watchTraffic(page) {
  const open = new Map();
  const answers = [];
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const isSystem = (request) => new URL(request.url()).pathname.startsWith("/system/");
  page.on("request", (request) => {
    if (isSystem(request)) open.set(request, at());
  });
  page.on("response", async (response) => {
    const request = response.request();
    if (!isSystem(request)) return;
    const entry = { at: at(), method: request.method(), url: new URL(request.url()).pathname + new URL(request.url()).search, status: response.status() };
    if (response.status() >= 400) entry.body = await response.text().then((text) => text.slice(0, 300), () => "(no body)");
    answers.push(entry);
    if (answers.length > 40) answers.shift();
  });
  const settle = (request) => open.delete(request);
  page.on("requestfinished", settle);
  page.on("requestfailed", (request) => {
    if (!isSystem(request)) return;
    answers.push({ at: at(), method: request.method(), url: new URL(request.url()).pathname, failed: request.failure()?.errorText ?? "failed" });
    settle(request);
  });
  return {
    // A streaming answer (autoupdate, ICC) stays "open" after its headers; that is normal.
    openRequests: () => [...open.entries()].map(([request, since]) => `${request.method()} ${new URL(request.url()).pathname} since ${since}`),
    lastAnswers: () => answers.slice(-15),
    reset: () => answers.splice(0),
  };
}

const LOADING_TEXT = "Loading data. Please wait";

async function loginThroughUi(page, base, user, boundMs) {
  if (!new URL(page.url()).pathname.endsWith("/login")) await page.goto(`${base}/login`, { timeout: boundMs });
  await page.getByLabel("Username").fill(user, { timeout: boundMs });
  await page.getByLabel("Password").fill(user, { timeout: boundMs });
  await page.getByRole("button", { name: "Login", exact: true }).click({ timeout: boundMs });
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: boundMs });
  // Logged in means: the account menu is there and the client has its data.
  await page.locator("os-account-button > button").waitFor({ state: "visible", timeout: boundMs });
  await page.getByText(LOADING_TEXT).waitFor({ state: "hidden", timeout: boundMs });
}

async function logoutThroughUi(page, boundMs) {
  await page.locator("os-account-button > button").click({ timeout: boundMs });
  await page.getByText("Logout").first().click({ timeout: boundMs });
  await page.waitForURL((url) => url.pathname.endsWith("/login"), { timeout: boundMs });
  await page.getByLabel("Username").waitFor({ state: "visible", timeout: boundMs });
}

async function describeHang(page, traffic, step, error, out, index) {
  const text = await page
    .locator("body")
    .innerText({ timeout: 2000 })
    .then((value) => value.replace(/\s+/g, " ").slice(0, 400), () => "(page text unavailable)");
  const screenshot = join(out, `hang-${index}.png`);
  await page.screenshot({ path: screenshot, timeout: 5000 }).catch(() => undefined);
  return { index, step, error: String(error?.message ?? error).split("\n")[0], url: page.url(), text, openRequests: traffic.openRequests(), lastAnswers: traffic.lastAnswers(), screenshot };
}

async function runLoop(playwright, options, base) {
  const browser = await playwright.chromium.launch({ executablePath: options.chromium, args: CHROMIUM_FLAGS });
  const boundMs = options.boundSeconds * 1000;
  const hangs = [];
  const durations = [];
  let context;
  let page;
  let traffic;
  const freshPage = async () => {
    await context?.close().catch(() => undefined);
    context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    traffic = watchTraffic(page);
  };
  try {
    await freshPage();
    for (let index = 1; index <= options.count; index++) {
      const user = options.users[(index - 1) % options.users.length];
      if (options.newContext && index > 1) await freshPage();
      traffic.reset();
      let step = "login";
      const started = Date.now();
      try {
        await loginThroughUi(page, base, user, boundMs);
        durations.push(Date.now() - started);
        step = "logout";
        await logoutThroughUi(page, boundMs);
        process.stdout.write(`${index} ${user} ok ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      } catch (error) {
        const hang = await describeHang(page, traffic, step, error, options.out, index);
        hang.user = user;
        hangs.push(hang);
        process.stdout.write(`${index} ${user} HANG at ${step}: ${hang.error} (${hang.url})\n`);
        // The next login starts from a clean browser, so one hang does not cause the next.
        await freshPage();
      }
    }
  } finally {
    await browser.close();
  }
  return { hangs, durations };
}

function percentile(sorted, fraction) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function writeResults(options, { hangs, durations }) {
  const sorted = [...durations].sort((a, b) => a - b);
  const summary = {
    date: new Date().toISOString(),
    count: options.count,
    users: options.users,
    boundSeconds: options.boundSeconds,
    newContext: options.newContext,
    hangs: hangs.length,
    loginSeconds: { median: percentile(sorted, 0.5) / 1000, p95: percentile(sorted, 0.95) / 1000, max: (sorted.at(-1) ?? 0) / 1000 },
    hangDetails: hangs,
  };
  writeFileSync(join(options.out, "results.json"), JSON.stringify(summary, null, 2) + "\n");
  return summary;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  requireChromium(options.chromium);
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  const playwright = loadPlaywright();
  let server;
  let name;
  try {
    let base = options.url;
    if (!base) {
      const clientDir = clientBuildDir(options);
      await assertPortFree(options.port);
      name = await createDatabase("client_login_loop");
      server = await startServer({
        name,
        port: options.port,
        dataDir: join(options.out, "server-data"),
        clientDir,
        logFile: join(options.out, "server.log"),
        redis: options.redis,
      });
      base = `https://localhost:${options.port}`;
    }
    const summary = writeResults(options, await runLoop(playwright, options, base));
    console.log(
      `\n${options.count} logins and logouts, ${summary.hangs} hangs; login median ${summary.loginSeconds.median} s, ` +
        `95th percentile ${summary.loginSeconds.p95} s, max ${summary.loginSeconds.max} s; see ${join(options.out, "results.json")}`,
    );
    process.exitCode = summary.hangs === 0 ? 0 : 1;
  } finally {
    await server?.stop();
    if (name) await dropDatabase(name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
