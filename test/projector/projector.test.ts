// The projector component over HTTP on the real server (example data): health, static files, the
// middleware's errors and visibility, the projector page, the SSE subscription with its events
// after actions (project, update, unproject, settings), and the preview.
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

interface SseEvent {
  event: string;
  data: string;
}

interface SseStream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The next event whose name matches (earlier ones are dropped), waiting up to timeoutMs. */
  next(name?: string | ((event: SseEvent) => boolean), timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  close(): void;
}

function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    let wake: (() => void) | undefined;
    let buffer = "";
    let body = "";
    const req = request(url, { headers }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of frame.split("\n")) {
            if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data.push(line.slice(6));
            else if (line === "data:") data.push("");
          }
          if (frame.startsWith(":")) continue;
          events.push({ event, data: data.join("\n") });
          wake?.();
        }
      });
      res.on("error", () => undefined);
      const ended = new Promise<void>((resolveEnd) => res.on("end", resolveEnd));
      const stream: SseStream = {
        ended,
        status: res.statusCode ?? 0,
        headers: res.headers,
        get body() {
          return body;
        },
        async next(name, timeoutMs = 5000) {
          const matches = (event: SseEvent) => (name === undefined ? true : typeof name === "string" ? event.event === name : name(event));
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            while (events.length > 0) {
              const event = events.shift()!;
              if (matches(event)) return event;
            }
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no event ${String(name)} arrived; body so far: ${body.slice(-2000)}`);
            await new Promise<void>((resolveWait) => {
              const timer = setTimeout(resolveWait, left);
              wake = () => {
                clearTimeout(timer);
                resolveWait();
              };
            });
            wake = undefined;
          }
        },
        close: () => req.destroy(),
      };
      resolve(stream);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("projector service", () => {
  let server: StartedServer;
  const clients: Record<string, Client> = {};
  const headersOf = (client: Client): Record<string, string> => ({ authentication: client.token!, cookie: client.cookie! });
  const act = async (action: string, data: Record<string, unknown>) => {
    const answer = await clients.admin!.post("/system/action/handle_request", [{ action, data: [data] }]);
    assert.equal(answer.status, 200, answer.text);
    return answer.body.results[0]?.[0] as { id: number } | null;
  };

  before(async () => {
    server = await startServer();
    for (const [name, password] of [["admin", "admin"], ["a", "a"]] as const) {
      clients[name] = new Client(server.url);
      await clients[name].login(name, password);
    }
  });
  after(async () => server?.stop());

  test("health", async () => {
    const answer = await new Client(server.url).get("/system/projector/health");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { healthy: true, service: "projector" });
  });

  test("static files: the script exports Projector, styles, unknown files 404", async () => {
    const script = await new Client(server.url).get("/system/projector/static/projector.js");
    assert.equal(script.status, 200);
    assert.match(script.headers.get("content-type") ?? "", /javascript/);
    assert.match(script.text, /export function Projector\(host, id/);
    for (const name of ["projector.css", "projector-page.css"]) {
      const css = await new Client(server.url).get(`/system/projector/static/${name}`);
      assert.equal(css.status, 200);
      assert.match(css.headers.get("content-type") ?? "", /text\/css/);
    }
    const missing = await new Client(server.url).get("/system/projector/static/nothing.js");
    assert.equal(missing.status, 404);
  });

  test("middleware: bad id 400, anonymous and unknown projectors 401, only one credential 401", async () => {
    const bad = await clients.a!.get("/system/projector/get/abc");
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { error: true, msg: "Projector id invalid" });
    const anonymous = await new Client(server.url).get("/system/projector/get/1");
    assert.equal(anonymous.status, 401);
    assert.deepEqual(anonymous.body, { error: true, msg: "permissions denied" });
    const unknown = await clients.admin!.get("/system/projector/get/999");
    assert.equal(unknown.status, 401);
    const tokenOnly = await new Client(server.url).get("/system/projector/get/1", { authentication: clients.a!.token! });
    assert.equal(tokenOnly.status, 401);
    assert.deepEqual(tokenOnly.body, { error: true, msg: "authenticate request failed" });
  });

  test("the projector page: content in a template, the module script, the current projections", async () => {
    const page = await clients.a!.get("/system/projector/get/1");
    assert.equal(page.status, 200, page.text);
    assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    assert.match(page.text, /<template id="current-content">/);
    assert.match(page.text, /import \{ Projector \} from "\/system\/projector\/static\/projector\.js"/);
    assert.match(page.text, /id="projector-container"/);
    assert.match(page.text, /<div class="slide" data-id="4">/);
    assert.match(page.text, /class="content assignment"/);
    assert.match(page.text, /<div class="overlay-container">/);
  });

  test("subscribe: init content, connected, then slide updates, settings and deletions after actions", async () => {
    const stream = await openSse(`${server.url}/system/projector/subscribe/1?init=1`, headersOf(clients.a!));
    try {
      assert.equal(stream.status, 200);
      assert.equal(stream.headers["content-type"], "text/event-stream");
      assert.equal(stream.headers["cache-control"], "no-cache");
      const init = await stream.next();
      assert.equal(init.event, "projector-replace");
      const html = JSON.parse(init.data) as string;
      assert.match(html, /<div id="slides">/);
      const connected = await stream.next();
      assert.equal(connected.event, "connected");
      assert.ok(Math.abs(Number(connected.data) - Date.now()) < 60_000);

      // Project a new topic: a new projection appears.
      const topic = (await act("topic.create", { meeting_id: 1, title: "Projected topic", text: "<p>Hello <strong>projector</strong></p>" }))!;
      await act("projector.project", { ids: [1], content_object_id: `topic/${topic.id}`, meeting_id: 1, keep_active_projections: true });
      const added = await stream.next((event) => event.event === "projection-updated" && event.data.includes("Projected topic"));
      const slides = JSON.parse(added.data) as Record<string, string>;
      const [projectionId, slideHtml] = Object.entries(slides).find(([, value]) => value.includes("Projected topic"))!;
      assert.match(slideHtml, /<strong>projector<\/strong>/);

      // The topic changes: only its slide is sent again.
      await act("topic.update", { id: topic.id, title: "Renamed topic" });
      const renamed = await stream.next((event) => event.event === "projection-updated" && event.data.includes("Renamed topic"));
      assert.deepEqual(Object.keys(JSON.parse(renamed.data)), [projectionId]);

      // A message and a countdown as overlays.
      const message = (await act("projector_message.create", { meeting_id: 1, message: "<p>Break until 3 pm</p>" }))!;
      await act("projector.project", { ids: [1], content_object_id: `projector_message/${message.id}`, meeting_id: 1, stable: true, keep_active_projections: true });
      const messageEvent = await stream.next((event) => event.event === "projection-updated" && event.data.includes("Break until 3 pm"));
      assert.match(messageEvent.data, /data-is-overlay/);
      const countdown = (await act("projector_countdown.create", { meeting_id: 1, title: "Speech", default_time: 90 }))!;
      await act("projector.project", { ids: [1], content_object_id: `projector_countdown/${countdown.id}`, meeting_id: 1, stable: true, keep_active_projections: true });
      const countdownEvent = await stream.next((event) => event.event === "projection-updated" && event.data.includes("os-countdown"));
      assert.match(countdownEvent.data, /data-countdown-time=\\"90\\"/);

      // Settings: the settings event, then the whole content.
      await act("projector.update", { id: 1, color: "#123456", show_clock: true });
      const settings = await stream.next("settings");
      const parsed = JSON.parse(settings.data) as Record<string, unknown>;
      assert.equal(parsed.Color, "#123456");
      assert.equal(parsed.ShowClock, true);
      assert.equal(parsed.MeetingName, "OpenSlides Demo");
      const replaced = await stream.next();
      assert.equal(replaced.event, "projector-replace");
      assert.match(JSON.parse(replaced.data) as string, /--projector-color: #123456;/);

      // Removing the topic's projection.
      await act("projection.delete", { id: Number(projectionId) });
      const deleted = await stream.next("projection-deleted");
      assert.equal(deleted.data, projectionId);
    } finally {
      stream.close();
    }
  });

  test("subscribe: the agenda and the list of speakers slides", async () => {
    const stream = await openSse(`${server.url}/system/projector/subscribe/2?init=1`, headersOf(clients.admin!));
    try {
      await stream.next("projector-replace");
      await act("projector.project", { ids: [2], content_object_id: "meeting/1", type: "agenda_item_list", meeting_id: 1, keep_active_projections: true });
      const agenda = await stream.next((event) => event.event === "projection-updated" && event.data.includes("agenda-item-list"));
      assert.match(agenda.data, /agenda-item/);
      await act("projector.project", { ids: [2], content_object_id: "list_of_speakers/3", meeting_id: 1 });
      const los = await stream.next((event) => event.event === "projection-updated" && event.data.includes("list-of-speakers"));
      assert.match(los.data, /List of speakers/);
    } finally {
      stream.close();
    }
  });

  test("subscribe: German labels with lang=de, the chyron of the current speaker", async () => {
    const stream = await openSse(`${server.url}/system/projector/subscribe/2?init=1&lang=de`, headersOf(clients.admin!));
    try {
      await stream.next("projector-replace");
      await act("projector.project", { ids: [2], content_object_id: "list_of_speakers/3", meeting_id: 1 });
      const los = await stream.next((event) => event.event === "projection-updated" && event.data.includes("list-of-speakers"));
      assert.match(los.data, /Redeliste/);
      await act("projector.project", { ids: [1], content_object_id: "list_of_speakers/3", meeting_id: 1 });
      await act("projector.project", { ids: [2], content_object_id: "meeting/1", type: "current_speaker_chyron", meeting_id: 1, stable: true, options: { chyron_type: "old", agenda_item: true }, keep_active_projections: true });
      // Speaker 2 of the example data (user a) waits on list 3.
      await act("speaker.speak", { id: 2 });
      const chyron = await stream.next((event) => event.event === "projection-updated" && event.data.includes("chyron-speaker"));
      assert.match(chyron.data, /data-is-overlay/);
    } finally {
      stream.close();
    }
  });

  test("subscribe: a deleted projector sends `deleted` and ends the stream", async () => {
    const projector = (await act("projector.create", { meeting_id: 1, name: "Temporary" }))!;
    const stream = await openSse(`${server.url}/system/projector/subscribe/${projector.id}`, headersOf(clients.admin!));
    try {
      await stream.next("connected");
      await act("projector.delete", { id: projector.id });
      const deleted = await stream.next("deleted");
      assert.equal(deleted.data, "");
      await stream.ended;
    } finally {
      stream.close();
    }
  });

  test("subscribe: a logout of the session ends the stream", async () => {
    const member = new Client(server.url);
    await member.login("a", "a");
    const stream = await openSse(`${server.url}/system/projector/subscribe/1`, headersOf(member));
    try {
      await stream.next("connected");
      const logout = await member.post("/system/auth/secure/logout");
      assert.equal(logout.status, 200, logout.text);
      await Promise.race([stream.ended, new Promise((_, reject) => setTimeout(() => reject(new Error("the stream did not end")), 5000))]);
    } finally {
      stream.close();
    }
  });

  test("subscribe: unknown projector 401, without init no content frame", async () => {
    const unknown = await openSse(`${server.url}/system/projector/subscribe/999`, headersOf(clients.admin!));
    assert.equal(unknown.status, 401);
    unknown.close();
    const plain = await openSse(`${server.url}/system/projector/subscribe/1`, headersOf(clients.a!));
    try {
      const first = await plain.next();
      assert.equal(first.event, "connected");
    } finally {
      plain.close();
    }
  });

  test("preview: the posted settings override the stored ones; bad JSON is 400", async () => {
    const preview = await clients.admin!.post("/system/projector/preview/1", { color: "#abcdef", show_header_footer: false });
    assert.equal(preview.status, 200, preview.text);
    assert.match(preview.text, /--projector-color: #abcdef;/);
    assert.doesNotMatch(preview.text, /id="header"/);
    assert.match(preview.text, /standalone: true/);
    const bad = await clients.admin!.post("/system/projector/preview/1", "{not json");
    assert.equal(bad.status, 400);
  });
});
