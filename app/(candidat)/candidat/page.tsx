import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { requireCandidate } from '@/lib/auth/guards';
import { listMyProjets } from '@/lib/data/candidat';
import { formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';

export const metadata = { title: 'Mon espace candidat' };

export default async function CandidatHomePage() {
  const user = await requireCandidate();
  const projets = await listMyProjets(user);
  return (
    <>
      <PageHeader title="Mon espace candidat" />
      <p className="mb-6">Bonjour {user.prenom}, retrouvez ici vos projets et vos candidatures.</p>
      <h2 className="mb-3 text-xl font-bold text-bleu">Mes projets</h2>
      {projets.length === 0 ? (
        <p>Vous n&apos;avez pas encore de projet. La création de projets est bientôt disponible.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {projets.map((p) => (
            <li key={p.numero} className="border border-bordure p-4">
              <p className="text-sm font-bold">PROJET {formatNumero('projet', p.numero)}</p>
              <p className="mt-1 font-bold uppercase">{p.metier}</p>
              <p className="mt-1 text-sm">Type de contrat : {p.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ')}</p>
              {p.diplomeIntitule && <p className="text-sm">Diplôme : {p.diplomeIntitule}</p>}
              <p className="text-sm">
                {p.visible ? 'Visible par les acteurs de la formation et de l’insertion' : 'Non visible par les acteurs'} ·{' '}
                {p._count.candidatures} candidature(s)
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-6">
        <Link href="/offres">Rechercher une offre</Link>
      </p>
    </>
  );
}
