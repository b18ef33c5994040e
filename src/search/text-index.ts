// The search index: an inverted index in memory over the searchable fields of search.yml, built
// from the in-memory state (src/state) and kept current from its changed-keys events. Upstream
// keeps a bleve index fed from the database tables; the documents, fields and filters here are the
// same (spec search 5.2), the scores are a plain TF-IDF: not bleve's numbers, but the same order
// of kinds of match (query-string ×5 > wildcard > fuzzy, more matching alternatives > fewer).
import { analyze, editDistance, type AnalyzerName, type Token } from "./analysis.js";
import { autoFuzziness, closeQuotes, parseQueryString, wildcardMatcher, wildcardWords, type Clause } from "./query.js";
import type { SearchModels } from "./search-models.js";

export const MAX_HITS = 100;
const TYPE_FIELD = "_bleve_type";

export interface ModelSource {
  get(fqid: string): Readonly<Record<string, unknown>> | undefined;
  ids(collection: string): readonly number[];
}

export interface Answer {
  score: number;
  matchedBy: Record<string, string[]>;
}

interface DocField {
  inAll: boolean;
  length: number;
  /** term → occurrences */
  terms: Map<string, number>;
  /** The terms by position ("" where a stop word was), for phrases. */
  sequence: string[];
}

interface Doc {
  collection: string;
  fields: Map<string, DocField>;
  meetingId?: number;
  meetingIds?: readonly number[];
  ownerId?: string;
}

/**
 * Matches of one query part: per document the score and (only while collecting, see `search`)
 * the matched terms per field.
 */
type Matches = Map<string, { score: number; matched: Map<string, Set<string>> }>;

const NO_TERMS: Map<string, Set<string>> = new Map();

export class TextIndex {
  private readonly docs = new Map<string, Doc>();
  /** term → documents having it (in any field). */
  private readonly postings = new Map<string, Set<string>>();
  /** Second pass of a search: only these documents, with their matched terms. */
  private only?: ReadonlySet<string>;
  /** Analyzer of a field name, for field-qualified words. */
  private readonly fieldAnalyzers = new Map<string, AnalyzerName>([[TYPE_FIELD, "keyword"]]);

  constructor(private readonly models: SearchModels) {
    for (const collection of models.collections.values()) {
      for (const field of collection.searchable) {
        for (const target of field.targets) if (!this.fieldAnalyzers.has(target.name)) this.fieldAnalyzers.set(target.name, target.analyzer);
        if (field.kind === "keyword" && !this.fieldAnalyzers.has(field.field)) this.fieldAnalyzers.set(field.field, "keyword");
      }
    }
  }

  get size(): number {
    return this.docs.size;
  }

  isIndexed(collection: string): boolean {
    return this.models.collections.has(collection);
  }

  /** Indexes every model of the indexed collections. */
  build(source: ModelSource): void {
    for (const collection of this.models.collections.keys()) {
      for (const id of source.ids(collection)) this.update(source, `${collection}/${id}`);
    }
  }

