import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { TutorielLauncher } from '@/components/tutoriel/tutoriel-launcher';
import { getCurrentUser } from '@/lib/auth/session';
import { parcoursFor } from '@/lib/tutoriel';

export const metadata = { title: 'Aide' };

export default async function AidePage() {
  const parcours = parcoursFor(await getCurrentUser());
  return (
    <>
      <PageHeader title="Aide" />
      <div className="prose-cma max-w-3xl">
        <p>
          Cette page réunit le mode d&apos;emploi de l&apos;espace des acteurs de la formation et de l&apos;insertion,
          le tutoriel interactif, les premiers pas pour les candidats et les moyens de nous contacter. Une question à
          laquelle elle ne répond pas ? Écrivez-nous à <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>.
        </p>

        <nav aria-labelledby="sommaire-titre" className="my-6 border-l-4 border-bleu bg-gris-clair px-6 py-4">
          <h2 id="sommaire-titre" className="mt-0!">
            Sommaire
          </h2>
          <ul>
            <li>
              <a href="#tutoriel">Suivez le guide ! Le tutoriel interactif</a>
            </li>
            <li>
              <a href="#mode-emploi">Mode d&apos;emploi des acteurs de la formation et de l&apos;insertion</a>
            </li>
            <li>
              <a href="#candidats">Vous êtes candidat</a>
            </li>
            <li>
              <a href="#contact">Nous contacter</a>
            </li>
          </ul>
        </nav>

        <h2 id="tutoriel">Suivez le guide ! Le tutoriel interactif</h2>
        <p>
          Le tutoriel vous emmène dans les vraies pages du site et vous montre, étape par étape, les menus, les boutons
          et les champs {parcours === 'CANDIDAT' ? 'de votre espace candidat : projet, CV, postuler, suivre vos candidatures' : "du mode d'emploi"}.
          Il se souvient de l&apos;étape où vous vous êtes arrêté.
        </p>
        {parcours ? (
          <TutorielLauncher />
        ) : (
          <p>
            <Link href="/connexion">Connectez-vous</Link> pour suivre le tutoriel de votre espace (les acteurs de la formation et de
            l&apos;insertion, une fois leur structure complétée, et les candidats).
          </p>
        )}

        <h2 id="mode-emploi">Mode d&apos;emploi des acteurs de la formation et de l&apos;insertion</h2>
        <p>
          Le guide « Mode d&apos;emploi — Espace Acteurs formation/insertion », en entier, avec un lien vers chacune des pages
          qu&apos;il présente :{' '}
          <Link href="/aide/mode-emploi">Mode d&apos;emploi des acteurs de la formation et de l&apos;insertion</Link>.
        </p>

        {/* ───────────── Candidats ───────────── */}
        <h2 id="candidats">Vous êtes candidat</h2>
        <p>
          Vous cherchez un apprentissage, un contrat de professionnalisation ou un stage en Nouvelle-Aquitaine ? Voici
          les étapes :
        </p>
        <ol>
          <li>
            <strong>Créez votre compte</strong> : sur la page <Link href="/inscription">Créer un compte</Link>, choisissez
            « Je suis candidat ».
          </li>
          <li>
            <strong>Créez un projet</strong> dans <Link href="/candidat/projets">Mes projets</Link> : métier recherché,
            type d&apos;alternance, diplôme, durée, zone de recherche, formations déjà suivies, expériences. Si vous
            cochez « Mon projet est visible par les acteurs de la formation et de l&apos;insertion », les CFA, missions
            locales et organismes de formation peuvent trouver votre projet et vous contacter par le site ; votre
            adresse e-mail et votre téléphone ne leur sont jamais montrés.
          </li>
          <li>
            <strong>Ajoutez votre CV</strong>, également dans <Link href="/candidat/projets">Mes projets</Link>. Il
            n&apos;est transmis qu&apos;avec vos candidatures, à la structure qui a publié l&apos;offre.
          </li>
          <li>
            <strong>Postulez</strong> : cherchez une offre sur la page{' '}
            <Link href="/offres">Trouver une offre</Link>, ouvrez-la, puis cliquez sur « Postuler ». Choisissez le
            projet et le CV à joindre et écrivez un message.
          </li>
          <li>
            <strong>Suivez vos candidatures</strong> dans <Link href="/candidat/candidatures">Mes candidatures</Link> :
            chacune est « Envoyée », « Entretien proposé » ou « Non retenue ». Vous êtes prévenu par e-mail lorsque la
            structure vous répond ; si elle vous propose un entretien, son message vous indique comment la contacter.
          </li>
        </ol>
        <p>
          Vous cherchez un stage de 3e ou de 2de ? Consultez{' '}
          <Link href="/vite-mon-stage">Vite mon stage</Link>.
        </p>
        <p>
          Vos données vous appartiennent : la page <Link href="/candidat/donnees">Mes données</Link> vous permet de les
          télécharger et de supprimer votre compte (voir la <Link href="/politique-rgpd">Politique RGPD</Link>).
        </p>

        {/* ───────────── Contact ───────────── */}
        <h2 id="contact">Nous contacter</h2>
        <ul>
          <li>
            Assistance : <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>
          </li>
          <li>
            Plateforme CMonInfo : <a href="tel:+33800940166">0800 940 166</a> (numéro gratuit), pour toute question
            sur la formation, les métiers et les aides possibles
          </li>
          <li>
            Cap Métiers Nouvelle-Aquitaine :{' '}
            <a href="https://www.cap-metiers.fr" rel="noopener">
              cap-metiers.fr
            </a>
          </li>
        </ul>
      </div>
    </>
  );
}
