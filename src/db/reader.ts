// Reads models in the upstream value encoding (spec 2.8): from the collection's view, or straight
// from its table when every field involved is a column of the table, which spares PostgreSQL the
// planning of the view's relation-list subqueries.
import type { SqlSession } from "./engine/engine.js";
import { collectionAccess, fieldAccess, quote, rowToModel, selectedFields, type CollectionAccess, type FieldAccess } from "./fields.js";
import { compileFilter, SqlParams } from "./filter-sql.js";
import { mapDatabaseError } from "./errors.js";
import { DatabaseError, type CollectionRead, type Filter, type Fqid, type Model, type ReadOptions, type Reader } from "./types.js";

/** Most ids per statement and collection; exported for the readers that batch before calling. */
export const BATCH_SIZE = 5000;
/** Ids are PostgreSQL integers: a larger id cannot exist. */
export const MAX_ID = 2_147_483_647;

export function parseFqid(fqid: Fqid): { collection: string; id: number } {
  const match = /^([a-z](?:[a-z_]*[a-z])?)\/([1-9][0-9]*)$/.exec(String(fqid));
  if (!match) throw new DatabaseError(`Invalid fqid: ${String(fqid)}`, "invalid_request");
  return { collection: match[1]!, id: Number(match[2]) };
}

function filterFieldNames(filter: Filter, into: string[] = []): string[] {
  if ("and_filter" in filter) filter.and_filter.forEach((part) => filterFieldNames(part, into));
  else if ("or_filter" in filter) filter.or_filter.forEach((part) => filterFieldNames(part, into));
  else if ("not_filter" in filter) filterFieldNames(filter.not_filter, into);
  else into.push(filter.field);
  return into;
}

const isTableColumn = (access: CollectionAccess, name: string) => access.fields.get(name)?.column === name;

/** The table when it holds every field read or filtered on, else the view. */
function source(access: CollectionAccess, selected: readonly FieldAccess[], filter?: Filter): string {
  const fromTable =
    selected.every((field) => field.column === field.name) && (!filter || filterFieldNames(filter).every((name) => isTableColumn(access, name)));
  return quote(fromTable ? access.table : access.view);
}

export class SqlReader implements Reader {
  constructor(
    protected readonly session: SqlSession,
    private readonly inTransaction: boolean,
  ) {}

  protected async run<Row = Record<string, unknown>>(sql: string, params: unknown[]): Promise<Row[]> {
    try {
      return (await this.session.query<Row>(sql, params)).rows;
    } catch (error) {
      throw mapDatabaseError(error);
    }
  }

  private lockClause(options?: ReadOptions): string {
    return options?.lock && this.inTransaction ? " FOR UPDATE" : "";
  }

  async get(fqid: Fqid, fields?: string[], options?: ReadOptions): Promise<Model | undefined> {
    const { collection, id } = parseFqid(fqid);
    const models = await this.getMany(collection, [id], fields, options);
    return models.get(id);
  }

  async getMany(collection: string, ids: number[], fields?: string[], options?: ReadOptions): Promise<Map<number, Model>> {
    const access = collectionAccess(collection);
    const selected = selectedFields(access, fields);
    const result = new Map<number, Model>();
    for (const id of ids) {
      if (!Number.isInteger(id) || id <= 0) throw new DatabaseError("Id must be positive.", "invalid_request");
    }
    const possible = ids.filter((id) => id <= MAX_ID);
    for (let start = 0; start < possible.length; start += BATCH_SIZE) {
      const batch = possible.slice(start, start + BATCH_SIZE);
      const sql = `SELECT ${selected.map((field) => field.select).join(", ")} FROM ${source(access, selected)} WHERE id = ANY($1::integer[])${this.lockClause(options)}`;
      for (const row of await this.run(sql, [batch])) {
        const model = rowToModel(row, selected);
        result.set(model.id as number, model);
      }
    }
    return result;
  }

