// option.set_auto_fields (backend internal): writes the sums yes / no / abstain; at least one must
// be given and non-zero-like (upstream raises NotImplementedError otherwise: the sums are not calculated).
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
    if (!(instance.yes || instance.no || instance.abstain)) throw new BadRequestError("Calculating the auto fields of an option is not implemented.");
    return instance;
  },
});
