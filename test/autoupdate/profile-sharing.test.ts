// Results shared by a permission profile (src/autoupdate/shared-result.ts) against the plain
// per-user computation, on the example data grown by users of every kind (fellow delegates,
// staff, locked out, committee manager, user manager, anonymous) with identity-dependent data:
// personal notes, speakers, a motion visible to its submitter only, a vote delegation, a chat
// message. For every user and a request over nearly everything, the first line and every
// delta after a series of changes must give exactly what the user's own computation gives.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseKeyRequests, type KeyRequest } from "../../src/autoupdate/keys-builder/index.js";
import { computeOwnPart, SharedResults, type VersionedReader } from "../../src/autoupdate/shared-result.js";
import { Subscription } from "../../src/autoupdate/subscription.js";
import { fieldsOf, relationTarget } from "../../src/meta/registry.js";

type Model = Record<string, unknown>;

/** The data by fqid, with versions and the change log the live state keeps. */
class MutableState implements VersionedReader {
  version = 1;
  private readonly log: Array<{ version: number; keys: string[] }> = [];

  constructor(readonly data: Map<string, Model>) {}

  getField(collection: string, id: number, field: string): unknown {
    return this.data.get(`${collection}/${id}`)?.[field];
  }
  exists(collection: string, id: number): boolean {
    return this.data.has(`${collection}/${id}`);
  }
  ids(collection: string): readonly number[] {
    return [...this.data.keys()].filter((fqid) => fqid.startsWith(`${collection}/`)).map((fqid) => Number(fqid.split("/")[1])).sort((a, b) => a - b);
  }
  changedKeysSince(version: number): ReadonlySet<string> | undefined {
    return new Set(this.log.filter((entry) => entry.version > version).flatMap((entry) => entry.keys));
  }

  /** One transaction: field updates (undefined removes), model creations and deletions. */
  change(updates: Array<[fqid: string, fields: Model | null]>): void {
    const keys: string[] = [];
    for (const [fqid, fields] of updates) {
      const model = this.data.get(fqid);
      if (fields === null) {
        for (const field of Object.keys(model ?? {})) keys.push(`${fqid}/${field}`);
        this.data.delete(fqid);
        continue;
      }
      const next: Model = { ...(model ?? { id: Number(fqid.split("/")[1]) }) };
      if (!model) keys.push(`${fqid}/id`);
      for (const [field, value] of Object.entries(fields)) {
        if (value === undefined) delete next[field];
        else next[field] = value;
        keys.push(`${fqid}/${field}`);
      }
      this.data.set(fqid, next);
    }
    this.version++;
    this.log.push({ version: this.version, keys });
  }

  /** Adds `id` to a list field. */
  added(fqid: string, field: string, id: number): unknown[] {
    return [...((this.data.get(fqid)?.[field] as unknown[] | undefined) ?? []), id];
  }
}

function exampleState(): MutableState {
  const raw = JSON.parse(readFileSync("seed/example-data.json", "utf8")) as Record<string, Record<string, Model> | number>;
  const data = new Map<string, Model>();
  for (const [collection, models] of Object.entries(raw)) {
    if (typeof models !== "object") continue;
    for (const [id, model] of Object.entries(models)) data.set(`${collection}/${id}`, { ...model, id: Number(id) });
  }
  return new MutableState(data);
}

