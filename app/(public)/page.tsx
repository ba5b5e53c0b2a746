import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { GESTIONNAIRE_ONLY_MESSAGE, STRUCTURE_DESACTIVEE_MESSAGE } from '@/lib/auth/guards';
import { getCurrentUser } from '@/lib/auth/session';
import { homePathFor } from '@/lib/auth/permissions';

export default async function AccueilPage({ searchParams }: { searchParams: Promise<{ erreur?: string; compte?: string }> }) {
  const { erreur, compte } = await searchParams;
  const user = await getCurrentUser();
  return (
    <>
      {erreur === 'gestionnaire' && <Alert kind="error">{GESTIONNAIRE_ONLY_MESSAGE}</Alert>}
      {erreur === 'structure-desactivee' && <Alert kind="error">{STRUCTURE_DESACTIVEE_MESSAGE}</Alert>}
      {/* after « Supprimer mon compte » (deleteAccountAction signs out and comes here) */}
      {compte === 'supprime' && !user && (
        <Alert kind="success" id="compte-supprime">
          Votre compte a bien été supprimé. Un e-mail de confirmation vous a été envoyé.
        </Alert>
      )}
      <section aria-labelledby="accueil-titre" className="bg-bleu-clair px-6 py-10">
        <h1 id="accueil-titre" className="max-w-3xl text-3xl font-extrabold text-bleu md:text-4xl">
          Votre outil pour trouver un apprentissage, un stage ou un candidat en Nouvelle-Aquitaine
        </h1>
        <p className="mt-4 max-w-2xl text-lg">
          Candidats, acteurs de la formation et de l&apos;insertion, employeurs partenaires : CMonAlternance vous met en relation
          pour des contrats d&apos;apprentissage, des contrats de professionnalisation et des stages.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/offres">Trouver une offre</ButtonLink>
          <ButtonLink href="/vite-mon-stage" variant="secondary">
            Vite mon stage (3e et 2de)
          </ButtonLink>
          {user ? (
            <ButtonLink href={homePathFor(user)} variant="secondary">
              Mon espace
            </ButtonLink>
          ) : (
            <ButtonLink href="/inscription" variant="secondary">
              Créer un compte
            </ButtonLink>
          )}
        </div>
      </section>
      <div className="mt-10 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="candidats" className="border border-bordure p-6">
          <h2 id="candidats" className="text-xl font-bold text-bleu">
            Vous cherchez une alternance ?
          </h2>
          <p className="mt-2">
            Créez votre projet (métier, type de contrat, diplôme, zone de recherche), déposez votre CV et postulez en ligne aux
            offres publiées par les acteurs de la formation et de l&apos;insertion.
          </p>
          <p className="mt-4">
            <Link href="/inscription?profil=candidat">Je suis candidat : créer mon compte</Link>
          </p>
        </section>
        <section aria-labelledby="acteurs" className="border border-bordure p-6">
          <h2 id="acteurs" className="text-xl font-bold text-bleu">
            Vous êtes un professionnel acteur de la formation et de l&apos;insertion ?
          </h2>
          <p className="mt-2">
            Sur CMonAlternance vous pouvez gérer vos entreprises partenaires et proposer des offres, et accompagner les candidats
            dans leur recherche d&apos;alternance.
          </p>
          <p className="mt-4">
            <Link href="/inscription?profil=acteur">Je suis un acteur de la formation et de l&apos;insertion</Link> ·{' '}
            <Link href="/aide">Suivez le guide !</Link>
          </p>
        </section>
      </div>
    </>
  );
}
