// user.send_invitation_email, user.forget_password and user.forget_password_confirm over HTTP on
// the example data (meeting 1 "OpenSlides Demo"; users 1 admin, 2 "a" delegate, 3 "b"), with a
// real SMTP receiver: the mails (envelope, headers, filled templates), the per-item results of
// the invitation mail, the reset token round trip and the failures upstream reports.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { verifyPassword } from "../../src/auth/passwords.js";
import { anonymousClient, useActionSuite, type Client } from "./support/action-server.js";
import { closedPort, startSmtpReceiver, useMailSettings, type SmtpReceiver } from "./support/smtp-receiver.js";

// The reset token is signed with the auth token key of this process's configuration.
process.env.OPENSLIDES_DEVELOPMENT = "1";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: unknown) => suite.run(client, action, data as Record<string, unknown>);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const create = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "create", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};

let smtp: SmtpReceiver;
before(async () => {
  smtp = await startSmtpReceiver();
});
after(async () => smtp.close());
beforeEach(async () => {
  smtp.mails.length = 0;
  useMailSettings(smtp.port);
  await write("user/2", { email: "recipient2@example.com", first_name: "Jim", last_name: "Beam", title: null, default_password: "secret", last_email_sent: null });
  await write("meeting/1", { users_email_sender: "Openslides", users_email_replyto: null });
});

async function withReceiver<T>(options: Parameters<typeof startSmtpReceiver>[0], extra: Record<string, string>, body: (receiver: SmtpReceiver) => Promise<T>): Promise<T> {
  const receiver = await startSmtpReceiver(options);
  useMailSettings(receiver.port, extra);
  try {
    return await body(receiver);
  } finally {
    await receiver.close();
    useMailSettings(smtp.port);
  }
}

// --- user.send_invitation_email ---

test("send_invitation_email: the meeting's template, sender name, recipient and last_email_sent", async () => {
  const start = Math.floor(Date.now() / 1000);
  const answer = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[{ sent: true, recipient_user_id: 2, recipient_meeting_id: 1, recipient: "recipient2@example.com" }]]);
  assert.ok(((await get("user/2", ["last_email_sent"])).last_email_sent as number) >= start);
  assert.equal(smtp.mails.length, 1);
  const [mail] = smtp.mails;
  assert.equal(mail!.from, "noreply@example.com");
  assert.deepEqual(mail!.to, ["recipient2@example.com"]);
  assert.match(mail!.raw, /^From: Openslides <noreply@example\.com>\r$/m);
  assert.equal(mail!.parsed.subject, "OpenSlides access data");
  // upstream's layout (Python's EmailMessage): one text/plain part, charset quoted, 7bit for short ASCII lines
  assert.ok(mail!.raw.startsWith('Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 7bit\r\nMIME-Version: 1.0\r\n'), mail!.raw);
  assert.doesNotMatch(mail!.raw, /text\/html/);
  assert.ok(mail!.raw.includes("\r\n\r\nDear Jim Beam,\r\n\r\nthis is your personal OpenSlides login:\r\n"), mail!.raw);
  assert.equal(
    mail!.parsed.text?.trim(),
    "Dear Jim Beam,\n\nthis is your personal OpenSlides login:\n\nhttps://example.com\nUsername: a\nPassword: secret\n\n\nThis email was generated automatically.",
  );
});