/** Users 10–17 of every kind, and identity-dependent data around them. */
function grow(state: MutableState): void {
  const member = (userId: number, groupId: number, extra: Model = {}): Array<[string, Model]> => [
    [`user/${userId}`, { username: `u${userId}`, first_name: `F${userId}`, email: `u${userId}@example.com`, meeting_user_ids: [userId], meeting_ids: [1], committee_ids: [1] }],
    [`meeting_user/${userId}`, { user_id: userId, meeting_id: 1, group_ids: [groupId], ...extra }],
  ];
  const delegates = [10, 11, 12, 15];
  state.change([
    ...member(10, 5),
    ...member(11, 5, { vote_delegated_to_id: 12 }),
    ...member(12, 5, { vote_delegations_from_ids: [11] }),
    ...member(13, 3),
    ...member(14, 1),
    ...member(15, 5, { locked_out: true }),
    ["user/16", { username: "manager", committee_management_ids: [1], committee_ids: [1] }],
    ["user/17", { username: "usermanager", organization_management_level: "can_manage_users" }],
    ["committee/1", { manager_ids: [16], user_ids: [...(state.getField("committee", 1, "user_ids") as number[] ?? []), 10, 11, 12, 13, 14, 15, 16] }],
    ["group/5", { meeting_user_ids: [...(state.getField("group", 5, "meeting_user_ids") as number[]), ...delegates] }],
    ["group/3", { meeting_user_ids: [...((state.getField("group", 3, "meeting_user_ids") as number[] | undefined) ?? []), 13] }],
    ["group/1", { meeting_user_ids: [...((state.getField("group", 1, "meeting_user_ids") as number[] | undefined) ?? []), 14] }],
    ["meeting/1", {
      meeting_user_ids: [...(state.getField("meeting", 1, "meeting_user_ids") as number[]), 10, 11, 12, 13, 14, 15],
      user_ids: [...((state.getField("meeting", 1, "user_ids") as number[] | undefined) ?? []), 10, 11, 12, 13, 14, 15],
      enable_anonymous: true, anonymous_group_id: 6, group_ids: state.added("meeting/1", "group_ids", 6),
      personal_note_ids: [...(state.getField("meeting", 1, "personal_note_ids") as number[]), 10, 11],
      motion_state_ids: state.added("meeting/1", "motion_state_ids", 100),
      speaker_ids: [...(state.getField("meeting", 1, "speaker_ids") as number[]), 100, 101],
      motion_submitter_ids: state.added("meeting/1", "motion_submitter_ids", 100),
      chat_message_ids: state.added("meeting/1", "chat_message_ids", 100),
    }],
    ["organization/1", { enable_anonymous: true }],
    ["group/6", { name: "Public", meeting_id: 1, anonymous_group_for_meeting_id: 1, permissions: ["motion.can_see", "agenda_item.can_see", "list_of_speakers.can_see"] }],
    // Personal notes of two fellow delegates on motion 1.
    ["personal_note/10", { meeting_user_id: 10, meeting_id: 1, content_object_id: "motion/1", star: true, note: "mine (10)" }],
    ["personal_note/11", { meeting_user_id: 11, meeting_id: 1, content_object_id: "motion/1", note: "mine (11)" }],
    ["meeting_user/10", { personal_note_ids: [10], speaker_ids: [100], motion_submitter_ids: [100], chat_message_ids: [100] }],
    ["meeting_user/11", { personal_note_ids: [11] }],
    ["meeting_user/12", { speaker_ids: [101] }],
    ["motion/1", { personal_note_ids: [...((state.getField("motion", 1, "personal_note_ids") as number[] | undefined) ?? []), 10, 11] }],
    // Speakers of delegates 10 and 12 on list of speakers 1.
    ["speaker/100", { meeting_user_id: 10, list_of_speakers_id: 1, meeting_id: 1, weight: 100 }],
    ["speaker/101", { meeting_user_id: 12, list_of_speakers_id: 1, meeting_id: 1, weight: 101 }],
    ["list_of_speakers/1", { speaker_ids: [...(state.getField("list_of_speakers", 1, "speaker_ids") as number[]), 100, 101] }],
    // Motion 4 in a state only its submitter (delegate 10) and internal readers see.
    ["motion_state/100", { name: "draft", meeting_id: 1, workflow_id: 1, restrictions: ["motion.can_see_internal", "is_submitter"], motion_ids: [4] }],
    ["motion/4", { state_id: 100, submitter_ids: [...((state.getField("motion", 4, "submitter_ids") as number[] | undefined) ?? []), 100] }],
    ["motion_submitter/100", { motion_id: 4, meeting_user_id: 10, meeting_id: 1, weight: 1 }],
    // A chat message of delegate 10 in chat group 1.
    ["chat_message/100", { content: "hello", meeting_user_id: 10, chat_group_id: 1, meeting_id: 1, created: 1 }],
    ["chat_group/1", { chat_message_ids: state.added("chat_group/1", "chat_message_ids", 100) }],
  ]);
}

/** meeting/1 with every relation followed two levels deep (all fields), organization/1 with its committees and users. */
function wideRequest(): readonly KeyRequest[] {
  const allFields = (collection: string, depth: number): Record<string, unknown> => {
    const fields: Record<string, unknown> = {};
    for (const field of fieldsOf(collection)) {
      if (field.name.includes("$")) continue;
      const target = relationTarget(field);
      if (depth > 0 && target && (field.type === "relation" || field.type === "relation-list")) {
        fields[field.name] = { type: field.type, collection: target, fields: allFields(target, depth - 1) };
      } else if (depth > 0 && (field.type === "generic-relation" || field.type === "generic-relation-list")) {
        fields[field.name] = { type: field.type, fields: { id: null, title: null, name: null, meeting_user_id: null } };
      } else {
        fields[field.name] = null;
      }
    }
    return fields;
  };
  return parseKeyRequests(
    JSON.stringify([
      { collection: "meeting", ids: [1], fields: allFields("meeting", 2) },
      { collection: "organization", ids: [1], fields: allFields("organization", 1) },
    ]),
  );
}

const USERS = [0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17];

function expected(state: MutableState, userId: number, requests: readonly KeyRequest[]): { values: Record<string, unknown>; requested: ReadonlySet<string> } {
  const part = computeOwnPart(state, userId, requests);
  return { values: Object.fromEntries([...part.values].map(([key, entry]) => [key, entry.value])), requested: part.requested };
}

