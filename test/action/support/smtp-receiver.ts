// A real SMTP server for the mail actions' tests (smtp-server): records every accepted mail
// (envelope and parsed message), can demand a login, refuses recipients whose address contains
// "create_error551" with 551 like upstream's test handler, and offers SSL/TLS or STARTTLS with a
// fresh self-signed certificate for localhost (openssl, as the development certificate).
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDevelopmentCertificate } from "../../../src/http/development-certificate.js";

let certificate: { key: Buffer; cert: Buffer } | undefined;
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  if (!certificate) {
    const files = makeDevelopmentCertificate(mkdtempSync(join(tmpdir(), "smtp-receiver-")));
    certificate = { key: readFileSync(files.keyFile), cert: readFileSync(files.certFile) };
  }
  return certificate;
}

export interface ReceivedMail {
  /** Envelope sender and recipients. */
  from: string;
  to: string[];
  /** The message as sent (headers and encoded body). */
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /** SSL/TLS from the first byte. */
  secure?: boolean;
  /** user/password that must log in before MAIL FROM. */
  login?: { user: string; password: string };
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    ...selfSignedCertificate(),
    logger: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: options.login ? [] : ["AUTH"],
    onAuth(auth, _session, callback) {
      if (options.login && auth.username === options.login.user && auth.password === options.login.password) {
        callback(null, { user: auth.username });
      } else {
        callback(smtpError(535, "5.7.8 Authentication credentials invalid"));
      }
    },
    onMailFrom(_address, session, callback) {
      if (options.login && !session.user) return callback(smtpError(530, "5.7.0 Authentication required"));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.includes("create_error551")) return callback(smtpError(551, "invalid eMail address from server"));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw,
              parsed,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Points the EMAIL_* settings of this process at the receiver (plain SMTP unless told otherwise). */
export function useMailSettings(port: number, extra: Record<string, string> = {}): void {
  for (const name of Object.keys(process.env)) if (name.startsWith("EMAIL_")) delete process.env[name];
  Object.assign(process.env, {
    EMAIL_HOST: "127.0.0.1",
    EMAIL_PORT: String(port),
    EMAIL_CONNECTION_SECURITY: "NONE",
    EMAIL_TIMEOUT: "2",
    DEFAULT_FROM_EMAIL: "noreply@example.com",
    ...extra,
  });
}
