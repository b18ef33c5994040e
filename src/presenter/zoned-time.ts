// Instants rendered in an IANA time zone the way Python's datetime.isoformat() renders an aware
// datetime: 2020-01-02T06:51:51+01:00, with microseconds only when there are any.

function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

interface LocalParts {
  date: string;
  time: string;
  offset: string;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: validZone(timeZone),
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "longOffset",
  });
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName!.replace("GMT", "");
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}`, offset };
}

/** A stored timestamp (Date, ISO string or unix seconds) as a Date; undefined when unset. */
export function toInstant(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const instant = value instanceof Date ? value : typeof value === "number" ? new Date(value * 1000) : new Date(String(value));
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

export function zonedIsoString(instant: Date, timeZone: string): string {
  const { date, time, offset } = localParts(instant, timeZone);
  const millis = instant.getTime() % 1000;
  const fraction = millis ? `.${String((millis + 1000) % 1000).padStart(3, "0")}000` : "";
  return `${date}T${time}${fraction}${offset}`;
}

/** The calendar date (YYYY-MM-DD) of the instant in the zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}
