// Many voters for one meeting of a started server: participants of meeting 1 created through
// user.create in batches (SSO users, so no password is hashed), present and in one group, and
// HTTP clients for them with tickets signed by the development keys (no login per user).
import { randomBytes } from "node:crypto";
import { createAccessToken, createRefreshCookieValue } from "../../../src/auth/tokens.js";
import { DEVELOPMENT_SECRETS } from "../../../src/config.js";
import { Client } from "../../support/http.js";

const BATCH = 100;
const DEV_KEYS = { tokenKey: DEVELOPMENT_SECRETS.authTokenKey, cookieKey: DEVELOPMENT_SECRETS.authCookieKey };

export interface Voter {
  userId: number;
  meetingUserId: number;
  client: Client;
}

export async function act(client: Client, action: string, data: unknown[]): Promise<Array<Record<string, unknown>>> {
  const answer = await client.post("/system/action/handle_request", [{ action, data }]);
  if (answer.status !== 200) throw new Error(`${action} failed: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.body.results[0];
}

/** A client of the user, as if logged in (the server must run with the development keys). */
export async function clientOf(url: string, userId: number): Promise<Client> {
  const claims = { sessionId: randomBytes(16).toString("hex"), userId };
  const client = new Client(url);
  client.token = await createAccessToken(DEV_KEYS, claims);
  client.cookie = `refreshId=${encodeURIComponent(await createRefreshCookieValue(DEV_KEYS, claims))}`;
  return client;
}

/** `count` present participants of meeting 1 in `groupId`; `extra(i)` adds fields to the i-th user. */
export async function createVoters(admin: Client, url: string, count: number, groupId: number, prefix: string, extra: (index: number) => Record<string, unknown> = () => ({})): Promise<Voter[]> {
  const voters: Voter[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => start + i);
    const results = await act(admin, "user.create", indexes.map((i) => ({
      saml_id: `${prefix}${i}`, first_name: "Voter", last_name: `${prefix}${i}`, meeting_id: 1, group_ids: [groupId], is_present_in_meeting_ids: [1], ...extra(i),
    })));
    for (const result of results) {
      voters.push({ userId: Number(result.id), meetingUserId: Number(result.meeting_user_id), client: await clientOf(url, Number(result.id)) });
    }
  }
  return voters;
}

/** Runs `work` for every item, at most `concurrency` at a time. */
export async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
