// `npm run client` end to end with a small stand-in client project (no network): built from a
// source folder, installed from a finished build, failures with clear messages; then a started
// server serves the installed client at / with no setting.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../support/server.js";

const INSTALLER = fileURLToPath(new URL("../../src/cli/install-client.js", import.meta.url));
const STAND_IN_PAGE = "<!doctype html><html><body><os-root>stand-in client</os-root></body></html>";

const scratch = mkdtempSync(join(tmpdir(), "openslides-install-client-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2));
}

/**
 * The official client's layout in small: client/ links packages/motion-diff with `file:` and
 * its build needs that package built first; `@angular/language-server` points nowhere and must
 * be dropped by the installer's known fixes, or the install fails.
 */
function makeStandInSource(buildScript = "build.mjs"): string {
  const root = mkdtempSync(join(scratch, "source-"));
  const diff = join(root, "packages", "motion-diff");
  const client = join(root, "client");
  mkdirSync(diff, { recursive: true });
  mkdirSync(client, { recursive: true });
  writeJson(join(diff, "package.json"), { name: "@openslides/motion-diff", version: "1.0.0", type: "module", main: "dist/index.js", scripts: { build: "node build.mjs" } });
  writeFileSync(join(diff, "build.mjs"), `import { mkdirSync, writeFileSync } from "node:fs";\nmkdirSync("dist", { recursive: true });\nwriteFileSync("dist/index.js", "export const diff = 1;\\n");\n`);
  writeJson(join(client, "package.json"), {
    name: "stand-in-client",
    version: "4.3.1",
    engines: { node: ">=20" },
    scripts: { build: `node ${buildScript}` },
    dependencies: { "@openslides/motion-diff": "file:../packages/motion-diff" },
    devDependencies: { "@angular/language-server": "file:../packages/not-there" },
  });
  writeFileSync(
    join(client, "build.mjs"),
    `import { existsSync, mkdirSync, writeFileSync } from "node:fs";
if (!existsSync("node_modules/@openslides/motion-diff/dist/index.js")) { console.error("motion-diff is not built"); process.exit(1); }
mkdirSync("dist/client/browser/assets", { recursive: true });
writeFileSync("dist/client/browser/index.html", ${JSON.stringify(STAND_IN_PAGE)});
writeFileSync("dist/client/browser/main-ABCD1234.js", "export {};\\n");
writeFileSync("dist/client/browser/assets/time.txt", "time");
console.log("stand-in build done");
`,
  );
  writeFileSync(join(client, "broken-build.mjs"), `console.error("ERROR: something in the client does not compile");\nprocess.exit(2);\n`);
  return root;
}

function runInstaller(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INSTALLER, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function fetchText(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("npm run client --source <folder>", () => {
  let dataDir: string;
  let result: Awaited<ReturnType<typeof runInstaller>>;
  before(async () => {
    dataDir = mkdtempSync(join(scratch, "data-"));
    result = await runInstaller(["--source", makeStandInSource(), "--data-dir", dataDir]);
  });

  test("builds the local package first, drops the editor package, installs the build", () => {
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /\[1\/6\] getting the client source/);
    assert.match(result.stdout, /\[6\/6\] installing the build/);
    assert.match(result.stdout, /dropped @angular\/language-server/);
    assert.equal(readFileSync(join(dataDir, "client", "index.html"), "utf8"), STAND_IN_PAGE);
    const record = JSON.parse(readFileSync(join(dataDir, "client-installed.json"), "utf8"));
    assert.deepEqual(record.fixes, ["dropped @angular/language-server"]);
    assert.match(readFileSync(join(dataDir, "client-build", "build.log"), "utf8"), /stand-in build done/);
    assert.ok(!existsSync(join(dataDir, "client-build", "source")), "the work copy is removed after success");
  });

  test("npm start then serves it at / and for deep links, with no setting", async () => {
    const server = await startServer({ env: { OPENSLIDES_DATA_DIR: dataDir } });
    try {
      for (const path of ["/", "/login", "/1/motions"]) {
        const answer = await fetchText(`${server.url}${path}`);
        assert.equal(answer.status, 200, path);
        assert.equal(answer.body, STAND_IN_PAGE, path);
      }
      assert.equal((await fetchText(`${server.url}/main-ABCD1234.js`)).body, "export {};\n");
    } finally {
      await server.stop();
    }
  });

  test("OPENSLIDES_CLIENT_DIR still wins over the installed build", async () => {
    const other = mkdtempSync(join(scratch, "other-build-"));
    writeFileSync(join(other, "index.html"), "<!doctype html><title>other</title>");
    const server = await startServer({ env: { OPENSLIDES_DATA_DIR: dataDir, OPENSLIDES_CLIENT_DIR: other } });
    try {
      assert.equal((await fetchText(`${server.url}/`)).body, "<!doctype html><title>other</title>");
    } finally {
      await server.stop();
    }
  });
});

describe("npm run client --from-build", () => {
  test("a tarball of dist/client/browser replaces an earlier client", async () => {
    const dataDir = mkdtempSync(join(scratch, "data-"));
    mkdirSync(join(dataDir, "client"));
    writeFileSync(join(dataDir, "client", "index.html"), "old");
    writeFileSync(join(dataDir, "client", "stale.js"), "old");
    const project = mkdtempSync(join(scratch, "built-"));
    mkdirSync(join(project, "dist", "client", "browser", "assets"), { recursive: true });
    writeFileSync(join(project, "dist", "client", "browser", "index.html"), STAND_IN_PAGE);
    writeFileSync(join(project, "dist", "client", "browser", "assets", "time.txt"), "time");
    const tarball = join(scratch, "client-build.tgz");
    execFileSync("tar", ["-czf", tarball, "-C", project, "dist"]);

    const result = await runInstaller(["--from-build", tarball], { OPENSLIDES_DATA_DIR: dataDir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(join(dataDir, "client", "index.html"), "utf8"), STAND_IN_PAGE);
    assert.ok(existsSync(join(dataDir, "client", "assets", "time.txt")));
    assert.ok(!existsSync(join(dataDir, "client", "stale.js")), "files of the earlier client are gone");
    const server = await startServer({ env: { OPENSLIDES_DATA_DIR: dataDir } });
    try {
      assert.equal((await fetchText(`${server.url}/agenda`)).body, STAND_IN_PAGE);
    } finally {
      await server.stop();
    }
  });

  test("a folder without a build is refused with what was looked for", async () => {
    const dataDir = mkdtempSync(join(scratch, "data-"));
    const empty = mkdtempSync(join(scratch, "empty-"));
    const result = await runInstaller(["--from-build", empty, "--data-dir", dataDir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no client build found \(looked for index\.html in \., browser, client\/browser, dist\/client\/browser/);
    assert.ok(!existsSync(join(dataDir, "client")));
  });
});

describe("npm run client failures", () => {
  test("a failing build names the step and the build log, which holds the build's output", async () => {
    const dataDir = mkdtempSync(join(scratch, "data-"));
    const result = await runInstaller(["--source", makeStandInSource("broken-build.mjs"), "--data-dir", dataDir]);
    assert.equal(result.code, 1);
    const logFile = join(dataDir, "client-build", "build.log");
    assert.ok(result.stderr.includes(`the client build (npm run build) failed (exit code 2). The build log is ${logFile}`), result.stderr);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    assert.match(readFileSync(logFile, "utf8"), /something in the client does not compile/);
    assert.ok(!existsSync(join(dataDir, "client")), "nothing installed");
  });

  test("an unreachable source says that the machine may be offline and what to do instead", async () => {
    const dataDir = mkdtempSync(join(scratch, "data-"));
    const url = `http://127.0.0.1:${await closedPort()}/openslides-client-4.3.1.tar.gz`;
    const result = await runInstaller(["--source", url, "--data-dir", dataDir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /could not download the client source from http:\/\/127\.0\.0\.1:\d+\/openslides-client-4\.3\.1\.tar\.gz \(ECONNREFUSED\)/);
    assert.match(result.stderr, /Is this machine online\?/);
    assert.match(result.stderr, /--from-build/);
  });

  test("unknown options and a missing source are refused with the usage", async () => {
    const unknown = await runInstaller(["--sauce", "x"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown option --sauce/);
    assert.match(unknown.stderr, /usage: npm run client/);
    const missing = await runInstaller(["--source", join(scratch, "not-there"), "--data-dir", mkdtempSync(join(scratch, "data-"))]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such folder or file, and not a URL/);
  });
});
