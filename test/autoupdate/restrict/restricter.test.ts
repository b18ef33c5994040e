// The restricter, table-driven per collection: who sees which key (visible ⇔ the key is in the
// result). Cases follow the rules of spec autoupdate-and-streaming.md 5.2 and upstream's cases.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRestricter } from "../../../src/autoupdate/restrict/index.js";
import { COLLECTION_RULES } from "../../../src/autoupdate/restrict/collection-rules.js";
import { collectionNames, fieldsOf } from "../../../src/meta/registry.js";
import { meetingWith, stateOf, type Data } from "./fixture.js";

interface Case {
  name: string;
  data: Data;
  user: number;
  key: string;
  visible: boolean;
}

function check(cases: Case[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const result = createRestricter(stateOf(c.data), c.user).restrict([c.key]);
      assert.equal(result.has(c.key), c.visible, `${c.key} for user ${c.user}`);
    });
  }
}

test("every field of every collection has an implemented mode", () => {
  const missing: string[] = [];
  for (const collection of collectionNames()) {
    for (const field of fieldsOf(collection)) {
      if (!COLLECTION_RULES[collection]?.[field.restrictionMode]) missing.push(`${collection}/${field.name} (${field.restrictionMode})`);
    }
  }
  assert.deepEqual(missing, []);
});

const agenda = (fields: Record<string, unknown>) => ({ "agenda_item/1": { id: 1, meeting_id: 1, comment: "c", duration: 5, ...fields } });

describe("agenda_item", () =>
  check([
    { name: "can_see sees a public item", data: meetingWith(["agenda_item.can_see"], agenda({})), user: 1, key: "agenda_item/1/id", visible: true },
    { name: "can_see does not see an internal item", data: meetingWith(["agenda_item.can_see"], agenda({ is_internal: true })), user: 1, key: "agenda_item/1/id", visible: false },
    { name: "can_see_internal sees an internal item", data: meetingWith(["agenda_item.can_see_internal"], agenda({ is_internal: true })), user: 1, key: "agenda_item/1/id", visible: true },
    { name: "can_see_internal does not see a hidden item", data: meetingWith(["agenda_item.can_see_internal"], agenda({ is_hidden: true })), user: 1, key: "agenda_item/1/id", visible: false },
    { name: "can_manage sees a hidden item", data: meetingWith(["agenda_item.can_manage"], agenda({ is_hidden: true })), user: 1, key: "agenda_item/1/id", visible: true },
    { name: "duration needs can_see_internal", data: meetingWith(["agenda_item.can_see"], agenda({})), user: 1, key: "agenda_item/1/duration", visible: false },
    { name: "comment needs can_manage", data: meetingWith(["agenda_item.can_see_internal"], agenda({})), user: 1, key: "agenda_item/1/comment", visible: false },
    { name: "no permission, no item", data: meetingWith([], agenda({})), user: 1, key: "agenda_item/1/id", visible: false },
    { name: "a non-member sees nothing", data: meetingWith(["agenda_item.can_see"], agenda({})), user: 2, key: "agenda_item/1/id", visible: false },
    { name: "a superadmin is admin of the meeting", data: meetingWith([], agenda({ is_hidden: true })), user: 3, key: "agenda_item/1/comment", visible: true },
    {
      name: "a superadmin is not admin of a locked meeting",
      data: { ...meetingWith([], agenda({})), "meeting/1": { id: 1, committee_id: 1, admin_group_id: 2, locked_from_inside: true } },
      user: 3,
      key: "agenda_item/1/id",
      visible: false,
    },
    {
      name: "a locked-out member has no permissions",
      data: { ...meetingWith(["agenda_item.can_see"], agenda({})), "meeting_user/10": { id: 10, user_id: 1, meeting_id: 1, group_ids: [3], locked_out: true } },
      user: 1,
      key: "agenda_item/1/id",
      visible: false,
    },
  ]));

const anonymousMeeting = (permissions: string[], organizationOpen: boolean): Data => ({
  ...meetingWith(permissions, { "agenda_item/1": { id: 1, meeting_id: 1 } }),
  "organization/1": { id: 1, enable_anonymous: organizationOpen },
  "meeting/1": { id: 1, committee_id: 1, admin_group_id: 2, anonymous_group_id: 3, enable_anonymous: true },
});

