// The order in which CPython iterates a set of small non-negative ints (hash(n) == n), e.g.
// {66, 60} for the ids 60 and 66: upstream prints id sets and picks "the last" id of a set in
// this order. Emulates CPython's open-addressing table (linear probes, perturbation, resizes).

const MIN_SIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;

function insert(table: (number | undefined)[], value: number): void {
  const mask = table.length - 1;
  let perturb = BigInt(value);
  let index = value & mask;
  for (;;) {
    const probes = index + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let probe = 0; probe <= probes; probe++) {
      if (table[index + probe] === undefined) {
        table[index + probe] = value;
        return;
      }
    }
    perturb >>= PERTURB_SHIFT;
    index = Number((BigInt(index) * 5n + 1n + perturb) & BigInt(mask));
  }
}

function resized(table: (number | undefined)[], used: number): (number | undefined)[] {
  const minimum = used > 50000 ? used * 2 : used * 4;
  let size = MIN_SIZE;
  while (size <= minimum) size *= 2;
  const next: (number | undefined)[] = new Array(size).fill(undefined);
  for (const value of table) if (value !== undefined) insert(next, value);
  return next;
}

/** The ids as Python iterates set(ids) built by adding them in the given order. */
export function pythonIntSetOrder(ids: Iterable<number>): number[] {
  let table: (number | undefined)[] = new Array(MIN_SIZE).fill(undefined);
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id) || !Number.isSafeInteger(id) || id < 0) continue;
    seen.add(id);
    insert(table, id);
    if (seen.size * 5 >= (table.length - 1) * 3) table = resized(table, seen.size);
  }
  return table.filter((value): value is number => value !== undefined);
}
