// History (spec action-service 3.8): entries collected per fqid by the actions of one top-level
// payload element become one history_position and one history_entry per user/motion/assignment.
import type { CreateEvent, WriteEvent } from "../../db/types.js";
import { collectionOf, fqidOf, idOf } from "./fqid.js";
import { fieldMeta } from "./model-meta.js";
import type { RequestContext } from "./request.js";
import type { HistoryInformation } from "./types.js";
import { nowTimestamp } from "../shared/clock.js";

/** Collections history_entry.model_id can point to. */
const HISTORY_COLLECTIONS = new Set(Object.keys(fieldMeta("history_entry", "model_id")?.relation?.targets ?? {}));

/** Appends the entries of `other` to `into` (per fqid, in order). */
export function mergeHistory(into: HistoryInformation, other: HistoryInformation | undefined): HistoryInformation {
  for (const [fqid, entries] of Object.entries(other ?? {})) {
    into[fqid] = [...(into[fqid] ?? []), ...entries];
  }
  return into;
}

export async function historyEvents(request: RequestContext, information: HistoryInformation, events: WriteEvent[]): Promise<CreateEvent[]> {
  const partners = [...request.historyPartners];
  request.historyPartners.clear();
  const fqids = Object.keys(information).filter((fqid) => HISTORY_COLLECTIONS.has(collectionOf(fqid)));
  if (fqids.length === 0) return [];
  const [[positionId], entryIds] = (await request.tx.reserveIdsOfCollections([
    ["history_position", 1],
    ["history_entry", fqids.length],
  ])) as [number[], number[]];
  const deleted = new Set(events.filter((event) => event.type === "delete").map((event) => event.fqid));
  const touched = new Set([...events.filter((event) => event.type !== "delete").map((event) => event.fqid), ...partners]);
  if (request.userId > 0) touched.add(fqidOf("user", request.userId));
  const meetingIds = await storedMeetingIds(request, fqids, deleted);

  const result: CreateEvent[] = fqids.map((fqid, i) => ({
    type: "create",
    fqid: fqidOf("history_entry", entryIds[i]!),
    fields: {
      id: entryIds[i],
      entries: information[fqid],
      position_id: positionId,
      original_model_id: fqid,
      model_id: touched.has(fqid) && !deleted.has(fqid) ? fqid : null,
      meeting_id: meetingIds.get(fqid) ?? null,
    },
  }));
  const userExists = request.userId > 0 && !deleted.has(fqidOf("user", request.userId));
  result.push({
    type: "create",
    fqid: fqidOf("history_position", positionId!),
    fields: {
      id: positionId,
      timestamp: nowTimestamp(),
      original_user_id: request.userId,
      user_id: userExists ? request.userId : null,
    },
  });
  return result;
}

/** meeting_id of each model as stored before this request, unless that meeting is deleted now. */
async function storedMeetingIds(request: RequestContext, fqids: string[], deleted: Set<string>): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const byCollection = new Map<string, number[]>();
  for (const fqid of fqids) {
    // A model created by this request is not stored yet: nothing to read.
    if (!fieldMeta(collectionOf(fqid), "meeting_id") || request.overlay.isCreated(fqid)) continue;
    byCollection.set(collectionOf(fqid), [...(byCollection.get(collectionOf(fqid)) ?? []), idOf(fqid)]);
  }
  for (const [collection, ids] of byCollection) {
    const models = await request.tx.getMany(collection, ids, ["meeting_id"]);
    for (const [id, model] of models) {
      const meetingId = model.meeting_id as number | undefined;
      if (meetingId && !deleted.has(fqidOf("meeting", meetingId))) result.set(fqidOf(collection, id), meetingId);
    }
  }
  return result;
}
