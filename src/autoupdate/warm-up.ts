// A fresh process runs its first requests through cold code: every function of the keys builder,
// the restricter and the JSON encoding is compiled on its first call and interpreted for its
// first hundreds. When a hundred clients connect right after a start (a restart during a
// meeting), each of them waited for that. So once the state is loaded, the process computes a
// few first lines of the shape clients ask for, for an administrator and for a meeting member,
// and throws them away. The results are not kept: the pool drops them when released. The work
// is bounded by a time budget: on a big meeting one round is already warm enough, and clients
// that come meanwhile should not wait behind it.
import { performance } from "node:perf_hooks";
import { parseKeyRequests } from "./keys-builder/index.js";
import type { SharedResults, VersionedReader } from "./shared-result.js";
import { Subscription } from "./subscription.js";

/** Each computation runs at most this often: enough for the hot functions to leave the interpreter. */
const ROUNDS = 4;
/** No further round starts after this long. */
const BUDGET_MS = 50;

/** The organization and the agenda list (topics with their agenda items and lists of speakers). */
function clientLikeRequest(meetingId: number): string {
  return JSON.stringify([
    { collection: "organization", ids: [1], fields: { name: null, active_meeting_ids: null, committee_ids: { type: "relation-list", collection: "committee", fields: { name: null } } } },
    {
      collection: "meeting",
      ids: [meetingId],
      fields: {
        name: null,
        topic_ids: {
          type: "relation-list",
          collection: "topic",
          fields: {
            title: null,
            agenda_item_id: { type: "relation", collection: "agenda_item", fields: { item_number: null, is_hidden: null, comment: null } },
            list_of_speakers_id: { type: "relation", collection: "list_of_speakers", fields: { closed: null, speaker_ids: null } },
          },
        },
        group_ids: { type: "relation-list", collection: "group", fields: { name: null, permissions: null } },
      },
    },
  ]);
}

/** An organization superadmin and a member of the meeting without organization rights (either may be missing). */
function warmUpUsers(state: VersionedReader, meetingId: number): number[] {
  const users: number[] = [];
  const admin = state.ids("user").find((id) => state.getField("user", id, "organization_management_level") === "superadmin");
  if (admin !== undefined) users.push(admin);
  const members = (state.getField("meeting", meetingId, "user_ids") as number[] | undefined) ?? [];
  const member = members.find((id) => !state.getField("user", id, "organization_management_level"));
  if (member !== undefined) users.push(member);
  return users;
}

export async function warmUp(state: VersionedReader, results: SharedResults): Promise<void> {
  const meetingId = state.ids("meeting")[0];
  if (meetingId === undefined) return;
  const requests = parseKeyRequests(clientLikeRequest(meetingId));
  const started = performance.now();
  for (let round = 0; round < ROUNDS && performance.now() - started < BUDGET_MS; round++) {
    for (const userId of warmUpUsers(state, meetingId)) {
      const { shared, release } = results.acquire(userId, requests);
      try {
        await new Subscription(shared).firstJson();
      } finally {
        release();
      }
    }
  }
}
