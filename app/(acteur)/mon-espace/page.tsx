import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { TutorielInvitation } from '@/components/tutoriel/tutoriel-invitation';
import { Alert } from '@/components/ui/alert';
import { requireStaff } from '@/lib/auth/guards';
import { getDashboard } from '@/lib/data/alertes';
import { claimTutorielInvitation } from '@/lib/data/tutoriel';
import { formatDate, formatNumero } from '@/lib/format';
import { MEMBRES_MESSAGES } from '@/lib/validations/membres';
import { AlerteCard } from './_components/alerte-item';

export const metadata = { title: 'Tableau de bord' };

function pluriel(n: number, un: string, plusieurs: string) {
  return `${n} ${n > 1 ? plusieurs : un}`;
}

function Bloc({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="border border-bordure p-5">
      <h2 id={id} className="text-xl font-bold text-bleu">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** « Tableau de bord »: Alertes, Favoris, Candidatures (guide, « Mon espace »), and the profile search box. */
export default async function TableauDeBordPage({ searchParams }: { searchParams: Promise<{ bienvenue?: string; droits?: string }> }) {
  const user = await requireStaff();
  const { bienvenue, droits } = await searchParams;
  const { alertes, favoris, candidatures } = await getDashboard(user);
  // « offered once after the first structure is completed »: the page right after « Valider »
  const inviter = Boolean(bienvenue) && (await claimTutorielInvitation(user));
  return (
    <>
      <PageHeader title="Tableau de bord" crumbs={[{ label: 'Mon espace' }]} />
      {droits === 'transferes' && <Alert kind="success">{MEMBRES_MESSAGES.droitsTransferes}</Alert>}
      {bienvenue && (
        <Alert kind="success" title="Votre structure est enregistrée">
          Vous en êtes le gestionnaire. Vous pouvez maintenant ajouter vos employeurs partenaires et publier vos offres.
        </Alert>
      )}
      {inviter && <TutorielInvitation />}
      <form action="/mon-espace/profils" role="search" aria-label="Rechercher des profils" className="mb-8 flex max-w-2xl flex-wrap gap-2">
        <label htmlFor="q" className="sr-only">
          Rechercher des profils
        </label>
        <input id="q" name="q" maxLength={100} placeholder="Métier, type de contrat, diplôme, ..." className="min-w-0 flex-1 border-b-2 border-gris bg-gris-clair px-3 py-2" />
        <button type="submit" className="bg-bleu px-4 py-2 font-medium text-white">
          Rechercher des profils
        </button>
      </form>

      <div className="grid gap-6 lg:grid-cols-3" data-tutoriel="tableau-de-bord">
        <Bloc id="alertes" title="Alertes">
          <p className="mt-2">
            <span className="text-3xl font-bold" data-testid="nb-alertes">
              {alertes.total}
            </span>{' '}
            {alertes.total > 1 ? 'profils correspondent' : 'profil correspond'} à vos offres en cours
          </p>
          {alertes.items.length === 0 ? (
            <p className="mt-2 text-sm">
              Aucun projet de candidat ne correspond pour l&apos;instant à vos offres en cours. Les alertes apparaissent d&apos;elles-mêmes dès qu&apos;un
              projet visible correspond (métier, type de contrat, zone, niveau).
            </p>
          ) : (
            <ul className="mt-3 space-y-3">
              {alertes.items.map((a) => (
                <AlerteCard key={a.id} alerte={a} />
              ))}
            </ul>
          )}
          {alertes.total > 0 && (
            <p className="mt-3 text-sm">
              <Link href="/mon-espace/alertes">Voir toutes les alertes</Link>
            </p>
          )}
        </Bloc>

        <Bloc id="favoris" title="Favoris">
          <p className="mt-2">
            <span className="text-3xl font-bold" data-testid="nb-favoris">
              {favoris.total}
            </span>{' '}
            {favoris.total > 1 ? 'projets favoris' : 'projet favori'}
          </p>
          {favoris.items.length > 0 && (
            <ul className="mt-3 space-y-1 text-sm">
              {favoris.items.map((p) => (
                <li key={p.numero}>
                  <Link href={`/mon-espace/profils/${p.numero}`}>
                    PROJET {formatNumero('projet', p.numero)} — <span className="uppercase">{p.metier}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm">
            <Link href="/mon-espace/favoris">Profils favoris</Link>
          </p>
        </Bloc>

        <Bloc id="candidatures" title="Candidatures">
          <p className="mt-2">
            <span className="text-3xl font-bold" data-testid="nb-candidatures">
              {candidatures.total}
            </span>{' '}
            {candidatures.total > 1 ? 'candidatures reçues' : 'candidature reçue'}
          </p>
          <ul className="mt-2 text-sm">
            <li className="font-bold text-orange" data-testid="nb-a-traiter">
              À traiter : {candidatures.counts.A_TRAITER}
            </li>
            <li>Acceptées : {candidatures.counts.ACCEPTEE}</li>
            <li>Refusées : {candidatures.counts.REFUSEE}</li>
          </ul>
          {candidatures.aTraiter.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-bold">Dernières candidatures à traiter</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {candidatures.aTraiter.map((c) => (
                  <li key={c.numero}>
                    <Link href={`/mon-espace/candidatures/${c.numero}`}>
                      Candidature N°{formatNumero('candidature', c.numero)} — <span className="uppercase">{c.offre.metier}</span>
                    </Link>{' '}
                    ({formatDate(c.createdAt)})
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-3 text-sm">
            <Link href="/mon-espace/candidatures">{pluriel(candidatures.counts.A_TRAITER, 'candidature à traiter', 'candidatures à traiter')} — voir les candidatures</Link>
          </p>
        </Bloc>
      </div>
    </>
  );
}
