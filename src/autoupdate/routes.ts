// The autoupdate component's routes (spec autoupdate-and-streaming.md 2): the stream, single
// reads and long polling on /system/autoupdate, health and connection counts. The internal route
// without authentication is served only on the component's own port (9012), never on the main
// port, since any caller could read as any user through it.
import type { AppContext } from "../app.js";
import { RequestAuthenticationError } from "../auth/authenticate-request.js";
import { openJsonLineStream, jsonLine } from "../http/stream.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { AutoupdateError, INTERNAL_ERROR_MESSAGE } from "./errors.js";
import { decodePollState, encodePollState, fingerprint, sendPollAnswer } from "./long-polling.js";
import { readAutoupdateRequest, type AutoupdateRequest } from "./request.js";
import { AutoupdateService } from "./service.js";
import { Subscription, UserDeletedError, type Delta } from "./subscription.js";
import { connectionCountAnswer } from "./connection-count.js";

const HEARTBEAT_MS = 5 * 60 * 1000;
const NO_STORE = "no-store, max-age=0";

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

async function serve(app: AppContext, service: AutoupdateService, req: HttpRequest, res: HttpResponse, userId: number, request: AutoupdateRequest, countAs?: number) {
  await service.ready;
  if (request.longPolling) return longPoll(service, req, res, userId, request, countAs);
  const subscription = new Subscription(service.state, userId, request.requests);
  const first = subscription.next();
  if (request.single) {
    res.header("Cache-Control", NO_STORE);
    res.send(jsonLine(first), "application/octet-stream", 200);
    return;
  }
  const uncount = countAs === undefined ? () => undefined : service.countConnection("stream", countAs);
  const stream = openJsonLineStream(req, res, {
    headers: { "Cache-Control": NO_STORE },
    keepAliveMs: HEARTBEAT_MS,
    keepAlivePayload: "{}\n",
    merge: (pending, next) => ({ ...(pending as Delta), ...(next as Delta) }),
  });
  stream.send(first);
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
    uncount();
  });
  return stream;
}

async function longPoll(service: AutoupdateService, req: HttpRequest, res: HttpResponse, userId: number, request: AutoupdateRequest, countAs?: number) {
  const subscription = new Subscription(service.state, userId, request.requests, fingerprint);
  subscription.restoreSent(decodePollState(request.pollState));
  const answer = (delta: Delta) => sendPollAnswer(res, jsonLine(delta).trimEnd(), encodePollState(subscription.sentValues()));
  const first = subscription.next();
  if (Object.keys(first).length > 0 || request.pollState === undefined) return answer(first);
  const uncount = countAs === undefined ? () => undefined : service.countConnection("longpolling", countAs);
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
    req.signal.addEventListener("abort", () => (stop(), resolve()), { once: true });
  }).finally(uncount);
}

function handler(app: AppContext, service: AutoupdateService, identify: (req: HttpRequest, res: HttpResponse) => Promise<{ userId: number; count: boolean }>) {
  return async (req: HttpRequest, res: HttpResponse) => {
    try {
      if (req.method !== "GET" && req.method !== "POST") {
        throw new AutoupdateError(400, "invalid_request", "Invalid request: only GET or POST requests are supported");
      }
      const identity = await identify(req, res);
      const request = await readAutoupdateRequest(req);
      const stream = await serve(app, service, req, res, identity.userId, request, identity.count ? identity.userId : undefined);
      if (stream && identity.count && identity.userId > 0) {
        app.auth.authenticator("go").sessionSignal({ userId: identity.userId }, req.signal).addEventListener("abort", () => stream.close(), { once: true });
      }
    } catch (error) {
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
    const identity = await app.auth.authenticator("go").authenticate(req, res);
    return { userId: identity.userId, count: true };
  });
  const internalHandler = handler(app, service, async (req) => {
    const value = req.query.get("user_id") ?? "";
    if (!/^-?\d+$/.test(value)) throw new AutoupdateError(500, "InternalError", `user_id has to be an int, not ${value}`);
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
          const answer = connectionCountAnswer(service, identity.userId);
          res.send(answer.body, "text/plain; charset=utf-8", answer.status);
        } catch (error) {
          if (!res.sent) sendError(res, errorOf(error, app));
        }
      },
    },
    { method: "*", path: "/internal/autoupdate", component: "autoupdate", handler: internalHandler, portOnly: true },
  ];
}
