import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenter get_mediafile_context", () => {
  let t: PresenterTestServer;
  before(async () => {
    t = await startPresenterServer();
  });
  after(async () => t.stop());

  test("aggregates the uses of a directory's descendants per meeting", async () => {
    const plain = await present(t.admin, "get_mediafile_context", { mediafile_ids: [1, 99] });
    assert.equal(plain.status, 200);
    assert.deepEqual(plain.body, { "1": { owner_id: "meeting/1", published: false, children_amount: 0, meetings_of_interest: {} } });

    const [child] = await t.sql("INSERT INTO mediafile_t (title, is_directory, parent_id, owner_id) VALUES ('logo.png', false, 1, 'meeting/1') RETURNING id");
    const [grandchildDir] = await t.sql("INSERT INTO mediafile_t (title, is_directory, parent_id, owner_id) VALUES ('sub', true, 1, 'meeting/1') RETURNING id");
    await t.sql("INSERT INTO mediafile_t (title, is_directory, parent_id, owner_id) VALUES ('font.ttf', false, $1, 'meeting/1')", [grandchildDir!.id]);
    const [meetingMediafile] = await t.sql("INSERT INTO meeting_mediafile_t (mediafile_id, meeting_id, is_public) VALUES ($1, 1, true) RETURNING id", [child!.id]);
    await t.sql("UPDATE meeting_t SET logo_web_header_id = $1 WHERE id = 1", [meetingMediafile!.id]);
    const [meeting] = await t.sql("SELECT name FROM meeting_t WHERE id = 1");

    const used = await present(t.admin, "get_mediafile_context", { mediafile_ids: [1] });
    assert.deepEqual(used.body, {
      "1": {
        owner_id: "meeting/1",
        published: false,
        children_amount: 3,
        meetings_of_interest: {
          "1": {
            name: meeting!.name,
            holds_attachments: false,
            holds_logos: true,
            holds_fonts: false,
            holds_current_projections: false,
            holds_preview_projections: false,
            holds_history_projections: false,
          },
        },
      },
    });
  });

  test("needs mediafile.can_manage in the owner meeting; bad data is 400", async () => {
    const denied = await present(t.userA, "get_mediafile_context", { mediafile_ids: [1] });
    assert.deepEqual([denied.status, denied.body], [403, { success: false, message: "Missing Permission: mediafile.can_manage" }]);
    const bad = await present(t.admin, "get_mediafile_context", { mediafile_ids: [0] });
    assert.deepEqual([bad.status, bad.body.message], [400, "data.mediafile_ids[0] must be bigger than or equal to 1"]);
    const missing = await present(t.admin, "get_mediafile_context", {});
    assert.deepEqual([missing.status, missing.body.message], [400, "data must contain ['mediafile_ids'] properties"]);
  });
});
