// Applies write events (create / update / delete, spec 3.5) to the tables and the primary sides
// of the intermediate tables. Reverse relation fields are computed by the views and ignored here;
// non-primary n:m sides are checked after the events: they must read back as written.
import type { SqlSession } from "./engine/engine.js";
import { collectionAccess, quote, type CollectionAccess, type FieldAccess } from "./fields.js";
import { mapDatabaseError } from "./errors.js";
import { parseFqid } from "./reader.js";
import { SqlParams } from "./filter-sql.js";
import { INTERMEDIATE_TABLES } from "../meta/generated/storage.js";
import { getField } from "../meta/registry.js";
import { DatabaseError, type CreateEvent, type DeleteEvent, type Fqid, type Model, type UpdateEvent, type WriteEvent } from "./types.js";

const MAX_FQID_LENGTH = 48;
/** Only one organization exists; the column's default (1) is the only value, so upstream never writes it. */
const ORGANIZATION_ID = "organization_id";

type Intermediate = NonNullable<FieldAccess["intermediate"]>;

/** A create event turned into its columns and parameter expressions (numbered from $1). */
interface PreparedCreate {
  event: CreateEvent;
  collection: string;
  id: number;
  access: CollectionAccess;
  columns: string[];
  values: string[];
  params: SqlParams;
  intermediates: [Intermediate, unknown[]][];
}

/** Consecutive creates of one collection from this many on share one INSERT (the savepoint costs a round trip). */
const MIN_BATCH = 3;
const MAX_BATCH_ROWS = 1000;
/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_BATCH_PARAMETERS = 30000;

