// The media component over HTTP on the real server (example data): downloads by mediafile and
// meeting_mediafile id with the restricter's visibility, headers, errors, health, and the
// internal upload/duplicate routes on the media port.
import http from "node:http";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

describe("media service", () => {
  let server: StartedServer;
  const clients: Record<string, Client> = {};
  let publicFile = 0;
  let staffFile = 0;
  let staffMeetingMediafile = 0;

  before(async () => {
    server = await startServer({ env: { OPENSLIDES_COMPONENT_PORTS: "media", MEDIA_PORT: "0" } });
    for (const [name, password] of [["admin", "admin"], ["a", "a"]] as const) {
      clients[name] = new Client(server.url);
      await clients[name].login(name, password);
    }
    const upload = async (data: Record<string, unknown>) => {
      const answer = await clients.admin!.post("/system/action/handle_request", [{ action: "mediafile.upload", data: [data] }]);
      assert.equal(answer.status, 200, answer.text);
      return answer.body.results[0][0].id as number;
    };
    publicFile = await upload({ owner_id: "meeting/1", title: "Public", filename: "report €.txt", file: Buffer.from("hello media").toString("base64") });
    staffFile = await upload({ owner_id: "meeting/1", title: "Staff", filename: "staff.png", file: PNG, access_group_ids: [3] });
    const lookup = await clients.admin!.post("/system/action/handle_request", [{ action: "meeting.set_logo", data: [{ id: 1, mediafile_id: staffFile, place: "web_header" }] }]);
    assert.equal(lookup.status, 200, lookup.text);
  });
  after(async () => server?.stop());

  test("health", async () => {
    const answer = await new Client(server.url).get("/system/media/health");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { healthy: true, service: "media" });
  });

  test("download: bytes, content type with charset for text, attachment disposition in Latin-1", async () => {
    const answer = await clients.a!.get(`/system/media/get/${publicFile}`);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.text, "hello media");
    assert.equal(answer.headers.get("content-type"), "text/plain; charset=utf-8");
    // Latin-1 on the wire: node's own client reads header bytes as Latin-1.
    const disposition = await new Promise<string>((resolve, reject) => {
      const url = new URL(`${server.url}/system/media/get/${publicFile}`);
      http.get(url, { headers: { cookie: clients.a!.cookie! } }, (response) => {
        response.resume();
        resolve(String(response.headers["content-disposition"]));
      }).on("error", reject);
    });
    assert.equal(disposition, 'attachment; filename="report ?.txt"');
    assert.equal(answer.headers.get("cache-control"), null, "no client caching in development mode");
  });

  test("download: invisible files are 404 for members outside the access groups and for anonymous", async () => {
    const admin = await clients.admin!.get(`/system/media/get/${staffFile}`);
    assert.equal(admin.status, 200);
    assert.equal(admin.headers.get("content-type"), "image/png");
    // The logo place makes the meeting_mediafile visible to every meeting member (restricter rule).
    const logo = await clients.a!.get(`/system/media/get/${staffFile}`);
    assert.equal(logo.status, 200);
    const unset = await clients.admin!.post("/system/action/handle_request", [{ action: "meeting.unset_logo", data: [{ id: 1, place: "web_header" }] }]);
    assert.equal(unset.status, 200, unset.text);
    const hidden = await clients.a!.get(`/system/media/get/${staffFile}`);
    assert.equal(hidden.status, 404);
    assert.deepEqual(hidden.body, { message: "Media-Server: Not Found." });
    const anonymous = await new Client(server.url).get(`/system/media/get/${publicFile}`);
    assert.equal(anonymous.status, 404);
  });

  test("download by meeting_mediafile id; unknown and malformed ids; a file without filename", async () => {
    // The example data has meeting_mediafile 1 (a directory); the uploads' come after it.
    for (let id = 2; id < 10; id++) {
      const answer = await clients.admin!.get(`/system/media/get-meeting/${id}`);
      if (answer.status === 200 && answer.headers.get("content-type") === "image/png") {
        staffMeetingMediafile = id;
        break;
      }
    }
    assert.ok(staffMeetingMediafile > 0, "the staff file is reachable through its meeting_mediafile");
    const hidden = await clients.a!.get(`/system/media/get-meeting/${staffMeetingMediafile}`);
    assert.equal(hidden.status, 404);
    assert.deepEqual(hidden.body, { message: "Media-Server: Not Found." });
    const unknownMeetingMediafile = await clients.a!.get("/system/media/get-meeting/99999");
    assert.equal(unknownMeetingMediafile.status, 404, unknownMeetingMediafile.text);
    assert.equal((await clients.a!.get("/system/media/get/99999")).status, 404);
    assert.equal((await clients.a!.get("/system/media/get/abc")).status, 404);
    assert.equal((await clients.a!.get("/system/media/get/-1")).status, 404);
    // Directory 1 of the example data has no content: upstream answers 500, we 404 (issue 13, item 7).
    const directory = await clients.admin!.get("/system/media/get/1");
    assert.equal(directory.status, 404);
    assert.deepEqual(directory.body, { message: "Media-Server: Not Found." });
  });

  test("an invalid refresh cookie redirects to /", async () => {
    const response = await fetch(`${server.url}/system/media/get/${publicFile}`, { headers: { cookie: "refreshId=bearer%20broken" }, redirect: "manual" });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get("location"), "/");
  });

  test("internal routes on the media port: upload, duplicate, errors", async () => {
    const port = server.componentPorts.media!;
    const internal = new Client(server.url.replace(/:\d+$/, `:${port}`));
    const upload = await internal.post("/internal/media/upload_mediafile/", { file: Buffer.from("raw").toString("base64"), id: 5000, mimetype: "text/plain" });
    assert.equal(upload.status, 200, upload.text);
    const again = await internal.post("/internal/media/upload_mediafile/", { file: Buffer.from("raw").toString("base64"), id: 5000, mimetype: "text/plain" });
    assert.equal(again.status, 500);
    const bad = await internal.post("/internal/media/upload_mediafile/", { file: "%%%", id: 5001, mimetype: "text/plain" });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { message: "Media-Server: cannot decode base64 file" });
    const noMimetype = await internal.post("/internal/media/upload_mediafile/", { file: "", id: 5002 });
    assert.equal(noMimetype.status, 400);
    const notJson = await internal.request("POST", "/internal/media/upload_mediafile/", "nope", { "content-type": "application/json" });
    assert.equal(notJson.status, 400);
    assert.deepEqual(notJson.body, { message: "Media-Server: request.data is not json" });
    const duplicate = await internal.post("/internal/media/duplicate_mediafile/", { source_id: 5000, target_id: 5003 });
    assert.equal(duplicate.status, 200, duplicate.text);
    const missing = await internal.post("/internal/media/duplicate_mediafile/", { source_id: 4999, target_id: 5004 });
    assert.equal(missing.status, 404);
    const redirect = await fetch(`${internal.baseUrl}/internal/media/upload_mediafile`, { method: "POST", redirect: "manual" });
    assert.equal(redirect.status, 308);
    const mainPort = await clients.admin!.post("/internal/media/upload_mediafile/", { file: "", id: 5005, mimetype: "text/plain" });
    assert.notEqual(mainPort.status, 200, "internal routes are not served on the main port");
  });
});
