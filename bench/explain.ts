/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL a page issued, as the benchmark report shows it: the
 * statement's own execution time over several runs (p95) and the plan's main nodes, with any
 * sequential scan of a large table flagged.
 */
import pg from 'pg';
import { percentile } from './lib';
import { isTransactionControl, type LoggedQuery } from './server';

export interface PlanNode {
  node: string;
  relation?: string;
  index?: string;
  rows: number;
  ms: number;
}

export interface ExplainedQuery {
  sql: string;
  p50: number;
  p95: number;
  nodes: PlanNode[];
  sharedHit: number;
  sharedRead: number;
  seqScansOnLargeTables: string[];
}

/** A table of more rows than this is "large": a sequential scan of it is a finding. */
export const LARGE_TABLE_ROWS = 10_000;

interface RawPlan {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: RawPlan[];
}

function walk(plan: RawPlan, out: PlanNode[]) {
  out.push({
    node: plan['Node Type'],
    relation: plan['Relation Name'],
    index: plan['Index Name'],
    rows: (plan['Actual Rows'] ?? 0) * (plan['Actual Loops'] ?? 1),
    ms: Number((plan['Actual Total Time'] ?? 0).toFixed(2)),
  });
  for (const p of plan.Plans ?? []) walk(p, out);
}

const isRead = (q: string) => /^\s*(SELECT|WITH)\b/i.test(q) && !/\bFOR\s+(UPDATE|SHARE|NO KEY UPDATE)\b/i.test(q);

export async function explainQueries(url: string, queries: LoggedQuery[], runs: number): Promise<ExplainedQuery[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const large = new Set(
      (await client.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > $1`, [LARGE_TABLE_ROWS])).rows.map((r) => r.relname),
    );
    const out: ExplainedQuery[] = [];
    for (const q of queries) {
      if (isTransactionControl(q.query) || !isRead(q.query)) continue;
      const params = JSON.parse(q.params || '[]') as unknown[];
      const times: number[] = [];
      let last: { Plan: RawPlan; 'Execution Time': number } | undefined;
      for (let i = 0; i < runs + 1; i++) {
        await client.query('BEGIN READ ONLY');
        try {
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.query}`, params);
          last = (rows[0]['QUERY PLAN'] as (typeof last)[])[0];
          if (i > 0) times.push(last!['Execution Time']); // the first run warms the cache
        } finally {
          await client.query('ROLLBACK');
        }
      }
      const nodes: PlanNode[] = [];
      walk(last!.Plan, nodes);
      times.sort((a, b) => a - b);
      out.push({
        sql: q.query,
        p50: Number(percentile(times, 50).toFixed(2)),
        p95: Number(percentile(times, 95).toFixed(2)),
        nodes,
        sharedHit: last!.Plan['Shared Hit Blocks'] ?? 0,
        sharedRead: last!.Plan['Shared Read Blocks'] ?? 0,
        seqScansOnLargeTables: nodes.filter((n) => n.node === 'Seq Scan' && n.relation && large.has(n.relation)).map((n) => n.relation!),
      });
    }
    return out;
  } finally {
    await client.end();
  }
}

/** « Bitmap Heap Scan Offre ← Bitmap Index Scan Offre_searchText_idx (2 300 rows) » for the report. */
export function mainNodes(q: ExplainedQuery, max = 6): string {
  return q.nodes
    .filter((n) => n.relation || n.index || /Sort|Limit|Aggregate|Join|Nested Loop/.test(n.node))
    .slice(0, max)
    .map((n) => `${n.node}${n.relation ? ` ${n.relation}` : ''}${n.index ? ` [${n.index}]` : ''} (${n.rows} l., ${n.ms} ms)`)
    .join(' → ');
}