test("send_invitation_email: every placeholder, unknown ones quoted, title in the name, reply-to", async () => {
  await write("user/2", { title: "Dr." });
  await write("meeting/1", {
    users_email_subject: "Invitation for '{event_name}' {xevent_name}",
    users_email_body: "{name}|{title}|{first_name}|{last_name}|{username}|{password}|{url}|{event_name}|{groups}|{structure_levels}|{yevent_name}|{{literal}}",
    users_email_replyto: "reply@example.com",
    users_email_sender: "",
  });
  try {
    const answer = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.results[0][0].sent, true);
    const [mail] = smtp.mails;
    assert.equal(mail!.parsed.subject, "Invitation for 'OpenSlides Demo' 'xevent_name'");
    assert.match(mail!.raw, /^From: noreply@example\.com\r$/m);
    assert.match(mail!.raw, /^Reply-To: reply@example\.com\r$/m);
    assert.equal(mail!.parsed.text?.trim(), "Dr. Jim Beam|Dr.|Jim|Beam|a|secret|https://example.com|OpenSlides Demo|Delegates|Test structure level a|'yevent_name'|{literal}");
  } finally {
    await write("meeting/1", {
      users_email_subject: "OpenSlides access data",
      users_email_body: "Dear {name},\n\nthis is your personal OpenSlides login:\n\n{url}\nUsername: {username}\nPassword: {password}\n\n\nThis email was generated automatically.",
    });
  }
});

test("send_invitation_email: long lines quoted-printable, non-ASCII names encoded, no header from a subject", async () => {
  await write("meeting/1", {
    users_email_subject: "Einladung für {first_name}\r\nBcc: intruder@example.com",
    users_email_body: "Hello {first_name}!\nPlease ensure all of it is bought and brought over at least a week before new year's eve.",
    users_email_sender: "Müller, Verein",
  });
  try {
    const answer = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.results[0][0].sent, true);
    const [mail] = smtp.mails;
    const raw = mail!.raw;
    // A line over 78 bytes makes the text quoted-printable with a soft break after 77 characters.
    assert.match(raw, /^Content-Transfer-Encoding: quoted-printable\r$/m);
    assert.ok(raw.includes("Hello Jim!\r\nPlease ensure all of it is bought and brought over at least a week before new=\r\n year's eve.\r\n"), raw);
    assert.equal(mail!.parsed.text?.trim(), "Hello Jim!\nPlease ensure all of it is bought and brought over at least a week before new year's eve.");
    // The line break of the subject is a space: one Subject header, no Bcc header, one recipient.
    assert.match(raw, /^Subject: Einladung =\?utf-8\?q\?f=C3=BCr\?= Jim Bcc: intruder@example\.com\r$/m);
    assert.doesNotMatch(raw, /^Bcc:/im);
    assert.equal(mail!.parsed.subject, "Einladung für Jim Bcc: intruder@example.com");
    assert.deepEqual(mail!.to, ["recipient2@example.com"]);
    // A non-ASCII sender name is one encoded word (its comma cannot split the address list).
    assert.match(raw, /^From: =\?utf-8\?[bq]\?[^?\s]+\?= <noreply@example\.com>\r$/m);
    const from = mail!.parsed.from?.value ?? [];
    assert.deepEqual(from.map((address) => [address.name, address.address]), [["Müller, Verein", "noreply@example.com"]]);
    for (const line of raw.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 78, line);

    // Short lines with non-ASCII text go unencoded as 8bit.
    await write("meeting/1", { users_email_body: "Grüße, {first_name}!" });
    smtp.mails.length = 0;
    const short = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
    assert.equal(short.body.results[0][0].sent, true, JSON.stringify(short.body));
    assert.match(smtp.mails[0]!.raw, /^Content-Transfer-Encoding: 8bit\r$/m);
    assert.ok(smtp.mails[0]!.raw.endsWith("\r\n\r\nGrüße, Jim!\r\n"), smtp.mails[0]!.raw);
  } finally {
    await write("meeting/1", {
      users_email_subject: "OpenSlides access data",
      users_email_body: "Dear {name},\n\nthis is your personal OpenSlides login:\n\n{url}\nUsername: {username}\nPassword: {password}\n\n\nThis email was generated automatically.",
    });
  }
});

