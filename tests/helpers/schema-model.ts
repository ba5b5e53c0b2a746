/**
 * Schema ↔ database comparison for tests/integration/migrations-drift.test.ts.
 *
 *  - loadSchemaDmmf(): prisma/schema.prisma parsed by Prisma's own (wasm, offline) parser;
 *  - introspectSchema(): what a PostgreSQL schema really contains (pg_catalog + information_schema);
 *  - compareSchemaToDatabase(): a PURE function listing every difference, one readable line each,
 *    naming the model/field (or enum, index, relation) and the table/column concerned.
 *
 * The expected database is the one `prisma migrate dev` would generate for the schema on
 * PostgreSQL (types, NOT NULL, defaults, constraint/index names, referential actions), so a
 * hand-written migration that forgets or adds anything is reported.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDMMF } from '@prisma/get-dmmf';
import type pg from 'pg';

// ─────────────────────────────── Types ───────────────────────────────

/** The DMMF document returned by getDMMF (derived from it: @prisma/dmmf is not a direct dependency). */
export type DmmfDocument = Extract<ReturnType<typeof getDMMF>, { datamodel: unknown }>;
type Datamodel = DmmfDocument['datamodel'];
type Model = Datamodel['models'][number];
type Field = Model['fields'][number];
type DmmfEnum = Datamodel['enums'][number];
type DmmfIndex = Datamodel['indexes'][number];

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface DbColumn {
  name: string;
  /** format_type(atttypid, atttypmod), schema qualifier and double quotes removed: `character varying(5)`, `Role`, `text[]`. */
  type: string;
  /** information_schema.columns.data_type (`text`, `USER-DEFINED`, `ARRAY`, …). */
  dataType: string;
  /** information_schema.columns.udt_name (`text`, `Role`, `_text`, `_TypeAlternance`, …). */
  udtName: string;
  nullable: boolean;
  /** pg_get_expr of the column default (schema qualifier removed), or null. */
  default: string | null;
  /** GENERATED … AS IDENTITY */
  identity: boolean;
  /** GENERATED ALWAYS AS (…) STORED */
  generated: boolean;
}

export interface DbTable {
  name: string;
  columns: DbColumn[];
}

export interface DbEnum {
  name: string;
  values: string[];
}

export interface DbIndex {
  name: string;
  table: string;
  /** Key columns in order; null for an expression. */
  columns: (string | null)[];
  unique: boolean;
  primary: boolean;
  /** Access method: btree, gin, gist, hash, brin, spgist. */
  method: string;
  /** Has a WHERE clause. */
  partial: boolean;
  /** pg_get_expr of the WHERE clause of a partial index, else null. */
  predicate: string | null;
  descending: boolean[];
  operatorClasses: string[];
  /** Whether each key's operator class is the default one for its type. */
  defaultOperatorClasses: boolean[];
  /** Backing constraint, if any: p (primary key), u (unique constraint), x (exclusion). */
  constraint: 'p' | 'u' | 'x' | null;
}

