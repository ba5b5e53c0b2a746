import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { requireStaff } from '@/lib/auth/guards';
import { getOffre, getOffreFormOptions, isEmployeurValide } from '@/lib/data/offres';
import { communesForPostalCode } from '@/lib/data/structure';
import { formatNumero } from '@/lib/format';
import { isoDay, numeroOffreSchema } from '@/lib/validations/offre';
import { OffreForm } from '../../nouvelle/_components/offre-form';

export const metadata = { title: "Modifier l'offre" };

export default async function ModifierOffrePage({ params }: { params: Promise<{ numero: string }> }) {
  const user = await requireStaff();
  const parsed = numeroOffreSchema.safeParse((await params).numero);
  if (!parsed.success) notFound();
  const offre = await getOffre(user, parsed.data);
  const [{ employeurs, membres }, employeurValide, communes] = await Promise.all([
    getOffreFormOptions(user),
    isEmployeurValide(user, offre.employeurId),
    offre.codePostal ? communesForPostalCode(offre.codePostal) : Promise.resolve([]),
  ]);
  // a référent who left the structure (or was deactivated) is to be replaced
  const referentActif = membres.some((m) => m.id === offre.referentId);
  const numero = formatNumero('offre', offre.numero);
  const archivee = offre.status === 'ARCHIVEE';
  const reactivable = archivee && !offre.motifDepublication;

  return (
    <>
      <PageHeader
        title="Modifier l'offre"
        crumbs={[
          { label: 'Mes offres', href: '/mes-offres' },
          { label: `OFFRE ${numero}`, href: `/mes-offres/${offre.numero}` },
        ]}
      >
        <p className="mt-2 font-bold">
          OFFRE {numero} — <span className="uppercase">{offre.metier}</span>
        </p>
      </PageHeader>

      {reactivable && (
        <Alert kind="info" title="Cette offre est archivée.">
          <p>Si vous avez archivé une offre et que vous souhaitez la réactiver, il vous suffit de l&apos;ouvrir et de l&apos;enregistrer de nouveau.</p>
          <p className="mt-1">
            En cliquant sur « Enregistrer », elle repasse « En cours » : elle est de nouveau publiée sur le site CMonAlternance pour 6 mois, puis archivée
            automatiquement.
          </p>
        </Alert>
      )}
      {archivee && !reactivable && (
        <Alert kind="warning" title="Cette offre a été dépubliée par l'équipe CMonAlternance.">
          <p>Motif : {offre.motifDepublication}</p>
          <p className="mt-1">Vous pouvez la modifier, mais elle reste archivée : pour la publier de nouveau, écrivez à equipe@cmonalternance-na.fr.</p>
        </Alert>
      )}
      {offre.status === 'POURVUE' && (
        <Alert kind="info" title="Cette offre est pourvue.">
          Vos modifications sont enregistrées sans changer son statut : elle reste « Pourvue ».
        </Alert>
      )}
      {!employeurValide && (
        <Alert kind="warning" title="L'employeur de cette offre n'est plus validé pour votre structure.">
          Choisissez un employeur validé dans la liste avant d&apos;enregistrer.
        </Alert>
      )}

      <OffreForm
        mode="update"
        numero={offre.numero}
        employeurs={employeurs}
        membres={membres}
        currentUserId={user.id}
        initialCommunes={communes}
        dateInitiale={archivee ? null : isoDay(offre.dateEmbauche)}
        defaultValues={{
          types: offre.types,
          employeurId: employeurValide ? offre.employeurId : '',
          appellationCode: offre.appellationCode,
          metier: offre.metier,
          description: offre.description ?? '',
          adresse: offre.adresse,
          complementAdresse: offre.complementAdresse ?? '',
          codePostal: offre.codePostal ?? '',
          communeInsee: offre.communeInsee ?? '',
          dateEmbauche: isoDay(offre.dateEmbauche),
          dureeMois: offre.dureeMois === null ? '' : String(offre.dureeMois),
          referentId: referentActif ? offre.referentId! : '',
          nombrePostes: String(offre.nombrePostes),
          diplomes: offre.diplomes.map((d) => ({ certificationId: d.certificationId, intitule: d.intitule, niveau: d.niveau })),
        }}
      />
    </>
  );
}