test("send_invitation_email: without meeting the organization's template and name", async () => {
  await write("organization/1", { users_email_subject: "Invitation for Openslides '{event_name}'", users_email_body: "event name: {event_name}" });
  try {
    const answer = await run(suite.admin, "user.send_invitation_email", { id: 2 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.results[0][0], { sent: true, recipient_user_id: 2, recipient_meeting_id: null, recipient: "recipient2@example.com" });
    assert.equal(smtp.mails[0]!.parsed.subject, "Invitation for Openslides 'Test Organization'");
    assert.equal(smtp.mails[0]!.parsed.text?.trim(), "event name: Test Organization");
    assert.match(smtp.mails[0]!.raw, /^From: OpenSlides <noreply@example\.com>\r$/m);
  } finally {
    await write("organization/1", { users_email_subject: "OpenSlides access data", users_email_body: "Dear {name}" });
  }
});

test("send_invitation_email: mixed items are reported one by one, only sent ones get last_email_sent", async () => {
  await write("user/3", { email: "", last_email_sent: null });
  await create("user/20", { username: "Testuser falsy email", email: "recipient4", organization_id: 1 });
  await create("user/21", { username: "Testuser special", email: "recipient7_create_error551@example.com", organization_id: 1 });
  const answer = await suite.admin.post("/system/action/handle_request", [
    { action: "user.send_invitation_email", data: [{ id: 2, meeting_id: 1 }, { id: 3, meeting_id: 1 }] },
    {
      action: "user.send_invitation_email",
      data: [{ id: 20 }, { id: 20, meeting_id: 1 }, { id: 2, meeting_id: "1" }, { id: 21 }, { id: 999 }],
    },
  ]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const [first, second] = answer.body.results;
  assert.deepEqual(first[0], { sent: true, recipient_user_id: 2, recipient_meeting_id: 1, recipient: "recipient2@example.com" });
  assert.deepEqual(first[1], { sent: false, recipient_user_id: 3, recipient_meeting_id: 1, message: "'b' has no email address. Mail 2 from 2", type: "user_error" });
  assert.deepEqual(second[0], {
    sent: false,
    recipient_user_id: 20,
    recipient_meeting_id: null,
    message: "'Testuser falsy email' has no valid email address. Mail 1 from 5",
    type: "user_error",
  });
  await write("user/20", { email: "recipient20@example.com" });
  assert.equal(second[1].type, "user_error");
  assert.equal(second[1].recipient_user_id, 20);
  assert.equal(second[2].type, "other_error");
  assert.match(second[2].message, /^JsonSchema: data\.meeting_id must be integer/);
  assert.match(second[2].message, / Mail 3 from 5$/);
  assert.deepEqual(second[3], {
    sent: false,
    recipient_user_id: 21,
    recipient_meeting_id: null,
    message: "SMTPRecipientsRefused: {'recipient7_create_error551@example.com': (551, b'invalid eMail address from server')} Mail 4 from 5",
    type: "configuration_error",
  });
  assert.deepEqual(second[4], {
    sent: false,
    recipient_user_id: 999,
    recipient_meeting_id: null,
    message: "DatabaseException: Model 'user/999' does not exist. Mail 5 from 5",
    type: "other_error",
  });
  assert.equal(smtp.mails.length, 1);
  assert.equal((await get("user/3", ["last_email_sent"])).last_email_sent, undefined);
  assert.equal((await get("user/21", ["last_email_sent"])).last_email_sent, undefined);
});

test("send_invitation_email: user not in the meeting, bad sender name, bad reply-to", async () => {
  await write("user/20", { email: "recipient20@example.com" });
  const notMember = await run(suite.admin, "user.send_invitation_email", { id: 20, meeting_id: 1 });
  assert.equal(notMember.status, 200);
  assert.deepEqual(notMember.body.results[0][0], {
    sent: false,
    recipient_user_id: 20,
    recipient_meeting_id: 1,
    recipient: "recipient20@example.com",
    message: "'Testuser falsy email' does not belong to meeting/1. Mail 1 from 1",
    type: "user_error",
  });
  await write("meeting/1", { users_email_sender: "x[y]" });
  const badSender = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
  assert.equal(badSender.body.results[0][0].type, "settings_error");
  assert.equal(
    badSender.body.results[0][0].message,
    "Invalid characters in the sender name configuration of meeting 'OpenSlides Demo', forbidden characters: '[', ']', '\\'. Mail 1 from 1",
  );
  await write("meeting/1", { users_email_sender: "Openslides", users_email_replyto: "rplyto" });
  const badReplyTo = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
  assert.equal(badReplyTo.body.results[0][0].type, "settings_error");
  assert.equal(badReplyTo.body.results[0][0].message, "The given reply_to address 'rplyto' is not valid. Mail 1 from 1");
  assert.equal(smtp.mails.length, 0);
  assert.equal((await get("user/2", ["last_email_sent"])).last_email_sent, undefined);
});

test("send_invitation_email: missing permissions are per-item results", async () => {
  const inMeeting = await run(suite.delegate, "user.send_invitation_email", { id: 2, meeting_id: 1 });
  assert.equal(inMeeting.status, 200, JSON.stringify(inMeeting.body));
  assert.deepEqual(inMeeting.body.results[0][0], {
    sent: false,
    recipient_user_id: 2,
    recipient_meeting_id: 1,
    message: "Missing Permission: user.can_update Mail 1 from 1",
    type: "user_error",
  });
  const organization = await run(suite.delegate, "user.send_invitation_email", { id: 3 });
  assert.equal(
    organization.body.results[0][0].message,
    "Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee {1} Mail 1 from 1",
  );
  assert.equal(smtp.mails.length, 0);
  const anonymous = await anonymousClient(suite.server.url).request("user.send_invitation_email", [{ id: 2 }]);
  assert.equal(anonymous.status, 200, JSON.stringify(anonymous.body));
  assert.equal(anonymous.body.results[0][0].sent, false);
  assert.equal(anonymous.body.results[0][0].type, "user_error");
});

test("send_invitation_email: configuration failures", async () => {
  useMailSettings(smtp.port, { DEFAULT_FROM_EMAIL: "wrong_sender@email" });
  const badFrom = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
  assert.deepEqual(badFrom.body.results, [
    [{ sent: false, message: "email wrong_sender@email is not a valid sender email address.", type: "configuration_error" }],
  ]);

  useMailSettings(await closedPort());
  const refused = await run(suite.admin, "user.send_invitation_email", {});
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.deepEqual(refused.body.results, [[{ sent: false, message: "ConnectionRefusedError: [Errno 111] Connection refused", type: "configuration_error" }]]);

  await withReceiver({ login: { user: "sender@example.com", password: "secret" } }, { EMAIL_HOST_USER: "sender@example.com", EMAIL_HOST_PASSWORD: "not secret" }, async () => {
    const answer = await run(suite.admin, "user.send_invitation_email", {});
    assert.deepEqual(answer.body.results, [
      [{ sent: false, message: "SMTPAuthenticationError: (535, b'5.7.8 Authentication credentials invalid')", type: "configuration_error" }],
    ]);
  });

  await withReceiver({ login: { user: "sender@example.com", password: "secret" } }, {}, async () => {
    const answer = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
    assert.deepEqual(answer.body.results, [
      [{ sent: false, message: "SMTPSenderRefused: (530, b'5.7.0 Authentication required', 'noreply@example.com')", type: "configuration_error" }],
    ]);
  });

  await withReceiver({ login: { user: "sender@example.com", password: "secret" } }, { EMAIL_HOST_USER: "sender@example.com", EMAIL_HOST_PASSWORD: "secret" }, async (receiver) => {
    const answer = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
    assert.equal(answer.body.results[0][0].sent, true, JSON.stringify(answer.body));
    assert.equal(receiver.mails.length, 1);
  });

  await withReceiver({}, { EMAIL_CONNECTION_SECURITY: "STARTTLS" }, async () => {
    const answer = await run(suite.admin, "user.send_invitation_email", {});
    assert.equal(answer.body.results[0][0].type, "configuration_error");
    assert.match(answer.body.results[0][0].message, /^SSLCertVerificationError: \[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: self-signed certificate/);
  });

  for (const [options, security] of [[{}, "STARTTLS"], [{ secure: true }, "SSL/TLS"]] as const) {
    await withReceiver(options, { EMAIL_CONNECTION_SECURITY: security, EMAIL_ACCEPT_SELF_SIGNED_CERTIFICATE: "true" }, async (receiver) => {
      const answer = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
      assert.equal(answer.body.results[0][0].sent, true, `${security}: ${JSON.stringify(answer.body)}`);
      assert.equal(receiver.mails.length, 1);
    });
  }
});

test("send_invitation_email: an archived meeting is an item error", async () => {
  await write("meeting/1", { is_active_in_organization_id: null });
  try {
    const answer = await run(suite.admin, "user.send_invitation_email", { id: 2, meeting_id: 1 });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.results[0][0], {
      sent: false,
      recipient_user_id: 2,
      recipient_meeting_id: 1,
      message: "Exception: Meeting OpenSlides Demo/1 cannot be changed, because it is archived. Mail 1 from 1",
    });
  } finally {
    await write("meeting/1", { is_active_in_organization_id: 1 });
  }
});

// --- user.forget_password / user.forget_password_confirm ---

function resetLink(text: string): { userId: number; token: string } {
  const match = /\/login\/forget-password-confirm\?user_id=(\d+)&token=(\S+)/.exec(text);
  assert.ok(match, text);
  return { userId: Number(match[1]), token: match[2]! };
}

test("forget_password: mails every user with the address (any case), anonymous allowed", async () => {
  await write("user/3", { email: "Recipient2@EXAMPLE.com", last_email_sent: null });
  const start = Math.floor(Date.now() / 1000);
  const answer = await anonymousClient(suite.server.url).request("user.forget_password", [{ email: "recipient2@example.com" }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [null]);
  assert.equal(smtp.mails.length, 2);
  const byUser = new Map(smtp.mails.map((mail) => [resetLink(mail.parsed.text ?? "").userId, mail]));
  for (const [id, username, address] of [[2, "a", "recipient2@example.com"], [3, "b", "Recipient2@EXAMPLE.com"]] as const) {
    const mail = byUser.get(id)!;
    assert.equal(mail.from, "noreply@example.com");
    // the address as stored, domain case included (upstream hands it to smtplib unchanged)
    assert.deepEqual(mail.to, [address]);
    assert.match(mail.raw, new RegExp(`^To: ${address.replace(/\./g, "\\.")}\r$`, "m"));
    assert.equal(mail.parsed.subject, `Reset your OpenSlides password: ${username}`);
    const text = mail.parsed.text ?? "";
    assert.ok(text.startsWith("You are receiving this email because you have requested a new password for your OpenSlides account."));
    assert.ok(text.includes(`https://example.com/login/forget-password-confirm?user_id=${id}&token=bearer%20`), text);
    assert.ok(text.trim().endsWith("The link will be valid for 10 minutes."));
    assert.ok(((await get(`user/${id}`, ["last_email_sent"])).last_email_sent as number) >= start);
  }
  assert.equal((await get("user/1", ["last_email_sent"])).last_email_sent, undefined);
  await write("user/3", { email: null });
});

test("forget_password: subject and text in the language of Accept-Language", async () => {
  const answer = await suite.admin.post("/system/action/handle_request", [{ action: "user.forget_password", data: [{ email: "recipient2@example.com" }] }], { "accept-language": "de-DE,de;q=0.9,en;q=0.8" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(smtp.mails.length, 1);
  assert.equal(smtp.mails[0]!.parsed.subject, "Zurücksetzen Ihres OpenSlides-Passworts: a");
  // Only the non-ASCII word is an encoded word; the link line is long, so the text is quoted-printable.
  const raw = smtp.mails[0]!.raw;
  assert.match(raw, /^Subject: =\?utf-8\?q\?Zur=C3=BCcksetzen\?= Ihres OpenSlides-Passworts: a\r$/m);
  assert.match(raw, /^Content-Transfer-Encoding: quoted-printable\r$/m);
  assert.ok(raw.includes("\r\nDer Link wird 10 Minuten lang g=C3=BCltig sein.\r\n"), raw);
  const text = smtp.mails[0]!.parsed.text ?? "";
  assert.ok(!text.startsWith("You are receiving"), text);
  assert.ok(text.includes("/login/forget-password-confirm?user_id=2&token="), text);
});

test("forget_password: without a known language in Accept-Language, the organization's default language", async () => {
  await write("organization/1", { default_language: "de" });
  try {
    for (const header of ["mars", undefined]) {
      smtp.mails.length = 0;
      const answer = await suite.admin.post("/system/action/handle_request", [{ action: "user.forget_password", data: [{ email: "recipient2@example.com" }] }], header ? { "accept-language": header } : {});
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(smtp.mails[0]?.parsed.subject, "Zurücksetzen Ihres OpenSlides-Passworts: a", String(header));
    }
    smtp.mails.length = 0;
    const english = await suite.admin.post("/system/action/handle_request", [{ action: "user.forget_password", data: [{ email: "recipient2@example.com" }] }], { "accept-language": "en-US" });
    assert.equal(english.status, 200, JSON.stringify(english.body));
    assert.equal(smtp.mails[0]?.parsed.subject, "Reset your OpenSlides password: a");
  } finally {
    await write("organization/1", { default_language: "en" });
  }
});

test("forget_password: the token is the auth service's authorization token", async () => {
  await run(suite.admin, "user.forget_password", { email: "recipient2@example.com" });
  const { token } = resetLink(smtp.mails[0]!.parsed.text ?? "");
  const verified = await fetch(`${suite.server.url}/internal/auth/verify-authorization-token`, {
    method: "POST",
    headers: { authorization: decodeURIComponent(token) },
  });
  assert.equal(verified.status, 200);
  const body = (await verified.json()) as any;
  assert.equal(body.userId, 2);
  assert.equal(body.email, "recipient2@example.com");
});

test("forget_password: unknown address is a silent success; bad input and SSO users are refused", async () => {
  const unknown = await run(suite.admin, "user.forget_password", { email: "nobody@example.com" });
  assert.equal(unknown.status, 200);
  assert.equal(smtp.mails.length, 0);
  const invalid = await run(suite.admin, "user.forget_password", { email: "grüllegrütz" });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.body.message, "'grüllegrütz' is not a valid email adress.");
  const missing = await run(suite.admin, "user.forget_password", {});
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Action user.forget_password: data must contain ['email'] properties");
  const extra = await run(suite.admin, "user.forget_password", { email: "recipient2@example.com", id: 2 });
  assert.equal(extra.status, 400);
  assert.equal(extra.body.message, "Action user.forget_password: data must not contain {'id'} properties");
  await write("user/3", { email: "sso@example.com", saml_id: "111", last_email_sent: null });
  const sso = await run(suite.admin, "user.forget_password", { email: "sso@example.com" });
  assert.equal(sso.status, 400);
  assert.equal(sso.body.message, "user 111 is a Single Sign On user and has no local OpenSlides password.");
  assert.equal((await get("user/3", ["last_email_sent"])).last_email_sent, undefined);
  await write("user/3", { email: null, saml_id: null });
  assert.equal(smtp.mails.length, 0);
  assert.equal((await get("user/2", ["last_email_sent"])).last_email_sent, undefined);
});

test("forget_password: mail server problems", async () => {
  useMailSettings(smtp.port, { DEFAULT_FROM_EMAIL: "wrong_sender@email" });
  const badFrom = await run(suite.admin, "user.forget_password", { email: "recipient2@example.com" });
  assert.equal(badFrom.status, 400);
  assert.equal(badFrom.body.message, "The server was configured improperly. Please contact your administrator.");
  useMailSettings(await closedPort());
  const refused = await run(suite.admin, "user.forget_password", { email: "recipient2@example.com" });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.message, "The server was configured improperly. Please contact your administrator.");
  await withReceiver({ login: { user: "sender@example.com", password: "secret" } }, { EMAIL_HOST_USER: "sender@example.com", EMAIL_HOST_PASSWORD: "not secret" }, async () => {
    const answer = await run(suite.admin, "user.forget_password", { email: "recipient2@example.com" });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "The server was configured improperly. Please contact your administrator.");
  });
  // A refused single mail is skipped (logged upstream): success, no last_email_sent.
  await write("user/2", { email: "x_create_error551@example.com" });
  const skipped = await run(suite.admin, "user.forget_password", { email: "x_create_error551@example.com" });
  assert.equal(skipped.status, 200, JSON.stringify(skipped.body));
  assert.equal((await get("user/2", ["last_email_sent"])).last_email_sent, undefined);
});

test("forget_password_confirm: the mailed token sets the password once and ends the sessions", async () => {
  const client = anonymousClient(suite.server.url);
  await client.request("user.forget_password", [{ email: "recipient2@example.com" }]);
  const { userId, token } = resetLink(smtp.mails[0]!.parsed.text ?? "");
  assert.equal(userId, 2);

  const wrongUser = await client.request("user.forget_password_confirm", [{ user_id: 3, authorization_token: token, new_password: "x" }]);
  assert.equal(wrongUser.status, 400);
  assert.equal(wrongUser.body.message, "Failed to verify token.");

  await client.request("user.forget_password", [{ email: "recipient2@example.com" }]);
  const fresh = resetLink(smtp.mails[1]!.parsed.text ?? "").token;
  const answer = await client.request("user.forget_password_confirm", [{ user_id: 2, authorization_token: fresh, new_password: "new secret" }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.ok(await verifyPassword("new secret", (await get("user/2", ["password"])).password as string));
  // The delegate's session (user 2) has ended.
  const afterReset = await suite.delegate.request("user.update_self", [{ pronoun: "x" }]);
  assert.equal(afterReset.status, 400, JSON.stringify(afterReset.body));
  assert.equal(afterReset.body.message, "The session is invalid");

  const again = await client.request("user.forget_password_confirm", [{ user_id: 2, authorization_token: fresh, new_password: "third" }]);
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "Token is already used");
  assert.ok(await verifyPassword("new secret", (await get("user/2", ["password"])).password as string));
});

test("forget_password_confirm: forged tokens, SSO users and bad payloads", async () => {
  const client = anonymousClient(suite.server.url);
  const before = (await get("user/3", ["password"])).password;
  const forged = await client.request("user.forget_password_confirm", [{ user_id: 3, authorization_token: "bearer%20abc.def.ghi", new_password: "x" }]);
  assert.equal(forged.status, 400);
  assert.equal(forged.body.message, "Failed to verify token.");
  await write("user/3", { saml_id: "222" });
  const sso = await client.request("user.forget_password_confirm", [{ user_id: 3, authorization_token: "x", new_password: "x" }]);
  assert.equal(sso.status, 400);
  assert.equal(sso.body.message, "user 222 is a Single Sign On user and has no local OpenSlides password.");
  await write("user/3", { saml_id: null });
  const missing = await client.request("user.forget_password_confirm", [{ user_id: 3, new_password: "x" }]);
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Action user.forget_password_confirm: data must contain ['authorization_token'] properties");
  const badId = await client.request("user.forget_password_confirm", [{ user_id: 0, authorization_token: "x", new_password: "x" }]);
  assert.equal(badId.status, 400);
  assert.equal(badId.body.message, "Action user.forget_password_confirm: data.user_id must be bigger than or equal to 1");
  assert.equal((await get("user/3", ["password"])).password, before);
});
