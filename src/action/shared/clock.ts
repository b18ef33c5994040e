// The time actions store in timestamp fields. Upstream stores datetimes with their fraction (its
// tests compare stored times with their own clock), so this is fractional unix seconds, at the
// millisecond resolution of the system clock; the wire still shows whole seconds (src/db/fields.ts).
export const nowTimestamp = (): number => Date.now() / 1000;
