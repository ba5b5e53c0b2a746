import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { DescriptionItem } from '@/components/ui/description-item';
import { requireAdmin } from '@/lib/auth/guards';
import { getStructureDetail } from '@/lib/data/admin-structures';
import { formatDate, formatNumero } from '@/lib/format';
import { LIEN_EMPLOYEUR_STATUS_LABELS, MEMBERSHIP_ROLE_LABELS, OFFRE_STATUS_LABELS, STRUCTURE_TYPE_LABELS } from '@/lib/labels';
import { formatNumeroStructure } from '../_components/messages';
import { StructureActivation } from './_components/activation';

export const metadata = { title: 'Structure' };

/** One structure for the admin team: its identity, members, employers and offers; deactivate / reactivate. */
export default async function StructureDetailPage({ params }: { params: Promise<{ numero: string }> }) {
  const admin = await requireAdmin();
  const { numero } = await params;
  if (!/^\d{1,9}$/.test(numero)) notFound();
  const s = await getStructureDetail(admin, Number(numero));
  if (!s) notFound();
  const offresEnCours = s.offres.filter((o) => o.status === 'EN_COURS').length;

  return (
    <>
      <PageHeader
        title={s.raisonSociale}
        crumbs={[
          { label: 'Administration', href: '/admin' },
          { label: 'Structures', href: '/admin/structures' },
        ]}
      />

      <section className="mb-8">
        <h2 id="etat-titre" className="mb-2 text-xl font-bold">
          État
        </h2>
        <p className="mb-2">
          {s.active ? (
            'Cette structure est active.'
          ) : (
            <strong>Cette structure est désactivée : ses offres ne sont pas visibles sur le site et ses membres ne peuvent pas agir pour elle.</strong>
          )}
        </p>
        {s.derniereDecision && (
          <p className="mb-2 text-sm">
            {s.derniereDecision.action === 'desactivation' ? 'Désactivée' : 'Réactivée'} le {formatDate(s.derniereDecision.at)}
            {s.derniereDecision.par ? ` par ${s.derniereDecision.par}` : ''}
            {s.derniereDecision.motif ? ` — motif : ${s.derniereDecision.motif}` : ''}
          </p>
        )}
        <StructureActivation structureId={s.id} raisonSociale={s.raisonSociale} active={s.active} offresEnCours={offresEnCours} membres={s.membres.length} />
      </section>

      <section className="mb-8">
        <h2 id="identite-titre" className="mb-2 text-xl font-bold">
          Informations
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          <DescriptionItem label="Numéro">{formatNumeroStructure(s.numero)}</DescriptionItem>
          <DescriptionItem label="Siret">{s.siret}</DescriptionItem>
          <DescriptionItem label="Type">{STRUCTURE_TYPE_LABELS[s.type]}</DescriptionItem>
          {s.sigle && <DescriptionItem label="Sigle">{s.sigle}</DescriptionItem>}
          <DescriptionItem label="Adresse">{[s.adresse, s.complementAdresse, `${s.codePostal} ${s.commune}`].filter(Boolean).join(', ')}</DescriptionItem>
          <DescriptionItem label="E-mail">{s.email ?? 'non renseigné'}</DescriptionItem>
          <DescriptionItem label="Téléphone">{s.telephone ?? 'non renseigné'}</DescriptionItem>
          <DescriptionItem label="Inscrite le">{formatDate(s.createdAt)}</DescriptionItem>
        </dl>
      </section>

      <section className="mb-8">
        <h2 id="membres-titre" className="mb-2 text-xl font-bold">
          Membres ({s.membres.length})
        </h2>
        {s.membres.length === 0 ? (
          <p>Aucun membre.</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-labelledby="membres-titre" tabIndex={0}>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-gris">
                  <th scope="col" className="p-2">Nom</th>
                  <th scope="col" className="p-2">E-mail</th>
                  <th scope="col" className="p-2">Rôle</th>
                  <th scope="col" className="p-2">Compte</th>
                  <th scope="col" className="p-2">Dernière connexion</th>
                </tr>
              </thead>
              <tbody>
                {s.membres.map((m) => (
                  <tr key={m.id} className="border-b border-bordure">
                    <th scope="row" className="p-2 font-normal">
                      {m.prenom} {m.nom}
                    </th>
                    <td className="p-2">{m.email}</td>
                    <td className="p-2">{MEMBERSHIP_ROLE_LABELS[m.role]}</td>
                    <td className="p-2">{m.active ? 'Actif' : 'Désactivé'}</td>
                    <td className="p-2">{m.lastLoginAt ? formatDate(m.lastLoginAt) : 'jamais'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="mb-8">
        <h2 id="employeurs-titre" className="mb-2 text-xl font-bold">
          Employeurs ({s.employeurs.length})
        </h2>
        {s.employeurs.length === 0 ? (
          <p>Aucun employeur.</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-labelledby="employeurs-titre" tabIndex={0}>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-gris">
                  <th scope="col" className="p-2">Raison sociale</th>
                  <th scope="col" className="p-2">Siret</th>
                  <th scope="col" className="p-2">Numéro</th>
                  <th scope="col" className="p-2">Statut</th>
                  <th scope="col" className="p-2">Demandé le</th>
                </tr>
              </thead>
              <tbody>
                {s.employeurs.map((e) => (
                  <tr key={e.id} className="border-b border-bordure">
                    <th scope="row" className="p-2 font-normal">
                      {e.raisonSociale}
                    </th>
                    <td className="p-2 whitespace-nowrap">{e.siret}</td>
                    <td className="p-2">{formatNumero('employeur', e.numero)}</td>
                    <td className="p-2">{LIEN_EMPLOYEUR_STATUS_LABELS[e.status]}</td>
                    <td className="p-2">{formatDate(e.requestedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="mb-8">
        <h2 id="offres-titre" className="mb-2 text-xl font-bold">
          Offres ({s.offres.length})
        </h2>
        {s.offres.length === 0 ? (
          <p>Aucune offre.</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-labelledby="offres-titre" tabIndex={0}>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-gris">
                  <th scope="col" className="p-2">Numéro</th>
                  <th scope="col" className="p-2">Métier</th>
                  <th scope="col" className="p-2">Employeur</th>
                  <th scope="col" className="p-2">Commune</th>
                  <th scope="col" className="p-2">Statut</th>
                  <th scope="col" className="p-2">Publiée le</th>
                </tr>
              </thead>
              <tbody>
                {s.offres.map((o) => (
                  <tr key={o.id} className="border-b border-bordure">
                    <td className="p-2">{formatNumero('offre', o.numero)}</td>
                    <th scope="row" className="p-2 font-normal">
                      {o.status === 'EN_COURS' && s.active ? <Link href={`/offres/${o.numero}`}>{o.metier}</Link> : o.metier}
                    </th>
                    <td className="p-2">{o.employeur}</td>
                    <td className="p-2">{o.commune ?? ''}</td>
                    <td className="p-2">
                      {OFFRE_STATUS_LABELS[o.status]}
                      {o.motifDepublication ? ` (dépubliée : ${o.motifDepublication})` : ''}
                    </td>
                    <td className="p-2">{formatDate(o.publishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
