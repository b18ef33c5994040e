// Outgoing mail of the user actions (upstream send_email_mixin.EmailUtils): one SMTP connection
// per action run (nodemailer's SMTPConnection, settings EMAIL_* of src/config.ts), plain-text
// messages laid out as upstream's (mime-message.ts), and nodemailer's failures named and worded
// like the Python smtplib exceptions upstream reports.
import { randomUUID } from "node:crypto";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { emailConfigFrom, type EmailConfig } from "../../config.js";
import { isValidEmail } from "./email-rules.js";
import { composePlainTextMessage, type Mailbox } from "./mime-message.js";

export const SENDER_NAME_FORBIDDEN_CHARS = ["[", "]", "\\"] as const;

/**
 * The settings as the environment holds them now. Read on every use, as upstream reads its
 * EmailSettings from the environment, so a deployment (or a test) can change them without the
 * application wiring a config object into the action framework.
 */
export function emailSettings(): EmailConfig {
  return emailConfigFrom(process.env);
}

export { isValidEmail };

export type { Mailbox };

export interface OutgoingMail {
  from: Mailbox;
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

/** An SMTP failure, named like the smtplib exception upstream would have caught. */
export class MailError extends Error {
  constructor(
    readonly kind:
      | "SMTPAuthenticationError"
      | "SMTPSenderRefused"
      | "SMTPRecipientsRefused"
      | "SMTPDataError"
      | "SMTPServerDisconnected"
      | "ConnectionRefusedError"
      | "SSLCertVerificationError"
      | "Exception",
    message: string,
  ) {
    super(message);
  }

