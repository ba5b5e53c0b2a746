/**
 * Offers published and applications sent per week, drawn on the server as inline SVG (no
 * JavaScript), followed by the same figures in a table for screen readers and text browsers.
 * A pure function of its data.
 */

export interface WeeklyChartPoint {
  /** Monday of the week, « YYYY-MM-DD ». */
  weekStart: string;
  offres: number;
  candidatures: number;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 40, left: 44 };
const SERIES = [
  { key: 'offres', label: 'Offres publiées', color: '#000091' },
  { key: 'candidatures', label: 'Candidatures', color: '#b34000' },
] as const;

/** « 23/11 » from « 2026-11-23 ». */
export function shortWeekLabel(weekStart: string): string {
  const [, m, d] = weekStart.split('-');
  return `${d}/${m}`;
}

/** « 23-11-2026 », as the guide writes dates. */
function longWeekLabel(weekStart: string): string {
  const [y, m, d] = weekStart.split('-');
  return `${d}-${m}-${y}`;
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n > 1 ? many : one}`;
}

/** The chart's text alternative (its aria-label). */
export function weeklyChartSummary(points: WeeklyChartPoint[]): string {
  const offres = points.reduce((s, p) => s + p.offres, 0);
  const candidatures = points.reduce((s, p) => s + p.candidatures, 0);
  const last = points.at(-1);
  const start = points[0];
  const range = start && last ? ` (semaines du ${longWeekLabel(start.weekStart)} au ${longWeekLabel(last.weekStart)})` : '';
  const current = last
    ? ` Semaine en cours : ${plural(last.offres, 'offre publiée', 'offres publiées')}, ${plural(last.candidatures, 'candidature', 'candidatures')}.`
    : '';
  return `Offres publiées et candidatures par semaine sur les ${points.length} dernières semaines${range} : ${plural(offres, 'offre publiée', 'offres publiées')} et ${plural(candidatures, 'candidature', 'candidatures')} au total.${current} Les chiffres détaillés sont dans le tableau qui suit.`;
}

/** A « nice » upper bound for the y axis (at least 4, so the ticks are whole numbers). */
export function niceMax(max: number): number {
  if (max <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = Math.ceil(max / (step * magnitude)) * step * magnitude;
    if (candidate / 4 === Math.round(candidate / 4)) return candidate;
  }
  return Math.ceil(max / 4) * 4;
}

export function WeeklyChart({ points, title = 'Offres publiées et candidatures par semaine' }: { points: WeeklyChartPoint[]; title?: string }) {
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.offres, p.candidatures))));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = points.length > 0 ? plotW / points.length : plotW;
  const barW = Math.max(2, (slot - 8) / 2);
  const y = (v: number) => MARGIN.top + plotH - (v / max) * plotH;
  const ticks = [0, 1, 2, 3, 4].map((i) => (max / 4) * i);

  return (
    <figure className="m-0">
      <figcaption className="mb-2 font-bold">{title}</figcaption>
      <ul className="mb-2 flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span className="inline-block h-3 w-3" style={{ backgroundColor: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-label={weeklyChartSummary(points)}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
        data-testid="weekly-chart"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#dddddd" />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#3a3a3a">
              {t}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x0 = MARGIN.left + i * slot + 4;
          return (
            <g key={p.weekStart} data-week={p.weekStart}>
              {SERIES.map((s, k) => {
                const v = p[s.key];
                return (
                  <rect
                    key={s.key}
                    x={x0 + k * barW}
                    y={y(v)}
                    width={barW}
                    height={Math.max(0, MARGIN.top + plotH - y(v))}
                    fill={s.color}
                    data-series={s.key}
                    data-value={v}
                  />
                );
              })}
              <text x={x0 + barW} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize="11" fill="#3a3a3a">
                {shortWeekLabel(p.weekStart)}
              </text>
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH} stroke="#3a3a3a" />
        <text x={MARGIN.left + plotW / 2} y={HEIGHT - 4} textAnchor="middle" fontSize="12" fill="#3a3a3a">
          Semaine du (lundi)
        </text>
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer">Voir les chiffres de chaque semaine</summary>
        <table className="mt-2 border-collapse text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-bordure px-2 py-1 text-left">
                Semaine du
              </th>
              {SERIES.map((s) => (
                <th key={s.key} scope="col" className="border border-bordure px-2 py-1 text-right">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.weekStart}>
                <th scope="row" className="border border-bordure px-2 py-1 text-left font-normal">
                  {longWeekLabel(p.weekStart)}
                </th>
                <td className="border border-bordure px-2 py-1 text-right">{p.offres}</td>
                <td className="border border-bordure px-2 py-1 text-right">{p.candidatures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
