// The fixed part of the schema: the hstore extension, the meta tables (version,
// os_notify_log_t) and the PL/pgSQL functions the generated triggers call. Names, signatures
// and error texts are those of OpenSlides 4.3 because upstream tools call and parse them.

const EXTENSION = `CREATE EXTENSION IF NOT EXISTS hstore;`;

const META_TABLES = `CREATE TABLE os_notify_log_t (
    id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
    operation varchar(32),
    fqid varchar(256) NOT NULL,
    updated_fields varchar(63)[],
    xact_id xid8,
    timestamp timestamptz,
    CONSTRAINT unique_fqid_xact_id_operation UNIQUE (operation, fqid, xact_id)
);

CREATE TABLE version (
    migration_index integer PRIMARY KEY,
    migration_state text,
    replace_tables jsonb
);`;

/** Per-meeting numbering: BEFORE INSERT, args (table, number column, scope column). */
const GENERATE_SEQUENCE = `CREATE FUNCTION generate_sequence() RETURNS trigger AS $body$
-- Keeps one sequence per scope value (<table>_<scope><value>_<column>_seq), created on first use.
-- A row without a number gets the next one; a row with a number keeps it and moves the
-- sequence up to it, so later rows continue after imported numbers.
DECLARE
    target_table text := TG_ARGV[0];
    number_column text := TG_ARGV[1];
    scope_column text := TG_ARGV[2];
    row_values hstore := hstore(NEW);
    sequence_name text;
    given_number integer;
    last_number bigint;
BEGIN
    sequence_name := target_table || '_' || scope_column || (row_values -> scope_column) || '_' || number_column || '_seq';
    -- Looked up first: CREATE ... IF NOT EXISTS on an existing sequence still costs a utility
    -- command and sends the client a notice, on every insert.
    IF to_regclass(quote_ident(sequence_name)) IS NULL THEN
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I OWNED BY %I.%I', sequence_name, target_table, number_column);
    END IF;
    given_number := (row_values -> number_column)::integer;
    IF given_number IS NULL THEN
        given_number := nextval(quote_ident(sequence_name));
    ELSE
        EXECUTE format('SELECT last_value FROM %I', sequence_name) INTO last_number;
        -- a fresh sequence reports last_value 1 before its first use, hence <=
        IF last_number <= given_number THEN
            PERFORM setval(quote_ident(sequence_name), given_number);
        END IF;
    END IF;
    RETURN populate_record(NEW, hstore(number_column, given_number::text));
END;
$body$ LANGUAGE plpgsql;`;

const LOG_FIELD_CHANGE = `CREATE PROCEDURE log_field_change(operation_var text, fqid_var text, fields text[]) AS $body$
-- One log row per (operation, fqid, transaction); field lists of repeated changes are merged.
-- A change whose fields are logged already leaves the row alone: rewriting it would add a row
-- version per change, and thousands of changes of one model in a transaction (a meeting's lists
-- while it is cloned) made every later conflict check walk all of them.
BEGIN
    INSERT INTO os_notify_log_t AS log (operation, fqid, xact_id, timestamp, updated_fields)
    VALUES (operation_var, fqid_var, pg_current_xact_id(), now(), fields)
    ON CONFLICT (operation, fqid, xact_id) DO UPDATE SET updated_fields = ARRAY(
        SELECT unnest(coalesce(log.updated_fields, '{}'::varchar[]))
        UNION
        SELECT unnest(coalesce(EXCLUDED.updated_fields, '{}'::varchar[]))
    )
    WHERE log.updated_fields IS NULL OR NOT log.updated_fields @> coalesce(EXCLUDED.updated_fields, '{}'::varchar[]);
END;
$body$ LANGUAGE plpgsql;`;

/** AFTER row trigger on every collection table, arg (collection). */
const LOG_MODIFIED_MODELS = `CREATE FUNCTION log_modified_models() RETURNS trigger AS $body$
DECLARE
    collection text := TG_ARGV[0];
    changed_fields varchar(63)[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        CALL log_field_change('delete', collection || '/' || OLD.id, NULL);
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        -- columns whose value differs between the old and the new row
        changed_fields := akeys((hstore(NEW) - hstore(OLD)) || (hstore(OLD) - hstore(NEW)));
    END IF;
    CALL log_field_change(lower(TG_OP), collection || '/' || NEW.id, changed_fields);
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/** Deferred constraint trigger on every table: one NOTIFY per transaction, sent at commit. */
const NOTIFY_TRANSACTION_END = `CREATE FUNCTION notify_transaction_end() RETURNS trigger AS $body$
DECLARE
    transaction_id text := pg_current_xact_id()::text;