  /** (Re)indexes one model, or removes it when the source no longer has it. */
  update(source: ModelSource, fqid: string): void {
    this.remove(fqid);
    const collection = fqid.slice(0, fqid.indexOf("/"));
    const description = this.models.collections.get(collection);
    const model = source.get(fqid);
    if (!description || !model) return;
    const doc: Doc = { collection, fields: new Map() };
    const add = (name: string, inAll: boolean, tokens: Token[]) => {
      if (tokens.length === 0) return;
      const field: DocField = { inAll, length: tokens.length, terms: new Map(), sequence: [] };
      for (const token of tokens) {
        field.terms.set(token.term, (field.terms.get(token.term) ?? 0) + 1);
        while (field.sequence.length < token.position) field.sequence.push("");
        field.sequence[token.position] = token.term;
      }
      doc.fields.set(name, field);
    };
    add(TYPE_FIELD, false, analyze("keyword", collection));
    for (const field of description.searchable) {
      const value = model[field.field];
      if (value === undefined || value === null) continue;
      switch (field.kind) {
        case "text":
          if (typeof value === "string") for (const target of field.targets) add(target.name, target.inAll, analyze(target.analyzer, value));
          break;
        case "json-map":
          if (typeof value === "object") {
            const text = Object.values(value as Record<string, unknown>).filter((entry) => typeof entry === "string").join(" ");
            for (const target of field.targets) add(target.name, target.inAll, analyze(target.analyzer, text));
          }
          break;
        case "keyword":
          if (typeof value === "string") {
            add(field.field, false, analyze("keyword", value));
            if (field.field === "owner_id") doc.ownerId = value;
          }
          break;
        case "number":
          if (field.field === "meeting_id" && typeof value === "number") doc.meetingId = value;
          break;
        case "numbers":
          if (field.field === "meeting_ids" && Array.isArray(value)) doc.meetingIds = value as number[];
          break;
      }
    }
    this.docs.set(fqid, doc);
    for (const field of doc.fields.values()) {
      for (const term of field.terms.keys()) {
        let docs = this.postings.get(term);
        if (!docs) this.postings.set(term, (docs = new Set()));
        docs.add(fqid);
      }
    }
  }

