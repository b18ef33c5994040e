// The projector's motion slide modes (original, changed, diff, agreed, modified final version)
// with change recommendations and a merged amendment, and the poll slides with their results
// (a published motion poll as a chart, an assignment poll as a table), over HTTP on the real
// server (example data, meeting 1, projector 2); a user without projector.can_see gets nothing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

describe("projector slides: motion modes and poll results", () => {
  let server: StartedServer;
  let admin: Client;
  const act = async (action: string, data: Record<string, unknown>) => {
    const answer = await admin.post("/system/action/handle_request", [{ action, data: [data] }]);
    assert.equal(answer.status, 200, answer.text);
    return answer.body.results[0]?.[0] as { id: number } | null;
  };
  /**
   * Projects the object on projector 2 and returns the HTML of its slide from the get page, once
   * the slide shows `ready` (the in-memory state follows the database asynchronously).
   */
  const project = async (contentObjectId: string, options: Record<string, unknown> | undefined, ready: RegExp, lang = "en") => {
    await act("projector.project", { ids: [2], content_object_id: contentObjectId, meeting_id: 1, ...(options ? { options } : {}) });
    const deadline = Date.now() + 5000;
    for (;;) {
      const page = await admin.get(`/system/projector/get/2?lang=${lang}`);
      assert.equal(page.status, 200, page.text);
      const slide = /<div class="slide" data-id="\d+">([\s\S]*?)<\/div>\s*<div class="overlay-container">/.exec(page.text)?.[1];
      if (slide !== undefined && ready.test(slide)) return slide;
      if (Date.now() > deadline) assert.fail(`the slide did not show ${String(ready)}: ${page.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const mode = (name: string) => new RegExp(`data-mode="${name}"`);
  // Text without tags and line markers, spaces collapsed: what the audience reads.
  const plain = (html: string) => html.replace(/<span[^>]*os-line-number[^>]*>&nbsp;<\/span>/g, "").replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

  let motionId = 0;

  before(async () => {
    server = await startServer();
    admin = new Client(server.url);
    await admin.login("admin", "admin");
    motionId = (await act("motion.create", {
      meeting_id: 1,
      title: "Projected motion",
      text: "<p>Alpha beta gamma delta.</p><p>Second line words here.</p><p>Third paragraph stays.</p>",
    }))!.id;
    await act("motion_change_recommendation.create", { motion_id: motionId, line_from: 2, line_to: 2, text: "<p>Second changed words here.</p>" });
    await act("motion_change_recommendation.create", { motion_id: motionId, line_from: 0, line_to: 0, text: "Renamed motion" });
    const rejected = (await act("motion_change_recommendation.create", { motion_id: motionId, line_from: 3, line_to: 3, text: "<p>Rejected words.</p>" }))!;
    await act("motion_change_recommendation.update", { id: rejected.id, rejected: true });
    const amendment = (await act("motion.create", { meeting_id: 1, title: "Amendment", lead_motion_id: motionId, amendment_paragraphs: { "0": "<p>Alpha beta amended delta.</p>" } }))!;
    await act("motion.set_state", { id: amendment.id, state_id: 2 });
  });
  after(async () => server?.stop());

  test("original: the text with line numbers, no recommendation applied", async () => {
    const html = await project(`motion/${motionId}`, { mode: "original" }, mode("original"));
    assert.match(html, /class="motion-text line-numbers-outside"/);
    assert.match(html, /data-line-number="1"/);
    assert.match(html, /data-line-number="3"/);
    const text = plain(html);
    assert.match(text, /Projected motion/);
    assert.match(text, /Alpha beta gamma delta\. ?Second line words here\. ?Third paragraph stays\./);
    assert.doesNotMatch(text, /changed|Renamed|amended/);
  });

  test("changed: the recommendations applied (not the rejected one), the title changed", async () => {
    const html = await project(`motion/${motionId}`, { mode: "changed" }, mode("changed"));
    const text = plain(html);
    assert.match(text, /Renamed motion/);
    assert.doesNotMatch(text, /Projected motion/);
    assert.match(text, /Second changed words here\./);
    assert.doesNotMatch(text, /Second line words/);
    assert.match(text, /Third paragraph stays\./);
    assert.doesNotMatch(text, /Rejected words/);
    // Amendments are only merged into the agreed version.
    assert.match(text, /Alpha beta gamma delta\./);
    assert.match(html, /<p>[^<]*<span[^>]*data-line-number="2"[^>]*>&nbsp;<\/span>Second changed words here\.<\/p>/);
  });

  test("diff: deleted and inserted words, the changed title and the merged amendment", async () => {
    const html = await project(`motion/${motionId}`, { mode: "diff" }, mode("diff"));
    assert.match(html, /Second <del>line<\/del><ins>changed<\/ins> words here\./);
    assert.match(html, /Changed title/);
    assert.match(html, /Changed title:<\/div><del>Projected<\/del><ins>Renamed<\/ins> motion/);
    assert.match(html, /<span class="motion-title">Projected motion<\/span>/);
    assert.match(html, /Alpha beta <del>gamma<\/del><ins>amended<\/ins> delta\./);
    assert.match(html, /class="amendment-nr"/);
    assert.match(plain(html), /Third paragraph stays\./);
    assert.doesNotMatch(html, /Rejected words/);
  });

  test("agreed: recommendations and the accepted amendment applied", async () => {
    const text = plain(await project(`motion/${motionId}`, { mode: "agreed" }, mode("agreed")));
    assert.match(text, /Alpha beta amended delta\. ?Second changed words here\. ?Third paragraph stays\./);
    assert.doesNotMatch(text, /gamma|line words|Rejected/);
  });

  test("modified final version: the stored final text", async () => {
    await act("motion.update", { id: motionId, modified_final_version: "<p>The final wording.</p>" });
    const text = plain(await project(`motion/${motionId}`, { mode: "modified_final_version" }, /The final wording/));
    assert.match(text, /The final wording\./);
    assert.doesNotMatch(text, /Alpha/);
  });

  test("a paragraph-based amendment: its changed paragraph as a diff against the lead motion with the line", async () => {
    const amendment = (await act("motion.create", { meeting_id: 1, title: "Second amendment", lead_motion_id: motionId, amendment_paragraphs: { "2": "<p>Third paragraph goes.</p>" } }))!;
    const html = await project(`motion/${amendment.id}`, undefined, /Second amendment/, "de");
    assert.match(html, /<h3 class="amendment-line-header"><span>Zeile<\/span> 3<\/h3>/);
    assert.match(html, /Third paragraph <del>stays\.<\/del><ins>goes\.<\/ins>/);
  });

  test("a published motion poll: Yes/No/Abstain with numbers and shares, valid votes, the chart", async () => {
    const poll = (await act("poll.create", {
      meeting_id: 1, title: "Final vote", content_object_id: `motion/${motionId}`, type: "analog", pollmethod: "YNA", onehundred_percent_base: "YNA",
      options: [{ content_object_id: `motion/${motionId}`, Y: "30.000000", N: "10.000000", A: "10.000000" }],
      votesvalid: "50.000000", votesinvalid: "1.000000", votescast: "51.000000", publish_immediately: true,
    }))!;
    const html = await project(`poll/${poll.id}`, undefined, /Final vote/);
    assert.match(html, /class="content poll poll-chart"/);
    assert.match(html, /Final vote/);
    assert.match(html, /<tr class="result-row yes"[^>]*><td class="label-column"><span class="option-name">Yes<\/span><\/td><td class="result-cell-definition votes">30<\/td><td class="result-cell-definition percent">60 %<\/td><\/tr>/);
    assert.match(html, /<span class="option-name">No<\/span><\/td><td class="result-cell-definition votes">10<\/td><td class="result-cell-definition percent">20 %<\/td>/);
    assert.match(html, /<span class="option-name">Abstain<\/span><\/td><td class="result-cell-definition votes">10<\/td><td class="result-cell-definition percent">20 %<\/td>/);
    assert.match(html, /Valid votes<\/td><td class="result-cell-definition votes">50<\/td>/);
    assert.match(html, /<svg class="poll-chart"/);
    // Not published: the state instead of the numbers.
    await act("poll.reset", { id: poll.id });
    const reset = await project(`poll/${poll.id}`, undefined, /poll-state/);
    assert.match(reset, /No results yet/);
    assert.doesNotMatch(reset, /result-cell-definition/);
  });

  test("a published assignment poll: one row per candidate with Yes/No/Abstain, the sums", async () => {
    const poll = (await act("poll.create", {
      meeting_id: 1, title: "Ballot 1", content_object_id: "assignment/1", type: "analog", pollmethod: "YNA", onehundred_percent_base: "valid",
      options: [
        { content_object_id: "user/2", Y: "12.000000", N: "6.000000", A: "2.000000" },
        { content_object_id: "user/3", Y: "5.000000", N: "10.000000", A: "5.000000" },
      ],
      votesvalid: "20.000000", votesinvalid: "2.000000", votescast: "22.000000", publish_immediately: true,
    }))!;
    const html = await project(`poll/${poll.id}`, undefined, /Ballot 1/, "de");
    assert.match(html, /class="content poll poll-table"/);
    assert.match(html, /<table class="poll-result-table">/);
    const rows = html.split('<tr class="user">').slice(1);
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /<span>\(60 %\)<\/span><\/td><td class="result yes votes"><span>12<\/span>/);
    assert.match(rows[0]!, /<span>\(30 %\)<\/span><\/td><td class="result no votes"><span>6<\/span>/);
    assert.match(rows[0]!, /<span>\(10 %\)<\/span><\/td><td class="result abstain votes"><span>2<\/span>/);
    assert.match(rows[1]!, /<span>5<\/span>/);
    assert.match(html, /Gültige Stimmen<\/span><\/td><td class="result percent"><span>\(100 %\)<\/span><\/td><td class="result votes"><span>20<\/span>/);
    assert.match(html, /Ungültige Stimmen/);
    assert.match(html, /Abgegebene Stimmen/);
  });

  test("single votes of a named poll: every entitled user with their vote", async () => {
    const voters: Record<string, Client> = {};
    for (const [name, id] of [["a", 2], ["b", 3]] as const) {
      await act("user.set_present", { id, meeting_id: 1, present: true });
      voters[name] = new Client(server.url);
      await voters[name].login(name, name);
    }
    const poll = (await act("poll.create", {
      meeting_id: 1, title: "Named vote", content_object_id: `motion/${motionId}`, type: "named", pollmethod: "YNA", onehundred_percent_base: "YNA",
      entitled_group_ids: [5], options: [{ content_object_id: `motion/${motionId}` }],
    }))!;
    await act("poll.start", { id: poll.id });
    let optionId: number | undefined;
    for (const deadline = Date.now() + 5000; optionId === undefined && Date.now() < deadline; ) {
      const read = await admin.get(`/system/autoupdate?single=1&k=poll/${poll.id}/option_ids`);
      optionId = (read.body[`poll/${poll.id}/option_ids`] as number[] | undefined)?.[0];
      if (optionId === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(optionId);
    for (const [name, value] of [["a", "Y"], ["b", "N"]] as const) {
      const answer = await voters[name]!.post(`/system/vote?id=${poll.id}`, JSON.stringify({ value: { [optionId]: value } }));
      assert.equal(answer.status, 200, answer.text);
    }
    await act("poll.stop", { id: poll.id });
    await act("poll.publish", { id: poll.id });
    const html = await project(`poll/${poll.id}`, { single_votes: true }, /vote-entry/);
    assert.match(html, /class="content poll poll-single-vote"/);
    assert.match(html, /<li class="vote-entry yes" data-user-id="2"><span class="vote-value">Yes<\/span>/);
    assert.match(html, /<li class="vote-entry no" data-user-id="3"><span class="vote-value">No<\/span>/);
    assert.match(html, /Valid votes: 2/);
    // Without the option: the chart with the totals.
    const chart = await project(`poll/${poll.id}`, undefined, /poll-chart/);
    assert.match(chart, /<span class="option-name">Yes<\/span><\/td><td class="result-cell-definition votes">1<\/td><td class="result-cell-definition percent">50 %<\/td>/);
  });

  test("a user without projector.can_see gets no slide", async () => {
    const group = (await act("group.create", { meeting_id: 1, name: "Nothing", permissions: [] }))!;
    await act("user.update", { id: 3, meeting_id: 1, group_ids: [group.id] });
    await act("user.set_password", { id: 3, password: "secret-b", set_as_default: false });
    const b = new Client(server.url);
    await b.login("b", "secret-b");
    const page = await b.get("/system/projector/get/2");
    assert.equal(page.status, 401);
    assert.deepEqual(page.body, { error: true, msg: "permissions denied" });
    const preview = await b.post("/system/projector/preview/2", {});
    assert.equal(preview.status, 401);
    assert.doesNotMatch(preview.text, /Ballot|Projected motion/);
  });
});