BEGIN
    -- A transaction-local setting remembers that this transaction has notified already.
    IF current_setting('os_notify.sent_for', true) IS DISTINCT FROM transaction_id THEN
        PERFORM set_config('os_notify.sent_for', transaction_id, true);
        PERFORM pg_notify('os_notify', '{"xactId":' || transaction_id || '}');
    END IF;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/**
 * AFTER row trigger logging the models a row points to. Args in triples
 * (target collection, column holding the target id, reverse field name on the target).
 */
const LOG_MODIFIED_RELATED_MODELS = `CREATE FUNCTION log_modified_related_models() RETURNS trigger AS $body$
DECLARE
    new_values hstore;
    old_values hstore;
    target_id text;
    position integer := 0;
BEGIN
    IF TG_OP <> 'DELETE' THEN
        new_values := hstore(NEW);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_values := hstore(OLD);
    END IF;
    WHILE position < TG_NARGS LOOP
        target_id := new_values -> TG_ARGV[position + 1];
        IF target_id IS NOT NULL THEN
            CALL log_field_change('update', TG_ARGV[position] || '/' || target_id, ARRAY[TG_ARGV[position + 2]]);
        END IF;
        target_id := old_values -> TG_ARGV[position + 1];
        IF target_id IS NOT NULL THEN
            CALL log_field_change('update', TG_ARGV[position] || '/' || target_id, ARRAY[TG_ARGV[position + 2]]);
        END IF;
        position := position + 3;
    END LOOP;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/**
 * Change log for SQL-computed id lists (log_triggers of the YAML). Args: log collection, column
 * or SQL ($1 = the row) giving its id, the logged field, column or SQL giving the id that
 * enters (iu, BEFORE INSERT/UPDATE, row NEW) or leaves (ud, AFTER UPDATE/DELETE, row OLD) the
 * list. Logs only when the list really changes.
 */
function calculatedIdArrayLogFunction(variant: "iu" | "ud"): string {
  const row = variant === "iu" ? "NEW" : "OLD";
  const result = variant === "iu" ? "NEW" : "NULL";
  return `CREATE FUNCTION log_${variant}_modified_calculated_id_array_field() RETURNS trigger AS $body$
DECLARE
    log_collection text := TG_ARGV[0];
    id_column text := TG_ARGV[1];
    id_sql text := TG_ARGV[2];
    log_field text := TG_ARGV[3];
    item_column text := TG_ARGV[4];
    item_sql text := TG_ARGV[5];
    row_values hstore := hstore(${row});
    log_id integer;
    item integer;
    current_list integer[];
BEGIN
    IF id_sql <> '' THEN
        EXECUTE id_sql INTO log_id USING ${row};
    ELSE
        log_id := (row_values -> id_column)::integer;
    END IF;
    IF log_id IS NULL THEN
        RETURN ${result};
    END IF;
    IF item_sql <> '' THEN
        EXECUTE item_sql INTO item USING ${row};
    ELSE
        item := (row_values -> item_column)::integer;
    END IF;
    IF item IS NULL THEN
        RETURN ${result};
    END IF;
    -- ${variant === "iu" ? "before the change: the item is new to the list unless already in it" : "after the change: the item left the list unless still in it"}
    EXECUTE format('SELECT %I FROM %I WHERE id = $1', log_field, log_collection) INTO current_list USING log_id;
    IF current_list IS NULL OR NOT (item = ANY (current_list)) THEN
        CALL log_field_change('update', log_collection || '/' || log_id, ARRAY[log_field]);
    END IF;
    RETURN ${result};
END;
$body$ LANGUAGE plpgsql;`;
}

const IS_TIMEZONE = `CREATE FUNCTION is_timezone(tz text) RETURNS boolean AS $body$
BEGIN
    RETURN tz IS NULL OR EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = tz);
END;
$body$ LANGUAGE plpgsql STABLE;`;

/** BEFORE trigger of the symmetric n:m table, arg (column base name): keeps each pair once. */
const CHECK_UNIQUE_IDS_PAIR = `CREATE FUNCTION check_unique_ids_pair() RETURNS trigger AS $body$
DECLARE
    row_values hstore := hstore(NEW);
BEGIN
    IF (row_values -> (TG_ARGV[0] || '_1'))::integer > (row_values -> (TG_ARGV[0] || '_2'))::integer THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;`;

const PREVENT_WRITES = `CREATE FUNCTION prevent_writes() RETURNS trigger AS $body$
BEGIN
    RAISE EXCEPTION 'Table % is currently read-only.', TG_TABLE_NAME;
