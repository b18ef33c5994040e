// option.set_auto_fields (backend internal): writes the sums yes / no / abstain given by the
// caller (poll.stop). Upstream never computes them here and fails with a 500 when none is given;
// we answer that case with a 400.
import { BadRequestError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "option.set_auto_fields",
  collection: "option",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("option", { optional: ["yes", "no", "abstain"] }),
  updateInstance: (_ctx, instance) => {
    if (!(instance.yes || instance.no || instance.abstain)) throw new BadRequestError("option.set_auto_fields needs at least one of yes, no and abstain.");
    return instance;
  },
});
