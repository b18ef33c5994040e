// Certificates over ACME against a real ACME server run locally: Pebble (Let's Encrypt's test
// server) with pebble-challtestsrv as its DNS, which answers 127.0.0.1 for every name. Pebble
// checks the HTTP-01 challenge on our challenge port; the server then serves HTTPS with the
// issued certificate, and renews it (here: at once, with a renewal window longer than its life)
// into the running listener. Skipped when Pebble is not installed (.ci/run installs it).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:tls";
import { startServer, type StartedServer } from "../support/server.js";

const DOMAIN = "meeting.example.test";

function findTool(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(":"), join(process.env.GOPATH ?? join(homedir(), "go"), "bin")];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

const pebble = findTool("pebble");
const challtestsrv = findTool("pebble-challtestsrv");
const skip = !pebble || !challtestsrv ? "Pebble is not installed (go install github.com/letsencrypt/pebble/v2/cmd/pebble@v2.10.3 and .../cmd/pebble-challtestsrv@v2.10.3)" : false;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${what} exited with ${code}:\n${output}`)));
  });
}

/** The certificate the server presents for the domain on a new TLS connection. */
function presentedCertificate(port: number): Promise<{ serialNumber: string; subjectaltname?: string; issuer: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, servername: DOMAIN, rejectUnauthorized: false, ALPNProtocols: ["h2"] }, () => {
      const certificate = socket.getPeerCertificate();
      socket.end();
      resolve(certificate as never);
    });
    socket.on("error", reject);
  });
}

describe("HTTPS over ACME (Pebble)", { skip }, () => {
  let dir: string;
  const children: ChildProcess[] = [];
  let server: StartedServer;
  let challengePort: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "openslides-acme-"));
    const [pebblePort, dnsPort, challtestManagement, tlsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    challengePort = await freePort();
    const pebbleCert = join(dir, "pebble.pem");
    const pebbleKey = join(dir, "pebble.key");
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", pebbleKey, "-out", pebbleCert], { stdio: "ignore" });
    writeFileSync(join(dir, "pebble.json"), JSON.stringify({
      pebble: { listenAddress: `127.0.0.1:${pebblePort}`, certificate: pebbleCert, privateKey: pebbleKey, httpPort: challengePort, tlsPort, ocspResponderURL: "", externalAccountBindingRequired: false },
    }));
    const dns = spawn(challtestsrv!, ["-dnsserver", `127.0.0.1:${dnsPort}`, "-management", `127.0.0.1:${challtestManagement}`, "-http01", "", "-https01", "", "-tlsalpn01", "", "-doh", "", "-defaultIPv6", ""], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(dns);
    await waitForOutput(dns, /Starting challenge servers|Creating/, "pebble-challtestsrv");
    const acme = spawn(pebble!, ["-config", join(dir, "pebble.json"), "-dnsserver", `127.0.0.1:${dnsPort}`], {
      env: { ...process.env, PEBBLE_VA_NOSLEEP: "1", PEBBLE_WFE_NONCEREJECT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(acme);
    await waitForOutput(acme, /Listening on/, "pebble");
    server = await startServer({
      startTimeoutMs: 120_000,
      env: {
        OPENSLIDES_ACME_DOMAIN: DOMAIN,
        OPENSLIDES_ACME_EMAIL: "admin@example.test",
        OPENSLIDES_ACME_DIRECTORY: `https://127.0.0.1:${pebblePort}/dir`,
        OPENSLIDES_ACME_HTTP_PORT: String(challengePort),
        OPENSLIDES_ACME_RENEW_DAYS: "100000",
        OPENSLIDES_ACME_CHECK_SECONDS: "2",
        NODE_EXTRA_CA_CERTS: pebbleCert,
      },
    });
  });

  after(async () => {
    await server?.stop();
    for (const child of children) child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  test("the first start gets a certificate for the domain from the ACME server over HTTP-01", async () => {
    assert.match(server.url, /^https:/);
    const certificate = await presentedCertificate(server.port);
    assert.equal(certificate.subjectaltname, `DNS:${DOMAIN}`);
    assert.match(String(certificate.issuer.CN), /Pebble/);
    assert.ok(existsSync(join(server.dataDir, "acme", DOMAIN, "cert.pem")));
    assert.ok(existsSync(join(server.dataDir, "acme", "account-key.pem")));
  });

  test("a certificate due for renewal is replaced in the running listener", async () => {
    const first = await presentedCertificate(server.port);
    let renewed = first;
    for (let attempt = 0; attempt < 60 && renewed.serialNumber === first.serialNumber; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      renewed = await presentedCertificate(server.port);
    }
    assert.notEqual(renewed.serialNumber, first.serialNumber);
    assert.equal(renewed.subjectaltname, `DNS:${DOMAIN}`);
  });

  test("the challenge port sends everything else to HTTPS", async () => {
    const answer = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
      request({ host: "127.0.0.1", port: challengePort, path: "/login?x=1", headers: { host: DOMAIN } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      }).on("error", reject).end();
    });
    assert.equal(answer.status, 301);
    assert.equal(answer.location, `https://${DOMAIN}/login?x=1`);
  });
});

describe("ACME settings", () => {
  test("a domain that is no public name stops the start with a clear message", async () => {
    await assert.rejects(startServer({ env: { OPENSLIDES_ACME_DOMAIN: "localhost" } }), /OPENSLIDES_ACME_DOMAIN: "localhost" is not a public domain name/);
  });
});