END;
$body$ LANGUAGE plpgsql;`;

/** BEFORE UPDATE OF <column>, args (collection, column). */
const PREVENT_UPDATES = `CREATE FUNCTION prevent_updates() RETURNS trigger AS $body$
BEGIN
    IF (hstore(OLD) -> TG_ARGV[1]) IS DISTINCT FROM (hstore(NEW) -> TG_ARGV[1]) THEN
        RAISE EXCEPTION 'Constant value constraint violated for %/%: % can not be updated.', TG_ARGV[0], NEW.id, TG_ARGV[1];
    END IF;
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;`;

const RAISE_EQUALITY_EXCEPTION = `CREATE FUNCTION raise_equality_exception_conditionally(
    check_column text, ref_column text,
    own_collection text, own_id integer, own_equal_val text,
    foreign_collection text, foreign_id integer, foreign_equal_val text
) RETURNS void AS $body$
BEGIN
    IF own_id IS NULL OR foreign_id IS NULL OR own_equal_val IS NOT DISTINCT FROM foreign_equal_val THEN
        RETURN;
    END IF;
    IF check_column = 'meeting_id' THEN
        RAISE EXCEPTION 'The following models do not belong to meeting %: [''%/%'']', own_equal_val, foreign_collection, foreign_id;
    END IF;
    RAISE EXCEPTION E'The relation % requires the following fields to be equal:\\n %/%/%: % \\n %/%/%: %',
        ref_column,
        own_collection, own_id, check_column, own_equal_val,
        foreign_collection, foreign_id, check_column, foreign_equal_val;
END;
$body$ LANGUAGE plpgsql;`;

/**
 * Deferred equal_fields check of a stored relation. Args in groups of five: own collection
 * (holding the relation column), foreign collection, relation column, compared column, and
 * whether the trigger fires on the foreign side.
 */
const CHECK_EQUALS = `CREATE FUNCTION check_equals() RETURNS trigger AS $body$
DECLARE
    own_collection text;
    foreign_collection text;
    relation_column text;
    compared_column text;
    position integer := 0;
    -- made on first use: most calls need no value of NEW
    row_values hstore;
    related record;
    foreign_id integer;
    foreign_value text;
