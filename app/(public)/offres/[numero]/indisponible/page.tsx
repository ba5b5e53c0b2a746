import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getOffrePublique, type OffrePubliqueDetail } from '@/lib/data/offres-publiques';
import { parseNumeroOffre } from '@/lib/validations/offres-publiques';
import { OFFRE_INDISPONIBLE_TITLE, OffreIndisponible } from '../../_components/offre-indisponible';

type Props = { params: Promise<{ numero: string }> };

/** A public offer that is no longer « En cours »; anything else (open, unknown, not public) is a 404. */
async function load(params: Props['params']): Promise<OffrePubliqueDetail> {
  const numero = parseNumeroOffre((await params).numero);
  const offre = numero === null ? null : await getOffrePublique(numero);
  if (!offre || offre.status === 'EN_COURS') notFound();
  return offre;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await load(params);
  return { title: OFFRE_INDISPONIBLE_TITLE, robots: { index: false } };
}

/**
 * « Cette offre n'est plus disponible », answered with HTTP 410 by proxy.ts (which sets the
 * status of /offres/<n> and of this page when the public offer is pourvue or archivée). The offer
 * page renders the same notice; this address is the stable one to link to.
 */
export default async function OffreIndisponiblePage({ params }: Props) {
  return <OffreIndisponible offre={await load(params)} />;
}