  /** "<Kind>: <text>" as upstream formats f"{type}: {str(e)}". */
  describe(): string {
    return `${this.kind}: ${this.message}`;
  }
}

export interface MailConnection {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Python's repr of bytes for an SMTP reply text: b'...'. */
function bytesRepr(text: string): string {
  return `b'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** "535 5.7.8 Authentication credentials invalid" -> code 535 and the text after it. */
function splitReply(error: NodemailerError): { code: number; text: string } {
  const response = String(error.response ?? error.message ?? "");
  const match = /^(\d{3})[ -](.*)$/s.exec(response.trim());
  const code = error.responseCode ?? (match ? Number(match[1]) : 0);
  return { code, text: match ? match[2]!.trim() : response.trim() };
}

interface NodemailerError extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  errno?: number | string;
  rejected?: string[];
  rejectedErrors?: NodemailerError[];
}

const CERTIFICATE_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Maps a nodemailer failure to the smtplib exception upstream catches, with a like text. */
export function toMailError(raw: unknown, from?: string, to?: string): MailError {
  if (raw instanceof MailError) return raw;
  const error = (raw ?? {}) as NodemailerError;
  const message = String(error.message ?? raw);
  const cause = (error as { cause?: NodemailerError }).cause;
  const tlsCode = [error.code, cause?.code].find((code) => code && CERTIFICATE_CODES.has(code));
  if (tlsCode || (/certificate/i.test(message) && error.code !== "EAUTH")) {
    const detail = /self[- ]signed certificate/i.test(message) ? "self-signed certificate" : message;
    return new MailError("SSLCertVerificationError", `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${detail}`);
  }
  if (/ECONNREFUSED/.test(message) || error.errno === "ECONNREFUSED" || cause?.code === "ECONNREFUSED") {
    return new MailError("ConnectionRefusedError", "[Errno 111] Connection refused");
  }
  if (error.code === "EAUTH") {
    const { code, text } = splitReply(error);
    return new MailError("SMTPAuthenticationError", `(${code}, ${bytesRepr(text)})`);
  }
  if (error.code === "EENVELOPE" || error.command === "MAIL FROM" || error.command === "RCPT TO") {
    if (error.command === "MAIL FROM" || /MAIL FROM/i.test(message)) {
      const { code, text } = splitReply(error);
      return new MailError("SMTPSenderRefused", `(${code}, ${bytesRepr(text)}, '${from ?? ""}')`);
    }
    const rejected = error.rejectedErrors?.length ? error.rejectedErrors : [error];
    const parts = rejected.map((one, index) => {
      const { code, text } = splitReply(one);
      const address = (one as NodemailerError & { recipient?: string }).recipient ?? error.rejected?.[index] ?? to ?? "";
      return `'${address}': (${code}, ${bytesRepr(text)})`;
    });
    return new MailError("SMTPRecipientsRefused", `{${parts.join(", ")}}`);
  }
  if (error.code === "EMESSAGE" || error.command === "DATA") {
    const { code, text } = splitReply(error);
    return new MailError("SMTPDataError", `(${code}, ${bytesRepr(text)})`);
  }
  if (error.code === "ECONNECTION" || error.code === "ESOCKET" || error.code === "ETIMEDOUT") {
    return new MailError("SMTPServerDisconnected", message);
  }
  return new MailError("Exception", message);
}

function connectionFor(settings: EmailConfig): SMTPConnection {
  const timeout = settings.timeoutSeconds * 1000;
  return new SMTPConnection({
    host: settings.host,
    port: settings.port,
    secure: settings.connectionSecurity === "SSL/TLS",
    requireTLS: settings.connectionSecurity === "STARTTLS",
    ignoreTLS: settings.connectionSecurity === "NONE",
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: { rejectUnauthorized: !settings.acceptSelfSignedCertificate },
  });
}

/**
 * One SMTP conversation at a time on a connection; a failure of the connection itself (socket
 * error, the server closing it) ends the step under way and every later one.
 */
class Conversation {
  private pending: ((error: unknown) => void) | undefined;
  private broken: unknown;

  constructor(readonly connection: SMTPConnection) {
    connection.on("error", (error: unknown) => this.fail(error));
    connection.on("end", () => this.fail(Object.assign(new Error("Connection unexpectedly closed"), { code: "ECONNECTION" })));
  }

  private fail(error: unknown): void {
    this.broken ??= error;
    const reject = this.pending;
    this.pending = undefined;
    reject?.(error);
  }

  step<T>(start: (done: (error: unknown, value?: T) => void) => void): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const done = (error: unknown, value?: T) => {
        if (settled) return;
        settled = true;
        this.pending = undefined;
        if (error) reject(error);
        else resolve(value as T);
      };
      this.pending = (error) => done(error);
      start(done);
    });
  }
}

/**
 * Connects (and logs in when EMAIL_HOST_USER and EMAIL_HOST_PASSWORD are set and the server
 * offers AUTH) before the first message, as smtplib does; every message of the action run goes
 * over this one connection. Failures are thrown as MailError.
 *
 * The message is composed here (mime-message.ts) and handed over as is, with the envelope
 * addresses exactly as stored: nodemailer's message layer would re-encode the text and
 * lower-case the recipient's domain.
 */
export async function openMailConnection(settings: EmailConfig = emailSettings()): Promise<MailConnection> {
  const conversation = new Conversation(connectionFor(settings));
  const { connection } = conversation;
  try {
    await conversation.step<void>((done) => connection.connect((error) => done(error)));
    if (settings.user && settings.password && connection.allowsAuth) {
      const credentials = { user: settings.user, pass: settings.password };
      await conversation.step<void>((done) => connection.login({ user: settings.user, credentials }, (error) => done(error)));
    }
  } catch (error) {
    connection.close();
    throw toMailError(error);
  }
  return {
    async send(mail) {
      const message = composePlainTextMessage({
        ...mail,
        date: new Date(),
        // Upstream's Message-ID domain is the mail host (make_msgid(domain=EMAIL_HOST)).
        messageId: `<${Date.now()}.${randomUUID()}@${messageIdDomain(settings.host)}>`,
      });
      try {
        await conversation.step((done) =>
          connection.send({ from: mail.from.address, to: [mail.to], use8BitMime: message.eightBit }, message.raw, done),
        );
      } catch (error) {
        throw toMailError(error, mail.from.address, mail.to);
      }
    },
    close: () => {
      if (connection.stage === "connected" && !connection.destroyed) connection.quit();
      else connection.close();
    },
  };
}

function messageIdDomain(host: string): string {
  return host.replace(/[^A-Za-z0-9.\-]/g, "") || "localhost";
}

/** Python's str.format_map with a dict whose missing keys render as 'key'. */
export function formatTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (match, key: string | undefined) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    const name = key ?? "";
    return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name] ?? "") : `'${name}'`;
  });
}