/** Renumbers the parameters ($n) of an expression built for one row, for its place in a batch. */
function shiftParameters(expression: string, offset: number): string {
  return offset === 0 ? expression : expression.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/** Intermediate table -> "collection/field" of its primary side. */
const PRIMARY_SIDES = new Map(INTERMEDIATE_TABLES.map((table) => [table.name, `${table.primary.collection}/${table.primary.field}`]));

/** The primary side when the field is the non-primary side of an n:m (or generic n:m) relation. */
function nonPrimaryOf(field: FieldAccess): string | undefined {
  const storage = field.storage;
  if ((storage.kind !== "nm" && storage.kind !== "gm") || storage.primary) return undefined;
  return PRIMARY_SIDES.get(storage.table) ?? "the other side";
}

/**
 * What a write asked of a non-primary n:m field. Its rows are written through the primary side
 * only; the actions send both sides, so the request must hold once every event is applied.
 */
interface NonPrimaryCheck {
  fqid: Fqid;
  collection: string;
  id: number;
  field: string;
  primary: string;
  exactly?: unknown[];
  contains?: unknown[];
  lacks?: unknown[];
}

export class SqlWriter {
  private checks: NonPrimaryCheck[] = [];
  /**
   * Models of this write known to exist (created or updated by an earlier event): an update that
   * changes nothing stored (a reverse list) needs no existence check for them. Any delete clears
   * it, as the database may cascade.
   */
  private readonly existing = new Set<Fqid>();
  /**
   * Models this transaction read from the database and found, since its last delete: its snapshot
   * answers an existence check for them as the read did. A delete clears it (cascades).
   */
  private readonly readExisting = new Map<string, Set<number>>();
  /** Models whose existence an update without stored changes asked for, checked together (see checkExistence). */
  private unchecked: Fqid[] = [];

  constructor(private readonly session: SqlSession) {}

  /** Models the transaction read and found (see readExisting). */
  foundByRead(collection: string, ids: Iterable<number>): void {
    let found = this.readExisting.get(collection);
    if (!found) this.readExisting.set(collection, (found = new Set()));
    for (const id of ids) found.add(id);
  }

  async write(events: WriteEvent[]): Promise<Record<Fqid, Model>> {
    this.checks = [];
    this.existing.clear();
    this.unchecked = [];
    const results = await this.apply(events);
    await this.checkExistence();
    await this.verifyNonPrimaryWrites();
    return results;
  }

  /**
   * A non-primary n:m field that does not read back as written means the primary side was not
   * written to match: an error instead of silently dropping the write.
   */
  private async verifyNonPrimaryWrites(): Promise<void> {
    const byField = new Map<string, NonPrimaryCheck[]>();
    for (const check of this.checks.splice(0)) {
      const key = `${check.collection}/${check.field}`;
      byField.set(key, [...(byField.get(key) ?? []), check]);
    }
    for (const checks of byField.values()) {
      const { collection, field } = checks[0]!;
      const access = collectionAccess(collection);
      const { rows } = await this.query(`SELECT id, ${quote(field)} AS value FROM ${quote(access.view)} WHERE id = ANY($1::integer[])`, [
        [...new Set(checks.map((check) => check.id))],
      ]);
      const stored = new Map(rows.map((row) => [Number(row.id), new Set(((row.value as unknown[] | null) ?? []).map(String))]));
      for (const check of checks) {
        const values = stored.get(check.id);
        if (!values) continue; // deleted by a later event
        const exactly = check.exactly?.map(String);
        const ok =
          (!exactly || (exactly.length === values.size && exactly.every((value) => values.has(value)))) &&
          (check.contains ?? []).every((value) => values.has(String(value))) &&
          !(check.lacks ?? []).some((value) => values.has(String(value)));
        if (!ok) {
          throw new DatabaseError(
            `Cannot write ${check.fqid}/${check.field}: it is the non-primary side of a many-to-many relation and is written through ${check.primary}; ` +
              `write that field instead (or both sides alike).`,
            "invalid_request",
          );
        }
      }
    }
  }

  private async apply(events: WriteEvent[]): Promise<Record<Fqid, Model>> {
    const results: Record<Fqid, Model> = {};
    for (let index = 0; index < events.length; index++) {
      const event = events[index]!;
      if (String(event.fqid).length > MAX_FQID_LENGTH) throw new DatabaseError(`Fqid ${event.fqid} is too long`, "invalid_request");
      if (event.type === "create") {
        const batch = this.createBatch(events, index);
        if (batch.length >= MIN_BATCH) {
          Object.assign(results, await this.createMany(batch));
          index += batch.length - 1;
          continue;
        }
      }
      try {
        if (event.type === "create") results[event.fqid] = await this.create(event);
        else if (event.type === "update") results[event.fqid] = { ...results[event.fqid], ...(await this.update(event)) };
        else if (event.type === "delete") await this.delete(event);
        else throw new DatabaseError(`Unknown event type ${(event as { type: unknown }).type}`, "invalid_request");
      } catch (error) {
        throw mapDatabaseError(error, event.fqid);
      }
    }
    return results;
  }

  async reserveIds(collection: string, count: number): Promise<number[]> {
    if (!Number.isInteger(count) || count < 1) throw new DatabaseError("Amount must be >= 1", "invalid_request");
    const access = collectionAccess(collection);
    const { rows } = await this.session.query<{ id: number }>(
      `SELECT nextval(${literal(access.storage.idSequence)})::integer AS id FROM generate_series(1, $1::integer)`,
      [count],
    );
    return rows.map((row) => row.id);
  }

  async reserveIdsOfCollections(requests: ReadonlyArray<readonly [collection: string, count: number]>): Promise<number[][]> {
    const parts = requests.map(([collection, count], index) => {
      if (!Number.isInteger(count) || count < 1) throw new DatabaseError("Amount must be >= 1", "invalid_request");
      return `SELECT ${index} AS part, nextval(${literal(collectionAccess(collection).storage.idSequence)})::integer AS id FROM generate_series(1, $${index + 1}::integer)`;
    });
    const result: number[][] = requests.map(() => []);
    if (parts.length === 0) return result;
    const { rows } = await this.session.query<{ part: number; id: number }>(parts.join(" UNION ALL "), requests.map(([, count]) => count));
    for (const row of rows) result[row.part]!.push(row.id);
    return result.map((ids) => ids.sort((a, b) => a - b));
  }

  private async query(sql: string, params: unknown[]) {
    return this.session.query(sql, params);
  }

  /**
   * The creates from `start` on that can go into one multi-row INSERT: consecutive, of one
   * collection, each valid on its own (a bad event ends the batch and fails in its place).
   */
  private createBatch(events: WriteEvent[], start: number): PreparedCreate[] {
    const batch: PreparedCreate[] = [];
    let parameters = 0;
    for (let index = start; index < events.length && batch.length < MAX_BATCH_ROWS; index++) {
      const event = events[index]!;
      if (event.type !== "create" || String(event.fqid).length > MAX_FQID_LENGTH) break;
      if (batch.length > 0 && parseFqid(event.fqid).collection !== batch[0]!.collection) break;
      let prepared: PreparedCreate;
      try {
        prepared = this.prepareCreate(event);
      } catch {
        break;
      }
      parameters += prepared.params.values.length;
      if (parameters > MAX_BATCH_PARAMETERS) break;
      batch.push(prepared);
    }
    return batch;
  }

  /**
   * One INSERT for many rows (columns a row lacks take their default, as when omitted), and one
   * per intermediate table for their relation lists. On an error the batch is undone to a
   * savepoint and written row by row, so the error names its model as a single insert does.
   */
  private async createMany(batch: PreparedCreate[]): Promise<Record<Fqid, Model>> {
    const access = batch[0]!.access;
    const columns = [...new Set(batch.flatMap((row) => row.columns))];
    const params = new SqlParams();
    const rows = batch.map((row) => {
      const byColumn = new Map(row.columns.map((column, i) => [column, row.values[i]!]));
      const offset = params.values.length;
      params.values.push(...row.params.values);
      return `(${columns.map((column) => (byColumn.has(column) ? shiftParameters(byColumn.get(column)!, offset) : "DEFAULT")).join(", ")})`;
    });
    const returning = access.fields.has("sequential_number") ? "id, sequential_number" : "id";
    await this.query("SAVEPOINT os_write_batch", []);
    let inserted: Model[];
    try {
      ({ rows: inserted } = await this.query(`INSERT INTO ${quote(access.table)} (${columns.join(", ")}) VALUES ${rows.join(", ")} RETURNING ${returning}`, params.values));
      await this.addRowsOfBatch(batch);
    } catch (error) {
      await this.query("ROLLBACK TO SAVEPOINT os_write_batch", []);
      for (const row of batch) {
        try {
          await this.create(row.event);
        } catch (single) {
          throw mapDatabaseError(single, row.event.fqid);
        }
      }
      throw mapDatabaseError(error, batch[0]!.event.fqid);
    }
    const byId = new Map(inserted.map((row) => [Number(row.id), row]));
    const results: Record<Fqid, Model> = {};
    for (const row of batch) {
      this.existing.add(row.event.fqid);
      results[row.event.fqid] = { ...(byId.get(row.id) ?? { id: row.id }) };
    }
    return results;
  }

  private async create(event: CreateEvent): Promise<Model> {
    const { access, columns, values, params, intermediates } = this.prepareCreate(event);
    const returning = access.fields.has("sequential_number") ? "id, sequential_number" : "id";
    const { rows } = await this.query(
      `INSERT INTO ${quote(access.table)} (${columns.join(", ")}) VALUES (${values.join(", ")}) RETURNING ${returning}`,
      params.values,
    );
    const { id } = parseFqid(event.fqid);
    for (const [intermediate, list] of intermediates) await this.addRows(intermediate, id, list);
    this.existing.add(event.fqid);
    return { ...(rows[0] as Model) };
  }

  private prepareCreate(event: CreateEvent): PreparedCreate {
    const { collection, id } = parseFqid(event.fqid);
    const access = collectionAccess(collection);
    const fields = event.fields ?? {};
    assertSameId(event.fqid, id, fields);
    const params = new SqlParams();
    const columns = ["id"];
    const values = [params.add(id)];
    const intermediates: [Intermediate, unknown[]][] = [];
    for (const [name, value] of Object.entries(fields)) {
      if (name === "id" || name === ORGANIZATION_ID || value === undefined) continue;
      if (value === null) {
        const column = explicitNullColumn(access, name);
        if (column) {
          columns.push(quote(column));
          values.push(params.add(null));
        }
        continue;
      }
      const field = writableField(access, name);
      if (field.column) {
        columns.push(quote(field.column));
        values.push(columnValue(field, value, params));
      } else if (field.intermediate) {
        intermediates.push([field.intermediate, listValue(name, value)]);
      } else if (nonPrimaryOf(field)) {
        this.checkNonPrimary(event.fqid, collection, id, field, { exactly: value === null || value === undefined ? [] : listValue(name, value) });
      }
    }
    return { event, collection, id, access, columns, values, params, intermediates };
  }

  private async update(event: UpdateEvent): Promise<Model> {
    const { collection, id } = parseFqid(event.fqid);
    const access = collectionAccess(collection);
    const fields = event.fields ?? {};
    const add = event.list_fields?.add ?? {};
    const remove = event.list_fields?.remove ?? {};
    if (Object.keys(fields).length === 0 && Object.keys(add).length === 0 && Object.keys(remove).length === 0) {
      throw new DatabaseError("No fields given.", "invalid_request");
    }
    assertSameId(event.fqid, id, fields);
    const params = new SqlParams();
    const assignments: string[] = [];
    const replaced: [Intermediate, unknown[]][] = [];
    for (const [name, value] of Object.entries(fields)) {
      if (name === "id" || name === ORGANIZATION_ID) continue;
      const field = writableField(access, name);
      if (field.column) {
        assignments.push(`${quote(field.column)} = ${value === null || value === undefined ? "NULL" : columnValue(field, value, params)}`);
      } else if (field.intermediate) {
        replaced.push([field.intermediate, value === null || value === undefined ? [] : listValue(name, value)]);
      } else if (nonPrimaryOf(field)) {
        this.checkNonPrimary(event.fqid, collection, id, field, { exactly: value === null || value === undefined ? [] : listValue(name, value) });
      }
    }
    const listChanges: [Intermediate, unknown[], unknown[]][] = [];
    for (const name of new Set([...Object.keys(add), ...Object.keys(remove)])) {
      const field = writableField(access, name);
      const added = listValue(name, add[name] ?? []);
      const removed = listValue(name, remove[name] ?? []);
      if (field.column && (field.kind === "integer[]" || field.kind === "string[]")) {
        const cast = arrayCastOf(field);
        assignments.push(
          `${quote(field.column)} = (SELECT array_agg(x ORDER BY x) FROM (SELECT unnest(coalesce(${quote(field.column)}::text[], '{}')) EXCEPT SELECT unnest(${params.add(removed.map(String))}::text[]) UNION SELECT unnest(${params.add(added.map(String))}::text[])) AS s(x))::${cast}`,
        );
      } else if (field.intermediate) {
        listChanges.push([field.intermediate, added, removed]);
      } else if (nonPrimaryOf(field)) {
        this.checkNonPrimary(event.fqid, collection, id, field, { contains: added, lacks: removed });
      } else if (!field.intermediate && field.kind !== "integer[]" && field.kind !== "string[]") {
        throw new DatabaseError(`'${name}' is not a list field.`, "invalid_request");
      }
    }
    let result: Model = { id };
    if (assignments.length > 0) {
      const { rows } = await this.query(`UPDATE ${quote(access.table)} SET ${assignments.join(", ")} WHERE id = ${params.add(id)} RETURNING id`, params.values);
      if (rows.length === 0) throw new DatabaseError(`Model '${event.fqid}' does not exist.`, "model_does_not_exist");
      result = rows[0] as Model;
    } else if (!this.existing.has(event.fqid) && !this.readExisting.get(collection)?.has(id)) {
      this.unchecked.push(event.fqid);
    }
    this.existing.add(event.fqid);
    for (const [intermediate, list] of replaced) await this.replaceRows(intermediate, id, list);
    for (const [intermediate, added, removed] of listChanges) {
      await this.removeRows(intermediate, id, removed);
      await this.addRows(intermediate, id, added);
    }
    return result;
  }

  /**
   * Updates that change nothing stored (reverse lists) only need their model to exist: one query
   * for all of them, before any delete and at the end of the write; the first missing one in
   * event order is reported.
   */
  private async checkExistence(): Promise<void> {
    const fqids = [...new Set(this.unchecked.splice(0))];
    if (fqids.length === 0) return;
    const params = new SqlParams();
    const parts = fqids.map((fqid) => {
      const { collection, id } = parseFqid(fqid);
      return `SELECT ${params.add(fqid)}::text AS fqid FROM ${quote(collectionAccess(collection).table)} WHERE id = ${params.add(id)}::integer`;
    });
    const { rows } = await this.query(parts.join(" UNION ALL "), params.values);
    const found = new Set(rows.map((row) => String(row.fqid)));
    const missing = fqids.find((fqid) => !found.has(fqid));
    if (missing) throw new DatabaseError(`Model '${missing}' does not exist.`, "model_does_not_exist");
  }

  private checkNonPrimary(fqid: Fqid, collection: string, id: number, field: FieldAccess, expected: Pick<NonPrimaryCheck, "exactly" | "contains" | "lacks">): void {
    const primary = nonPrimaryOf(field);
    if (primary) this.checks.push({ fqid, collection, id, field: field.name, primary, ...expected });
  }

  private async delete(event: DeleteEvent): Promise<void> {
    const { collection, id } = parseFqid(event.fqid);
    const access = collectionAccess(collection);
    await this.checkExistence();
    this.existing.clear();
    this.readExisting.clear();
    const { rowCount } = await this.query(`DELETE FROM ${quote(access.table)} WHERE id = $1`, [id]);
    if (rowCount === 0) throw new DatabaseError(`Model '${event.fqid}' does not exist.`, "model_does_not_exist");
  }

  // Symmetric self relations (motion/identical_motion_ids) keep each pair once, ordered (_1 < _2).
  private isSymmetric(intermediate: Intermediate): boolean {
    return intermediate.ownColumn.endsWith("_1") && intermediate.valueColumn.endsWith("_2") && intermediate.ownColumn.slice(0, -2) === intermediate.valueColumn.slice(0, -2);
  }

  private async addRows(intermediate: Intermediate, id: number, values: unknown[]): Promise<void> {
    if (values.length === 0) return;
    const table = quote(intermediate.table);
    const own = quote(intermediate.ownColumn);
    const other = quote(intermediate.valueColumn);
    if (this.isSymmetric(intermediate)) {
      await this.query(
        `INSERT INTO ${table} (${own}, ${other}) SELECT least($1::integer, v), greatest($1::integer, v) FROM unnest($2::integer[]) AS v WHERE v <> $1::integer ON CONFLICT DO NOTHING`,
        [id, values],
      );
      return;
    }
    await this.query(
      `INSERT INTO ${table} (${own}, ${other}) SELECT $1::integer, v FROM unnest($2::${intermediate.valueType}[]) AS v ON CONFLICT DO NOTHING`,
      [id, values],
    );
  }

  /** The intermediate rows of a batch of creates: one INSERT per intermediate table. */
  private async addRowsOfBatch(batch: PreparedCreate[]): Promise<void> {
    const byTable = new Map<string, { intermediate: Intermediate; owners: number[]; values: unknown[] }>();
    for (const row of batch) {
      for (const [intermediate, list] of row.intermediates) {
        let rows = byTable.get(intermediate.table);
        if (!rows) byTable.set(intermediate.table, (rows = { intermediate, owners: [], values: [] }));
        for (const value of list) {
          rows.owners.push(row.id);
          rows.values.push(value);
        }
      }
    }
    for (const { intermediate, owners, values } of byTable.values()) {
      if (values.length === 0) continue;
      const table = quote(intermediate.table);
      const own = quote(intermediate.ownColumn);
      const other = quote(intermediate.valueColumn);
      const pairs = `unnest($1::integer[], $2::${intermediate.valueType}[]) AS pair(owner, value)`;
      const sql = this.isSymmetric(intermediate)
        ? `INSERT INTO ${table} (${own}, ${other}) SELECT least(owner, value), greatest(owner, value) FROM ${pairs} WHERE value <> owner ON CONFLICT DO NOTHING`
        : `INSERT INTO ${table} (${own}, ${other}) SELECT owner, value FROM ${pairs} ON CONFLICT DO NOTHING`;
      await this.query(sql, [owners, values]);
    }
  }

  private async removeRows(intermediate: Intermediate, id: number, values: unknown[]): Promise<void> {
    if (values.length === 0) return;
    const table = quote(intermediate.table);
    const own = quote(intermediate.ownColumn);
    const other = quote(intermediate.valueColumn);
    if (this.isSymmetric(intermediate)) {
      await this.query(
        `DELETE FROM ${table} WHERE (${own} = $1 AND ${other} = ANY($2::integer[])) OR (${other} = $1 AND ${own} = ANY($2::integer[]))`,
        [id, values],
      );
      return;
    }
    await this.query(`DELETE FROM ${table} WHERE ${own} = $1 AND ${other} = ANY($2::${intermediate.valueType}[])`, [id, values]);
  }

  private async replaceRows(intermediate: Intermediate, id: number, values: unknown[]): Promise<void> {
    const table = quote(intermediate.table);
    const own = quote(intermediate.ownColumn);
    const other = quote(intermediate.valueColumn);
    if (this.isSymmetric(intermediate)) {
      await this.query(
        `DELETE FROM ${table} WHERE (${own} = $1 AND NOT (${other} = ANY($2::integer[]))) OR (${other} = $1 AND NOT (${own} = ANY($2::integer[])))`,
        [id, values],
      );
    } else {
      await this.query(`DELETE FROM ${table} WHERE ${own} = $1 AND NOT (${other} = ANY($2::${intermediate.valueType}[]))`, [id, values]);
    }
    await this.addRows(intermediate, id, values);
  }
}

function assertSameId(fqid: Fqid, id: number, fields: Model): void {
  if (fields.id !== undefined && fields.id !== null && fields.id !== id) {
    throw new DatabaseError(`Fqid '${fqid}' and id '${String(fields.id)}' are mismatching.`, "invalid_request");
  }
}

/**
 * A null sent on create is stored as NULL, as upstream's writer does, where that differs from
 * leaving the field out: an optional column with a default (user.create with
 * default_vote_weight: null keeps no weight). Required columns keep their default instead.
 */
function explicitNullColumn(access: CollectionAccess, name: string): string | undefined {
  const column = access.fields.get(name)?.column;
  const definition = getField(access.name, name);
  if (!column || !definition || definition.required || definition.default === undefined || definition.default === null) return undefined;
  return column;
}

function writableField(access: CollectionAccess, name: string): FieldAccess {
  const field = access.fields.get(name);
  if (!field) {
    if (access.storage.fields[name]?.kind === "calculated") {
      throw new DatabaseError(`Field '${name}' of collection '${access.name}' is calculated and cannot be written`, "invalid_format");
    }
    throw new DatabaseError(`Field '${name}' does not exist in collection '${access.name}'`, "invalid_format");
  }
  return field;
}

function listValue(name: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new DatabaseError(`'${name}' must be a list`, "invalid_format");
  return value;
}

function arrayCastOf(field: FieldAccess): string {
  return field.storage.kind === "column" ? field.storage.sqlType : field.kind === "integer[]" ? "integer[]" : "text[]";
}

/** The parameter expression for one column value, converted from the upstream wire encoding. */
function columnValue(field: FieldAccess, value: unknown, params: SqlParams): string {
  switch (field.kind) {
    case "timestamp":
      return typeof value === "number" ? `to_timestamp(${params.add(value)})` : `${params.add(String(value))}::timestamptz`;
    case "json":
      return `${params.add(JSON.stringify(value))}::jsonb`;
    case "decimal":
      return params.add(String(value));
    case "integer[]":
    case "string[]":
      return `${params.add(listValue(field.name, value).map(String))}::text[]::${arrayCastOf(field)}`;
    default:
      return params.add(value);
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** After inserting explicit ids (imports), moves every identity sequence past the highest id. */
export async function advanceIdSequences(session: { query(sql: string): Promise<unknown> }): Promise<void> {
  const { STORAGE } = await import("../meta/generated/storage.js");
  for (const storage of Object.values(STORAGE)) {
    await session.query(
      `SELECT setval(${literal(storage.idSequence)}, m) FROM (SELECT max(id) AS m FROM ${quote(storage.table)}) AS s ` +
        `WHERE m IS NOT NULL AND m > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${quote(storage.idSequence)})`,
    );
  }
}
