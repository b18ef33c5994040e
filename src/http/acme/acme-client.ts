// A small ACME (RFC 8555) client: account, order, HTTP-01 challenge, finalize, certificate.
// Requests are JWS-signed with an ES256 account key (jose); the certificate request (CSR) is
// made by openssl, which the development certificate already needs.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { request } from "node:https";
import { calculateJwkThumbprint, exportJWK, FlattenedSign, type JWK } from "jose";

export interface AcmeDirectory {
  newNonce: string;
  newAccount: string;
  newOrder: string;
}

interface AcmeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class AcmeError extends Error {}

/** ACME servers require one (RFC 8555, 6.1). */
const USER_AGENT = "openslides-ts-acme";
const POLL_MS = 1000;
const POLL_ATTEMPTS = 60;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(url: string, method: "GET" | "HEAD" | "POST", body?: string): Promise<AcmeResponse> {
  return new Promise((resolve, reject) => {
    const headers = { "user-agent": USER_AGENT, ...(body ? { "content-type": "application/jose+json" } : {}) };
    const req = request(url, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${url} in 30 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

const header = (response: AcmeResponse, name: string) => {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export interface AccountKey {
  privateKey: KeyObject;
  jwk: JWK;
  thumbprint: string;
}

export async function accountKeyFrom(privateKey: KeyObject): Promise<AccountKey> {
  const { d: _private, ...jwk } = await exportJWK(privateKey);
  return { privateKey, jwk, thumbprint: await calculateJwkThumbprint(jwk, "sha256") };
}

export function newKeyPem(): string {
  return generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
}

/** A DER certificate request for one domain, base64url as ACME wants it. */
export function certificateRequest(domain: string, keyFile: string): string {
  const der = execFileSync("openssl", ["req", "-new", "-key", keyFile, "-subj", `/CN=${domain}`, "-addext", `subjectAltName=DNS:${domain}`, "-outform", "DER"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return der.toString("base64url");
}

export class AcmeSession {
  private nonce?: string;
  private kid?: string;

  private constructor(
    private readonly directory: AcmeDirectory,
    private readonly key: AccountKey,
  ) {}

  static async open(directoryUrl: string, key: AccountKey): Promise<AcmeSession> {
    const answer = await send(directoryUrl, "GET");
    if (answer.status !== 200) throw new AcmeError(`ACME directory ${directoryUrl} answered ${answer.status}`);
    return new AcmeSession(JSON.parse(answer.body) as AcmeDirectory, key);
  }

  private async freshNonce(): Promise<string> {
    const answer = await send(this.directory.newNonce, "HEAD");
    const nonce = header(answer, "replay-nonce");
    if (!nonce) throw new AcmeError("the ACME server gave no nonce");
    return nonce;
  }

  /** A signed POST (payload `undefined` = POST-as-GET); a rejected nonce is retried once with a new one. */
  async post(url: string, payload: unknown, retry = true): Promise<AcmeResponse & { json: any }> {
    const nonce = this.nonce ?? (await this.freshNonce());
    this.nonce = undefined;
    const protectedHeader = { alg: "ES256", nonce, url, ...(this.kid ? { kid: this.kid } : { jwk: this.key.jwk }) };
    const body = payload === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(payload));
    const jws = await new FlattenedSign(body).setProtectedHeader(protectedHeader).sign(this.key.privateKey);
    const answer = await send(url, "POST", JSON.stringify(jws));
    this.nonce = header(answer, "replay-nonce");
    const json = answer.body && String(header(answer, "content-type")).includes("json") ? JSON.parse(answer.body) : undefined;
    if (answer.status >= 400) {
      if (retry && json?.type === "urn:ietf:params:acme:error:badNonce") return this.post(url, payload, false);
      throw new AcmeError(`ACME ${url} answered ${answer.status}: ${json?.detail ?? answer.body}`);
    }
    return { ...answer, json };
  }

  async account(email?: string): Promise<void> {
    const answer = await this.post(this.directory.newAccount, { termsOfServiceAgreed: true, ...(email ? { contact: [`mailto:${email}`] } : {}) });
    this.kid = header(answer, "location");
    if (!this.kid) throw new AcmeError("the ACME server gave no account URL");
  }

  private async pollUntil(url: string, done: (status: string) => boolean): Promise<any> {
    for (let attempt = 0; attempt < POLL_ATTEMPTS; attempt++) {
      const { json } = await this.post(url, undefined);
      if (json.status === "invalid") throw new AcmeError(`ACME ${url} became invalid: ${JSON.stringify(json.error ?? json.challenges?.find((c: any) => c.error)?.error ?? json)}`);
      if (done(json.status)) return json;
      await sleep(POLL_MS);
    }
    throw new AcmeError(`ACME ${url} did not finish in time`);
  }

  /**
   * Orders a certificate for `domain`; `publish(token, keyAuthorization)` must make the answer
   * reachable at http://<domain>/.well-known/acme-challenge/<token> before it resolves.
   */
  async certificate(domain: string, keyFile: string, publish: (token: string, keyAuthorization: string) => void): Promise<string> {
    const order = await this.post(this.directory.newOrder, { identifiers: [{ type: "dns", value: domain }] });
    const orderUrl = header(order, "location")!;
    for (const authorizationUrl of order.json.authorizations as string[]) {
      const { json: authorization } = await this.post(authorizationUrl, undefined);
      if (authorization.status === "valid") continue;
      const challenge = (authorization.challenges as { type: string; url: string; token: string }[]).find((c) => c.type === "http-01");
      if (!challenge) throw new AcmeError(`the ACME server offers no http-01 challenge for ${domain}`);
      publish(challenge.token, `${challenge.token}.${this.key.thumbprint}`);
      await this.post(challenge.url, {});
      await this.pollUntil(authorizationUrl, (status) => status === "valid");
    }
    await this.post(order.json.finalize, { csr: certificateRequest(domain, keyFile) });
    const finished = await this.pollUntil(orderUrl, (status) => status === "valid");
    const certificate = await this.post(finished.certificate, undefined);
    return certificate.body;
  }
}
