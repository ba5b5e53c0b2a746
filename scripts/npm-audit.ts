/**
 * `npm audit --omit=dev` in CI: fails on any high or critical advisory of a production dependency.
 *
 * When the registry offers no audit API (this machine's registry answers the bulk-advisory POST with
 * HTTP 405), there is nothing to check against: that is reported loudly but does not fail the build
 * (it says nothing about our dependencies). Any other failure to run the audit fails it.
 */
import { spawnSync } from 'node:child_process';

export type AuditVerdict =
  | { kind: 'ok'; counts: Record<string, number> }
  | { kind: 'findings'; counts: Record<string, number>; packages: string[] }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'error'; reason: string };

export function auditVerdict(json: string): AuditVerdict {
  let report: {
    metadata?: { vulnerabilities?: Record<string, number> };
    vulnerabilities?: Record<string, { severity: string }>;
    statusCode?: number;
    message?: string;
    error?: unknown;
  };
  try {
    report = JSON.parse(json);
  } catch {
    return { kind: 'error', reason: `réponse illisible : ${json.slice(0, 200)}` };
  }
  if (report.metadata?.vulnerabilities) {
    const counts = report.metadata.vulnerabilities;
    const packages = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
      .map(([name, v]) => `${name} (${v.severity})`);
    return (counts.high ?? 0) + (counts.critical ?? 0) > 0 ? { kind: 'findings', counts, packages } : { kind: 'ok', counts };
  }
  if (report.statusCode === 404 || report.statusCode === 405 || report.statusCode === 501) {
    return { kind: 'unavailable', reason: report.message ?? `HTTP ${report.statusCode}` };
  }
  return { kind: 'error', reason: report.message ?? JSON.stringify(report.error ?? report).slice(0, 300) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const verdict = auditVerdict(run.stdout || '{}');
  switch (verdict.kind) {
    case 'ok':
      console.log(`npm audit : aucune vulnérabilité haute ou critique (${JSON.stringify(verdict.counts)})`);
      break;
    case 'findings':
      console.error(`ÉCHEC npm audit : vulnérabilités hautes ou critiques dans les dépendances de production : ${verdict.packages.join(', ')}`);
      process.exit(1);
      break;
    case 'unavailable':
      console.warn(`ATTENTION npm audit impossible : le registre npm ne fournit pas l'API d'audit (${verdict.reason}). Aucune vérification n'a pu être faite.`);
      break;
    case 'error':
      console.error(`ÉCHEC npm audit : ${verdict.reason}`);
      process.exit(1);
  }
}
