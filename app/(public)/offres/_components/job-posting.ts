import type { OffrePubliqueDetail } from '@/lib/data/offres-publiques';
import { formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { domaineActivite } from './format';

/**
 * schema.org employment types. An apprenticeship contract and a contrat de professionnalisation
 * are paid employment contracts, full time (the training hours count as working time), usually
 * fixed-term (the training's duration): FULL_TIME + TEMPORARY. They are not internships — INTERN
 * would tell job search engines the position is a student placement — and OTHER would say
 * nothing. A « stage professionnel » is an internship: INTERN.
 */
const EMPLOYMENT_TYPES = {
  APPRENTISSAGE: ['FULL_TIME', 'TEMPORARY'],
  CONTRAT_PRO: ['FULL_TIME', 'TEMPORARY'],
  STAGE_PRO: ['INTERN'],
} as const;

/** Google's credential categories, from the level of the certification framework. */
function credentialCategory(niveau: number | null): string | undefined {
  if (niveau === 3) return 'professional certificate';
  if (niveau === 4) return 'high school';
  if (niveau === 5) return 'associate degree';
  if (niveau === 6) return 'bachelor degree';
  if (niveau === 7 || niveau === 8) return 'postgraduate degree';
  return undefined;
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** The offer as a schema.org JobPosting: public fields only (no contact, no street address). */
export function jobPosting(offre: OffrePubliqueDetail, url: string) {
  const employmentType = [...new Set(offre.types.flatMap((t) => EMPLOYMENT_TYPES[t]))];
  const industry = domaineActivite(offre);
  const description = [
    offre.description,
    `Type de contrat : ${offre.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ')}.`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: offre.metier,
    description,
    identifier: { '@type': 'PropertyValue', name: 'CMonAlternance', value: formatNumero('offre', offre.numero) },
    url,
    datePosted: offre.publishedAt.toISOString(),
    // offers are archived automatically 6 months after publication (or reactivation)
    validThrough: addMonths(offre.publishedAt, 6).toISOString(),
    jobStartDate: offre.dateEmbauche.toISOString().slice(0, 10),
    employmentType: employmentType.length === 1 ? employmentType[0] : employmentType,
    totalJobOpenings: offre.nombrePostes,
    hiringOrganization: { '@type': 'Organization', name: offre.employeur },
    ...(industry ? { industry } : {}),
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(offre.commune ? { addressLocality: offre.commune } : {}),
        ...(offre.codePostal ? { postalCode: offre.codePostal } : {}),
        addressRegion: 'Nouvelle-Aquitaine',
        addressCountry: 'FR',
      },
    },
    ...(offre.diplomes.length > 0
      ? {
          educationRequirements: offre.diplomes.map((d) => ({
            '@type': 'EducationalOccupationalCredential',
            name: d.intitule,
            ...(credentialCategory(d.niveau) ? { credentialCategory: credentialCategory(d.niveau) } : {}),
            ...(d.niveau != null ? { educationalLevel: libelleNiveau(d.niveau) } : {}),
          })),
        }
      : {}),
  };
}

/**
 * JSON for an inline <script>: `<` (so user text cannot close the script nor open a comment), `>`,
 * `&` and the JavaScript line separators are written as \u escapes — still the same JSON value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
