import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:http2";
import { makeDevelopmentCertificate } from "../../src/http/development-certificate.js";
import { startServer } from "../support/server.js";

test("HTTPS with HTTP/2 (ALPN) using the development certificate", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "openslides-tls-"));
  makeDevelopmentCertificate(dataDir);
  const server = await startServer({ env: { OPENSLIDES_DATA_DIR: dataDir, OPENSLIDES_TLS: "1" } });
  try {
    assert.match(server.url, /^https:/);
    const answer = await new Promise<{ status: number; body: string; alpn: string | false | undefined }>((resolve, reject) => {
      const session = connect(server.url, { rejectUnauthorized: false });
      session.on("error", reject);
      const stream = session.request({ ":path": "/system/health" });
      let status = 0;
      let body = "";
      stream.on("response", (headers) => (status = Number(headers[":status"])));
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => {
        const alpn = session.alpnProtocol;
        session.close();
        resolve({ status, body, alpn });
      });
    });
    assert.equal(answer.alpn, "h2");
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).status, "running");
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("OPENSLIDES_TLS=1 makes the development certificate on the first start (one step)", async () => {
  const server = await startServer({ env: { OPENSLIDES_TLS: "1" } });
  try {
    assert.match(server.url, /^https:/);
    assert.ok(existsSync(join(server.dataDir, "tls", "cert.pem")));
    const alpn = await new Promise<string | false | undefined>((resolve, reject) => {
      const session = connect(server.url, { rejectUnauthorized: false });
      session.on("error", reject);
      session.on("connect", () => {
        resolve(session.alpnProtocol);
        session.close();
      });
    });
    assert.equal(alpn, "h2");
  } finally {
    await server.stop();
  }
});
