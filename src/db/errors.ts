// Maps PostgreSQL errors to the database layer's errors with the upstream message texts (spec 3.5).
import { DatabaseError } from "./types.js";

interface PgErrorLike {
  code?: string;
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
  const match = /Key \((?:[^)]*)\)=\((\d+)\) is not present in table "([a-z_]+)"/.exec(detail ?? "");
  return match ? `${collectionOfTable(match[2])}/${match[1]}` : undefined;
}

function verboseName(collection: string): string {
  const words = collection.split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function uniqueViolation(error: PgErrorLike, fqid: string | undefined): DatabaseError {
  const collection = collectionOfTable(error.table);
  if (error.constraint?.endsWith("_pkey") && fqid) return new DatabaseError(`Model '${fqid}' exists.`, "model_exists");
  const match = /Key \(([^)]*)\)=\((.*)\) already exists/.exec(error.detail ?? "");
  if (match && collection) {
    const value = /^\d+$/.test(match[2]!) ? match[2] : `'${match[2]}'`;
    const subject = fqid ?? collection;
    return new DatabaseError(`${subject}: ${verboseName(collection)} with ${match[1]} ${value} already exists.`, "constraint");
  }
  return new DatabaseError(error.message ?? "Unique constraint violated", "constraint");
}

/** Turns any error thrown by an engine into a DatabaseError; `fqid` names the model being written, if any. */
export function mapDatabaseError(error: unknown, fqid?: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const pgError = (error ?? {}) as PgErrorLike;
  const message = pgError.message ?? String(error);
  switch (pgError.code) {
    case "40001":
    case "40P01":
      return new DatabaseError(message, "serialization");
    case "23503": {
      const missing = missingReference(pgError.detail);
      return new DatabaseError(missing ? `Model '${missing}' does not exist.` : message, "model_does_not_exist");
    }
    case "23505":
      return uniqueViolation(pgError, fqid);
    case "23502":
    case "23514":
    case "22P02":
    case "22003":
    case "22001":
    case "22007":
    case "22008":
    case "42703":
    case "22023":
      return new DatabaseError(message, "invalid_format");
    case "P0001":
      if (message.includes("NOT NULL CONSTRAINT VIOLATED")) {
        return new DatabaseError(`Relation violates required constraint: ${message}`, "constraint");
      }
      return new DatabaseError(message, "constraint");
    default:
      return new DatabaseError(message, "other");
  }
}

export function isSerializationFailure(error: unknown): boolean {
  if (error instanceof DatabaseError) return error.kind === "serialization";
  return SERIALIZATION_CODES.has((error as PgErrorLike | undefined)?.code ?? "");
}
