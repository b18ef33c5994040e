// The autoupdate component's routes (spec autoupdate-and-streaming.md 2): the stream, single
// reads and long polling on /system/autoupdate, health and connection counts. The internal route
// without authentication is served only on the component's own port (9012), never on the main
// port, since any caller could read as any user through it.
import type { AppContext } from "../app.js";
import { RequestAuthenticationError, type RequestIdentity } from "../auth/authenticate-request.js";
import { openJsonLineStream, jsonLine, type JsonLineStream } from "../http/stream.js";
import { sendInPieces } from "../http/text-pieces.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { AutoupdateError, INTERNAL_ERROR_MESSAGE } from "./errors.js";
import { decodePollState, encodePollState, fingerprint, sendPollAnswer } from "./long-polling.js";
import { isLongPolling, readAutoupdateRequest, type AutoupdateRequest } from "./request.js";
import { AutoupdateService } from "./service.js";
import { Subscription, UserDeletedError, type Delta } from "./subscription.js";
import { connectionCountAnswer } from "./connection-count.js";
import { compressingResponse } from "./compression.js";
import { joinPieces } from "./shared-result.js";

const NO_STORE = "no-store, max-age=0";
/** How long a request waits for the state to catch up with the database (normally milliseconds). */
const CATCH_UP_WAIT_MS = 5_000;

function errorOf(error: unknown, app: AppContext): AutoupdateError {
  if (error instanceof AutoupdateError) return error;
  if (error instanceof RequestAuthenticationError) return new AutoupdateError(403, "auth", error.message);
  if (error instanceof UserDeletedError) return new AutoupdateError(403, "deleted", error.message);
  app.log.error("autoupdate", error);
  return new AutoupdateError(500, "InternalError", INTERNAL_ERROR_MESSAGE);
}

function sendError(res: HttpResponse, error: AutoupdateError): void {
  res.header("Cache-Control", NO_STORE);
  res.send(JSON.stringify(error.body), "application/json", error.status);
}

/**
 * Answers one request: a single line, a long poll or a stream. `done` is called once the request
 * is over (for a stream: when it closes), which ends its connection count.
 */
async function serve(app: AppContext, service: AutoupdateService, req: HttpRequest, res: HttpResponse, userId: number, request: AutoupdateRequest, done: () => void) {
  await service.ready;
  // Read-your-writes across processes: what was committed anywhere before this request is in the
  // state first. While the database is away the state answers as it is.
  await app.db.caughtUpWithin(CATCH_UP_WAIT_MS);
  const encode = request.compress ? await service.compressor() : undefined;
  const line = (delta: Delta) => (encode ? encode(JSON.stringify(delta)) : jsonLine(delta));
  // Subscriptions of the same user with the same request share their computed results.
  const { shared, release } = service.results.acquire(userId, request.requests);
  const finish = () => {
    release();
    done();
  };
  if (request.longPolling) return longPoll(service, req, res, request, new Subscription(shared, fingerprint), line).finally(finish);
  const subscription = new Subscription(shared);
  let first: string;
  try {
    const pieces = await subscription.firstPieces();
    if (!encode) first = `${joinPieces(pieces)}\n`;
    else first = await encode.pieces(pieces.head, pieces.tail);
  } catch (error) {
    finish();
    throw error;
  }
  if (request.single) {
    res.header("Cache-Control", NO_STORE);
    try {
      await sendInPieces(res, first, "application/octet-stream", 200);
    } finally {
      finish();
    }
    return;
  }
  // The stream writer writes whole lines; with compression each data line is encoded on its way out.
  if (encode) res.raw = compressingResponse(res.raw, encode);
  const stream = openJsonLineStream(req, res, {
    headers: { "Cache-Control": NO_STORE },
    keepAliveMs: service.settings.heartbeatMs,
    keepAlivePayload: "{}\n",
    merge: (pending, next) => ({ ...(pending as Delta), ...(next as Delta) }),
    headersWithFirstLine: true,
  });
  // A big first line goes out in pieces; changes meanwhile are taken by the hub's first round.
  await stream.sendFirstLine(first);
  const stop = service.hub.add({
    subscription,
    deliver: (delta) => stream.send(delta),
    fail: (error) => {
      const answer = errorOf(error, app);
      stream.sendError(answer.body.error);
    },
  });
  stream.onClose(() => {
    stop();
    finish();
  });
  return stream;
}

async function longPoll(service: AutoupdateService, req: HttpRequest, res: HttpResponse, request: AutoupdateRequest, subscription: Subscription, line: (delta: Delta) => string) {
  subscription.restoreSent(decodePollState(request.pollState));
  const answer = (delta: Delta) => sendPollAnswer(res, line(delta).trimEnd(), encodePollState(subscription.sentValues()));
  const first = await subscription.next();
  if (Object.keys(first).length > 0 || request.pollState === undefined) return answer(first);
  await new Promise<void>((resolve, reject) => {
    const stop = service.hub.add({
      subscription,
      deliver: (delta) => {
        stop();
        answer(delta);
        resolve();
      },
      fail: (error) => {
        stop();
        reject(error);
      },
    });
    req.onAbort(() => (stop(), resolve()));
  });
}

