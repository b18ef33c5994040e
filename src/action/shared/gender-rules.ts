// Genders 1-4 (the default selection) can be neither updated nor deleted (upstream GenderPermissionMixin).
import { hasOrganizationManagementLevel, MissingPermissionError } from "../../permissions/index.js";
import { ActionError } from "../errors.js";
import type { ActionContext, Instance } from "../framework/types.js";

export async function checkGenderPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  if (!(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_users"))) {
    throw MissingPermissionError.single("can_manage_users");
  }
  const id = Number(item.id ?? 0);
  if (id > 0 && id < 5) {
    const gender = await ctx.db.get(`gender/${id}`, ["name"]);
    // upstream's PermissionException: a 400, not a 403.
    throw new ActionError(`Cannot delete or update gender '${String(gender.name ?? "None")}' from default selection.`);
  }
}
