// mediafile.* and meeting.set_logo/unset_logo/set_font/unset_font over HTTP on the example data
// (meeting 1: admin group 2, staff group 3 with mediafile.can_manage, delegates group 5; mediafile
// 1 "logos" is a meeting directory with meeting_mediafile 1 for groups [2, 3]).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const write = (events: Array<Record<string, unknown>>) => suite.server.db.transaction((tx) => tx.write(events as never));
const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);
const created = (answer: { body: any }) => answer.body.results[0][0].id as number;
const mediaRow = async (id: number) =>
  (await suite.server.db.query<{ data: Buffer; mimetype: string }>("SELECT data, mimetype FROM media.mediafile_data WHERE id = $1", [id]))[0];

async function meetingMediafileOf(mediafileId: number, meetingId = 1): Promise<Record<string, unknown> | undefined> {
  const found = await suite.server.db.filter(
    "meeting_mediafile",
    { and_filter: [{ field: "meeting_id", operator: "=", value: meetingId }, { field: "mediafile_id", operator: "=", value: mediafileId }] },
    ["id", "is_public", "access_group_ids", "inherited_access_group_ids"],
  );
  return [...found.values()][0];
}

test("mediafile.upload: meeting file with mimetype, size, meeting_mediafile, stored bytes", async () => {
  const answer = await run(suite.admin, "mediafile.upload", { title: "Agenda", owner_id: "meeting/1", filename: "agenda.txt", file: b64("testtesttest") });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = created(answer);
  const mediafile = await get(`mediafile/${id}`, ["title", "owner_id", "filename", "mimetype", "filesize", "is_directory", "create_timestamp", "meeting_mediafile_ids"]);
  assert.equal(mediafile?.title, "Agenda");
  assert.equal(mediafile?.mimetype, "text/plain");
  assert.equal(mediafile?.filesize, 12);
  assert.equal(mediafile?.is_directory, undefined);
  assert.ok(mediafile?.create_timestamp);
  assert.ok(((await get("meeting/1", ["mediafile_ids"]))?.mediafile_ids as number[]).includes(id));
  const meetingMediafile = await meetingMediafileOf(id);
  assert.deepEqual({ ...meetingMediafile, id: undefined }, { id: undefined, is_public: true });
  assert.deepEqual(mediafile?.meeting_mediafile_ids, [meetingMediafile!.id]);
  assert.ok(((await get("meeting/1", ["meeting_mediafile_ids"]))?.meeting_mediafile_ids as number[]).includes(meetingMediafile!.id as number));
  const row = await mediaRow(id);
  assert.equal(row?.mimetype, "text/plain");
  assert.equal(Buffer.from(row!.data).toString(), "testtesttest");
});

test("mediafile.upload: pdf information, png, csv/json as text; mismatches and unknown extensions refused", async () => {
  const pdf = await run(suite.admin, "mediafile.upload", { title: "PDF", owner_id: "meeting/1", filename: "doc.pdf", file: PDF.toString("base64") });
  assert.equal(pdf.status, 200, JSON.stringify(pdf.body));
  assert.deepEqual((await get(`mediafile/${created(pdf)}`, ["pdf_information", "mimetype"])), { id: created(pdf), pdf_information: { pages: 1 }, mimetype: "application/pdf" });
  const png = await run(suite.admin, "mediafile.upload", { title: "PNG", owner_id: "meeting/1", filename: "red.png", file: PNG.toString("base64") });
  assert.equal(png.status, 200, JSON.stringify(png.body));
  const csv = await run(suite.admin, "mediafile.upload", { title: "CSV", owner_id: "meeting/1", filename: "t.csv", file: b64("A,B\n1,2\n") });
  assert.equal((await get(`mediafile/${created(csv)}`, ["mimetype"]))?.mimetype, "text/csv");
  const json = await run(suite.admin, "mediafile.upload", { title: "JSON", owner_id: "meeting/1", filename: "t.json", file: b64("plain text with a json extension") });
  assert.equal((await get(`mediafile/${created(json)}`, ["mimetype"]))?.mimetype, "application/json");

  const before = (await get("meeting/1", ["mediafile_ids"]))?.mediafile_ids;
  const unknown = await run(suite.admin, "mediafile.upload", { title: "X", owner_id: "meeting/1", filename: "fn_jumbo.unknown", file: b64("testtesttest") });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Cannot guess mimetype for fn_jumbo.unknown.");
  const textAsPdf = await run(suite.admin, "mediafile.upload", { title: "X", owner_id: "meeting/1", filename: "fn_jumbo.pdf", file: b64("testtesttest") });
  assert.equal(textAsPdf.status, 400);
  assert.equal(textAsPdf.body.message, "fn_jumbo.pdf does not have a file extension that matches the determined mimetype text/plain.");
  const pngAsJson = await run(suite.admin, "mediafile.upload", { title: "X", owner_id: "meeting/1", filename: "red.json", file: PNG.toString("base64") });
  assert.equal(pngAsJson.status, 400);
  assert.equal(pngAsJson.body.message, "red.json does not have a file extension that matches the determined mimetype image/png.");
  const noFile = await run(suite.admin, "mediafile.upload", { title: "X", owner_id: "meeting/1", filename: "a.txt" });
  assert.equal(noFile.status, 400);
  assert.equal(noFile.body.message, "Action mediafile.upload: data must contain ['file'] properties");
  const duplicate = await run(suite.admin, "mediafile.upload", { title: "Agenda", owner_id: "meeting/1", filename: "a.txt", file: b64("x") });
  assert.equal(duplicate.status, 400);
  assert.match(duplicate.body.message, /unique_mediafile_title_parent_id_owner_id/);
  assert.deepEqual((await get("meeting/1", ["mediafile_ids"]))?.mediafile_ids, before, "nothing written");
});