describe("anonymous", () =>
  check([
    { name: "anonymous gets the anonymous group's permissions", data: anonymousMeeting(["agenda_item.can_see"], true), user: 0, key: "agenda_item/1/id", visible: true },
    { name: "not when the organization disables anonymous", data: anonymousMeeting(["agenda_item.can_see"], false), user: 0, key: "agenda_item/1/id", visible: false },
    { name: "a logged-in non-member gets no anonymous permissions", data: anonymousMeeting(["agenda_item.can_see"], true), user: 2, key: "agenda_item/1/id", visible: false },
    { name: "anonymous sees a public meeting's settings (B)", data: anonymousMeeting([], true), user: 0, key: "meeting/1/enable_anonymous", visible: true },
    { name: "anonymous sees the organization's name", data: { "organization/1": { id: 1, name: "x" } }, user: 0, key: "organization/1/name", visible: true },
    { name: "anonymous does not see the organization's committees", data: { "organization/1": { id: 1, committee_ids: [1] } }, user: 0, key: "organization/1/committee_ids", visible: false },
  ]));

const motionData = (state: Record<string, unknown>, motion: Record<string, unknown> = {}): Data => ({
  "motion_state/1": { id: 1, meeting_id: 1, ...state },
  "motion/1": { id: 1, meeting_id: 1, state_id: 1, title: "t", number_value: 1, ...motion },
  "motion_submitter/5": { id: 5, meeting_id: 1, motion_id: 1, meeting_user_id: 10 },
});

describe("motion", () =>
  check([
    { name: "motion.can_see sees an unrestricted motion", data: meetingWith(["motion.can_see"], motionData({})), user: 1, key: "motion/1/title", visible: true },
    { name: "no can_see, no motion", data: meetingWith([], motionData({})), user: 1, key: "motion/1/title", visible: false },
    { name: "a restriction the user lacks hides it", data: meetingWith(["motion.can_see"], motionData({ restrictions: ["motion.can_manage"] })), user: 1, key: "motion/1/title", visible: false },
    { name: "a restriction the user holds shows it", data: meetingWith(["motion.can_see", "motion.can_see_internal"], motionData({ restrictions: ["motion.can_see_internal"] })), user: 1, key: "motion/1/title", visible: true },
    {
      name: "is_submitter lets a submitter see it",
      data: meetingWith(["motion.can_see"], motionData({ restrictions: ["is_submitter"] }, { submitter_ids: [5] })),
      user: 1,
      key: "motion/1/title",
      visible: true,
    },
    { name: "number_value is never visible", data: meetingWith([], motionData({})), user: 3, key: "motion/1/number_value", visible: false },
    {
      name: "an amendment of an invisible lead motion is invisible",
      data: meetingWith(["motion.can_see"], {
        ...motionData({ restrictions: ["motion.can_manage"] }),
        "motion_state/2": { id: 2, meeting_id: 1 },
        "motion/2": { id: 2, meeting_id: 1, state_id: 2, lead_motion_id: 1, title: "amendment" },
      }),
      user: 1,
      key: "motion/2/title",
      visible: false,
    },
    { name: "a submitter entry follows its motion", data: meetingWith(["motion.can_see"], motionData({})), user: 1, key: "motion_submitter/5/motion_id", visible: true },
  ]));

describe("user", () =>
  check([
    { name: "one's own username", data: meetingWith([]), user: 2, key: "user/2/id", visible: true },
    { name: "never the password, not even a superadmin", data: { ...meetingWith([]), "user/2": { id: 2, password: "x" } }, user: 3, key: "user/2/password", visible: false },
    { name: "user.can_see shows fellow members' names", data: { ...meetingWith(["user.can_see"]), "user/4": { id: 4, first_name: "x", username: "u", meeting_user_ids: [11] }, "meeting_user/11": { id: 11, user_id: 4, meeting_id: 1 } }, user: 1, key: "user/4/first_name", visible: true },
    { name: "but not their username", data: { ...meetingWith(["user.can_see"]), "user/4": { id: 4, username: "u", meeting_user_ids: [11] }, "meeting_user/11": { id: 11, user_id: 4, meeting_id: 1 } }, user: 1, key: "user/4/username", visible: false },
    { name: "sensitive data with user.can_see_sensitive_data", data: { ...meetingWith(["user.can_see_sensitive_data"]), "user/4": { id: 4, username: "u", meeting_user_ids: [11] }, "meeting_user/11": { id: 11, user_id: 4, meeting_id: 1 } }, user: 1, key: "user/4/username", visible: true },
    { name: "a stranger sees no one", data: { ...meetingWith([]), "user/4": { id: 4, first_name: "x" } }, user: 2, key: "user/4/first_name", visible: false },
    { name: "default_password not over a higher level", data: { ...meetingWith([]), "user/3": { id: 3, organization_management_level: "superadmin", default_password: "p" }, "user/5": { id: 5, organization_management_level: "can_manage_users" } }, user: 5, key: "user/3/default_password", visible: false },
  ]));