export interface DbForeignKey {
  name: string;
  table: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface DbIntrospection {
  schema: string;
  tables: DbTable[];
  enums: DbEnum[];
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
}

// ─────────────────────────────── Loading ───────────────────────────────

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');

/**
 * Parses a Prisma schema (the project's by default) into its DMMF, with Prisma's wasm parser, plus
 * its `Unsupported("…")` fields (see unsupportedFields()).
 */
export function loadSchemaDmmf(datamodel: string = readFileSync(SCHEMA_PATH, 'utf8')): DmmfDocument {
  const result = getDMMF({ datamodel });
  if (!('datamodel' in result)) {
    throw new Error(`prisma/schema.prisma ne se lit pas (${result.type}) : ${result.reason}\n${result.error?.message ?? ''}`);
  }
  attachPartialIndexWhere(datamodel, result.datamodel.indexes);
  const extra = unsupportedFields(datamodel);
  if (extra.size === 0) return result;
  return {
    ...result,
    datamodel: {
      ...result.datamodel,
      models: result.datamodel.models.map((m) => (extra.has(m.name) ? { ...m, fields: [...m.fields, ...extra.get(m.name)!] } : m)),
    },
  };
}

/**
 * Partial indexes (preview feature `partialIndexes`: `@@index([…], where: raw("…"), map: "…")`):
 * the DMMF leaves the WHERE clause out, so it is read from the schema text, by the index's map name.
 */
const PARTIAL_WHERE = new WeakMap<DmmfIndex, string>();

function attachPartialIndexWhere(datamodel: string, indexes: readonly DmmfIndex[]) {
  for (const m of datamodel.matchAll(/@@index\(([^\n]*?where:\s*raw\(\s*"((?:[^"\\]|\\.)*)"\s*\)[^\n]*)\)\s*$/gm)) {
    const map = /map:\s*"([^"]+)"/.exec(m[1]!)?.[1];
    const index = map ? indexes.find((i) => i.dbName === map) : undefined;
    if (!index) throw new Error(`Index partiel sans map: "…" (ou introuvable dans le DMMF) : @@index(${m[1]})`);
    PARTIAL_WHERE.set(index, m[2]!.replace(/\\"/g, '"'));
  }
}

/** The schema's where: raw("…") of a partial index, or undefined. */
function partialIndexWhere(idx: DmmfIndex): string | undefined {
  return PARTIAL_WHERE.get(idx);
}

/** `((status = 'EN_COURS'::"OffreStatus"))` and `status = 'EN_COURS'` compare equal. */
export function normalizePredicate(sql: string): string {
  return sql
    .replace(/::(?:("[^"]+"|\w+)\.)?("[^"]+"|\w+)(\[\])?/g, '')
    .replace(/"/g, '')
    .replace(/[()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Prisma's DMMF leaves out `Unsupported("…")` fields (the client cannot read them), yet Prisma
 * Migrate creates their columns (e.g. `searchVector Unsupported("tsvector")?` → a nullable
 * `tsvector` column) and `@@index` may name them. They are read from the schema text, as fields of
 * kind 'unsupported' whose `type` is the database type written between the quotes.
 */
function unsupportedFields(datamodel: string): Map<string, Field[]> {
  const byModel = new Map<string, Field[]>();
  for (const [, model, body] of datamodel.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const line of body!.split('\n')) {
      const m = /^\s*(\w+)\s+Unsupported\(\s*"([^"]+)"\s*\)(\?|\[\])?(.*)$/.exec(line.replace(/\s\/\/.*$/, ''));
      if (!m) continue;
      const [, name, type, modifier, attributes = ''] = m;
      const dbName = /@map\(\s*"([^"]+)"\s*\)/.exec(attributes)?.[1] ?? null;
      const generated = /@default\(\s*dbgenerated\(\s*"((?:[^"\\]|\\.)*)"\s*\)\s*\)/.exec(attributes)?.[1];
      const field: Field = {
        kind: 'unsupported',
        name: name!,
        dbName,
        type: type!,
        isList: modifier === '[]',
        isRequired: modifier !== '?',
        isUnique: false,
        isId: false,
        isReadOnly: false,
        hasDefaultValue: generated !== undefined,
        ...(generated !== undefined ? { default: { name: 'dbgenerated', args: [generated.replace(/\\(.)/g, '$1')] } } : {}),
      };
      byModel.set(model!, [...(byModel.get(model!) ?? []), field]);
    }
  }
  return byModel;
}

// ─────────────────────────────── Introspection ───────────────────────────────

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads tables, columns, enums, indexes and foreign keys of one PostgreSQL schema. */
export async function introspectSchema(client: pg.ClientBase, schema: string): Promise<DbIntrospection> {
  // pg_get_expr / format_type qualify names that are not on the search_path: remove that qualifier.
  const qualifier = new RegExp(`(?:"${escapeRegExp(schema.replace(/"/g, '""'))}"|\\b${escapeRegExp(schema)})\\.`, 'g');
  const unqualify = (s: string) => s.replace(qualifier, '');

  const tables = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
      ORDER BY 1`,
    [schema],
  );

  const columns = await client.query<{
    table: string;
    name: string;
    type: string;
    data_type: string | null;
    udt_name: string | null;
    nullable: boolean;
    default: string | null;
    identity: boolean;
    generated: boolean;
  }>(
    `SELECT c.relname::text AS table,
            a.attname::text AS name,
            format_type(a.atttypid, a.atttypmod) AS type,
            col.data_type::text AS data_type,
            col.udt_name::text AS udt_name,
            NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS default,
            a.attidentity <> '' AS identity,
            a.attgenerated <> '' AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       LEFT JOIN information_schema.columns col
              ON col.table_schema = n.nspname AND col.table_name = c.relname AND col.column_name = a.attname
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [schema],
  );

  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name,
            array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t
       JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = $1
      GROUP BY t.typname
      ORDER BY 1`,
    [schema],
  );

  const indexes = await client.query<{
    name: string;
    table: string;
    columns: (string | null)[];
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
    predicate: string | null;
    descending: boolean[];
    operator_classes: string[];
    default_operator_classes: boolean[];
    constraint: 'p' | 'u' | 'x' | null;
  }>(
    `SELECT i.relname::text AS name,
            t.relname::text AS table,
            ARRAY(SELECT a.attname::text
                    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
                   WHERE k.ord <= ix.indnkeyatts
                   ORDER BY k.ord) AS columns,
            ix.indisunique AS unique,
            ix.indisprimary AS primary,
            am.amname::text AS method,
            ix.indpred IS NOT NULL AS partial,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            ARRAY(SELECT (o.opt & 1) = 1
                    FROM unnest(ix.indoption::int2[]) WITH ORDINALITY AS o(opt, ord)
                   WHERE o.ord <= ix.indnkeyatts
                   ORDER BY o.ord) AS descending,
            ARRAY(SELECT opc.opcname::text
                    FROM unnest(ix.indclass::oid[]) WITH ORDINALITY AS oc(oid, ord)
                    JOIN pg_opclass opc ON opc.oid = oc.oid
                   WHERE oc.ord <= ix.indnkeyatts
                   ORDER BY oc.ord) AS operator_classes,
            ARRAY(SELECT opc.opcdefault
                    FROM unnest(ix.indclass::oid[]) WITH ORDINALITY AS oc(oid, ord)
                    JOIN pg_opclass opc ON opc.oid = oc.oid
                   WHERE oc.ord <= ix.indnkeyatts
                   ORDER BY oc.ord) AS default_operator_classes,
            (SELECT con.contype::text FROM pg_constraint con
              WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x') LIMIT 1) AS constraint
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = $1
      ORDER BY t.relname, i.relname`,
    [schema],
  );

  const foreignKeys = await client.query<{
    name: string;
    table: string;
    columns: string[];
    referenced_schema: string;
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT con.conname::text AS name,
            t.relname::text AS table,
            ARRAY(SELECT a.attname::text
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
            rn.nspname::text AS referenced_schema,
            rt.relname::text AS referenced_table,
            ARRAY(SELECT a.attname::text
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS referenced_columns,
            con.confdeltype::text AS on_delete,
            con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class rt ON rt.oid = con.confrelid
       JOIN pg_namespace rn ON rn.oid = rt.relnamespace
      WHERE n.nspname = $1 AND con.contype = 'f'
      ORDER BY t.relname, con.conname`,
    [schema],
  );

  return {
    schema,
    tables: tables.rows.map((t) => ({
      name: t.name,
      columns: columns.rows
        .filter((c) => c.table === t.name)
        .map((c) => ({
          name: c.name,
          type: unqualify(c.type).replace(/"/g, ''),
          dataType: c.data_type ?? '',
          udtName: c.udt_name ?? '',
          nullable: c.nullable,
          default: c.default === null ? null : unqualify(c.default),
          identity: c.identity,
          generated: c.generated,
        })),
    })),
    enums: enums.rows.map((e) => ({ name: e.name, values: e.values })),
    indexes: indexes.rows.map((i) => ({
      name: i.name,
      table: i.table,
      columns: i.columns,
      unique: i.unique,
      primary: i.primary,
      method: i.method,
      partial: i.partial,
      predicate: i.predicate,
      descending: i.descending,
      operatorClasses: i.operator_classes,
      defaultOperatorClasses: i.default_operator_classes,
      constraint: i.constraint,
    })),
    foreignKeys: foreignKeys.rows.map((f) => ({
      name: f.name,
      table: f.table,
      columns: f.columns,
      referencedSchema: f.referenced_schema,
      referencedTable: f.referenced_table,
      referencedColumns: f.referenced_columns,
      onDelete: ACTIONS[f.on_delete] ?? 'NoAction',
      onUpdate: ACTIONS[f.on_update] ?? 'NoAction',
    })),
  };
}

// ─────────────────────────────── Expectations from the schema ───────────────────────────────

/** Tables the schema does not describe but that legitimately live next to the models. */
export const IGNORED_TABLES = ['_prisma_migrations'];

const MAX_IDENTIFIER_BYTES = 63; // PostgreSQL NAMEDATALEN - 1

/** Prisma's truncation: keep at most `limit` bytes, on a UTF-8 character boundary. */
function truncateBytes(s: string, limit: number): string {
  const buf = Buffer.from(s, 'utf8');
  if (buf.length <= limit) return s;
  let end = limit;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

/** Prisma's default constraint/index names on PostgreSQL (psl ConstraintNames). */
export const prismaNames = {
  primaryKey: (table: string) => withSuffix(table, '_pkey'),
  unique: (table: string, columns: string[]) => withSuffix(`${table}_${columns.join('_')}`, '_key'),
  index: (table: string, columns: string[]) => withSuffix(`${table}_${columns.join('_')}`, '_idx'),
  foreignKey: (table: string, columns: string[]) => withSuffix(`${table}_${columns.join('_')}`, '_fkey'),
};

function withSuffix(base: string, suffix: string) {
  const limit = MAX_IDENTIFIER_BYTES - suffix.length;
  // Prisma truncates when length >= limit (so the result never exceeds 63 bytes).
  return `${Buffer.byteLength(base) >= limit ? truncateBytes(base, limit) : base}${suffix}`;
}

const tableName = (m: Model) => m.dbName ?? m.name;
const columnName = (f: Field) => f.dbName ?? f.name;
const enumDbName = (e: DmmfEnum) => e.dbName ?? e.name;
const q = (ident: string) => `"${ident}"`;
const cols = (names: readonly string[]) => `(${names.map(q).join(', ')})`;
const ACTION_SQL: Record<ReferentialAction, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

/** `String @db.VarChar(5)`, `TypeAlternance[]`, `DateTime? @db.Date`: the field as written in the schema. */
function describeField(f: Field): string {
  if (f.kind === 'unsupported') return `Unsupported("${f.type}")${f.isList ? '[]' : f.isRequired ? '' : '?'}`;
  const native = f.nativeType ? ` @db.${f.nativeType[0]}${f.nativeType[1].length ? `(${f.nativeType[1].join(', ')})` : ''}` : '';
  return `${f.type}${f.isList ? '[]' : f.isRequired ? '' : '?'}${native}`;
}

/** The PostgreSQL type Prisma Migrate creates for a scalar/enum field (element type for lists). */
function expectedElementType(f: Field, enums: Map<string, DmmfEnum>): string | { error: string } {
  if (f.kind === 'enum') {
    const e = enums.get(f.type);
    return e ? enumDbName(e) : { error: `unknown enum ${f.type}` };
  }
  // Unsupported("tsvector"): the database type as written in the schema
  if (f.kind === 'unsupported') return f.type;
  const [native, args = []] = f.nativeType ?? [];
  const arg = (i: number, dflt?: string) => args[i] ?? dflt;
  const withArgs = (name: string) => (args.length ? `${name}(${args.join(',')})` : name);
  if (native) {
    switch (native) {
      case 'Text':
        return 'text';
      case 'VarChar':
        return withArgs('character varying');
      case 'Char':
        return `character(${arg(0, '1')})`;
      case 'Uuid':
        return 'uuid';
      case 'Citext':
        return 'citext';
      case 'Inet':
        return 'inet';
      case 'Xml':
        return 'xml';
      case 'Bit':
        return `bit(${arg(0, '1')})`;
      case 'VarBit':
        return withArgs('bit varying');
      case 'SmallInt':
        return 'smallint';
      case 'Integer':
        return 'integer';
      case 'BigInt':
        return 'bigint';
      case 'Oid':
        return 'oid';
      case 'Real':
        return 'real';
      case 'DoublePrecision':
        return 'double precision';
      case 'Decimal':
        return withArgs('numeric');
      case 'Money':
        return 'money';
      case 'Boolean':
        return 'boolean';
      case 'Date':
        return 'date';
      case 'Time':
        return args.length ? `time(${arg(0)}) without time zone` : 'time without time zone';
      case 'Timetz':
        return args.length ? `time(${arg(0)}) with time zone` : 'time with time zone';
      case 'Timestamp':
        return args.length ? `timestamp(${arg(0)}) without time zone` : 'timestamp without time zone';
      case 'Timestamptz':
        return args.length ? `timestamp(${arg(0)}) with time zone` : 'timestamp with time zone';
      case 'Json':
        return 'json';
      case 'JsonB':
        return 'jsonb';
      case 'ByteA':
        return 'bytea';
      default:
        return { error: `native type @db.${native} is not handled by tests/helpers/schema-model.ts` };
    }
  }
  switch (f.type) {
    case 'String':
      return 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'DateTime':
      return 'timestamp(3) without time zone';
    case 'Json':
      return 'jsonb';
    case 'Float':
      return 'double precision';
    case 'Decimal':
      return 'numeric(65,30)';
    case 'Bytes':
      return 'bytea';
    default:
      return { error: `scalar type ${f.type} is not handled by tests/helpers/schema-model.ts` };
  }
}

/** The cast PostgreSQL prints after a literal default of this element type. */
function castSuffix(elementType: string): string[] {
  if (/^character varying/.test(elementType)) return ['character varying'];
  if (/^character\(/.test(elementType)) return ['bpchar'];
  if (/^timestamp(\(\d+\))? without time zone$/.test(elementType)) return ['timestamp without time zone', elementType];
  if (/^timestamp(\(\d+\))? with time zone$/.test(elementType)) return ['timestamp with time zone', elementType];
  if (/^numeric/.test(elementType)) return ['numeric'];
  return [elementType, q(elementType)];
}

function sqlLiteral(value: string | number | boolean, elementType: string, kind: Field['kind']): string[] {
  if (typeof value === 'boolean') return [String(value)];
  if (typeof value === 'number') {
    const n = String(value);
    return value < 0 ? [`(${n})`, n, `'${n}'::${elementType}`] : [n, `'${n}'::${elementType}`];
  }
  const quoted = `'${value.replace(/'/g, "''")}'`;
  if (kind === 'enum') return [`${quoted}::${q(elementType)}`, `${quoted}::${elementType}`];
  return castSuffix(elementType).map((c) => `${quoted}::${c}`);
}

type ExpectedDefault = { kind: 'none' } | { kind: 'any-of'; values: string[]; describe: string } | { kind: 'match'; test: (d: string) => boolean; describe: string };

/** What the column default must be, from `@default(...)` (client-side generators such as cuid() have none). */
function expectedDefault(f: Field, elementType: string): ExpectedDefault {
  const d = f.default;
  if (!f.hasDefaultValue || d === undefined) return { kind: 'none' };
  if (typeof d === 'object' && d !== null && !Array.isArray(d)) {
    const fn = d as { name: string; args: readonly (string | number)[] };
    switch (fn.name) {
      case 'cuid':
      case 'uuid':
      case 'nanoid':
      case 'ulid':
        return { kind: 'none' }; // generated by Prisma Client, not by the database
      case 'autoincrement':
        return { kind: 'match', test: (s) => /^nextval\('.+'::regclass\)$/.test(s), describe: 'nextval(…) (autoincrement())' };
      case 'now':
        return { kind: 'any-of', values: ['CURRENT_TIMESTAMP', 'now()'], describe: 'CURRENT_TIMESTAMP (now())' };
      case 'dbgenerated': {
        const expr = fn.args[0];
        if (expr === undefined) return { kind: 'none' };
        const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
        return { kind: 'match', test: (s) => norm(s) === norm(String(expr)), describe: `${expr} (dbgenerated)` };
      }
      default:
        return { kind: 'match', test: () => true, describe: `${fn.name}(…)` };
    }
  }
  if (Array.isArray(d)) {
    const elemCasts = f.kind === 'enum' ? [q(elementType), elementType] : castSuffix(elementType);
    if (d.length === 0) {
      return {
        kind: 'any-of',
        values: elemCasts.flatMap((c) => [`ARRAY[]::${c}[]`, `'{}'::${c}[]`]),
        describe: 'ARRAY[] (@default([]))',
      };
    }
    const items = (d as (string | number | boolean)[]).map((v) => sqlLiteral(v, elementType, f.kind));
    return {
      kind: 'match',
      test: (s) => s.startsWith('ARRAY[') && items.every((alts) => alts.some((a) => s.includes(a))),
      describe: `ARRAY[${items.map((alts) => alts[0]).join(', ')}]`,
    };
  }
  const values = sqlLiteral(d as string | number | boolean, elementType, f.kind);
  return { kind: 'any-of', values, describe: values[0]! };
}

// ─────────────────────────────── Comparison ───────────────────────────────

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Every difference between the Prisma schema (its DMMF) and an introspected PostgreSQL schema, as
 * readable lines naming the model/field and the table/column. An empty list means: no drift.
 */
export function compareSchemaToDatabase(dmmf: DmmfDocument | Datamodel, db: DbIntrospection): string[] {
  const datamodel: Datamodel = 'datamodel' in dmmf ? dmmf.datamodel : dmmf;
  const diffs: string[] = [];
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const modelsByName = new Map(datamodel.models.map((m) => [m.name, m]));
  const tables = new Map(db.tables.map((t) => [t.name, t]));

  // ── Enums ──
  const dbEnums = new Map(db.enums.map((e) => [e.name, e]));
  for (const e of datamodel.enums) {
    const name = enumDbName(e);
    const found = dbEnums.get(name);
    const values = e.values.map((v) => v.dbName ?? v.name);
    if (!found) {
      diffs.push(`Enum ${e.name}: type ${q(name)} is missing in the database`);
      continue;
    }
    if (!sameList(found.values, values)) {
      const missing = values.filter((v) => !found.values.includes(v));
      const extra = found.values.filter((v) => !values.includes(v));
      const detail = [
        missing.length ? `missing value(s) ${missing.join(', ')}` : '',
        extra.length ? `unexpected value(s) ${extra.join(', ')}` : '',
        !missing.length && !extra.length ? 'values in a different order' : '',
      ]
        .filter(Boolean)
        .join('; ');
      diffs.push(`Enum ${e.name}: ${detail} — database has [${found.values.join(', ')}], schema has [${values.join(', ')}]`);
    }
  }
  const enumNames = new Set(datamodel.enums.map(enumDbName));
  for (const e of db.enums) {
    if (!enumNames.has(e.name)) diffs.push(`Enum type ${q(e.name)} exists in the database but not in the schema`);
  }

  // ── Tables ──
  const expectedTables = new Set([...datamodel.models.map(tableName), ...IGNORED_TABLES]);
  for (const t of db.tables) {
    if (!expectedTables.has(t.name)) diffs.push(`Table ${q(t.name)} exists in the database but no model maps to it`);
  }

  for (const model of datamodel.models) {
    const tName = tableName(model);
    const table = tables.get(tName);
    const label = model.name === tName ? `Model ${model.name}` : `Model ${model.name} (table ${q(tName)})`;
    if (!table) {
      diffs.push(`${label}: table ${q(tName)} is missing in the database`);
      continue;
    }
    const fieldsByName = new Map(model.fields.map((f) => [f.name, f]));
    const colOf = (fieldName: string) => {
      const f = fieldsByName.get(fieldName);
      return f ? columnName(f) : fieldName;
    };

    // ── Columns ──
    const scalarFields = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum' || f.kind === 'unsupported');
    const dbColumns = new Map(table.columns.map((c) => [c.name, c]));
    for (const f of scalarFields) {
      const cName = columnName(f);
      const where = `${model.name}.${f.name} (column ${q(tName)}.${q(cName)})`;
      const col = dbColumns.get(cName);
      if (!col) {
        diffs.push(`${where}: column is missing in the database (${describeField(f)})`);
        continue;
      }
      const element = expectedElementType(f, enums);
      if (typeof element !== 'string') {
        diffs.push(`${where}: ${element.error}`);
        continue;
      }
      const expectedType = f.isList ? `${element}[]` : element;
      if (col.type !== expectedType) {
        diffs.push(`${where}: type is ${col.type} in the database, schema ${describeField(f)} expects ${expectedType}`);
      }
      if (f.kind === 'enum') {
        const expectedUdt = f.isList ? `_${element}` : element;
        const expectedData = f.isList ? 'ARRAY' : 'USER-DEFINED';
        if (col.dataType !== expectedData || col.udtName !== expectedUdt) {
          diffs.push(`${where}: information_schema reports ${col.dataType}/${col.udtName}, expected ${expectedData}/${expectedUdt}`);
        }
      }
      // Prisma Migrate never puts NOT NULL on scalar lists (String[] → TEXT[]); other fields follow `?`.
      const expectedNullable = f.isList ? true : !f.isRequired;
      if (col.nullable !== expectedNullable) {
        diffs.push(
          `${where}: column is ${col.nullable ? 'nullable' : 'NOT NULL'} in the database, schema ${describeField(f)} expects ${expectedNullable ? 'nullable' : 'NOT NULL'}${f.isList ? ' (Prisma creates scalar lists without NOT NULL)' : ''}`,
        );
      }
      if (col.identity) diffs.push(`${where}: column is an IDENTITY column; Prisma Migrate uses SERIAL (nextval) for autoincrement()`);
      if (col.generated) diffs.push(`${where}: column is a GENERATED column, which the schema does not declare`);

      const dflt = expectedDefault(f, element);
      if (dflt.kind === 'none') {
        if (col.default !== null) diffs.push(`${where}: has database default ${col.default} but the schema declares none`);
      } else if (col.default === null) {
        diffs.push(`${where}: has no database default, schema expects ${dflt.describe}`);
      } else if (dflt.kind === 'any-of' ? !dflt.values.includes(col.default) : !dflt.test(col.default)) {
        diffs.push(`${where}: database default is ${col.default}, schema expects ${dflt.describe}`);
      }
    }
    const expectedColumns = new Set(scalarFields.map(columnName));
    for (const c of table.columns) {
      if (!expectedColumns.has(c.name)) {
        diffs.push(`${label}: column ${q(tName)}.${q(c.name)} (${c.type}) exists in the database but no field maps to it`);
      }
    }

    // ── Primary key, unique and normal indexes ──
    const tableIndexes = db.indexes.filter((i) => i.table === tName);
    const matched = new Set<DbIndex>();
    const modelIndexes: readonly DmmfIndex[] = datamodel.indexes.filter((i) => i.model === model.name);
    for (const idx of modelIndexes) {
      if (idx.type === 'fulltext') {
        diffs.push(`${label}: @@fulltext is not supported on PostgreSQL`);
        continue;
      }
      const columnsExpected = idx.fields.map((f) => colOf(f.name));
      const fieldList = idx.fields.map((f) => f.name).join(', ');
      const attr =
        idx.type === 'id'
          ? idx.isDefinedOnField
            ? `${model.name}.${fieldList} @id`
            : `${model.name} @@id([${fieldList}])`
          : idx.type === 'unique'
            ? idx.isDefinedOnField
              ? `${model.name}.${fieldList} @unique`
              : `${model.name} @@unique([${fieldList}])`
            : `${model.name} @@index([${fieldList}])`;
      const expectedName =
        idx.dbName ??
        (idx.type === 'id'
          ? prismaNames.primaryKey(tName)
          : idx.type === 'unique'
            ? prismaNames.unique(tName, columnsExpected)
            : prismaNames.index(tName, columnsExpected));
      const wantPrimary = idx.type === 'id';
      const wantUnique = idx.type !== 'normal';

      const sameColumns = tableIndexes.filter((i) => !matched.has(i) && sameList(i.columns, columnsExpected));
      const found =
        sameColumns.find((i) => i.primary === wantPrimary && i.unique === wantUnique && i.name === expectedName) ??
        sameColumns.find((i) => i.primary === wantPrimary && i.unique === wantUnique);
      if (!found) {
        const near = sameColumns[0];
        const what = wantPrimary ? 'primary key' : wantUnique ? 'unique index' : 'index';
        diffs.push(
          near
            ? `${attr}: expected a ${what} on ${q(tName)}${cols(columnsExpected)}, the database has ${near.primary ? 'a primary key' : near.unique ? 'a unique index' : 'a non-unique index'} ${q(near.name)} instead`
            : `${attr}: no ${what} on ${q(tName)}${cols(columnsExpected)} in the database`,
        );
        if (near) matched.add(near);
        continue;
      }
      matched.add(found);
      if (found.name !== expectedName) {
        diffs.push(`${attr}: ${wantPrimary ? 'primary key' : 'index'} is named ${q(found.name)} in the database, Prisma expects ${q(expectedName)}`);
      }
      const where = partialIndexWhere(idx);
      if (where === undefined && found.partial) diffs.push(`${attr}: index ${q(found.name)} is partial (WHERE ${found.predicate}), the schema declares no where: raw(…)`);
      if (where !== undefined && !found.partial) diffs.push(`${attr}: index ${q(found.name)} is not partial, the schema declares where: raw("${where}")`);
      if (where !== undefined && found.partial && normalizePredicate(found.predicate ?? '') !== normalizePredicate(where)) {
        diffs.push(`${attr}: index ${q(found.name)} has WHERE ${found.predicate}, the schema declares where: raw("${where}")`);
      }
      const expectedMethod = (idx.algorithm ?? 'BTree').toLowerCase();
      if (found.method !== expectedMethod) {
        diffs.push(`${attr}: index ${q(found.name)} uses ${found.method}, schema expects ${expectedMethod}`);
      }
      idx.fields.forEach((f, i) => {
        const desc = f.sortOrder === 'desc';
        if ((found.descending[i] ?? false) !== desc) {
          diffs.push(`${attr}: column ${q(columnsExpected[i]!)} of index ${q(found.name)} is ${found.descending[i] ? 'DESC' : 'ASC'}, schema expects ${desc ? 'DESC' : 'ASC'}`);
        }
        const ops = f.operatorClass?.replace(/^raw\("(.*)"\)$/, '$1');
        const actual = found.operatorClasses[i];
        if (ops ? actual?.toLowerCase() !== ops.toLowerCase() : found.defaultOperatorClasses[i] === false) {
          diffs.push(`${attr}: column ${q(columnsExpected[i]!)} of index ${q(found.name)} uses operator class ${actual}, schema expects ${ops ?? 'the default one'}`);
        }
      });
    }
    if (!modelIndexes.some((i) => i.type === 'id') && tableIndexes.some((i) => i.primary)) {
      const pk = tableIndexes.find((i) => i.primary)!;
      matched.add(pk);
      diffs.push(`${label}: the database has a primary key ${q(pk.name)} on ${cols(pk.columns.map(String))} but the schema declares no @id/@@id`);
    }
    for (const i of tableIndexes) {
      if (matched.has(i)) continue;
      const colsText = i.columns.map((c) => (c === null ? '(expression)' : q(c))).join(', ');
      diffs.push(
        `${label}: unexpected ${i.primary ? 'primary key' : i.unique ? 'unique index' : 'index'} ${q(i.name)} on ${q(tName)}(${colsText}) [${i.method}${i.partial ? ', partial' : ''}] — not declared in the schema`,
      );
    }

    // ── Foreign keys ──
    const tableFks = db.foreignKeys.filter((fk) => fk.table === tName);
    const matchedFks = new Set<DbForeignKey>();
    for (const rel of model.fields.filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)) {
      const target = modelsByName.get(rel.type);
      const where = `${model.name}.${rel.name} (relation to ${rel.type})`;
      if (!target) {
        diffs.push(`${where}: unknown model ${rel.type}`);
        continue;
      }
      const fromCols = rel.relationFromFields!.map(colOf);
      const targetFields = new Map(target.fields.map((f) => [f.name, f]));
      const toCols = (rel.relationToFields ?? []).map((n) => {
        const f = targetFields.get(n);
        return f ? columnName(f) : n;
      });
      const targetTable = tableName(target);
      const onDelete = (rel.relationOnDelete ?? (rel.isRequired ? 'Restrict' : 'SetNull')) as ReferentialAction;
      const onUpdate = (rel.relationOnUpdate ?? 'Cascade') as ReferentialAction;
      const expectedName = prismaNames.foreignKey(tName, fromCols);
      const fkText = `${q(tName)}${cols(fromCols)} → ${q(targetTable)}${cols(toCols)}`;

      const candidates = tableFks.filter((fk) => !matchedFks.has(fk) && sameList(fk.columns, fromCols));
      const fk =
        candidates.find((c) => c.referencedTable === targetTable && sameList(c.referencedColumns, toCols)) ?? candidates[0];
      if (!fk) {
        diffs.push(`${where}: no foreign key ${fkText} in the database`);
        continue;
      }
      matchedFks.add(fk);
      if (fk.referencedTable !== targetTable || !sameList(fk.referencedColumns, toCols)) {
        diffs.push(`${where}: foreign key ${q(fk.name)} references ${q(fk.referencedTable)}${cols(fk.referencedColumns)}, expected ${q(targetTable)}${cols(toCols)}`);
      }
      if (fk.referencedSchema !== db.schema) {
        diffs.push(`${where}: foreign key ${q(fk.name)} references a table in schema ${q(fk.referencedSchema)}, expected ${q(db.schema)}`);
      }
      if (fk.onDelete !== onDelete) {
        diffs.push(
          `${where}: foreign key ${q(fk.name)} is ON DELETE ${ACTION_SQL[fk.onDelete]}, schema expects ON DELETE ${ACTION_SQL[onDelete]} (onDelete: ${rel.relationOnDelete ?? `${onDelete}, Prisma's default for a ${rel.isRequired ? 'required' : 'optional'} relation`})`,
        );
      }
      if (fk.onUpdate !== onUpdate) {
        diffs.push(`${where}: foreign key ${q(fk.name)} is ON UPDATE ${ACTION_SQL[fk.onUpdate]}, schema expects ON UPDATE ${ACTION_SQL[onUpdate]}`);
      }
      if (fk.name !== expectedName) {
        diffs.push(`${where}: foreign key is named ${q(fk.name)} in the database, Prisma expects ${q(expectedName)}`);
      }
    }
    for (const fk of tableFks) {
      if (matchedFks.has(fk)) continue;
      diffs.push(
        `${label}: unexpected foreign key ${q(fk.name)} ${q(tName)}${cols(fk.columns)} → ${q(fk.referencedTable)}${cols(fk.referencedColumns)} — no relation of the schema declares it`,
      );
    }
  }

  return diffs;
}
