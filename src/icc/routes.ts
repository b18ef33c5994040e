// The ICC component's routes (spec: icc section 1): notify listen/publish, applause listen/send,
// health. Any HTTP method, exact paths, errors as `{"error", "msg"}`.
import type { AppContext } from "../app.js";
import { RequestAuthenticationError, type RequestIdentity } from "../auth/authenticate-request.js";
import { SessionRevokedError } from "../auth/revocations.js";
import { openJsonLineStream } from "../http/stream.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { ApplauseService } from "./applause.js";
import { IccError, invalid, notAllowed } from "./errors.js";
import { NotifyHub, parsePublishBody } from "./notify.js";
import { hasMeetingPermission, maySeeMeeting } from "./permissions.js";
import { SMALL_BODY_BYTES } from "../http/body-limits.js";

const NO_STORE = { "Cache-Control": "no-store, max-age=0" };
const UNAUTHENTICATED = "Anonymous user can not receive icc messages.";

export interface IccServices {
  notify: NotifyHub;
  applause: ApplauseService;
  ready: Promise<void>;
  close(): void;
}

export function createIccServices(app: AppContext): IccServices {
  const notify = new NotifyHub(app.buses.messageBus, (error) => app.log.error("icc notify", error));
  const applause = new ApplauseService({
    bus: app.buses.messageBus,
    presentUsers: async (meetingId) => ((await app.db.get(`meeting/${meetingId}`, ["present_user_ids"]))?.present_user_ids as number[] | undefined)?.length ?? 0,
    onError: (error) => app.log.error("icc applause", error),
  });
  applause.start();
  return {
    notify,
    applause,
    ready: notify.start(),
    close: () => {
      notify.close();
      applause.close();
    },
  };
}

/**
 * The ICC seed's curl examples (development mode, ICC port 9007, no credentials) act as the
 * example superadmin, like upstream's development setup with AUTH_FAKE.
 */
function isSeedRequest(app: AppContext, req: HttpRequest): boolean {
  if (!app.config.development || req.portComponent !== "icc") return false;
  return !req.headers.authentication && !req.headers.authorization && !req.headers.cookie?.includes("refreshId");
}

async function identify(app: AppContext, req: HttpRequest, res: HttpResponse) {
  if (isSeedRequest(app, req)) return { userId: 1 };
  try {
    return await app.auth.authenticator("go").authenticate(req, res);
  } catch (error) {
    if (error instanceof RequestAuthenticationError) throw notAllowed(UNAUTHENTICATED, 401);
    throw error;
  }
}

/** meeting_id from the query: absent → undefined; present but not an int → the given error. */
/**
 * The signal that ends a stream when its session is logged out. A session logged out after the
 * authentication (while the permissions were read) gets the answer of a logged-out session now,
 * upstream's 401, instead of a live stream.
 */
function liveSession(app: AppContext, identity: RequestIdentity, req: HttpRequest): AbortSignal {
  const signal = app.auth.authenticator("go").sessionSignal(identity, req.signal);
  if (signal.aborted && signal.reason instanceof SessionRevokedError) throw notAllowed(UNAUTHENTICATED, 401);
  return signal;
}

function endOnLogout(session: AbortSignal, stream: { close(): void }): void {
  if (session.aborted) stream.close();
  else session.addEventListener("abort", () => stream.close(), { once: true });
}

function meetingIdOf(req: HttpRequest, message: string): number | undefined {
  const value = req.query.get("meeting_id");
  if (value === null) return undefined;
  if (!/^[-+]?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw invalid(message);
  return Number(value);
}

function answer(handler: (req: HttpRequest, res: HttpResponse) => Promise<void>): Route["handler"] {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.sent) return;
      if (error instanceof IccError) {
        res.send(JSON.stringify(error.body), "application/json", error.status);
        return;
      }
      throw error;
    }
  };
}

