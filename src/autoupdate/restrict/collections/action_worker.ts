// Action workers: only their own user sees them.
import { idOf } from "../permissions.js";
import type { CollectionRules } from "../rules.js";

export const actionWorker: CollectionRules = {
  A: (rights, id) => rights.isSelf(idOf(rights.field("action_worker", id, "user_id"))),
};
