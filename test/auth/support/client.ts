// What a browser does with the auth service: keeps the access token and the refreshId cookie.
import { SignJWT } from "jose";
import { DEV_KEYS } from "./auth-server.js";

export interface Credentials {
  token: string;
  /** The Cookie request header, e.g. "refreshId=bearer%20eyJ...". */
  cookie: string;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export async function call(
  url: string,
  path: string,
  options: { method?: string; json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  }
  const response = await fetch(url + path, { method: options.method ?? "POST", headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** The refreshId cookie set by an answer, as a Cookie request header. */
export function refreshCookieOf(answer: Answer): string {
  const setCookie = answer.headers.getSetCookie().find((value) => value.startsWith("refreshId="));
  if (!setCookie) throw new Error("no refreshId cookie set");
  return setCookie.split(";")[0]!;
}

export async function login(url: string, username: string, password: string): Promise<Credentials> {
  const answer = await call(url, "/system/auth/login/", { json: { username, password } });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { token: answer.headers.get("authentication")!, cookie: refreshCookieOf(answer) };
}

export function withCredentials(credentials: Credentials): Record<string, string> {
  return { authentication: credentials.token, cookie: credentials.cookie };
}

/** The unverified payload of "bearer <jwt>", as the client decodes it. */
export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64").toString("utf8"));
}

/** A JWT signed with the given key whose lifetime ended `agoSeconds` ago. */
export async function expiredJwt(claims: Record<string, unknown>, key: string, agoSeconds = 60): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now - 600 - agoSeconds)
    .setExpirationTime(now - agoSeconds)
    .sign(new TextEncoder().encode(key));
}

export async function signedJwt(claims: Record<string, unknown>, key: string, lifetimeSeconds = 600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(new TextEncoder().encode(key));
}

export const keys = DEV_KEYS;
