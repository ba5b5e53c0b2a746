/**
 * Counting a relation's rows for a few parents.
 *
 * Prisma 7 compiles a relation `_count` (`select: { _count: { select: { candidatures: true } } }`)
 * into a LEFT JOIN on a GROUP BY of the whole child table: one offer's application count read all
 * 1,000,000 applications of the region (2 s in the benchmark). These helpers count only the given
 * parents' rows, through an index, in one grouped query whatever the number of parents (no N+1).
 */

/** `groupBy({ by: [key], _count: { _all: true } })` rows → parent id → count. */
export function countMap<K extends string>(groups: ({ _count: { _all: number } } & Record<K, string | null>)[], key: K): Map<string, number> {
  const map = new Map<string, number>();
  for (const g of groups) if (g[key] !== null) map.set(g[key] as string, g._count._all);
  return map;
}
