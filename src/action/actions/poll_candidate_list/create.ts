// poll_candidate_list.create (backend internal): the list behind an option of a list election;
// each entry {user_id, weight} becomes a poll_candidate.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { createSchema, requiredIdSchema } from "../../validation/schemas.js";
import pollCandidateCreate from "../poll_candidate/create.js";

const entrySchema = {
  description: "An entry in a poll_candidate_list create schema",
  type: "object",
  properties: { user_id: requiredIdSchema, weight: { type: "integer" } },
  additionalProperties: false,
};

async function createCandidates(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const entries = (instance.entries as Array<{ user_id: number; weight: number }>) ?? [];
  delete instance.entries;
  const results = await ctx.execute(
    pollCandidateCreate,
    entries.map((entry) => ({ user_id: entry.user_id, weight: entry.weight, poll_candidate_list_id: instance.id, meeting_id: instance.meeting_id })),
  );
  instance.poll_candidate_ids = (results ?? []).map((result) => result?.id);
  return instance;
}

export default defineAction({
  name: "poll_candidate_list.create",
  collection: "poll_candidate_list",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("poll_candidate_list", {
    required: ["option_id", "meeting_id"],
    additionalRequired: { entries: { type: "array", items: entrySchema, minItems: 1 } },
  }),
  afterCreate: [createCandidates],
});