test("mediafile.upload / create_directory: access groups narrowed by the parent, consistency checks", async () => {
  const directory = await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Staff", access_group_ids: [3, 5] });
  assert.equal(directory.status, 200, JSON.stringify(directory.body));
  const dirId = created(directory);
  assert.deepEqual((await get(`mediafile/${dirId}`, ["is_directory", "owner_id"])), { id: dirId, is_directory: true, owner_id: "meeting/1" });
  assert.deepEqual({ ...(await meetingMediafileOf(dirId)), id: 0 }, { id: 0, is_public: false, access_group_ids: [3, 5], inherited_access_group_ids: [3, 5] });
  assert.ok(((await get("group/5", ["meeting_mediafile_access_group_ids"]))?.meeting_mediafile_access_group_ids as number[]).includes((await meetingMediafileOf(dirId))!.id as number));

  const file = await run(suite.admin, "mediafile.upload", { title: "Plan", owner_id: "meeting/1", parent_id: dirId, filename: "plan.txt", file: b64("plan"), access_group_ids: [2, 5] });
  assert.equal(file.status, 200, JSON.stringify(file.body));
  const fileId = created(file);
  assert.deepEqual({ ...(await meetingMediafileOf(fileId)), id: 0 }, { id: 0, is_public: false, access_group_ids: [2, 5], inherited_access_group_ids: [5] });
  assert.deepEqual((await get(`mediafile/${dirId}`, ["child_ids"]))?.child_ids, [fileId]);
  assert.equal((await get(`mediafile/${fileId}`, ["parent_id"]))?.parent_id, dirId);
  // Without own groups a file inherits the parent's.
  const inner = await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Inner", parent_id: dirId });
  assert.deepEqual({ ...(await meetingMediafileOf(created(inner))), id: 0 }, { id: 0, is_public: false, inherited_access_group_ids: [3, 5] });

  const notDirectory = await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Y", parent_id: fileId });
  assert.equal(notDirectory.status, 400);
  assert.equal(notDirectory.body.message, "Parent is not a directory.");
  const organizationDir = await run(suite.admin, "mediafile.create_directory", { owner_id: "organization/1", title: "Orga" });
  const ownerMismatch = await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Y", parent_id: created(organizationDir) });
  assert.equal(ownerMismatch.status, 400);
  assert.equal(ownerMismatch.body.message, "Owner and parent don't match.");
  const groupMismatch = await run(suite.admin, "mediafile.create_directory", { owner_id: "organization/1", title: "Y", access_group_ids: [2] });
  assert.equal(groupMismatch.status, 400);
  assert.equal(groupMismatch.body.message, "access_group_ids is not allowed in organization mediafiles.");
  const foreignGroup = await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Y", access_group_ids: [999] });
  assert.equal(foreignGroup.status, 400);
});

