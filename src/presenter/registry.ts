// The registered presenters by name.
import type { Presenter } from "./types.js";
import { getValidTimezones } from "./presenters/get_valid_timezones.js";
import { numberOfUsers } from "./presenters/number_of_users.js";
import { getActiveUsersAmount } from "./presenters/get_active_users_amount.js";
import { searchForIdByExternalId } from "./presenters/search_for_id_by_external_id.js";
import { getForwardingCommittees } from "./presenters/get_forwarding_committees.js";
import { getForwardingMeetings } from "./presenters/get_forwarding_meetings.js";
import { getUserScopePresenter } from "./presenters/get_user_scope.js";
import { getUsers } from "./presenters/get_users.js";
import { searchUsers } from "./presenters/search_users.js";
import { getMediafileContext } from "./presenters/get_mediafile_context.js";
import { getUserRelatedModels } from "./presenters/get_user_related_models.js";
import { exportMeetingPresenter } from "./presenters/export_meeting.js";
import { checkDatabase } from "./presenters/check_database.js";
import { checkDatabaseAll } from "./presenters/check_database_all.js";
import { getUserEditable } from "./presenters/get_user_editable.js";

const PRESENTERS: readonly Presenter[] = [
  getValidTimezones,
  numberOfUsers,
  getActiveUsersAmount,
  searchForIdByExternalId,
  getForwardingCommittees,
  getForwardingMeetings,
  getUserScopePresenter,
  getUsers,
  searchUsers,
  getMediafileContext,
  getUserRelatedModels,
  exportMeetingPresenter,
  checkDatabase,
  checkDatabaseAll,
  getUserEditable,
];

const BY_NAME = new Map(PRESENTERS.map((presenter) => [presenter.name, presenter]));

export function findPresenter(name: string): Presenter | undefined {
  return BY_NAME.get(name);
}
