'use server';

import { requireUser } from '@/lib/auth/guards';
import { searchAppellations, searchCertifications, type AppellationOption, type CertificationOption } from '@/lib/data/referentiels';
import { rechercheSchema } from '@/lib/validations/offre';

/**
 * The referential autocompletes (« Métier », « Diplôme ou formation à préparer »): any signed-in
 * user (staff for offers, candidates for their projects). Bad input gives no result, never an error.
 */

export async function searchAppellationsAction(q: unknown): Promise<AppellationOption[]> {
  await requireUser();
  const parsed = rechercheSchema.safeParse(q);
  return parsed.success ? searchAppellations(parsed.data) : [];
}

export async function searchCertificationsAction(q: unknown): Promise<CertificationOption[]> {
  await requireUser();
  const parsed = rechercheSchema.safeParse(q);
  return parsed.success ? searchCertifications(parsed.data) : [];
}
