import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { niceMax, shortWeekLabel, WeeklyChart, weeklyChartSummary, type WeeklyChartPoint } from '@/components/admin/weekly-chart';

const points: WeeklyChartPoint[] = Array.from({ length: 12 }, (_, i) => ({
  weekStart: new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10),
  offres: i === 11 ? 3 : i === 5 ? 1 : 0,
  candidatures: i === 11 ? 7 : 0,
}));

describe('WeeklyChart (graphique SVG rendu côté serveur)', () => {
  const html = renderToStaticMarkup(createElement(WeeklyChart, { points }));

  it('est une image SVG avec une alternative textuelle qui résume les chiffres', () => {
    expect(html).toMatch(/<svg[^>]*role="img"/);
    const summary = weeklyChartSummary(points);
    expect(summary).toContain('sur les 12 dernières semaines');
    expect(summary).toContain('4 offres publiées et 7 candidatures au total');
    expect(summary).toContain('Semaine en cours : 3 offres publiées, 7 candidatures.');
    expect(summary).toContain('du 07-09-2026 au 23-11-2026');
    expect(html).toContain(`aria-label="${summary}"`);
  });

  it('dessine deux barres par semaine, avec les étiquettes des axes et une légende', () => {
    expect(html.match(/data-series="offres"/g)).toHaveLength(12);
    expect(html.match(/data-series="candidatures"/g)).toHaveLength(12);
    expect(html).toContain('data-value="7"');
    expect(html).toContain('>23/11</text>');
    expect(html).toContain('Semaine du (lundi)');
    expect(html).toContain('Offres publiées');
    // the y axis goes to a round maximum
    expect(html).toContain('>8</text>');
  });

  it('reprend les mêmes chiffres dans un tableau', () => {
    expect(html).toContain('<table');
    expect(html.match(/<tr>/g)).toHaveLength(13);
    expect(html).toContain('<th scope="row" class="border border-bordure px-2 py-1 text-left font-normal">23-11-2026</th><td class="border border-bordure px-2 py-1 text-right">3</td><td class="border border-bordure px-2 py-1 text-right">7</td>');
  });

  it('sans aucune donnée : des barres vides et un axe de 0 à 4', () => {
    const empty = points.map((p) => ({ ...p, offres: 0, candidatures: 0 }));
    const markup = renderToStaticMarkup(createElement(WeeklyChart, { points: empty }));
    expect(markup).not.toContain('NaN');
    expect(weeklyChartSummary(empty)).toContain('0 offre publiée et 0 candidature au total');
  });

  it('helpers', () => {
    expect(shortWeekLabel('2026-11-23')).toBe('23/11');
    expect(niceMax(0)).toBe(4);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(101)).toBe(200);
  });
});
