// Everything shared by the actions of one request: the transaction, the change overlay, the
// caller and the hooks to run once everything succeeded.
import type { Transaction } from "../../db/types.js";
import { ChangeOverlay, OverlayReader } from "./overlay.js";
import { languageOfHeader, type Language } from "../shared/translations.js";

export interface RequestContext {
  readonly tx: Transaction;
  readonly overlay: ChangeOverlay;
  readonly db: OverlayReader;
  /** Request user: > 0 logged in, 0 anonymous, -1 internal route. */
  readonly userId: number;
  /** Internal route: no permission checks. */
  readonly internal: boolean;
  readonly development: boolean;
  /** Run after every action succeeded, before the commit. */
  readonly onSuccess: Array<() => Promise<void> | void>;
  /** The auth service's sessions, for actions that log users out (absent in bare test setups). */
  readonly sessions?: ActionSessions;
  /**
   * Models that lost a deleted partner through the partner's stored relation field (the user of
   * a deleted meeting_user): no write reaches them, yet upstream's relation events touch them, so
   * their history entry keeps model_id. Taken by the history of the current top-level action.
   */
  readonly historyPartners: Set<string>;
  /**
   * Language of the translated server texts (src/action/shared/translations.ts): from
   * Accept-Language, unset when the header names none we have; meeting.create changes it.
   * Read it with requestLanguage.
   */
  language: Language | undefined;
}

export interface ActionSessions {
  /** Ends every session of the user (upstream clear_sessions_by_user_id / clear_all_sessions). */
  clearAllOfUser(userId: number): Promise<void>;
}

export function createRequestContext(
  tx: Transaction,
  userId: number,
  internal: boolean,
  development: boolean,
  sessions?: ActionSessions,
  language?: Language,
): RequestContext {
  const overlay = new ChangeOverlay();
  return { tx, overlay, db: new OverlayReader(tx, overlay), userId, internal, development, onSuccess: [], sessions, historyPartners: new Set(), language };
}

/** The request's language, else the organization's default_language (as upstream falls back), else English. */
export async function requestLanguage(request: RequestContext): Promise<Language> {
  if (!request.language) {
    const organization = await request.db.get("organization/1", ["default_language"], { optional: true });
    request.language = languageOfHeader(String(organization.default_language ?? "")) ?? "en";
  }
  return request.language;
}
