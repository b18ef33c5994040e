// Small helpers for writing SQL text.

/** A string literal: 'text' with embedded quotes doubled. */
export const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A double-quoted identifier (views are named like collections; "group" and "user" are reserved words). */
export const quoted = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** The argument list of a trigger function call: every argument as a string literal. */
export const triggerArguments = (values: string[]): string => values.map(literal).join(", ");

/** Column comments keep upstream's habit of turning single quotes into double quotes. */
export const commentText = (description: string): string => literal(description.replace(/'/g, '"'));
