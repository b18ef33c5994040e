// OPENSLIDES_LOG_REQUESTS: the request log that scripts/client-suite.mjs reads to find the
// server's answers ≥ 400 behind a failing test of the client's suite.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadConfig, ConfigError } from "../../src/config.js";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

/** The log lines of the request log, once `count` of them are there (the line follows the answer). */
async function requestLines(server: StartedServer, count: number): Promise<string[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const lines = server.logs().split("\n").filter((line) => line.includes(" INFO request "));
    if (lines.length >= count || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("request log, errors only", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({ env: { OPENSLIDES_LOG_REQUESTS: "errors", OPENSLIDES_LOGLEVEL: "info" } });
  });
  after(async () => server?.stop());

  test("an answer ≥ 400 is logged with method, path, status and its body; a 200 is not", async () => {
    const client = new Client(server.url);
    assert.equal((await client.get("/system/health")).status, 200);
    const bad = await client.post("/system/action/handle_request", [{ action: "no_such.action", data: [{}] }]);
    assert.equal(bad.status, 400);
    // A JSON body sent as text (the ICC's error shape) is logged too.
    const icc = await client.get("/system/icc/applause?meeting_id=x");
    assert.equal(icc.status, 400);
    const lines = await requestLines(server, 2);
    assert.equal(lines.length, 2, lines.join("\n"));
    assert.match(lines[0]!, / INFO request POST \/system\/action\/handle_request 400 \d+ ms /);
    assert.ok(lines[0]!.includes("no_such.action"), `the answer's message is in the line: ${lines[0]}`);
    assert.match(lines[1]!, / INFO request GET \/system\/icc\/applause 400 \d+ ms /);
    assert.ok(lines[1]!.includes("Query meeting has to be an int."), lines[1]);
  });
});

describe("request log setting", () => {
  test("off by default; errors and all accepted; anything else stops the start", () => {
    const development = { OPENSLIDES_DEVELOPMENT: "1" };
    assert.equal(loadConfig(development).requestLog, "off");
    assert.equal(loadConfig({ ...development, OPENSLIDES_LOG_REQUESTS: "ALL" }).requestLog, "all");
    assert.equal(loadConfig({ ...development, OPENSLIDES_LOG_REQUESTS: "errors" }).requestLog, "errors");
    assert.throws(() => loadConfig({ ...development, OPENSLIDES_LOG_REQUESTS: "verbose" }), ConfigError);
  });
});