/**
 * A revoked session (logout, here or in another process) ends its streams the way upstream's do:
 * the connection closes without an error line. The client then asks who-am-i and, signed out,
 * shows the login page; an error line would make it offer "Try reconnect" instead.
 */
function endOnRevocation(app: AppContext, session: RequestIdentity, stream: JsonLineStream): void {
  const stopWatching = app.auth.authenticator("go").onSessionRevoked(session, () => stream.close());
  stream.onClose(stopWatching);
}

/**
 * A stream request whose token belongs to a session revoked a moment before is answered as if it
 * had come a moment earlier: a stream that ends at once, without a line. Upstream answers 403
 * ("invalid session", or "Can not find auth cookie" once the logout's answer removed the cookie),
 * and the client treats a 403 on a stream's first request as a broken service ("Error talking to
 * autoupdate service", no way back to the login page). Its shared worker opens its streams with
 * the token it got just before; a logout in another tab (or the suite's logout through the API)
 * can land in between. A stream that ends makes the client ask who-am-i and show the login page,
 * as for a logout while the stream runs. Single reads and long polls keep upstream's 403.
 */
function endedStream(res: HttpResponse): void {
  res.header("Cache-Control", NO_STORE);
  res.send("", "application/octet-stream", 200);
}

interface Identified {
  userId: number;
  /** The request's session was revoked and the request is a stream: it ends at once. */
  endedStream?: boolean;
  /** Whether the request counts as a connection of the user. */
  count: boolean;
  /** The session whose revocation ends the request's stream (authenticated public requests). */
  session?: RequestIdentity;
}

function handler(app: AppContext, service: AutoupdateService, identify: (req: HttpRequest, res: HttpResponse) => Promise<Identified>) {
  return async (req: HttpRequest, res: HttpResponse) => {
    let done = () => {};
    try {
      if (req.method !== "GET" && req.method !== "POST") {
        throw new AutoupdateError(400, "invalid_request", "Invalid request: only GET or POST requests are supported");
      }
      const identity = await identify(req, res);
      if (identity.endedStream) return endedStream(res);
      // Every authenticated request counts while it runs, single reads too (as upstream).
      if (identity.count) done = service.counter.count(isLongPolling(req) ? "longpolling" : "stream", identity.userId);
      const request = await readAutoupdateRequest(req);
      const stream = await serve(app, service, req, res, identity.userId, request, done);
      if (stream && identity.session) endOnRevocation(app, identity.session, stream);
    } catch (error) {
      done();
      if (res.sent) return;
      sendError(res, errorOf(error, app));
    }
  };
}

export function createAutoupdateService(app: AppContext): AutoupdateService {
  const service = new AutoupdateService(app);
  app.shutdownHooks.push(() => service.close());
  return service;
}

export function autoupdateRoutes(app: AppContext, service: AutoupdateService): Route[] {
  const publicHandler = handler(app, service, async (req, res) => {
    const authenticator = app.auth.authenticator("go");
    let identity: RequestIdentity;
    try {
      identity = await authenticator.authenticate(req, res);
    } catch (error) {
      const stream = !req.query.has("single") && !isLongPolling(req);
      if (error instanceof RequestAuthenticationError && stream && (await authenticator.carriesRevokedSession(req))) return { userId: 0, count: false, endedStream: true };
      throw error;
    }
    return { userId: identity.userId, count: true, session: identity.userId > 0 ? identity : undefined };
  });
  const internalHandler = handler(app, service, async (req) => {
    const value = req.query.get("user_id") ?? "";
    // upstream answers 500 here; bad input is a 400 in this project
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new AutoupdateError(400, "invalid_request", `user_id has to be an int, not ${value}`);
    return { userId: Number(value), count: false };
  });
  return [
    { method: "*", path: "/system/autoupdate", component: "autoupdate", handler: publicHandler },
    {
      method: "*",
      path: "/system/autoupdate/health",
      component: "autoupdate",
      handler: (_req, res) => res.send(`${JSON.stringify({ healthy: true, service: "autoupdate" })}\n`, "application/json", 200),
    },
    {
      method: "*",
      path: "/system/autoupdate/connection_count",
      component: "autoupdate",
      handler: async (req, res) => {
        try {
          const identity = await app.auth.authenticator("go").authenticate(req, res);
          await service.ready;
          const answer = await connectionCountAnswer(service, identity.userId);
          res.send(answer.body, "text/plain; charset=utf-8", answer.status);
        } catch (error) {
          if (!res.sent) sendError(res, errorOf(error, app));
        }
      },
    },
    { method: "*", path: "/internal/autoupdate", component: "autoupdate", handler: internalHandler, portOnly: true },
  ];
}
