// Certificates over ACME (Let's Encrypt or any RFC 8555 server) for OPENSLIDES_ACME_DOMAIN:
// obtained on the first start, kept in <data>/acme/, renewed before they expire (a timer reads
// the certificate's notAfter) and swapped into the running HTTPS listeners. The HTTP-01
// challenge is answered on the HTTP port (80 unless OPENSLIDES_ACME_HTTP_PORT), which sends
// every other request to HTTPS.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { Logger } from "../../log.js";
import { AcmeSession, accountKeyFrom, newKeyPem } from "./acme-client.js";
import { acmeFiles, type AcmeConfig } from "./acme-config.js";

export { acmeFiles, type AcmeConfig };

const CHALLENGE_PREFIX = "/.well-known/acme-challenge/";
const DAY_MS = 24 * 60 * 60 * 1000;

export class CertificateManager {
  private readonly challenges = new Map<string, string>();
  private httpServer?: Server;
  private timer?: NodeJS.Timeout;
  readonly certFile: string;
  readonly keyFile: string;

  constructor(
    private readonly config: AcmeConfig,
    private readonly dataDir: string,
    private readonly log: Logger,
    private readonly onRenewed: () => void = () => undefined,
  ) {
    ({ certFile: this.certFile, keyFile: this.keyFile } = acmeFiles(dataDir, config.domain));
  }

  /** Opens the HTTP port, gets a certificate if there is none or it is due, and starts the renewal timer. */
  async start(): Promise<void> {
    await this.listen();
    if (this.due()) await this.obtain();
    this.timer = setInterval(() => void this.renewIfDue(), this.config.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    const server = this.httpServer;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** The certificate's notAfter, if there is one. */
  expiry(): Date | undefined {
    if (!existsSync(this.certFile)) return undefined;
    return new Date(new X509Certificate(readFileSync(this.certFile)).validTo);
  }

  private due(): boolean {
    const expiry = this.expiry();
    return !expiry || !existsSync(this.keyFile) || expiry.getTime() - Date.now() < this.config.renewBeforeDays * DAY_MS;
  }

  private async renewIfDue(): Promise<void> {
    if (!this.due()) return;
    try {
      await this.obtain();
      this.onRenewed();
    } catch (error) {
      this.log.error(`ACME: renewing the certificate for ${this.config.domain} failed; trying again later`, error);
    }
  }

  private accountKey() {
    const file = join(this.dataDir, "acme", "account-key.pem");
    if (!existsSync(file)) writeFileSync(file, newKeyPem(), { mode: 0o600 });
    return accountKeyFrom(createPrivateKey(readFileSync(file)));
  }

  private async obtain(): Promise<void> {
    const dir = join(this.dataDir, "acme", this.config.domain);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.log.info(`ACME: requesting a certificate for ${this.config.domain} from ${this.config.directoryUrl}`);
    const newKey = `${this.keyFile}.new`;
    writeFileSync(newKey, newKeyPem(), { mode: 0o600 });
    const session = await AcmeSession.open(this.config.directoryUrl, await this.accountKey());
    await session.account(this.config.email);
    const chain = await session.certificate(this.config.domain, newKey, (token, answer) => this.challenges.set(token, answer));
    this.challenges.clear();
    writeFileSync(`${this.certFile}.new`, chain);
    renameSync(newKey, this.keyFile);
    renameSync(`${this.certFile}.new`, this.certFile);
    this.log.info(`ACME: certificate for ${this.config.domain} valid until ${this.expiry()?.toISOString()}`);
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0]!;
      if (path.startsWith(CHALLENGE_PREFIX)) {
        const answer = this.challenges.get(path.slice(CHALLENGE_PREFIX.length));
        res.writeHead(answer ? 200 : 404, { "content-type": "text/plain" }).end(answer ?? "unknown challenge");
        return;
      }
      res.writeHead(301, { location: `https://${this.config.domain}${req.url ?? "/"}` }).end();
    });
    this.httpServer = server;
    return new Promise((resolve, reject) => {
      server.once("error", (error) => reject(new Error(`ACME: the HTTP port ${this.config.httpPort} for the challenge could not be opened: ${error.message}`)));
      server.listen(this.config.httpPort, () => resolve());
    });
  }
}
