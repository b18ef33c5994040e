// The official client's files on the main port: SPA fallback, content types, caching, gzip, the
// service worker kill switch, and the Date header the client's clock check reads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { request } from "node:http";
import { startServer, type StartedServer } from "../support/server.js";

const INDEX = "<!doctype html><html><body><os-root></os-root><script src=\"main-ABCD1234.js\" type=\"module\"></script></body></html>";
const MAIN_JS = `export const app = "${"x".repeat(5000)}";`;

function makeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "openslides-client-"));
  mkdirSync(join(dir, "assets", "i18n"), { recursive: true });
  writeFileSync(join(dir, "index.html"), INDEX);
  writeFileSync(join(dir, "main-ABCD1234.js"), MAIN_JS);
  writeFileSync(join(dir, "assets", "time.txt"), "time");
  writeFileSync(join(dir, "assets", "i18n", "de.po"), 'msgid "Agenda"\nmsgstr "Tagesordnung"\n');
  writeFileSync(join(dir, "ngsw.json"), JSON.stringify({ configVersion: 1, hashTable: { "/main-ABCD1234.js": "abc" } }));
  writeFileSync(join(dir, "ngsw-safety.json"), JSON.stringify({ configVersion: 1, hashTable: {} }));
  writeFileSync(join(dir, "manifest.webmanifest"), "{}");
  return dir;
}

/** A raw HTTP/1.1 request, so that no client library decompresses or adds headers. */
function get(url: string, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(new URL(path, url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("with a client build (OPENSLIDES_CLIENT_DIR)", () => {
  let build: string;
  let server: StartedServer;
  before(async () => {
    build = makeBuild();
    server = await startServer({ env: { OPENSLIDES_CLIENT_DIR: build } });
  });
  after(async () => {
    await server.stop();
    rmSync(build, { recursive: true, force: true });
  });

  test("index.html at / and for deep links of the app, never cached for long", async () => {
    for (const path of ["/", "/1/motions/3", "/login", "/1/agenda/"]) {
      const answer = await get(server.url, path);
      assert.equal(answer.status, 200, path);
      assert.equal(answer.body.toString(), INDEX, path);
      assert.match(String(answer.headers["content-type"]), /^text\/html/);
      assert.match(String(answer.headers["cache-control"]), /no-cache/);
    }
  });

  test("JavaScript as JavaScript, hashed chunks cached for good, gzip when accepted", async () => {
    const plain = await get(server.url, "/main-ABCD1234.js");
    assert.equal(plain.status, 200);
    assert.match(String(plain.headers["content-type"]), /^application\/javascript/);
    assert.match(String(plain.headers["cache-control"]), /immutable/);
    assert.equal(plain.body.toString(), MAIN_JS);
    assert.equal(plain.headers["content-encoding"], undefined);
    const gzipped = await get(server.url, "/main-ABCD1234.js", { "accept-encoding": "gzip, br" });
    assert.equal(gzipped.headers["content-encoding"], "gzip");
    assert.ok(gzipped.body.length < MAIN_JS.length);
    assert.equal(gunzipSync(gzipped.body).toString(), MAIN_JS);
  });

  test("an unchanged file is a 304 for its ETag", async () => {
    const first = await get(server.url, "/assets/i18n/de.po");
    assert.equal(first.status, 200);
    const etag = String(first.headers.etag);
    const second = await get(server.url, "/assets/i18n/de.po", { "if-none-match": etag });
    assert.equal(second.status, 304);
    assert.equal(second.body.length, 0);
  });

  test("the clock check reads a Date header from /assets/time.txt", async () => {
    const answer = await get(server.url, `/assets/time.txt?${Date.now()}`);
    assert.equal(answer.status, 200);
    const date = Date.parse(String(answer.headers.date));
    assert.ok(Math.abs(date - Date.now()) < 60_000, String(answer.headers.date));
  });

  test("the service worker gets the empty safety manifest, the page the real one", async () => {
    const worker = await get(server.url, "/ngsw.json?ngsw-cache-bust=0.1", { referer: "https://localhost:8000/ngsw-worker.js" });
    assert.deepEqual(JSON.parse(worker.body.toString()).hashTable, {});
    const page = await get(server.url, "/ngsw.json", { referer: "https://localhost:8000/" });
    assert.ok("/main-ABCD1234.js" in JSON.parse(page.body.toString()).hashTable);
  });

  test("missing assets and unknown service paths are 404, not the app", async () => {
    assert.equal((await get(server.url, "/assets/missing.png")).status, 404);
    const service = await get(server.url, "/system/unknown");
    assert.equal(service.status, 404);
    assert.equal(JSON.parse(service.body.toString()).success, false);
    assert.equal((await get(server.url, "/system/unknown", {}, "POST")).status, 404);
  });

  test("known service routes keep their answers; other methods on files are 405", async () => {
    assert.equal((await get(server.url, "/system/action/handle_request")).status, 405);
    assert.equal((await get(server.url, "/system/health")).status, 200);
    const posted = await get(server.url, "/index.html", {}, "POST");
    assert.equal(posted.status, 405);
    const head = await get(server.url, "/main-ABCD1234.js", {}, "HEAD");
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers["content-length"], String(MAIN_JS.length));
  });

  test("paths outside the build never leave it", async () => {
    for (const path of ["/../package.json", "/%2e%2e/package.json", "/assets/%2e%2e/%2e%2e/etc/passwd", "/%E0%A4%A"]) {
      const answer = await get(server.url, path);
      assert.ok(answer.status === 200 || answer.status === 404, path);
      if (answer.status === 200) assert.equal(answer.body.toString(), INDEX, path);
    }
  });
});

describe("without a client build", () => {
  let server: StartedServer;
  before(async () => (server = await startServer()));
  after(async () => server.stop());

  test("/ says what the server is, its version and how to attach a client", async () => {
    const answer = await get(server.url, "/");
    assert.equal(answer.status, 200);
    const page = answer.body.toString();
    assert.match(page, /openslides-ts \d+\.\d+\.\d+/);
    assert.match(page, /npm run client/);
    assert.match(page, /OPENSLIDES_CLIENT_DIR/);
    assert.match(page, /\/system\/health/);
  });

  test("time.txt still answers with a Date header; other paths are 404", async () => {
    const time = await get(server.url, "/assets/time.txt?1");
    assert.equal(time.status, 200);
    assert.ok(!Number.isNaN(Date.parse(String(time.headers.date))));
    assert.equal((await get(server.url, "/1/agenda")).status, 404);
  });

  test("who-am-i answers JSON with a Date header", async () => {
    const answer = await get(server.url, "/system/auth/who-am-i", {}, "POST");
    assert.match(String(answer.headers["content-type"]), /application\/json/);
    assert.ok(!Number.isNaN(Date.parse(String(answer.headers.date))));
    assert.doesNotThrow(() => JSON.parse(answer.body.toString()));
  });
});
