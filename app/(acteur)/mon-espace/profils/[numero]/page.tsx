import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/guards';
import { getProfilForStaff, type ProfilDetail } from '@/lib/data/profils-detail';
import { formatDate, formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleZone } from '@/lib/referentiels/departements';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { EXPERIENCE_TYPE_LABELS, FORMATION_STATUT_LABELS, parseNumero } from '@/lib/validations/candidat';
import { ContactProfil } from './_components/contact-profil';
import { FavoriButton } from './_components/favori-button';

type Props = { params: Promise<{ numero: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const numero = parseNumero((await params).numero);
  return { title: numero === null ? 'Détail projet' : `Détail projet — PROJET ${formatNumero('projet', numero)}`, robots: { index: false } };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline">{label} :</dt> <dd className="inline font-bold [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** « Stage : Commerciale - Entreprise - 3 semaine(s) / 5 jour(s) (missions) », as the guide writes it. */
function experienceLigne(e: ProfilDetail['experiences'][number]): string {
  const duree = [e.dureeSemaines ? `${e.dureeSemaines} semaine(s)` : null, e.dureeJours ? `${e.dureeJours} jour(s)` : null].filter(Boolean).join(' / ');
  const parts = [e.intitule, e.entreprise, duree].filter(Boolean).join(' - ');
  return `${EXPERIENCE_TYPE_LABELS[e.type]} : ${parts}${e.missions ? ` (${e.missions})` : ''}`;
}

/** « Bac pro … (Validé) en 2022 ». */
function formationLigne(f: ProfilDetail['formations'][number]): string {
  return `${f.intitule} (${FORMATION_STATUT_LABELS[f.statut]})${f.annee ? ` en ${f.annee}` : ''}`;
}

/**
 * « Détail projet » (staff): a project whose candidate made it visible, as the guide shows it,
 * with the heart (« Profils favoris ») and « CONTACTER CE PROFIL ». The candidate is known only by
 * his PROFIL number: never his name, e-mail or phone. A hidden or unknown project is a 404.
 */
export default async function DetailProjetPage({ params }: Props) {
  const user = await requireStaff();
  const numero = parseNumero((await params).numero);
  const p = numero === null ? null : await getProfilForStaff(user, numero);
  if (!p) notFound();

  const numeroAffiche = formatNumero('projet', p.numero);
  const zone = libelleZone(p.zoneRegion, p.departements);
  const types = p.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ');
  const niveau = libelleNiveau(p.niveau);

  return (
    <>
      <PageHeader
        title="Détail projet"
        crumbs={[
          { label: 'Mon espace', href: '/mon-espace' },
          { label: 'Recherche de profils', href: '/mon-espace/profils' },
        ]}
      />

      <article aria-labelledby="projet-metier" className="max-w-4xl border border-bordure p-4 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="font-bold tracking-wide">PROJET {numeroAffiche}</p>
            <p className="text-sm font-bold tracking-wide text-gray-700">PROFIL {formatNumero('profil', p.profilNumero)}</p>
          </div>
          <FavoriButton numero={p.numero} isFavori={p.isFavori} />
        </div>
        <h2 id="projet-metier" className="mt-4 text-2xl font-bold text-bleu uppercase [overflow-wrap:anywhere]">
          {p.metier}
        </h2>
        <dl className="mt-4 space-y-1">
          <Item label="Numéro">{numeroAffiche}</Item>
          <Item label="Type d'alternance recherchée">{types || 'Non précisé'}</Item>
          <Item label="Intitulé diplôme">
            {p.diplomeIntitule ?? 'Non précisé'}
            {p.diplomeIntitule && niveau && <span className="font-normal"> ({niveau})</span>}
          </Item>
          <Item label="Durée de l'alternance">
            {p.dureeAnnees != null ? `${p.dureeAnnees} année${p.dureeAnnees > 1 ? 's' : ''}` : 'Non précisée'}
          </Item>
          <Item label={!p.zoneRegion && p.departements.length > 1 ? 'Départements' : 'Département'}>{zone || 'Non précisé'}</Item>
        </dl>

        <h3 className="mt-6 font-bold">Formations déjà suivies :</h3>
        {p.formations.length > 0 ? (
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {p.formations.map((f, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {formationLigne(f)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">Aucune formation indiquée.</p>
        )}

        <h3 className="mt-6 font-bold">Expériences :</h3>
        {p.experiences.length > 0 ? (
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {p.experiences.map((e, i) => (
              <li key={i} className="whitespace-pre-line [overflow-wrap:anywhere]">
                {experienceLigne(e)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">Aucune expérience indiquée.</p>
        )}
      </article>

      {p.contacts.count > 0 && p.contacts.dernier && (
        <p className="mt-6 max-w-4xl border-l-4 border-bleu bg-bleu-clair p-4" data-testid="contacts-structure">
          Votre structure a déjà écrit à ce candidat au sujet de ce projet :{' '}
          {p.contacts.count > 1 ? `${p.contacts.count} messages, le dernier le ${formatDate(p.contacts.dernier)}` : `le ${formatDate(p.contacts.dernier)}`}.
        </p>
      )}

      <ContactProfil numero={p.numero} numeroAffiche={numeroAffiche} />

      <p className="mt-10 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/mon-espace/profils">Retour à la recherche de profils</Link>
        <Link href="/mon-espace/favoris">Mes profils favoris</Link>
      </p>
    </>
  );
}
