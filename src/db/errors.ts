// Maps PostgreSQL errors to the database layer's errors with the upstream message texts (spec 3.5).
import { STORAGE } from "../meta/generated/storage.js";
import { DatabaseError, DatabaseUnavailableError } from "./types.js";
import { isConnectionFailure } from "./engine/connection-failure.js";


interface PgErrorLike {
  code?: string;
  column?: string;
  message?: string;
  detail?: string;
  constraint?: string;
  table?: string;
}

export const SERIALIZATION_CODES = new Set(["40001", "40P01"]);

const TABLE_SUFFIX = /_t$/;

function collectionOfTable(table: string | undefined): string | undefined {
  return table?.replace(TABLE_SUFFIX, "");
}

/** "Key (meeting_id)=(5) is not present in table \"meeting_t\"." -> meeting/5 */
function missingReference(detail: string | undefined): string | undefined {
  const match = /^Key \((?:[^)]*)\)=\((\d+)\) is not present in table "([a-z_]+)"/.exec(detail ?? "");
  return match ? `${collectionOfTable(match[2])}/${match[1]}` : undefined;
}

function verboseName(collection: string): string {
  const words = collection.split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** String columns quote their value in the message, as upstream does for its CharField. */
function isStringColumn(collection: string, field: string): boolean {
  const storage = STORAGE[collection]?.fields[field];
  return storage?.kind === "column" && storage.sqlType.startsWith("varchar");
}

function uniqueViolation(error: PgErrorLike, fqid: string | undefined): DatabaseError {
  const collection = collectionOfTable(error.table);
  const subject = fqid ?? `${collection}/0`;
  const key = /^Key \(([^)]*)\)=\((.*)\) already exists/.exec(error.detail ?? "");
  if (key?.[1] === "id") return new DatabaseError(`Model '${subject}' exists.`, "model_exists");
  if (key && collection && !key[1]!.includes(",")) {
    const value = isStringColumn(collection, key[1]!) ? `'${key[2]}'` : key[2];
    return new DatabaseError(`${subject}: ${verboseName(collection)} with ${key[1]} ${value} already exists.`, "constraint");
  }
  return new DatabaseError(`${subject}: ${error.message ?? "unique constraint violated"}${error.detail ? `\nDETAIL:  ${error.detail}` : ""}`, "constraint");
}

/** The column named in a message such as 'null value in column "name" of relation "gender_t" ...'. */
function quotedName(message: string): string {
  return /"([^"]+)"/.exec(message)?.[1] ?? "";
}

/** Turns any error thrown by an engine into a DatabaseError; `fqid` names the model being written, if any. */
export function mapDatabaseError(error: unknown, fqid?: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  // A connection the server ended (shutdown, crash of the postmaster) is no fault of the request.
  if (isConnectionFailure(error)) return new DatabaseUnavailableError(error);
  const pgError = (error ?? {}) as PgErrorLike;
  const message = pgError.message ?? String(error);
  const subject = fqid ?? "";
  switch (pgError.code) {
    case "40001":
    case "40P01":
      return new DatabaseError(message, "serialization");
    case "23503": {
      const missing = missingReference(pgError.detail);
      return new DatabaseError(missing ? `Model '${missing}' does not exist.` : message, "model_does_not_exist", "23503");
    }
    case "23505": {
      const unique = uniqueViolation(pgError, fqid);
      return new DatabaseError(unique.message, unique.kind, "23505");
    }
    case "23502":
      return new DatabaseError(`Missing fields '${pgError.column ?? quotedName(message)}' in '${subject}'. Ooopsy Daisy! ${message}`, "invalid_format");
    case "42804":
      return new DatabaseError(`Invalid data type for '${quotedName(message)}' in ${subject}. ${message}`, "invalid_format");
    case "23514":
      return new DatabaseError(`${message}\n        Violating data formatting or other constraints for fqid '${subject}'`, "invalid_format");
    case "22001":
      return new DatabaseError(`Invalid data passed in '${subject}': ${message}`, "invalid_format");
    case "22P02":
    case "22003":
    case "22007":
    case "22008":
    case "22023":
    case "42703":
      return new DatabaseError(fqid ? `Invalid data for '${fqid}': ${message}` : message, "invalid_format");
    case "P0001":
      if (/^[^:]*: NOT NULL CONSTRAINT VIOLATED/.test(message)) {
        return new DatabaseError(`Relation violates required constraint: ${message}`, "constraint");
      }
      // equal_fields triggers and the constant trigger carry their own text.
      return new DatabaseError(message, message.startsWith("Constant value constraint violated for ") ? "invalid_format" : "constraint");
    default:
      return new DatabaseError(message, "other", pgError.code);
  }
}

/**
 * A unique violation can come from a concurrent transaction that committed after this one's
 * snapshot was taken (two motions numbered alike at the same moment); a fresh attempt sees it.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof DatabaseError) return error.sqlState === "23505";
  return (error as PgErrorLike | undefined)?.code === "23505";
}

export function isSerializationFailure(error: unknown): boolean {
  if (error instanceof DatabaseError) return error.kind === "serialization";
  return SERIALIZATION_CODES.has((error as PgErrorLike | undefined)?.code ?? "");
}
