// One action request (spec action-service 2.4, 2.5, 2.7): payload check, then every payload
// element in one transaction, atomically (handle_request), or each element in a transaction of
// its own (handle_separately), then the writes, the results and the on-success hooks.
import type { Database, Transaction } from "../db/types.js";
import { MAX_ID } from "../db/reader.js";
import { ActionError, BadRequestError, PermissionDeniedError } from "./errors.js";
import { fqidOf } from "./framework/fqid.js";
import { collectionMeta, hasCollection } from "./framework/model-meta.js";
import { performAction, type ActionOutcome } from "./framework/perform.js";
import { findAction } from "./framework/registry.js";
import { languageOfHeader } from "./shared/translations.js";
import { createRequestContext, type ActionSessions, type RequestContext } from "./framework/request.js";
import type { ActionDefinition, Instance, ResultElement } from "./framework/types.js";
import { compileValidator } from "./framework/validation.js";

export interface PayloadElement {
  action: string;
  data: Instance[];
}

export interface ActionsResponse {
  status_code: number;
  success: boolean;
  message: string;
  results: unknown[];
}

export interface HandleOptions {
  atomic: boolean;
  internal: boolean;
  /** The request's Accept-Language header. */
  acceptLanguage?: string;
}

export interface ActionHandlerDeps {
  db: Database;
  development: boolean;
  sessions?: ActionSessions;
}

const validatePayload = compileValidator({
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Schema for action API",
  description: "An array of actions",
  type: "array",
  items: {
    type: "object",
    properties: {
      action: { description: "Name of the action to be performed on the server", type: "string", minLength: 1 },
      data: { $schema: "http://json-schema.org/draft-07/schema#", title: "Action data", type: "array", items: { type: "object" } },
    },
    required: ["action", "data"],
    additionalProperties: false,
  },
});

export function assertValidPayload(payload: unknown): asserts payload is PayloadElement[] {
  const message = validatePayload(payload);
  if (message) throw new ActionError(message);
}

export class ActionHandler {
  constructor(private readonly deps: ActionHandlerDeps) {}

  async handleRequest(payload: unknown, userId: number, options: HandleOptions): Promise<ActionsResponse> {
    assertValidPayload(payload);
    const results = options.atomic
      ? await this.inRequestTransaction(userId, options, (request) => this.runAtomically(request, payload))
      : await this.runSeparately(payload, userId, options);
    return { status_code: 200, success: true, message: "Actions handled successfully", results };
  }

  /** fn in one transaction with its own request context; the on-success hooks run at its end. */
  private inRequestTransaction<T>(userId: number, options: HandleOptions, fn: (request: RequestContext) => Promise<T>): Promise<T> {
    return inTransaction(this.deps.db, async (tx) => {
      const request = createRequestContext(tx, userId, options.internal, this.deps.development, this.deps.sessions, languageOfHeader(options.acceptLanguage));
      const result = await fn(request);
      for (const hook of request.onSuccess) await hook();
      return result;
    });
  }

  /** All elements share the overlay; everything is written after every element succeeded. */
  private async runAtomically(request: RequestContext, payload: PayloadElement[]): Promise<unknown[]> {
    const seenSingular = new Set<string>();
    const performed: ActionOutcome[] = [];
    for (const [index, element] of payload.entries()) {
      if (findAction(element.action)?.singular) {
        if (seenSingular.has(element.action)) {
          const error = new ActionError(`Action ${element.action} may not appear twice in one request.`);
          error.actionErrorIndex = index;
          throw error;
        }
        seenSingular.add(element.action);
      }
      try {
        performed.push(await this.performTopLevel(request, element));
      } catch (error) {
        if (error instanceof ActionError) error.actionErrorIndex = index;
        throw error;
      }
    }
    const results: unknown[] = [];
    for (const outcome of performed) results.push(await writeOutcome(request.tx, outcome));
    return results;
  }

  /**
   * Each element in a transaction of its own: an ActionError becomes that element's result, and
   * what the elements before wrote stays, also when a later element fails with another error
   * (which is then the answer, as upstream's).
   */
  private async runSeparately(payload: PayloadElement[], userId: number, options: HandleOptions): Promise<unknown[]> {
    const results: unknown[] = [];
    for (const element of payload) {
      try {
        results.push(await this.inRequestTransaction(userId, options, async (request) => writeOutcome(request.tx, await this.performTopLevel(request, element))));
      } catch (error) {
        if (!(error instanceof ActionError)) throw error;
        results.push(error.toJson());
      }
    }
    return results;
  }

  private async performTopLevel(request: RequestContext, element: PayloadElement): Promise<ActionOutcome> {
    const action = this.resolve(element.action, request.internal);
    await request.db.prefetch(permissionReads(request, element.data));
    const outcome = await performAction(request, action, element.data, { internal: request.internal, isSubAction: false });
    if (outcome.onSuccess) request.onSuccess.push(outcome.onSuccess);
    return outcome;
  }

  /** Unknown, non-public on the public route, backend-internal outside development: "does not exist". */
  private resolve(name: string, internal: boolean): ActionDefinition {
    const action = findAction(name);
    const visibility = action?.visibility ?? "public";
    if (!action || (visibility !== "public" && !internal) || (visibility === "backend_internal" && !this.deps.development)) {
      throw new BadRequestError(`Action ${name} does not exist.`);
    }
    return action;
  }
}

/**
 * Runs fn in a transaction; the action service's own errors leave it unchanged, whatever the
 * database layer makes of exceptions thrown inside its transaction callback.
 */
async function inTransaction<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  let ownError: Error | undefined;
  try {
    return await db.transaction(
      async (tx) => {
        ownError = undefined;
        try {
          return await fn(tx);
        } catch (error) {
          if (error instanceof ActionError || error instanceof BadRequestError || error instanceof PermissionDeniedError) ownError = error;
          throw error;
        }
      },
      // The route answers once this process's state has applied the writes (routes.ts).
      { readYourWrites: true },
    );
  } catch (error) {
    throw ownError ?? error;
  }
}

/** Writes the events and completes create results with what the database assigned (sequential_number). */
async function writeOutcome(tx: Transaction, outcome: ActionOutcome): Promise<ResultElement[] | null> {
  if (outcome.events.length === 0) return outcome.results;
  const written = await tx.write(outcome.events);
  const { kind, collection } = outcome.action;
  if (kind === "create" && hasSequentialNumber(collection)) {
    for (const result of outcome.results ?? []) {
      const returned = result && written[fqidOf(collection, Number(result.id))];
      if (result && returned?.sequential_number !== undefined) result.sequential_number = returned.sequential_number;
    }
  }
  return outcome.results;
}

function hasSequentialNumber(collection: string): boolean {
  return hasCollection(collection) && collectionMeta(collection).fields.get("sequential_number")?.sequenceScope !== undefined;
}

/**
 * The user and the meeting that the permission check of a meeting's action reads first, to be
 * read together in one statement (the user with the committees it manages, as has-perm asks).
 */
function permissionReads(request: RequestContext, data: unknown[]): Array<{ collection: string; id: number; fields?: string[] }> {
  if (request.internal || request.userId <= 0) return [];
  const meetingId = (data[0] as { meeting_id?: unknown } | undefined)?.meeting_id;
  if (typeof meetingId !== "number" || !Number.isInteger(meetingId) || meetingId <= 0 || meetingId > MAX_ID) return [];
  return [
    { collection: "user", id: request.userId, fields: ["committee_management_ids"] },
    { collection: "meeting", id: meetingId },
  ];
}
