// get_user_editable (spec presenter A5.9): for each user and each asked field, whether the
// requester may change it with user.update, and if not why: the field-group rules of the user
// actions, run once per group.
import { ActionError, PermissionDeniedError } from "../../action/errors.js";
import { checkUserFieldPermissions, FIELD_GROUPS, type UserRightsContext } from "../../action/shared/user-field-permissions.js";
import type { Database } from "../../db/types.js";
import { mustGet } from "../../permissions/index.js";
import { PresenterError } from "../errors.js";
import { ID_LIST_SCHEMA } from "../schemas.js";
import type { Presenter } from "../types.js";

const GROUP_OF = new Map(Object.entries(FIELD_GROUPS).flatMap(([group, fields]) => fields.map((field) => [field, group] as const)));

function rightsContext(db: Database, userId: number): UserRightsContext {
  return {
    db: {
      get: (fqid, fields, options) => mustGet(db, fqid, fields, options),
      getMany: (collection, ids, fields) => db.getMany(collection, ids, fields),
      filter: (collection, filter, fields) => db.filter(collection, filter, fields),
    },
    userId,
    internal: false,
    action: { name: "get_user_editable" },
  };
}

export const getUserEditable: Presenter = {
  name: "get_user_editable",
  schema: {
    type: "object",
    title: "get_user_editable",
    description: "get user editable",
    properties: { user_ids: ID_LIST_SCHEMA, fields: { type: "array", items: { type: "string" } } },
    required: ["user_ids", "fields"],
    additionalProperties: false,
  },
  async run({ db, userId, data }) {
    const fields = data.fields as string[];
    if (fields.length === 0) throw new PresenterError("Need at least one field name to check editability.");
    const unknown = fields.filter((field) => !GROUP_OF.has(field));
    if (unknown.length > 0) throw new PresenterError(`Unknown user fields: ${unknown.join(", ")}`);
    const groups = [...new Set(fields.map((field) => GROUP_OF.get(field)!))];
    const ctx = rightsContext(db, userId);
    const result: Record<string, Record<string, [boolean, string]>> = {};
    for (const targetId of data.user_ids as number[]) {
      const byGroup = new Map<string, [boolean, string]>();
      for (const group of groups) {
        try {
          await checkUserFieldPermissions(ctx, { id: targetId, [FIELD_GROUPS[group]![0]!]: null }, "user.can_manage");
          byGroup.set(group, [true, ""]);
        } catch (error) {
          if (!(error instanceof PermissionDeniedError || error instanceof ActionError)) throw error;
          byGroup.set(group, [false, error.message]);
        }
      }
      result[String(targetId)] = Object.fromEntries(fields.map((field) => [field, byGroup.get(GROUP_OF.get(field)!)!]));
    }
    return result;
  },
};
