// The search index without a server: analysis, the question's alternatives, filters, ranking.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { analyze, germanLightStem, germanNormalize } from "../../src/search/analysis.js";
import { closeQuotes, parseQueryString, wildcardMatcher, wildcardWords } from "../../src/search/query.js";
import { loadSearchModels } from "../../src/search/search-models.js";
import { TextIndex, type ModelSource } from "../../src/search/text-index.js";
import { SearchService } from "../../src/search/service.js";

function source(models: Record<string, Record<string, unknown>>): ModelSource {
  return {
    get: (fqid) => models[fqid],
    ids: (collection) =>
      Object.keys(models)
        .filter((fqid) => fqid.startsWith(`${collection}/`))
        .map((fqid) => Number(fqid.split("/")[1])),
  };
}

describe("search analysis", () => {
  test("German: stop words, umlauts, light stemming; HTML; simple", () => {
    assert.deepEqual(analyze("de", "Die Teams testen").map((t) => t.term), ["team", "test"]);
    assert.equal(germanNormalize("müller"), "muller");
    assert.equal(germanNormalize("mueller"), "muller");
    assert.equal(germanNormalize("straße"), "strasse");
    assert.equal(germanLightStem("anträgen"), "antrag");
    assert.deepEqual(analyze("de_html", "<p>Hallo&nbsp;<b>Welt</b> &amp; Co</p>").map((t) => t.term), ["hallo", "welt", "co"]);
    assert.deepEqual(analyze("simple", "Max Müller-Lüdenscheidt").map((t) => t.term), ["max", "müller", "lüdenscheidt"]);
  });

  test("question: closed quotes, wildcard words, query-string clauses", () => {
    assert.equal(closeQuotes('say "hello'), 'say "hello"');
    assert.deepEqual(wildcardWords('Ab abc "quoted words" *x* Antrag'), ["*abc*", "*antrag*"]);
    assert.ok(wildcardMatcher("*trag*")("antrag") && wildcardMatcher("a?trag")("antrag") && !wildcardMatcher("ant")("antrag"));
    const started = Date.now();
    assert.equal(wildcardMatcher(`${"*a".repeat(15)}*b`)("a".repeat(300)), false);
    assert.ok(Date.now() - started < 1000, "no catastrophic backtracking");
    assert.deepEqual(
      parseQueryString('+must -not title:word "a phrase" wild* fuzz~2 boost^3').map((c) => [c.occur, c.kind, c.field ?? "", c.text]),
      [
        ["must", "match", "", "must"],
        ["mustNot", "match", "", "not"],
        ["should", "match", "title", "word"],
        ["should", "phrase", "", "a phrase"],
        ["should", "wildcard", "", "wild*"],
        ["should", "fuzzy", "", "fuzz"],
        ["should", "match", "", "boost"],
      ],
    );
  });
});

describe("search index", () => {
  const models = loadSearchModels();
  const data = source({
    "topic/1": { id: 1, title: "test", text: "<p>Ein Test im Westen</p>", meeting_id: 1 },
    "topic/2": { id: 2, title: "Haushalt", text: "<p>Die Teams</p>", meeting_id: 2 },
    "meeting/1": { id: 1, name: "Demo", welcome_text: "Ein text" },
    "user/5": { id: 5, username: "jdoe", first_name: "Jane", last_name: "Müller", meeting_ids: [2] },
    "mediafile/3": { id: 3, title: "Haushaltsplan", owner_id: "meeting/2" },
    "tag/4": { id: 4, name: "Haushalt", meeting_id: 1 },
  });
  const index = new TextIndex(models);
  index.build(data);

  test("ranking: exact title before fuzzy matches; matched fields", () => {
    const hits = index.search("test", [], 0);
    const ranked = [...hits.keys()];
    assert.equal(ranked[0], "topic/1");
    assert.ok(hits.has("meeting/1"), "text ~ test by one edit");
    assert.deepEqual(hits.get("topic/1")!.matchedBy.title, ["test"]);
    assert.ok(hits.get("topic/1")!.matchedBy.text!.includes("test"));
  });

  test("collection filter with contained collections; meeting filter through meeting_id, meeting_ids, owner_id", () => {
    const service = new SearchService(async () => undefined as never, models);
    assert.deepEqual(service.collectionsFor(["topic"]).sort(), ["agenda_item", "poll", "tag", "topic"]);
    assert.deepEqual(service.collectionsFor([]), []);
    const topics = index.search("haushalt", service.collectionsFor(["topic"]), 0);
    assert.deepEqual([...topics.keys()].sort(), ["tag/4", "topic/2"]);
    const meeting2 = index.search("haushalt jane", [], 2);
    assert.deepEqual([...meeting2.keys()].sort(), ["mediafile/3", "topic/2", "user/5"]);
    const meeting1 = index.search("haushalt", [], 1);
    assert.deepEqual([...meeting1.keys()], ["tag/4"]);
  });

  test("names with the simple analyzer; unqualified and qualified words; updates and removal", () => {
    assert.ok(index.search("müller", [], 0).has("user/5"));
    assert.ok(index.search("last_name:müller", [], 0).has("user/5"));
    const changed = source({ "topic/2": { id: 2, title: "Verkehr", meeting_id: 2 } });
    index.update(changed, "topic/2");
    assert.ok(!index.search("teams", ["topic"], 0).has("topic/2"));
    assert.ok(index.search("verkehr", [], 0).has("topic/2"));
    index.update(source({}), "topic/2");
    assert.ok(!index.search("verkehr", [], 0).has("topic/2"));
  });

  test("at most 100 hits", () => {
    const many: Record<string, Record<string, unknown>> = {};
    for (let id = 1; id <= 150; id++) many[`topic/${id}`] = { id, title: `Antrag ${id}`, meeting_id: 1 };
    const big = new TextIndex(models);
    big.build(source(many));
    assert.equal(big.search("antrag", [], 0).size, 100);
  });
});
