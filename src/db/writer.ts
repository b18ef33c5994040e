// Applies write events (create / update / delete, spec 3.5) to the tables and the primary sides
// of the intermediate tables. Reverse relation fields are computed by the views and ignored here;
// non-primary n:m sides are checked after the events: they must read back as written.
import type { SqlSession } from "./engine/engine.js";
import { collectionAccess, quote, type CollectionAccess, type FieldAccess } from "./fields.js";
import { mapDatabaseError } from "./errors.js";
import { parseFqid } from "./reader.js";
import { SqlParams } from "./filter-sql.js";
import { INTERMEDIATE_TABLES } from "../meta/generated/storage.js";
import { DatabaseError, type CreateEvent, type DeleteEvent, type Fqid, type Model, type UpdateEvent, type WriteEvent } from "./types.js";

const MAX_FQID_LENGTH = 48;
/** Only one organization exists; the column's default (1) is the only value, so upstream never writes it. */
const ORGANIZATION_ID = "organization_id";

type Intermediate = NonNullable<FieldAccess["intermediate"]>;

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

  constructor(private readonly session: SqlSession) {}

  async write(events: WriteEvent[]): Promise<Record<Fqid, Model>> {
    this.checks = [];
    this.existing.clear();
    const results = await this.apply(events);
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
    for (const event of events) {
      if (String(event.fqid).length > MAX_FQID_LENGTH) throw new DatabaseError(`Fqid ${event.fqid} is too long`, "invalid_request");
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

  private async query(sql: string, params: unknown[]) {
    return this.session.query(sql, params);
  }

  private async create(event: CreateEvent): Promise<Model> {
    const { collection, id } = parseFqid(event.fqid);
    const access = collectionAccess(collection);
    const fields = event.fields ?? {};
    assertSameId(event.fqid, id, fields);
    const params = new SqlParams();
    const columns = ["id"];
    const values = [params.add(id)];
    const intermediates: [Intermediate, unknown[]][] = [];
    for (const [name, value] of Object.entries(fields)) {
      if (name === "id" || name === ORGANIZATION_ID || value === null || value === undefined) continue;
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
    const returning = access.fields.has("sequential_number") ? "id, sequential_number" : "id";
    const { rows } = await this.query(
      `INSERT INTO ${quote(access.table)} (${columns.join(", ")}) VALUES (${values.join(", ")}) RETURNING ${returning}`,
      params.values,
    );
    for (const [intermediate, list] of intermediates) await this.addRows(intermediate, id, list);
    this.existing.add(event.fqid);
    return { ...(rows[0] as Model) };
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
    } else if (!this.existing.has(event.fqid)) {
      const { rows } = await this.query(`SELECT id FROM ${quote(access.table)} WHERE id = $1`, [id]);
      if (rows.length === 0) throw new DatabaseError(`Model '${event.fqid}' does not exist.`, "model_does_not_exist");
    }
    this.existing.add(event.fqid);
    for (const [intermediate, list] of replaced) await this.replaceRows(intermediate, id, list);
    for (const [intermediate, added, removed] of listChanges) {
      await this.removeRows(intermediate, id, removed);
      await this.addRows(intermediate, id, added);
    }
    return result;
  }

  private checkNonPrimary(fqid: Fqid, collection: string, id: number, field: FieldAccess, expected: Pick<NonPrimaryCheck, "exactly" | "contains" | "lacks">): void {
    const primary = nonPrimaryOf(field);
    if (primary) this.checks.push({ fqid, collection, id, field: field.name, primary, ...expected });
  }

  private async delete(event: DeleteEvent): Promise<void> {
    const { collection, id } = parseFqid(event.fqid);
    const access = collectionAccess(collection);
    this.existing.clear();
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
