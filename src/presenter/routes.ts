// The routes of the presenter component (spec presenter A1-A3) and, for the backend seed's curl
// examples, its un-prefixed aliases on the presenter's own port (GET /health, any method on /).
import { assertMigrationIndex } from "../action/migration-check.js";
import { assertJsonContentType, isFalsyJson, readJsonBody } from "../action/request-body.js";
import { bodyLimitFor } from "../auth/signed-credentials.js";
import { authenticateRequest } from "../action/authenticate.js";
import { BadRequestError } from "../action/errors.js";
import { NotFoundError, sendActionError, WERKZEUG_TEXTS } from "../action/http-errors.js";
import type { AuthContext } from "../auth/context.js";
import type { Database } from "../db/types.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { PresenterError } from "./errors.js";
import type { Presenter } from "./types.js";

export interface PresenterApp {
  db: Database;
  auth: AuthContext;
  log?: { error(message: string, error?: unknown): void };
}

interface Blob {
  presenter: string;
  data?: Record<string, unknown>;
}

type Validate = (value: unknown) => string | undefined;
type CompileValidator = typeof import("../action/framework/validation.js").compileValidator;
type FindPresenter = typeof import("./registry.js").findPresenter;

// The presenters (with the models checker, the meeting export and the HTML sanitizer they use)
// are loaded by the first presenter request, not at start.
let registry: Promise<FindPresenter> | undefined;
function loadFindPresenter(): Promise<FindPresenter> {
  registry ??= import("./registry.js").then((module) => module.findPresenter);
  return registry;
}

// The schema validator (ajv and the action fields' formats, with the HTML sanitizer) is loaded by
// the first presenter request, not at start.
let validation: Promise<CompileValidator> | undefined;
function loadCompileValidator(): Promise<CompileValidator> {
  validation ??= import("../action/framework/validation.js").then((module) => module.compileValidator);
  return validation;
}

const PAYLOAD_SCHEMA = {
  type: "array",
  minItems: 1,
  uniqueItems: true,
  items: {
    type: "object",
    properties: { presenter: { type: "string", minLength: 1 }, data: { type: "object" } },
    required: ["presenter"],
    additionalProperties: false,
  },
} as const;

let payloadValidator: Validate | undefined;
const validators = new Map<string, Validate>();
function dataValidator(compile: CompileValidator, presenter: Presenter): Validate {
  let validator = validators.get(presenter.name);
  if (!validator) validators.set(presenter.name, (validator = compile(presenter.schema)));
  return validator;
}

export function presenterRoutes(app: PresenterApp): Route[] {
  const handle = (req: HttpRequest, res: HttpResponse) => handlePresenterRequest(app, req, res);
  const health = (_req: HttpRequest, res: HttpResponse) => res.json({ status: "running" });
  return [
    { method: "POST", path: "/system/presenter/handle_request", component: "presenter", handler: handle },
    { method: "POST", path: "/system/presenter/handle_request/", component: "presenter", handler: handle },
    { method: "GET", path: "/system/presenter/health", component: "presenter", handler: health },
  ];
}

/** The seed's `curl localhost:9003/health` and `curl localhost:9003 -X GET -d '[...]'`. */
export function presenterPortAliases(app: PresenterApp): Route[] {
  const handle = (req: HttpRequest, res: HttpResponse) => handlePresenterRequest(app, req, res);
  return [
    { method: "GET", path: "/health", component: "presenter", handler: (_req, res) => res.json({ status: "running" }) },
    { method: "GET", path: "/", component: "presenter", handler: handle },
    { method: "POST", path: "/", component: "presenter", handler: handle },
  ];
}

/** Processing order of spec A2. */
async function handlePresenterRequest(app: PresenterApp, req: HttpRequest, res: HttpResponse): Promise<void> {
  try {
    if ((req.raw.url ?? req.path).includes("?")) throw new NotFoundError();
    assertJsonContentType(req);
    const payload = await readJsonBody(req, bodyLimitFor(req, app.auth.keys));
    await assertMigrationIndex(app.db);
    if (isFalsyJson(payload)) throw new BadRequestError(WERKZEUG_TEXTS.badRequest);
    const compile = await loadCompileValidator();
    const blobs = validBlobs(compile, payload);
    const findPresenter = await loadFindPresenter();
    const presenters = blobs.map((blob) => {
      const presenter = findPresenter(blob.presenter);
      if (!presenter) throw new BadRequestError(`Presenter ${blob.presenter} does not exist.`);
      return presenter;
    });
    const userId = await authenticateRequest(app.auth, req, res);
    const results: unknown[] = [];
    for (const [index, presenter] of presenters.entries()) {
      const data = validData(compile, presenter, blobs[index]!.data);
      results.push(await presenter.run({ db: app.db, userId, data }));
    }
    res.json(results);
  } catch (error) {
    if (error instanceof PresenterError) error = new BadRequestError(error.message);
    sendActionError(res, error, app.log?.error.bind(app.log));
  }
}

function validBlobs(compile: CompileValidator, payload: unknown): Blob[] {
  payloadValidator ??= compile(PAYLOAD_SCHEMA);
  const error = payloadValidator(payload);
  if (error) throw new BadRequestError(error);
  return payload as Blob[];
}

function validData(compile: CompileValidator, presenter: Presenter, data: Record<string, unknown> | undefined): Record<string, unknown> {
  if (data === undefined) throw new BadRequestError("No data given.");
  const error = dataValidator(compile, presenter)(data);
  if (error) throw new BadRequestError(error);
  return data;
}