test("mediafile.*: permissions for meeting files (mediafile.can_manage) and organization files (can_manage_organization)", async () => {
  const denied = await run(suite.delegate, "mediafile.create_directory", { owner_id: "meeting/1", title: "Mine" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action mediafile.create_directory. Missing Permission: mediafile.can_manage");
  const deniedOrga = await run(suite.delegate, "mediafile.upload", { owner_id: "organization/1", title: "Mine", filename: "a.txt", file: b64("a") });
  assert.equal(deniedOrga.status, 403);
  assert.equal(deniedOrga.body.message, "You are not allowed to perform action mediafile.upload. Missing OrganizationManagementLevel: can_manage_organization");
  for (const [action, data] of [
    ["mediafile.update", { id: 1, title: "x" }],
    ["mediafile.delete", { id: 1 }],
    ["mediafile.move", { owner_id: "meeting/1", ids: [1], parent_id: null }],
  ] as const) {
    const answer = await run(suite.delegate, action, data);
    assert.equal(answer.status, 403, action);
    assert.equal(answer.body.message, `You are not allowed to perform action ${action}. Missing Permission: mediafile.can_manage`);
  }
  const publish = await run(suite.delegate, "mediafile.publish", { id: 1, publish: true });
  assert.equal(publish.status, 403);
  assert.equal(publish.body.message, "You are not allowed to perform action mediafile.publish. Missing OrganizationManagementLevel: can_manage_organization");
  // Staff members (group 3) may manage meeting files.
  const promoted = await run(suite.admin, "user.update", { id: 2, meeting_id: 1, group_ids: [3, 5] });
  assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
  try {
    const allowed = await run(suite.delegate, "mediafile.create_directory", { owner_id: "meeting/1", title: "By staff" });
    assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
    await write([{ type: "update", fqid: "meeting/1", fields: { is_active_in_organization_id: null } }]);
    const archived = await run(suite.delegate, "mediafile.create_directory", { owner_id: "meeting/1", title: "Archived" });
    assert.equal(archived.status, 400);
    assert.match(archived.body.message, /^Meeting .*\/1 cannot be changed, because it is archived\.$/);
  } finally {
    await write([{ type: "update", fqid: "meeting/1", fields: { is_active_in_organization_id: 1 } }]).catch((error) => console.error("REACTIVATE", error));
    const demoted = await run(suite.admin, "user.update", { id: 2, meeting_id: 1, group_ids: [5] });
    assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
  }
});

test("mediafile.update: title, access groups recalculated for the children; token only for organization files", async () => {
  const dir = created(await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Upd" }));
  const child = created(await run(suite.admin, "mediafile.upload", { owner_id: "meeting/1", title: "Child", parent_id: dir, filename: "c.txt", file: b64("c") }));
  assert.deepEqual({ ...(await meetingMediafileOf(child)), id: 0 }, { id: 0, is_public: true });
  const answer = await run(suite.admin, "mediafile.update", { id: dir, title: "Updated", meeting_id: 1, access_group_ids: [3] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal((await get(`mediafile/${dir}`, ["title"]))?.title, "Updated");
  assert.deepEqual({ ...(await meetingMediafileOf(dir)), id: 0 }, { id: 0, is_public: false, access_group_ids: [3], inherited_access_group_ids: [3] });
  assert.deepEqual({ ...(await meetingMediafileOf(child)), id: 0 }, { id: 0, is_public: false, inherited_access_group_ids: [3] });
  const noMeeting = await run(suite.admin, "mediafile.update", { id: dir, access_group_ids: [3] });
  assert.equal(noMeeting.status, 400);
  assert.equal(noMeeting.body.message, "Cannot update access groups without meeting_id");
  const token = await run(suite.admin, "mediafile.update", { id: dir, token: "x" });
  assert.equal(token.status, 400);
  assert.equal(token.body.message, "token is not allowed in meeting mediafiles.");
  const filename = await run(suite.admin, "mediafile.update", { id: dir, filename: "x" });
  assert.equal(filename.status, 400);
  assert.equal(filename.body.message, "Action mediafile.update: data must not contain {'filename'} properties");
  const groupMismatch = await run(suite.admin, "mediafile.update", { id: dir, meeting_id: 1, access_group_ids: [999] });
  assert.equal(groupMismatch.status, 400);
});

test("organization files: token replaces, publish creates meeting data on demand, unpublish deletes it", async () => {
  const first = await run(suite.admin, "mediafile.upload", { owner_id: "organization/1", title: "Logo", filename: "logo.png", file: PNG.toString("base64"), token: "web_logo" });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const firstId = created(first);
  assert.ok(((await get("organization/1", ["mediafile_ids"]))?.mediafile_ids as number[]).includes(firstId));
  const second = await run(suite.admin, "mediafile.upload", { owner_id: "organization/1", title: "Logo 2", filename: "logo.png", file: PNG.toString("base64"), token: "web_logo" });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  assert.equal(await get(`mediafile/${firstId}`, ["id"]), undefined, "the file with the same token is gone");
  const noneToken = await run(suite.admin, "mediafile.upload", { owner_id: "organization/1", title: "Logo 3", filename: "logo.png", file: PNG.toString("base64"), token: null });
  assert.equal(noneToken.status, 400);
  const twice = await suite.admin.post("/system/action/handle_request", [
    { action: "mediafile.upload", data: [
      { owner_id: "organization/1", title: "T1", filename: "a.txt", file: b64("a"), token: "same" },
      { owner_id: "organization/1", title: "T2", filename: "a.txt", file: b64("a"), token: "same" },
    ] },
  ]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "It is not permitted to use the same token twice in a request.");

  const folder = created(await run(suite.admin, "mediafile.create_directory", { owner_id: "organization/1", title: "Shared" }));
  const inFolder = created(await run(suite.admin, "mediafile.upload", { owner_id: "organization/1", title: "Doc", parent_id: folder, filename: "doc.txt", file: b64("doc") }));
  const published = await run(suite.admin, "mediafile.publish", { id: folder, publish: true });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal((await get(`mediafile/${folder}`, ["published_to_meetings_in_organization_id"]))?.published_to_meetings_in_organization_id, 1);
  assert.equal((await get(`mediafile/${inFolder}`, ["published_to_meetings_in_organization_id"]))?.published_to_meetings_in_organization_id, 1);
  assert.ok(((await get("organization/1", ["published_mediafile_ids"]))?.published_mediafile_ids as number[]).includes(inFolder));
  const childPublish = await run(suite.admin, "mediafile.publish", { id: inFolder, publish: true });
  assert.equal(childPublish.status, 400);
  assert.equal(childPublish.body.message, "Only top-level mediafiles may be published");
  const meetingPublish = await run(suite.admin, "mediafile.publish", { id: 1, publish: true });
  assert.equal(meetingPublish.status, 400);
  assert.equal(meetingPublish.body.message, "Only organization-owned mediafiles may be published");

  // The meeting side: access groups of a published organization file, set by a meeting manager.
  const access = await run(suite.admin, "mediafile.update", { id: folder, meeting_id: 1, access_group_ids: [3] });
  assert.equal(access.status, 200, JSON.stringify(access.body));
  assert.deepEqual({ ...(await meetingMediafileOf(folder)), id: 0 }, { id: 0, is_public: false, access_group_ids: [3], inherited_access_group_ids: [3] });
  assert.deepEqual({ ...(await meetingMediafileOf(inFolder)), id: 0 }, { id: 0, is_public: false, inherited_access_group_ids: [3] });
  // A new file in the published folder gets meeting data for the folder's meetings.
  const late = created(await run(suite.admin, "mediafile.upload", { owner_id: "organization/1", title: "Late", parent_id: folder, filename: "late.txt", file: b64("late") }));
  assert.equal((await get(`mediafile/${late}`, ["published_to_meetings_in_organization_id"]))?.published_to_meetings_in_organization_id, 1);
  assert.deepEqual({ ...(await meetingMediafileOf(late)), id: 0 }, { id: 0, is_public: false, inherited_access_group_ids: [3] });

  const unpublished = await run(suite.admin, "mediafile.publish", { id: folder, publish: false });
  assert.equal(unpublished.status, 200, JSON.stringify(unpublished.body));
  assert.equal((await get(`mediafile/${folder}`, ["published_to_meetings_in_organization_id"]))?.published_to_meetings_in_organization_id, undefined);
  for (const id of [folder, inFolder, late]) assert.equal(await meetingMediafileOf(id), undefined, `meeting data of ${id} deleted`);
  const wrong = await run(suite.admin, "mediafile.publish", { id: folder, publish: "yes" });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Action mediafile.publish: data.publish must be boolean");
});

test("mediafile.move: new parent, access recalculated, no cycles, one data item", async () => {
  const a = created(await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "A", access_group_ids: [3] }));
  const b = created(await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "B" }));
  const file = created(await run(suite.admin, "mediafile.upload", { owner_id: "meeting/1", title: "F", parent_id: b, filename: "f.txt", file: b64("f") }));
  const moved = await run(suite.admin, "mediafile.move", { owner_id: "meeting/1", ids: [b], parent_id: a });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal((await get(`mediafile/${b}`, ["parent_id"]))?.parent_id, a);
  assert.deepEqual((await get(`mediafile/${a}`, ["child_ids"]))?.child_ids, [b]);
  assert.deepEqual({ ...(await meetingMediafileOf(b)), id: 0 }, { id: 0, is_public: false, inherited_access_group_ids: [3] });
  assert.deepEqual({ ...(await meetingMediafileOf(file)), id: 0 }, { id: 0, is_public: false, inherited_access_group_ids: [3] });
  const circle = await run(suite.admin, "mediafile.move", { owner_id: "meeting/1", ids: [a], parent_id: b });
  assert.equal(circle.status, 400);
  assert.equal(circle.body.message, `Moving item ${a} to one of its children is not possible.`);
  const loose = created(await run(suite.admin, "mediafile.upload", { owner_id: "meeting/1", title: "Loose", filename: "l.txt", file: b64("l") }));
  const notDirectory = await run(suite.admin, "mediafile.move", { owner_id: "meeting/1", ids: [a], parent_id: loose });
  assert.equal(notDirectory.status, 400);
  assert.equal(notDirectory.body.message, "Parent is not a directory.");
  const back = await run(suite.admin, "mediafile.move", { owner_id: "meeting/1", ids: [b], parent_id: null });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal((await get(`mediafile/${b}`, ["parent_id"]))?.parent_id, undefined);
  assert.deepEqual({ ...(await meetingMediafileOf(file)), id: 0 }, { id: 0, is_public: true });
  const many = await suite.admin.post("/system/action/handle_request", [{ action: "mediafile.move", data: [
    { owner_id: "meeting/1", ids: [b], parent_id: a }, { owner_id: "meeting/1", ids: [b], parent_id: null },
  ] }]);
  assert.equal(many.status, 400);
  assert.equal(many.body.message, "data must contain less than or equal to 1 items");
});

test("mediafile.delete: the whole subtree with its meeting data; organization files need the organization level", async () => {
  const dir = created(await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Del" }));
  const child = created(await run(suite.admin, "mediafile.create_directory", { owner_id: "meeting/1", title: "Del child", parent_id: dir }));
  const grandchild = created(await run(suite.admin, "mediafile.upload", { owner_id: "meeting/1", title: "Del file", parent_id: child, filename: "d.txt", file: b64("d") }));
  const mm = (await meetingMediafileOf(grandchild))!.id as number;
  const answer = await run(suite.admin, "mediafile.delete", { id: dir });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const id of [dir, child, grandchild]) assert.equal(await get(`mediafile/${id}`, ["id"]), undefined);
  assert.equal(await get(`meeting_mediafile/${mm}`, ["id"]), undefined);
  const meeting = await get("meeting/1", ["mediafile_ids", "meeting_mediafile_ids"]);
  assert.ok(!(meeting?.mediafile_ids as number[]).includes(dir));
  assert.ok(!(meeting?.meeting_mediafile_ids as number[]).includes(mm));
  const missing = await run(suite.admin, "mediafile.delete", { id: 9999 });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'mediafile/9999' does not exist.");
});

test("meeting.set_logo / set_font / unset_*: meeting file or published organization file at a place", async () => {
  const logo = created(await run(suite.admin, "mediafile.upload", { owner_id: "meeting/1", title: "Logo", filename: "logo.png", file: PNG.toString("base64") }));
  const answer = await run(suite.admin, "meeting.set_logo", { id: 1, mediafile_id: logo, place: "web_header" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const meetingMediafile = (await meetingMediafileOf(logo))!.id as number;
  assert.equal((await get("meeting/1", ["logo_web_header_id"]))?.logo_web_header_id, meetingMediafile);
  assert.equal((await get(`meeting_mediafile/${meetingMediafile}`, ["used_as_logo_web_header_in_meeting_id"]))?.used_as_logo_web_header_in_meeting_id, 1);
  const wrongPlace = await run(suite.admin, "meeting.set_logo", { id: 1, mediafile_id: logo, place: "broken" });
  assert.equal(wrongPlace.status, 400);
  assert.equal(wrongPlace.body.message, "logo_broken_id is not a valid field for model meeting.");
  const directory = await run(suite.admin, "meeting.set_logo", { id: 1, mediafile_id: 1, place: "web_header" });
  assert.equal(directory.status, 400);
  assert.equal(directory.body.message, "Cannot set a directory.");
  const text = created(await run(suite.admin, "mediafile.upload", { owner_id: "meeting/1", title: "Txt", filename: "t.txt", file: b64("t") }));
  const notImage = await run(suite.admin, "meeting.set_logo", { id: 1, mediafile_id: text, place: "web_header" });
  assert.equal(notImage.status, 400);
  assert.equal(notImage.body.message, "Invalid mimetype: text/plain, allowed are ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']");
  const notFont = await run(suite.admin, "meeting.set_font", { id: 1, mediafile_id: logo, place: "bold" });
  assert.equal(notFont.status, 400);
  assert.equal(notFont.body.message, "Invalid mimetype: image/png, allowed are ['font/ttf', 'font/woff', 'application/font-woff', 'application/font-sfnt']");
  const denied = await run(suite.delegate, "meeting.set_logo", { id: 1, mediafile_id: logo, place: "web_header" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action meeting.set_logo. Missing Permission: meeting.can_manage_logos_and_fonts");
  const deniedUnset = await run(suite.delegate, "meeting.unset_logo", { id: 1, place: "web_header" });
  assert.equal(deniedUnset.status, 403);
  assert.equal(deniedUnset.body.message, "You are not allowed to perform action meeting.unset_logo. Missing Permission: meeting.can_manage_logos_and_fonts");

  const font = Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(60)]);
  const fontId = created(await run(suite.admin, "mediafile.upload", { owner_id: "meeting/1", title: "Font", filename: "zenda.ttf", file: font.toString("base64") }));
  assert.equal((await get(`mediafile/${fontId}`, ["mimetype"]))?.mimetype, "font/ttf");
  assert.equal((await run(suite.admin, "meeting.set_font", { id: 1, mediafile_id: fontId, place: "bold" })).status, 200);
  assert.equal((await get("meeting/1", ["font_bold_id"]))?.font_bold_id, (await meetingMediafileOf(fontId))!.id);

  // Organization files: unpublished ones are refused, published ones get meeting data.
  const orga = created(await run(suite.admin, "mediafile.upload", { owner_id: "organization/1", title: "Orga logo", filename: "o.png", file: PNG.toString("base64") }));
  const unpublished = await run(suite.admin, "meeting.set_logo", { id: 1, mediafile_id: orga, place: "pdf_header_l" });
  assert.equal(unpublished.status, 400);
  assert.equal(unpublished.body.message, "No meeting_mediafile creation possible: Mediafile is not published.");
  assert.equal((await run(suite.admin, "mediafile.publish", { id: orga, publish: true })).status, 200);
  const published = await run(suite.admin, "meeting.set_logo", { id: 1, mediafile_id: orga, place: "pdf_header_l" });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.deepEqual({ ...(await meetingMediafileOf(orga)), id: 0 }, { id: 0, is_public: false, access_group_ids: [2], inherited_access_group_ids: [2] });

  const unset = await run(suite.admin, "meeting.unset_logo", { id: 1, place: "web_header" });
  assert.equal(unset.status, 200, JSON.stringify(unset.body));
  assert.equal((await get("meeting/1", ["logo_web_header_id"]))?.logo_web_header_id, undefined);
  assert.equal((await get(`meeting_mediafile/${meetingMediafile}`, ["used_as_logo_web_header_in_meeting_id"]))?.used_as_logo_web_header_in_meeting_id, undefined);
  assert.equal((await run(suite.admin, "meeting.unset_font", { id: 1, place: "bold" })).status, 200);
  assert.equal((await get("meeting/1", ["font_bold_id"]))?.font_bold_id, undefined);
  const missingPlace = await run(suite.admin, "meeting.unset_font", { id: 1 });
  assert.equal(missingPlace.status, 400);
  assert.equal(missingPlace.body.message, "Action meeting.unset_font: data must contain ['place'] properties");
});