export function iccRoutes(app: AppContext, services: IccServices): Route[] {
  const notifyListen = answer(async (req, res) => {
    const meetingId = meetingIdOf(req, "url query meeting_id has to be an int") ?? 0;
    const identity = await identify(app, req, res);
    if (identity.userId === 0) throw notAllowed("Anonymous user can not receive notify messages.", 401);
    await services.ready;
    const receivesMeetingBroadcasts = meetingId === 0 || (await maySeeMeeting(app.db, identity.userId, meetingId));
    const session = liveSession(app, identity, req);
    const channelId = services.notify.newChannelId(identity.userId);
    const stream = openJsonLineStream(req, res, { headers: NO_STORE, maxQueued: 1000 });
    stream.send({ channel_id: channelId });
    const stop = services.notify.listen({
      channelId,
      userId: identity.userId,
      meetingId,
      receivesMeetingBroadcasts,
      deliver: (delivery) => stream.send(delivery),
    });
    stream.onClose(stop);
    endOnLogout(session, stream);
  });

  const notifyPublish = answer(async (req, res) => {
    const identity = await identify(app, req, res);
    if (identity.userId === 0) throw notAllowed("Anonymous user can not publish notify messages.", 401);
    const message = parsePublishBody((await req.body(SMALL_BODY_BYTES)).toString("utf8"));
    await services.notify.publish(identity.userId, message);
    res.send("", "application/json", 200);
  });

  const applauseListen = answer(async (req, res) => {
    const meetingId = meetingIdOf(req, "Query meeting has to be an int.");
    if (meetingId === undefined) throw invalid("Query meeting has to be an int.");
    const identity = await identify(app, req, res);
    if (!(await hasMeetingPermission(app.db, identity.userId, meetingId, "meeting.can_see_livestream"))) {
      throw notAllowed(`You can not see the Livestream from meeting ${meetingId}.`);
    }
    const presentUsers = ((await app.db.get(`meeting/${meetingId}`, ["present_user_ids"]))?.present_user_ids as number[] | undefined)?.length ?? 0;
    const session = liveSession(app, identity, req);
    const stream = openJsonLineStream(req, res, { headers: { ...NO_STORE, "Content-Type": "application/json" }, merge: (_pending, next) => next });
    stream.send({ level: 0, present_users: presentUsers });
    stream.onClose(services.applause.listen({ meetingId, deliver: (level) => stream.send(level) }));
    endOnLogout(session, stream);
  });

  const applauseSend = answer(async (req, res) => {
    const identity = await identify(app, req, res);
    if (identity.userId === 0) throw notAllowed("Anonymous user can not send applause.", 401);
    const meetingId = meetingIdOf(req, "Query meeting has to be an int.");
    if (meetingId === undefined) throw invalid("Query meeting has to be an int.");
    const meeting = meetingId > 0 ? await app.db.get(`meeting/${meetingId}`, ["applause_enable"]) : undefined;
    if (!meeting?.applause_enable) throw notAllowed(`applause is not enabled in meeting ${meetingId}. Please be quiet.`);
    if (!(await hasMeetingPermission(app.db, identity.userId, meetingId, "meeting.can_see_livestream"))) {
      throw notAllowed(`You can not see the Livestream from meeting ${meetingId}. Please be quiet.`);
    }
    await services.applause.send(meetingId, identity.userId);
    res.send("", "application/json", 200);
  });

  const health: Route["handler"] = (_req, res) => res.send(`${JSON.stringify({ healthy: true, service: "icc" })}\n`, "application/json", 200);

  const route = (path: string, handler: Route["handler"]): Route => ({ method: "*", path, component: "icc", handler });
  return [
    route("/system/icc/health", health),
    route("/system/icc/notify", notifyListen),
    route("/system/icc/notify/publish", notifyPublish),
    route("/system/icc/applause", applauseListen),
    route("/system/icc/applause/send", applauseSend),
  ];
}