  async getManyOfCollections(reads: readonly CollectionRead[]): Promise<Map<string, Map<number, Model>>> {
    const result = new Map<string, Map<number, Model>>();
    const parts: string[] = [];
    const params: unknown[] = [];
    const selections: FieldAccess[][] = [];
    const partCollections: string[] = [];
    for (const read of reads) {
      const models = new Map<number, Model>();
      result.set(read.collection, models);
      const ids = read.ids.filter((id) => Number.isInteger(id) && id > 0 && id <= MAX_ID);
      if (ids.length === 0) continue;
      if (ids.length > BATCH_SIZE) throw new DatabaseError(`At most ${BATCH_SIZE} ids per collection.`, "invalid_request");
      const access = collectionAccess(read.collection);
      const selected = selectedFields(access, [...read.fields]);
      // Each collection's row as JSON: one statement for collections of different columns.
      params.push(ids);
      parts.push(
        `SELECT ${selections.length} AS part, row_to_json(m)::text AS model FROM (SELECT ${selected.map((field) => field.select).join(", ")} FROM ${source(access, selected)} WHERE id = ANY($${params.length}::integer[])) m`,
      );
      selections.push(selected);
      partCollections.push(read.collection);
    }
    if (parts.length === 0) return result;
    const rows = await this.run<{ part: number; model: string }>(parts.join(" UNION ALL "), params);
    for (const row of rows) {
      const selected = selections[row.part]!;
      const model = rowToModel(jsonRowValues(JSON.parse(row.model) as Record<string, unknown>, selected), selected);
      result.get(partCollections[row.part]!)!.set(model.id as number, model);
    }
    return result;
  }

  async filter(collection: string, filter: Filter | undefined, fields?: string[], options?: ReadOptions): Promise<Map<number, Model>> {
    const access = collectionAccess(collection);
    const selected = selectedFields(access, fields);
    const params = new SqlParams();
    const where = filter ? ` WHERE ${compileFilter(access, filter, params)}` : "";
    const sql = `SELECT ${selected.map((field) => field.select).join(", ")} FROM ${filter ? source(access, selected, filter) : source(access, selected)}${where} ORDER BY id${this.lockClause(options)}`;
    const result = new Map<number, Model>();
    for (const row of await this.run(sql, params.values)) {
      const model = rowToModel(row, selected);
      result.set(model.id as number, model);
    }
    return result;
  }

  async count(collection: string, filter: Filter): Promise<number> {
    const access = collectionAccess(collection);
    const params = new SqlParams();
    const rows = await this.run<{ count: number }>(
      `SELECT count(*)::integer AS count FROM ${source(access, [], filter)} WHERE ${compileFilter(access, filter, params)}`,
      params.values,
    );
    return rows[0]?.count ?? 0;
  }

  async exists(collection: string, filter: Filter): Promise<boolean> {
    return (await this.count(collection, filter)) > 0;
  }

  min(collection: string, filter: Filter, field: string): Promise<number | string | undefined> {
    return this.aggregate("min", collection, filter, field);
  }

  max(collection: string, filter: Filter, field: string): Promise<number | string | undefined> {
    return this.aggregate("max", collection, filter, field);
  }

  private async aggregate(fn: "min" | "max", collection: string, filter: Filter, field: string): Promise<number | string | undefined> {
    const access = collectionAccess(collection);
    const target = fieldAccess(access, field);
    const params = new SqlParams();
    const rows = await this.run<{ value: unknown }>(
      `SELECT ${fn}(${quote(field)}) AS value FROM ${source(access, [target], filter)} WHERE ${compileFilter(access, filter, params)}`,
      params.values,
    );
    const value = rows[0]?.value;
    if (value === null || value === undefined) return undefined;
    if (target.kind === "timestamp") return Math.floor(new Date(value as string).getTime() / 1000);
    return value as number | string;
  }
}

/** JSON has no NaN or infinities: PostgreSQL writes such doubles as strings. */
function jsonRowValues(row: Record<string, unknown>, selected: readonly FieldAccess[]): Record<string, unknown> {
  for (const field of selected) {
    if (field.kind === "number" && typeof row[field.name] === "string") row[field.name] = Number(row[field.name]);
  }
  return row;
}