describe("personal notes and action workers", () =>
  check([
    { name: "one's own note", data: meetingWith([], { "personal_note/1": { id: 1, meeting_id: 1, meeting_user_id: 10, note: "n" } }), user: 1, key: "personal_note/1/note", visible: true },
    { name: "not someone else's, even for a superadmin", data: meetingWith([], { "personal_note/1": { id: 1, meeting_id: 1, meeting_user_id: 10, note: "n" } }), user: 3, key: "personal_note/1/note", visible: false },
    { name: "one's own action worker", data: { "action_worker/1": { id: 1, user_id: 2, name: "x" }, "user/2": { id: 2 } }, user: 2, key: "action_worker/1/name", visible: true },
    { name: "not another's", data: { "action_worker/1": { id: 1, user_id: 2, name: "x" }, "user/3": { id: 3, organization_management_level: "superadmin" } }, user: 3, key: "action_worker/1/name", visible: false },
  ]));

describe("list of speakers per meeting", () =>
  check([
    {
      name: "permission in one meeting does not show the list of another",
      data: {
        ...meetingWith(["list_of_speakers.can_see"]),
        "meeting/2": { id: 2, committee_id: 1, admin_group_id: 20 },
        "list_of_speakers/7": { id: 7, meeting_id: 2, closed: false },
      },
      user: 1,
      key: "list_of_speakers/7/closed",
      visible: false,
    },
    { name: "can_be_speaker sees the list", data: meetingWith(["list_of_speakers.can_be_speaker"], { "list_of_speakers/7": { id: 7, meeting_id: 1, closed: false } }), user: 1, key: "list_of_speakers/7/closed", visible: true },
    { name: "moderator notes need their permission", data: meetingWith(["list_of_speakers.can_see"], { "list_of_speakers/7": { id: 7, meeting_id: 1, moderator_notes: "m" } }), user: 1, key: "list_of_speakers/7/moderator_notes", visible: false },
  ]));

describe("relation values", () => {
  test("lists keep only visible targets (all invisible: [], as upstream), single relations to invisible targets vanish", () => {
    const data = meetingWith(["agenda_item.can_see"], {
      "agenda_item/1": { id: 1, meeting_id: 1, content_object_id: "topic/1" },
      "agenda_item/2": { id: 2, meeting_id: 1, is_hidden: true, parent_id: 1, tag_ids: [5] },
      "topic/1": { id: 1, meeting_id: 1, agenda_item_id: 1 },
      "tag/5": { id: 5, meeting_id: 1, tagged_ids: ["agenda_item/2"] },
    });
    (data["meeting/1"] as Record<string, unknown>).agenda_item_ids = [1, 2];
    (data["agenda_item/1"] as Record<string, unknown>).child_ids = [2];
    const result = createRestricter(stateOf(data), 1).restrict([
      "meeting/1/agenda_item_ids", "agenda_item/2/parent_id", "agenda_item/1/child_ids", "agenda_item/1/content_object_id", "tag/5/tagged_ids",
    ]);
    assert.deepEqual(result.get("meeting/1/agenda_item_ids"), [1]);
    assert.ok(!result.has("agenda_item/2/parent_id"), "the hidden item itself is invisible");
    assert.deepEqual(result.get("agenda_item/1/child_ids"), [], "a relation list filtered to nothing is []");
    assert.deepEqual(result.get("tag/5/tagged_ids"), [], "so is a generic relation list");
    assert.equal(result.get("agenda_item/1/content_object_id"), "topic/1");
  });

  test("the dependencies name the permission data read", () => {
    const restricter = createRestricter(stateOf(meetingWith(["agenda_item.can_see"], agenda({}))), 1);
    restricter.restrict(["agenda_item/1/id"]);
    for (const key of ["group/3/permissions", "meeting_user/10/group_ids", "agenda_item/1/is_hidden"]) {
      assert.ok(restricter.dependencies.has(key), key);
    }
  });
});

describe("frozen state values", () => {
  test("a chat group's read and write groups are read without changing them (the live state freezes its values)", () => {
    const data = meetingWith([], {
      "chat_group/1": { id: 1, meeting_id: 1, name: "c", read_group_ids: Object.freeze([1]), write_group_ids: Object.freeze([3]) },
    });
    const result = createRestricter(stateOf(data), 1).restrict(["chat_group/1/name"]);
    assert.equal(result.get("chat_group/1/name"), "c", "a member of a write group sees the group");
    assert.deepEqual(data["chat_group/1"]!.read_group_ids, [1]);
  });
});