/**
 * The client's view of the requested keys. Keys that are no longer requested (their relation
 * stopped leading there) are not sent as null, as upstream: the client may hold them for another
 * request.
 */
function requestedPart(view: Record<string, unknown>, requested: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view).filter(([key]) => requested.has(key)));
}

/** Equal views, or a message naming the differing keys. */
function assertSameView(actual: Record<string, unknown>, wanted: Record<string, unknown>, message: string): void {
  const differing = [...new Set([...Object.keys(actual), ...Object.keys(wanted)])].filter(
    (key) => JSON.stringify(actual[key]) !== JSON.stringify(wanted[key]),
  );
  const shown = differing.slice(0, 10).map((key) => `${key}: got ${JSON.stringify(actual[key])}, want ${JSON.stringify(wanted[key])}`);
  assert.deepEqual(shown, [], `${message}: ${differing.length} keys differ`);
}

function apply(view: Record<string, unknown>, delta: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(delta)) {
    if (value === null) delete view[key];
    else view[key] = value;
  }
}

describe("results shared by permission profile", () => {
  test("every user gets exactly their own computation, first and after every change", async () => {
    const state = exampleState();
    grow(state);
    const requests = wideRequest();
    const results = new SharedResults(state);
    const clients = [];
    for (const userId of USERS) {
      const subscription = new Subscription(results.acquire(userId, requests).shared);
      clients.push({ userId, subscription, view: JSON.parse(await subscription.firstJson()) as Record<string, unknown> });
    }
    for (const { userId, view } of clients) assertSameView(view, expected(state, userId, requests).values, `first line of user ${userId}`);
    assert.ok(results.profiles.size < USERS.length, `users of one profile share a part (${results.profiles.size} parts)`);
    // The fellow delegates see each other's names, but only their own notes.
    const delegate10 = clients.find((client) => client.userId === 10)!.view;
    assert.equal(delegate10["personal_note/10/note"], "mine (10)");
    assert.equal(delegate10["personal_note/11/note"], undefined);
    assert.equal(delegate10["motion/4/title"] !== undefined, true, "the submitter sees the restricted motion");
    assert.equal(clients.find((client) => client.userId === 11)!.view["motion/4/title"], undefined, "a fellow delegate does not");

    const changes: Array<[string, Array<[string, Model | null]>]> = [
      ["a motion title", [["motion/1", { title: "Renamed" }]]],
      ["a personal note text", [["personal_note/11", { note: "changed (11)" }]]],
      ["the delegates lose user.can_see", [["group/5", { permissions: (state.getField("group", 5, "permissions") as string[]).filter((p) => p !== "user.can_see") }]]],
      ["the restricted state opens", [["motion_state/100", { restrictions: ["motion.can_see_internal"] }]]],
      ["the restricted state closes again", [["motion_state/100", { restrictions: ["is_submitter"] }]]],
      ["delegate 12 moves to staff", [
        ["meeting_user/12", { group_ids: [3] }],
        ["group/5", { meeting_user_ids: (state.getField("group", 5, "meeting_user_ids") as number[]).filter((id) => id !== 12) }],
        ["group/3", { meeting_user_ids: [...(state.getField("group", 3, "meeting_user_ids") as number[]), 12] }],
      ]],
      ["delegate 11 becomes a speaker", [
        ["speaker/102", { meeting_user_id: 11, list_of_speakers_id: 1, meeting_id: 1, weight: 102 }],
        ["meeting_user/11", { speaker_ids: [102] }],
        ["list_of_speakers/1", { speaker_ids: [...(state.getField("list_of_speakers", 1, "speaker_ids") as number[]), 102] }],
        ["meeting/1", { speaker_ids: [...(state.getField("meeting", 1, "speaker_ids") as number[]), 102] }],
      ]],
      ["the note of delegate 10 is deleted", [
        ["personal_note/10", null],
        ["meeting_user/10", { personal_note_ids: undefined }],
        ["motion/1", { personal_note_ids: [11] }],
        ["meeting/1", { personal_note_ids: (state.getField("meeting", 1, "personal_note_ids") as number[]).filter((id) => id !== 10) }],
      ]],
      ["delegate 10 is locked out", [["meeting_user/10", { locked_out: true }]]],
      ["anonymous access ends", [["meeting/1", { enable_anonymous: false }]]],
    ];
    for (const [name, updates] of changes) {
      state.change(updates);
      for (const client of clients) {
        apply(client.view, await client.subscription.next());
        const wanted = expected(state, client.userId, requests);
        assertSameView(requestedPart(client.view, wanted.requested), wanted.values, `user ${client.userId} after: ${name}`);
      }
    }
  });
});
