// The search component's routes (spec search 5.1): `/system/search` (any method; q, c and m from
// the query string or a form body; anonymous allowed) and `/system/search/health`. Errors are
// upstream's `{"error": {"type": …, "msg": …}}` lines.
import type { AppContext } from "../app.js";
import type { AutoupdateService } from "../autoupdate/service.js";
import { RequestAuthenticationError } from "../auth/authenticate-request.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import type { SearchService } from "./service.js";
import { SMALL_BODY_BYTES } from "../http/body-limits.js";

const INTERNAL_ERROR = `{"error": {"type": "InternalError", "msg": "Something went wrong on the server. The admin is already informed."}}\n`;

class SearchError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

function errorBody(type: string, message: string): string {
  return `{"error": {"type": "${type}", "msg": "${message.replaceAll('"', '\\"')}"}}`;
}

/** Form values as Go's Request.FormValue reads them: a url-encoded body first, then the query. */
async function formValues(req: HttpRequest): Promise<(name: string) => string> {
  let body: URLSearchParams | undefined;
  const contentType = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if ((req.method === "POST" || req.method === "PUT" || req.method === "PATCH") && contentType === "application/x-www-form-urlencoded") {
    body = new URLSearchParams((await req.body(SMALL_BODY_BYTES)).toString("utf8"));
  }
  return (name) => body?.get(name) ?? req.query.get(name) ?? "";
}

/** Go's strconv.Atoi with the error ignored: an optional sign and decimal digits, else 0. */
function atoi(value: string): number {
  if (!/^[+-]?\d+$/.test(value)) return 0;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : 0;
}

/**
 * The search service, created by the first search: its modules and its index (built from the
 * autoupdate state, then kept up to date by its changes) cost nothing until someone searches.
 */
function lazySearchService(app: AppContext, autoupdate: AutoupdateService): () => Promise<SearchService> {
  let created: Promise<SearchService> | undefined;
  return () => {
    created ??= import("./service.js").then(({ SearchService }) => {
      const service = new SearchService(async () => {
        await autoupdate.ready;
        return autoupdate.state;
      });
      app.shutdownHooks.push(() => service.close());
      return service;
    });
    created.catch(() => (created = undefined));
    return created;
  };
}

export function searchRoutes(app: AppContext, autoupdate: AutoupdateService): Route[] {
  const searchService = lazySearchService(app, autoupdate);
  const search: Route["handler"] = async (req, res) => {
    try {
      const identity = await authenticate(app, req, res);
      const form = await formValues(req);
      const question = form("q");
      if (question === "") throw new SearchError(400, "invalid_request", "Invalid request: 'q' parameter missing");
      const collections = form("c").split(",").filter((name) => name !== "");
      const result = await (await searchService()).search(identity.userId, question, collections, atoi(form("m")));
      res.send(JSON.stringify(result), "application/json", 200);
    } catch (error) {
      if (res.sent) return;
      if (error instanceof SearchError) {
        res.send(errorBody(error.type, error.message), "application/octet-stream", error.status);
        return;
      }
      app.log.error("search", error);
      res.send(INTERNAL_ERROR, "application/octet-stream", 500);
    }
  };
  const health: Route["handler"] = (_req, res) => res.send(`{"healthy": true, "service":"search"}`, "application/json", 200);
  return [
    { method: "*", path: "/system/search", component: "search", handler: search },
    { method: "*", path: "/system/search/health", component: "search", handler: health },
  ];
}

async function authenticate(app: AppContext, req: HttpRequest, res: HttpResponse): Promise<{ userId: number }> {
  try {
    return await app.auth.authenticator("go").authenticate(req, res);
  } catch (error) {
    if (error instanceof RequestAuthenticationError) throw new SearchError(403, "auth", error.message);
    throw error;
  }
}
