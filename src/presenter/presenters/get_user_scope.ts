// get_user_scope (spec presenter A5.7): the scope of each user; no permission check upstream.
import { ID_LIST_SCHEMA } from "../schemas.js";
import type { Presenter } from "../types.js";
import { getUserScope } from "../../permissions/index.js";

export const getUserScopePresenter: Presenter = {
  name: "get_user_scope",
  schema: { type: "object", properties: { user_ids: ID_LIST_SCHEMA }, required: ["user_ids"], additionalProperties: false },
  async run({ db, data }) {
    const result: Record<string, unknown> = {};
    for (const userId of data.user_ids as number[]) {
      const scope = await getUserScope(db, userId);
      result[String(userId)] = {
        collection: scope.scope,
        id: scope.scopeId,
        user_oml: scope.oml,
        committee_ids: [...scope.committeeMeetings.keys()],
        user_in_archived_meetings_only: scope.inArchivedMeetingsOnly,
        home_committee_id: scope.homeCommitteeId,
      };
    }
    return result;
  },
};