BEGIN
    WHILE position < TG_NARGS LOOP
        own_collection := TG_ARGV[position];
        foreign_collection := TG_ARGV[position + 1];
        relation_column := TG_ARGV[position + 2];
        compared_column := TG_ARGV[position + 3];
        IF TG_ARGV[position + 4]::boolean THEN
            -- NEW is the foreign row: check every own row pointing to it. Rows pointing to a row
            -- inserted in this transaction were written in it too and are checked by their own
            -- trigger, so only a changed compared column needs this look back.
            IF TG_OP = 'UPDATE' THEN
                row_values := coalesce(row_values, hstore(NEW));
                FOR related IN EXECUTE format('SELECT id, %I::text AS value FROM %I WHERE %I = $1',
                        compared_column, own_collection || '_t', relation_column) USING NEW.id LOOP
                    PERFORM raise_equality_exception_conditionally(compared_column, relation_column,
                        own_collection, related.id, related.value,
                        foreign_collection, NEW.id, row_values -> compared_column);
                END LOOP;
            END IF;
        ELSE
            row_values := coalesce(row_values, hstore(NEW));
            foreign_id := (row_values -> relation_column)::integer;
            -- An empty relation has nothing to agree with (one of a generic relation's columns is set at most).
            IF foreign_id IS NOT NULL THEN
                foreign_value := NULL;
                EXECUTE format('SELECT %I::text FROM %I WHERE id = $1', compared_column, foreign_collection || '_t')
                    INTO foreign_value USING foreign_id;
                PERFORM raise_equality_exception_conditionally(compared_column, relation_column,
                    own_collection, NEW.id, row_values -> compared_column,
                    foreign_collection, foreign_id, foreign_value);
            END IF;
        END IF;
        position := position + 5;
    END LOOP;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/**
 * Deferred equal_fields check of a model against all partners of an intermediate table. Args in
 * groups of seven: intermediate table, its column for the triggering collection, the triggering
 * collection, its column for the partner collection, the partner collection, compared column,
 * relation field name (for the message).
 */
const CHECK_EQUALS_MULTI = `CREATE FUNCTION check_equals_multi() RETURNS trigger AS $body$
DECLARE
    own_collection text;
    foreign_collection text;
    compared_column text;
    position integer := 0;
    pair record;
BEGIN
    -- Also on INSERT, although the links of a new row are new intermediate rows that
    -- check_equals_intermediate checks too: queued first, this check decides which side the
    -- message names (upstream's tests expect the new row's side).
    WHILE position < TG_NARGS LOOP
        own_collection := TG_ARGV[position + 2];
        foreign_collection := TG_ARGV[position + 4];
        compared_column := TG_ARGV[position + 5];
        FOR pair IN EXECUTE format(
                'SELECT own.%1$I::text AS own_value, partner.id AS partner_id, partner.%1$I::text AS partner_value
                 FROM %2$I own JOIN %3$I link ON link.%4$I = own.id JOIN %5$I partner ON partner.id = link.%6$I
                 WHERE own.id = $1',
                compared_column, own_collection || '_t', TG_ARGV[position], TG_ARGV[position + 1],
                foreign_collection || '_t', TG_ARGV[position + 3]) USING NEW.id LOOP
            PERFORM raise_equality_exception_conditionally(compared_column, TG_ARGV[position + 6],
                own_collection, NEW.id, pair.own_value,
                foreign_collection, pair.partner_id, pair.partner_value);
        END LOOP;
        position := position + 7;
    END LOOP;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/**
 * Deferred equal_fields check of a new intermediate row. Args in groups of six: column of the
 * first collection, first collection, column of the second collection, second collection,
 * compared column, relation field name (for the message).
 */
const CHECK_EQUALS_INTERMEDIATE = `CREATE FUNCTION check_equals_intermediate() RETURNS trigger AS $body$
DECLARE
    row_values hstore := hstore(NEW);
    compared_column text;
    own_id integer;
    own_value text;
    foreign_id integer;
    foreign_value text;
    position integer := 0;
BEGIN
    WHILE position < TG_NARGS LOOP
        compared_column := TG_ARGV[position + 4];
        EXECUTE format('SELECT id, %I::text FROM %I WHERE id = $1', compared_column, TG_ARGV[position + 1] || '_t')
            INTO own_id, own_value USING (row_values -> TG_ARGV[position])::integer;
        EXECUTE format('SELECT id, %I::text FROM %I WHERE id = $1', compared_column, TG_ARGV[position + 3] || '_t')
            INTO foreign_id, foreign_value USING (row_values -> TG_ARGV[position + 2])::integer;
        PERFORM raise_equality_exception_conditionally(compared_column, TG_ARGV[position + 5],
            TG_ARGV[position + 1], own_id, own_value,
            TG_ARGV[position + 3], foreign_id, foreign_value);
        position := position + 6;
    END LOOP;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/** A generic relation pointing to a meeting must point to the row's own meeting. Args in pairs (collection, id column). */
const CHECK_EQUALS_MEETING_ID_FOR_MEETING = `CREATE FUNCTION check_equals_meeting_id_for_meeting() RETURNS trigger AS $body$
DECLARE
    row_values hstore := hstore(NEW);
    position integer := 0;
BEGIN
    WHILE position < TG_NARGS LOOP
        IF (row_values -> TG_ARGV[position + 1]) IS NOT NULL THEN
            PERFORM raise_equality_exception_conditionally('meeting_id', TG_ARGV[position + 1],
                TG_ARGV[position], NEW.id, row_values -> TG_ARGV[position + 1],
                'meeting', (row_values -> 'meeting_id')::integer, row_values -> 'meeting_id');
        END IF;
        position := position + 2;
    END LOOP;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

const NOT_NULL_MESSAGE = `format('Trigger %s: NOT NULL CONSTRAINT VIOLATED for %s/%s/%s', TG_NAME, own_collection, own_id, own_column)`;
const NOT_NULL_DETAIL = `format(' from relationship before %s/%s/%s', foreign_collection, foreign_id, foreign_column)`;

/**
 * Required reverse 1:1 relation (the view field must not be NULL). Deferred; args (own
 * collection, own view field) on INSERT of the own row, plus (foreign collection, foreign
 * column) on UPDATE/DELETE of the row that pointed here.
 */
const CHECK_NOT_NULL_1_1 = `CREATE FUNCTION check_not_null_for_1_1() RETURNS trigger AS $body$
DECLARE
    own_collection text := TG_ARGV[0];
    own_column text := TG_ARGV[1];
    foreign_collection text := TG_ARGV[2];
    foreign_column text := TG_ARGV[3];
    own_id integer;
    foreign_id integer;
    current_value integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        own_id := NEW.id;
    ELSE
        own_id := (hstore(OLD) -> foreign_column)::integer;
        -- the model that lost its partner may be gone itself
        EXECUTE format('SELECT id FROM %I WHERE id = $1', own_collection) INTO current_value USING own_id;
        IF current_value IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    EXECUTE format('SELECT %I FROM %I WHERE id = $1', own_column, own_collection) INTO current_value USING own_id;
    IF current_value IS NULL THEN
        IF TG_OP = 'INSERT' THEN
            RAISE EXCEPTION '%', ${NOT_NULL_MESSAGE};
        END IF;
        foreign_id := OLD.id;
        RAISE EXCEPTION '%', ${NOT_NULL_MESSAGE} || ${NOT_NULL_DETAIL};
    END IF;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/**
 * Required reverse 1:n relation. Deferred; args (own table, own view field, foreign table,
 * foreign column) on INSERT of the own row and UPDATE/DELETE of a pointing row.
 */
const CHECK_NOT_NULL_1_N = `CREATE FUNCTION check_not_null_for_1_n() RETURNS trigger AS $body$
DECLARE
    own_table text := TG_ARGV[0];
    own_column text := TG_ARGV[1];
    foreign_table text := TG_ARGV[2];
    foreign_column text := TG_ARGV[3];
    own_collection text := left(own_table, -2);
    foreign_collection text := left(foreign_table, -2);
    own_id integer;
    foreign_id integer;
    found_id integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        own_id := NEW.id;
    ELSE
        own_id := (hstore(OLD) -> foreign_column)::integer;
        EXECUTE format('SELECT id FROM %I WHERE id = $1', own_table) INTO found_id USING own_id;
        IF found_id IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    found_id := NULL;
    EXECUTE format('SELECT 1 FROM %I WHERE %I = $1 LIMIT 1', foreign_table, foreign_column) INTO found_id USING own_id;
    IF found_id IS NULL THEN
        IF TG_OP = 'INSERT' THEN
            RAISE EXCEPTION '%', ${NOT_NULL_MESSAGE};
        END IF;
        foreign_id := OLD.id;
        RAISE EXCEPTION '%', ${NOT_NULL_MESSAGE} || ${NOT_NULL_DETAIL};
    END IF;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

/**
 * Required n:m relation. Deferred; args (intermediate table, own table, own field, intermediate
 * column of the own id) on INSERT of the own row, plus (intermediate column of the foreign id,
 * foreign collection, foreign field) on DELETE of an intermediate row.
 */
const CHECK_NOT_NULL_N_M = `CREATE FUNCTION check_not_null_for_n_m() RETURNS trigger AS $body$
DECLARE
    intermediate_table text := TG_ARGV[0];
    own_table text := TG_ARGV[1];
    own_column text := TG_ARGV[2];
    own_key text := TG_ARGV[3];
    foreign_key text := TG_ARGV[4];
    foreign_collection text := TG_ARGV[5];
    foreign_column text := TG_ARGV[6];
    own_collection text := left(own_table, -2);
    own_id integer;
    foreign_id integer;
    found_id integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        own_id := NEW.id;
    ELSE
        own_id := (hstore(OLD) -> own_key)::integer;
        EXECUTE format('SELECT id FROM %I WHERE id = $1', own_table) INTO found_id USING own_id;
        IF found_id IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    found_id := NULL;
    EXECUTE format('SELECT 1 FROM %I WHERE %I = $1 LIMIT 1', intermediate_table, own_key) INTO found_id USING own_id;
    IF found_id IS NULL THEN
        IF TG_OP <> 'DELETE' THEN
            RAISE EXCEPTION '%', ${NOT_NULL_MESSAGE};
        END IF;
        foreign_id := (hstore(OLD) -> foreign_key)::integer;
        RAISE EXCEPTION '%', ${NOT_NULL_MESSAGE} || ${NOT_NULL_DETAIL};
    END IF;
    RETURN NULL;
END;
$body$ LANGUAGE plpgsql;`;

export function renderBaseDefinitions(): string {
  return [
    EXTENSION,
    META_TABLES,
    GENERATE_SEQUENCE,
    LOG_FIELD_CHANGE,
    LOG_MODIFIED_MODELS,
    NOTIFY_TRANSACTION_END,
    LOG_MODIFIED_RELATED_MODELS,
    calculatedIdArrayLogFunction("iu"),
    calculatedIdArrayLogFunction("ud"),
    IS_TIMEZONE,
    CHECK_UNIQUE_IDS_PAIR,
    PREVENT_WRITES,
    PREVENT_UPDATES,
    RAISE_EQUALITY_EXCEPTION,
    CHECK_EQUALS,
    CHECK_EQUALS_MULTI,
    CHECK_EQUALS_INTERMEDIATE,
    CHECK_EQUALS_MEETING_ID_FOR_MEETING,
    CHECK_NOT_NULL_1_1,
    CHECK_NOT_NULL_1_N,
    CHECK_NOT_NULL_N_M,
  ].join("\n\n");
}