  remove(fqid: string): void {
    const doc = this.docs.get(fqid);
    if (!doc) return;
    this.docs.delete(fqid);
    for (const field of doc.fields.values()) {
      for (const term of field.terms.keys()) {
        const docs = this.postings.get(term);
        docs?.delete(fqid);
        if (docs?.size === 0) this.postings.delete(term);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Searching

  /**
   * The hits of a question (at most 100, best first): `collections` empty means every collection;
   * `meetingId` > 0 keeps documents with that meeting_id, meeting_ids entry or owner_id.
   */
  search(rawQuestion: string, collections: readonly string[], meetingId: number): Map<string, Answer> {
    const question = closeQuotes(rawQuestion);
    const matches = this.evaluate(question, collections, meetingId);
    const ranked = [...matches].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_HITS);
    // Second pass over the hits only: which terms of which fields matched.
    this.only = new Set(ranked.map(([fqid]) => fqid));
    let explained: Matches;
    try {
      explained = this.evaluate(question, collections, meetingId);
    } finally {
      this.only = undefined;
    }
    const answers = new Map<string, Answer>();
    for (const [fqid, { score }] of ranked) {
      const match = explained.get(fqid) ?? { score, matched: NO_TERMS };
      const matchedBy: Record<string, string[]> = {};
      for (const [field, terms] of match.matched) matchedBy[field] = [...terms];
      answers.set(fqid, { score, matchedBy });
    }
    return answers;
  }

  /** Every matching document with its score (and, in the second pass, its matched terms). */
  private evaluate(question: string, collections: readonly string[], meetingId: number): Matches {
    const alternatives: Matches[] = [
      scale(this.booleanQuery(parseQueryString(question)), 5),
      this.disjunction(wildcardWords(question).map((pattern) => this.wildcard(pattern, undefined, 1))),
      this.disjunction(analyze("de", question).map((token) => this.fuzzy(token.term, undefined, autoFuzziness(token.term), 1))),
    ];
    let matches = this.disjunction(alternatives);
    if (meetingId > 0) {
      const inMeeting = (doc: Doc) => doc.meetingId === meetingId || (doc.meetingIds?.includes(meetingId) ?? false) || doc.ownerId === `meeting/${meetingId}`;
      matches = new Map([...matches].filter(([fqid]) => inMeeting(this.docs.get(fqid)!)));
    }
    if (collections.length > 0) {
      const filter = this.disjunction(collections.map((collection) => this.terms([collection], TYPE_FIELD, 1)));
      matches = this.conjunction([matches, filter]);
    }
    return matches;
  }

  private idf(term: string): number {
    return 1 + Math.log(Math.max(1, this.docs.size) / ((this.postings.get(term)?.size ?? 0) + 1));
  }

  /** Documents with any of the terms in the field (undefined: every text field), scored TF-IDF. */
  private terms(terms: readonly string[], field: string | undefined, weight: number): Matches {
    const matches: Matches = new Map();
    for (const term of terms) {
      const idf = this.idf(term);
      for (const fqid of this.postings.get(term) ?? []) {
        if (this.only && !this.only.has(fqid)) continue;
        const doc = this.docs.get(fqid)!;
        for (const [name, docField] of doc.fields) {
          if (field === undefined ? !docField.inAll : name !== field) continue;
          const count = docField.terms.get(term) ?? 0;
          if (count === 0) continue;
          addMatch(matches, fqid, name, term, ((Math.sqrt(count) * idf) / Math.sqrt(docField.length)) * weight, this.only !== undefined);
        }
      }
    }
    return matches;
  }

  private analyzerOf(field: string | undefined): AnalyzerName {
    return field === undefined ? "de" : (this.fieldAnalyzers.get(field) ?? "de");
  }

  private match(text: string, field: string | undefined, weight: number): Matches {
    const tokens = analyze(this.analyzerOf(field), text);
    return this.disjunction(tokens.map((token) => this.terms([token.term], field, weight)));
  }

  private phrase(text: string, field: string | undefined, weight: number): Matches {
    const tokens = analyze(this.analyzerOf(field), text);
    if (tokens.length === 0) return new Map();
    if (tokens.length === 1) return this.terms([tokens[0]!.term], field, weight);
    const all = this.conjunction(tokens.map((token) => this.terms([token.term], field, weight)));
    const first = tokens[0]!;
    const result: Matches = new Map();
    for (const fqid of all.keys()) {
      const doc = this.docs.get(fqid)!;
      for (const [name, docField] of doc.fields) {
        if (field !== undefined ? name !== field : !docField.inAll) continue;
        if (!tokens.every((token) => docField.terms.has(token.term))) continue;
        const sequence = docField.sequence;
        let found = false;
        for (let start = 0; start < sequence.length && !found; start++) {
          found = sequence[start] === first.term && tokens.every((token) => sequence[start + token.position - first.position] === token.term);
        }
        if (!found) continue;
        for (const token of tokens) {
          const count = docField.terms.get(token.term)!;
          addMatch(result, fqid, name, token.term, ((Math.sqrt(count) * this.idf(token.term)) / Math.sqrt(docField.length)) * weight, this.only !== undefined);
        }
      }
    }
    return result;
  }

  private wildcard(pattern: string, field: string | undefined, weight: number): Matches {
    const matches = wildcardMatcher(pattern);
    const terms = [...this.postings.keys()].filter(matches);
    return this.terms(terms, field, weight);
  }

  private fuzzy(term: string, field: string | undefined, fuzziness: number, weight: number): Matches {
    if (fuzziness === 0) return this.terms([term], field, weight);
    const parts: Matches[] = [];
    for (const candidate of this.postings.keys()) {
      const distance = editDistance(term, candidate, fuzziness);
      if (distance <= fuzziness) parts.push(this.terms([candidate], field, weight / (1 + distance)));
    }
    return sum(parts);
  }

  private clause(clause: Clause): Matches {
    const weight = clause.boost;
    switch (clause.kind) {
      case "match":
        return this.match(clause.text, clause.field, weight);
      case "phrase":
        return this.phrase(clause.text, clause.field, weight);
      case "wildcard":
        return this.wildcard(clause.text, clause.field, weight);
      case "fuzzy":
        return this.fuzzy(analyze(this.analyzerOf(clause.field), clause.text)[0]?.term ?? clause.text.toLowerCase(), clause.field, clause.fuzziness, weight);
    }
  }

  /** Query-string semantics: every must clause, at least one should clause when there is no must, no must-not clause. */
  private booleanQuery(clauses: readonly Clause[]): Matches {
    const must = clauses.filter((clause) => clause.occur === "must").map((clause) => this.clause(clause));
    const should = clauses.filter((clause) => clause.occur === "should").map((clause) => this.clause(clause));
    const mustNot = clauses.filter((clause) => clause.occur === "mustNot").map((clause) => this.clause(clause));
    let result: Matches;
    if (must.length > 0) {
      result = this.conjunction(must);
      const optional = this.disjunction(should);
      for (const [fqid, match] of result) {
        const extra = optional.get(fqid);
        if (extra) mergeInto(match, extra, 1);
      }
    } else if (should.length > 0) {
      result = this.disjunction(should);
    } else if (mustNot.length > 0) {
      // Only exclusions: everything else matches.
      result = new Map([...this.docs.keys()].filter((fqid) => !this.only || this.only.has(fqid)).map((fqid) => [fqid, { score: 1, matched: NO_TERMS }]));
    } else {
      return new Map();
    }
    for (const excluded of mustNot) for (const fqid of excluded.keys()) result.delete(fqid);
    return result;
  }

  /** Any part; the summed score scaled by the share of parts that matched. */
  private disjunction(parts: readonly Matches[]): Matches {
    if (parts.length === 0) return new Map();
    const result: Matches = new Map();
    const counts = new Map<string, number>();
    for (const part of parts) {
      for (const [fqid, match] of part) {
        let target = result.get(fqid);
        if (!target) result.set(fqid, (target = { score: 0, matched: NO_TERMS }));
        mergeInto(target, match, 1);
        counts.set(fqid, (counts.get(fqid) ?? 0) + 1);
      }
    }
    for (const [fqid, match] of result) match.score *= counts.get(fqid)! / parts.length;
    return result;
  }

  /** Every part; the scores added. */
  private conjunction(parts: readonly Matches[]): Matches {
    if (parts.length === 0) return new Map();
    const [first, ...rest] = parts;
    const result: Matches = new Map();
    for (const [fqid, match] of first!) {
      if (!rest.every((part) => part.has(fqid))) continue;
      const target = { score: 0, matched: NO_TERMS };
      mergeInto(target, match, 1);
      for (const part of rest) mergeInto(target, part.get(fqid)!, 1);
      result.set(fqid, target);
    }
    return result;
  }
}

function addMatch(matches: Matches, fqid: string, field: string, term: string, score: number, collect: boolean): void {
  let match = matches.get(fqid);
  if (!match) matches.set(fqid, (match = { score: 0, matched: collect ? new Map() : NO_TERMS }));
  match.score += score;
  if (!collect) return;
  let terms = match.matched.get(field);
  if (!terms) match.matched.set(field, (terms = new Set()));
  terms.add(term);
}

function mergeInto(target: { score: number; matched: Map<string, Set<string>> }, source: { score: number; matched: Map<string, Set<string>> }, factor: number): void {
  target.score += source.score * factor;
  if (source.matched === NO_TERMS) return;
  if (target.matched === NO_TERMS) target.matched = new Map();
  for (const [field, terms] of source.matched) {
    let targetTerms = target.matched.get(field);
    if (!targetTerms) target.matched.set(field, (targetTerms = new Set()));
    for (const term of terms) targetTerms.add(term);
  }
}

function sum(parts: readonly Matches[]): Matches {
  const result: Matches = new Map();
  for (const part of parts) {
    for (const [fqid, match] of part) {
      let target = result.get(fqid);
      if (!target) result.set(fqid, (target = { score: 0, matched: NO_TERMS }));
      mergeInto(target, match, 1);
    }
  }
  return result;
}

function scale(matches: Matches, factor: number): Matches {
  for (const match of matches.values()) match.score *= factor;
  return matches;
}
