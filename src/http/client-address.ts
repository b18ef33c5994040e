// The client's address behind reverse proxies (OPENSLIDES_TRUSTED_PROXIES). X-Forwarded-For is
// believed only as far as trusted proxies wrote it: each proxy appends the address it got the
// request from, so walking the header from the right, the first address that is not a trusted
// proxy is the client. Anything left of it may have been sent by the client itself.
import { BlockList, isIP } from "node:net";

/** More entries than any real chain of proxies has; the rest (further left) is never looked at. */
const MAX_FORWARDED_ENTRIES = 20;

export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  /** `entries`: addresses and CIDR ranges, IPv4 or IPv6; throws on anything else. */
  constructor(entries: readonly string[]) {
    for (const entry of entries) addEntry(this.list, entry);
    this.empty = entries.length === 0;
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? "ipv4" : "ipv6");
  }

  /** The client's address for a connection from `peer` carrying these X-Forwarded-For values. */
  clientAddress(peer: string, forwardedFor: string | string[] | undefined): string {
    let address = plainAddress(peer);
    if (this.empty || !this.has(address) || forwardedFor === undefined) return address;
    const entries = lastEntries(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor);
    for (let index = entries.length - 1; index >= 0; index--) {
      const forwarded = plainAddress(entries[index]!);
      // Not an address: a trusted proxy would not have written it, so stop at the last hop we believe.
      if (isIP(forwarded) === 0) return address;
      address = forwarded;
      if (!this.has(address)) return address;
    }
    return address;
  }
}

/** Parses "a, b c" (commas or spaces) as the setting's list; throws a message for an invalid entry. */
export function parseTrustedProxies(text: string | undefined): string[] {
  const entries = (text ?? "").split(/[,\s]+/).filter((entry) => entry.length > 0);
  for (const entry of entries) addEntry(new BlockList(), entry);
  return entries;
}

function addEntry(list: BlockList, entry: string): void {
  const slash = entry.indexOf("/");
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (family === 0) throw new Error(`"${entry}" is no IP address or CIDR range`);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (slash < 0) return list.addAddress(address, type);
  const prefix = entry.slice(slash + 1);
  const bits = /^[0-9]{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits <= (family === 4 ? 32 : 128))) throw new Error(`"${entry}" has no valid prefix length`);
  list.addSubnet(address, bits, type);
}

/** The last entries of a comma-separated header, without scanning more of it than needed. */
function lastEntries(header: string): string[] {
  const entries: string[] = [];
  let end = header.length;
  while (entries.length < MAX_FORWARDED_ENTRIES && end > 0) {
    const comma = header.lastIndexOf(",", end - 1);
    entries.unshift(header.slice(comma + 1, end).trim());
    end = comma < 0 ? 0 : comma;
  }
  return entries;
}

/** IPv4-mapped IPv6 ("::ffff:10.0.0.1") as IPv4; an IPv4 "address:port" or "[IPv6]:port" without the port. */
function plainAddress(text: string): string {
  let address = text.trim();
  if (address.startsWith("[")) {
    const close = address.indexOf("]");
    if (close > 0) address = address.slice(1, close);
  } else if (address.indexOf(":") === address.lastIndexOf(":") && address.includes(".")) {
    address = address.split(":")[0]!;
  }
  const lower = address.toLowerCase();
  if (lower.startsWith("::ffff:") && isIP(lower.slice(7)) === 4) return lower.slice(7);
  return address;
}
