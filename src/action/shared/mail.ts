// Outgoing mail of the user actions (upstream send_email_mixin.EmailUtils): one SMTP connection
// per action run (nodemailer, settings EMAIL_* of src/config.ts), plain-text messages, and
// nodemailer's failures named and worded like the Python smtplib exceptions upstream reports.
import { randomUUID } from "node:crypto";
import { createTransport, type Transporter } from "nodemailer";
import { emailConfigFrom, type EmailConfig } from "../../config.js";
import { isValidEmail } from "./email-rules.js";

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

export interface OutgoingMail {
  from: string;
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

function transportFor(settings: EmailConfig): Transporter {
  const timeout = settings.timeoutSeconds * 1000;
  return createTransport({
    pool: true,
    maxConnections: 1,
    host: settings.host,
    port: settings.port,
    secure: settings.connectionSecurity === "SSL/TLS",
    requireTLS: settings.connectionSecurity === "STARTTLS",
    ignoreTLS: settings.connectionSecurity === "NONE",
    auth: settings.user && settings.password ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: { rejectUnauthorized: !settings.acceptSelfSignedCertificate },
  });
}

/**
 * Connects (and logs in when EMAIL_HOST_USER and EMAIL_HOST_PASSWORD are set) before the first
 * message, as smtplib does; connection failures are thrown as MailError.
 */
export async function openMailConnection(settings: EmailConfig = emailSettings()): Promise<MailConnection> {
  const transport = transportFor(settings);
  try {
    await transport.verify();
  } catch (error) {
    transport.close();
    throw toMailError(error);
  }
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          replyTo: mail.replyTo || undefined,
          date: new Date(),
          // Upstream's Message-ID domain is the mail host (make_msgid(domain=EMAIL_HOST)).
          messageId: `<${Date.now()}.${randomUUID()}@${settings.host}>`,
        });
      } catch (error) {
        throw toMailError(error, envelopeAddress(mail.from), mail.to);
      }
    },
    close: () => transport.close(),
  };
}

/** The address of "Name <address>" (smtplib's envelope sender). */
function envelopeAddress(from: string): string {
  return /<([^<>]*)>\s*$/.exec(from)?.[1] ?? from;
}

/** "Name <address>" as Python's email.headerregistry.Address renders it (name quoted when needed). */
export function formatSender(name: string, address: string): string {
  const needsQuotes = /[()<>@,;:\\".[\]]/.test(name);
  const shown = needsQuotes ? `"${name.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : name;
  return `${shown} <${address}>`;
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
