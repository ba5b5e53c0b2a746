import { describe, expect, it } from 'vitest';
import { auditVerdict } from '@/scripts/npm-audit';

/** The CI's reading of `npm audit --omit=dev --json` (scripts/npm-audit.ts). */
describe('auditVerdict', () => {
  const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string }> = {}) =>
    JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } } });

  it('passes a report without high or critical advisories (low and moderate are listed, not fatal)', () => {
    expect(auditVerdict(report({ low: 2, moderate: 1 })).kind).toBe('ok');
  });

  it('fails on a high or a critical advisory, naming the packages', () => {
    const high = auditVerdict(report({ high: 1 }, { next: { severity: 'high' }, 'left-pad': { severity: 'low' } }));
    expect(high).toEqual({ kind: 'findings', counts: expect.objectContaining({ high: 1 }), packages: ['next (high)'] });
    expect(auditVerdict(report({ critical: 1 }, { pg: { severity: 'critical' } })).kind).toBe('findings');
  });

  it('reports a registry without the audit API (HTTP 405) as unavailable, any other failure as an error', () => {
    const registry405 = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, body: '', error: { summary: '', detail: '' } });
    expect(auditVerdict(registry405)).toEqual({ kind: 'unavailable', reason: expect.stringContaining('405') });
    expect(auditVerdict(JSON.stringify({ message: 'getaddrinfo ENOTFOUND registry.npmjs.org', error: { code: 'ENOTFOUND' } })).kind).toBe('error');
    expect(auditVerdict('pas du JSON').kind).toBe('error');
  });
});
