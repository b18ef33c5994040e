// [LOS] The after-create step giving a new model its list of speakers.
import listOfSpeakersCreate from "../actions/list_of_speakers/create.js";
import { fqidOf } from "../framework/fqid.js";
import type { InstanceHook } from "../framework/types.js";

export const createListOfSpeakers: InstanceHook = async (ctx, instance) => {
  await ctx.execute(listOfSpeakersCreate, [{ content_object_id: fqidOf(ctx.action.collection, Number(instance.id)) }]);
  return instance;
};
