// Compares the catalogs of two PostgreSQL databases (schema "public" plus installed
// extensions) and prints every difference: relations, columns, constraints, indexes, views,
// triggers, functions (signature, language, volatility; bodies only reported as a count),
// enum types, sequences and column comments.
//
//   node dist/scripts/compare-schema.js postgres://u:p@host/db_a postgres://u:p@host/db_b
//
// Exit code 0 when the schemas are equal, 1 when they differ, 2 on usage or connection errors.
import pg from "pg";

type Catalog = Record<string, Map<string, string>>;

/** Each query returns rows of (key, value); equal keys with different values are differences. */
const CATALOG_QUERIES: Record<string, string> = {
  extensions: `SELECT extname AS key, '' AS value FROM pg_extension`,
  relations: `
    SELECT c.relname AS key, c.relkind::text AS value
    FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p', 'S', 'i')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')`,
  columns: `
    SELECT c.relname || '.' || a.attname AS key,
           json_build_object(
             'position', a.attnum,
             'type', format_type(a.atttypid, a.atttypmod),
             'not_null', a.attnotnull,
             'default', pg_get_expr(ad.adbin, ad.adrelid),
             'identity', a.attidentity,
             'generated', a.attgenerated
           )::text AS value
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')
      AND a.attnum > 0 AND NOT a.attisdropped`,
  constraints: `
    SELECT conrelid::regclass::text || '.' || conname AS key,
           json_build_object(
             'type', contype,
             'definition', pg_get_constraintdef(oid),
             'deferrable', condeferrable,
             'deferred', condeferred
           )::text AS value
    FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace`,
  indexes: `
    SELECT i.indexrelid::regclass::text AS key, pg_get_indexdef(i.indexrelid) AS value
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relnamespace = 'public'::regnamespace`,
  views: `
    SELECT c.relname AS key, regexp_replace(pg_get_viewdef(c.oid, true), '\\s+', ' ', 'g') AS value
    FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'`,
  triggers: `
    SELECT t.tgrelid::regclass::text || '.' || t.tgname AS key, pg_get_triggerdef(t.oid) AS value
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal`,
  functions: `
    SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key,
           json_build_object(
             'arguments', pg_get_function_arguments(p.oid),
             'result', pg_get_function_result(p.oid),
             'kind', p.prokind,
             'volatility', p.provolatile,
             'language', l.lanname,
             'strict', p.proisstrict,
             'security_definer', p.prosecdef
           )::text AS value
    FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
    WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  function_bodies: `
    SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key, md5(p.prosrc) AS value
    FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  enum_types: `
    SELECT t.typname AS key, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS value
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace
    GROUP BY t.typname`,
  sequences: `
    SELECT s.sequencename AS key,
           json_build_object(
             'type', s.data_type::text, 'start', s.start_value, 'increment', s.increment_by,
             'min', s.min_value, 'max', s.max_value, 'cycle', s.cycle,
             'owned_by', (SELECT c.relname || '.' || a.attname
                          FROM pg_depend d
                          JOIN pg_class c ON c.oid = d.refobjid
                          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                          WHERE d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass
                            AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
           )::text AS value
    FROM pg_sequences s
    WHERE s.schemaname = 'public'`,
  column_comments: `
    SELECT c.relname || '.' || a.attname AS key, col_description(c.oid, a.attnum) AS value
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
      AND col_description(c.oid, a.attnum) IS NOT NULL`,
};

export async function readCatalog(connectionString: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const catalog: Catalog = {};
    for (const [section, sql] of Object.entries(CATALOG_QUERIES)) {
      const result = await client.query<{ key: string; value: string | null }>(sql);
      catalog[section] = new Map(result.rows.map((row) => [row.key, row.value ?? ""]));
    }
    return catalog;
  } finally {
    await client.end();
  }
}

export interface SectionDifference {
  section: string;
  compared: number;
  onlyInFirst: string[];
  onlyInSecond: string[];
  changed: { key: string; first: string; second: string }[];
}

export function compareCatalogs(first: Catalog, second: Catalog): SectionDifference[] {
  return Object.keys(CATALOG_QUERIES).map((section) => {
    const a = first[section] ?? new Map<string, string>();
    const b = second[section] ?? new Map<string, string>();
    const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
    const difference: SectionDifference = { section, compared: keys.length, onlyInFirst: [], onlyInSecond: [], changed: [] };
    for (const key of keys) {
      if (!b.has(key)) difference.onlyInFirst.push(key);
      else if (!a.has(key)) difference.onlyInSecond.push(key);
      else if (a.get(key) !== b.get(key)) difference.changed.push({ key, first: a.get(key)!, second: b.get(key)! });
    }
    return difference;
  });
}

const isEqual = (difference: SectionDifference) =>
  difference.onlyInFirst.length + difference.onlyInSecond.length + difference.changed.length === 0;

function report(differences: SectionDifference[], verboseBodies: boolean): string {
  const lines: string[] = [];
  for (const difference of differences) {
    const status = isEqual(difference) ? "equal" : "DIFFERENT";
    lines.push(`${difference.section}: ${difference.compared} compared, ${status}`);
    if (difference.section === "function_bodies" && !verboseBodies) {
      if (!isEqual(difference)) lines.push(`  ${difference.changed.length} function bodies differ (expected: our own code)`);
      continue;
    }
    for (const key of difference.onlyInFirst) lines.push(`  only in first:  ${key}`);
    for (const key of difference.onlyInSecond) lines.push(`  only in second: ${key}`);
    for (const change of difference.changed) {
      lines.push(`  changed: ${change.key}`, `    first:  ${change.first}`, `    second: ${change.second}`);
    }
  }
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((arg) => !arg.startsWith("--"));
  if (args.length !== 2) {
    console.error("usage: compare-schema <first database url> <second database url> [--bodies]");
    return 2;
  }
  const [first, second] = await Promise.all(args.map(readCatalog));
  const differences = compareCatalogs(first!, second!);
  console.log(report(differences, argv.includes("--bodies")));
  return differences.every((difference) => isEqual(difference) || difference.section === "function_bodies") ? 0 : 1;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
