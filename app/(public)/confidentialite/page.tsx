import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';

export const metadata = { title: 'Politique de confidentialité' };

export default function ConfidentialitePage() {
  return (
    <>
      <PageHeader title="Politique de confidentialité" />
      <div className="prose-cma max-w-3xl">
        <p>
          Cette page décrit les cookies utilisés par CMonAlternance, les mesures qui protègent vos données et les
          informations que le site montre, ou ne montre pas, aux autres utilisateurs. Les finalités, les durées de
          conservation et vos droits sont détaillés dans la <Link href="/politique-rgpd">Politique RGPD</Link>.
        </p>

        <h2 id="cookies">Cookies</h2>
        <p>
          CMonAlternance n&apos;utilise que des cookies <strong>strictement nécessaires</strong> au fonctionnement du
          site :
        </p>
        <ul>
          <li>
            <strong>le cookie de session</strong>, déposé lorsque vous vous connectez, qui vous garde connecté
            pendant votre visite. Il ne contient qu&apos;un identifiant technique signé, expire au plus tard 12 heures
            après la connexion et est effacé lorsque vous cliquez sur « Se déconnecter » ;
          </li>
          <li>
            pendant la connexion, des cookies techniques de sécurité liés à ce cookie de session (protection contre
            la falsification de requêtes, page à afficher après la connexion).
          </li>
        </ul>
        <p>
          Le site n&apos;utilise <strong>aucun cookie de mesure d&apos;audience, de publicité ou de réseau social</strong>{' '}
          et ne vous suit pas d&apos;un site à l&apos;autre. Les cookies strictement nécessaires étant dispensés de
          consentement, le site ne vous affiche pas de bandeau de cookies.
        </p>
        <p>
          Vous pouvez bloquer les cookies dans les réglages de votre navigateur, mais vous ne pourrez alors plus vous
          connecter à votre espace. La recherche d&apos;offres et « <Link href="/vite-mon-stage">Vite mon stage</Link> »
          restent consultables sans cookie.
        </p>

        <h2 id="coordonnees">Ce que le site ne montre pas</h2>
        <h3 id="coordonnees-entreprises">Les coordonnées des entreprises</h3>
        <p>
          Le site CMonAlternance <strong>ne diffuse pas les coordonnées des entreprises</strong>. Une offre indique le
          métier, le lieu de travail, la date prévue d&apos;embauche et le ou les diplômes préparés, mais ni
          l&apos;adresse e-mail ni le téléphone de l&apos;employeur. Les candidats postulent en ligne, avec un compte et
          un projet professionnel, par le bouton « Postuler » ; ils ne peuvent pas contacter l&apos;employeur de
          manière privée. Les coordonnées saisies par les structures servent uniquement à l&apos;équipe CMonAlternance
          pour valider les employeurs partenaires.
        </p>
        <h3 id="coordonnees-candidats">Les coordonnées des candidats</h3>
        <p>
          L&apos;adresse e-mail et le numéro de téléphone d&apos;un candidat <strong>ne sont jamais affichés</strong>{' '}
          aux acteurs de la formation et de l&apos;insertion. Ceux-ci voient les projets rendus visibles sous un numéro
          (par exemple « PROJET 000000905 ») et les candidatures reçues sur leurs offres. Ils répondent par le site
          (« Répondre à cette candidature », « Contacter ce profil ») : le candidat est prévenu et lit la réponse dans
          son espace. C&apos;est au candidat de décider s&apos;il donne ses coordonnées.
        </p>
        <p>
          Le CV d&apos;un candidat n&apos;est transmis qu&apos;avec une candidature, à la seule structure qui a publié
          l&apos;offre.
        </p>

        <h2 id="securite">Sécurité</h2>
        <ul>
          <li>
            <strong>Mots de passe</strong> : ils ne sont jamais enregistrés en clair, mais hachés avec
            l&apos;algorithme argon2id, recommandé pour cet usage. Personne, pas même l&apos;équipe CMonAlternance, ne
            peut lire votre mot de passe.
          </li>
          <li>
            <strong>Connexion chiffrée</strong> : toutes les pages sont servies en HTTPS.
          </li>
          <li>
            <strong>Accès limités par rôle et par structure</strong> : un acteur ne voit que les offres, les
            employeurs et les candidatures de sa propre structure ; seul le gestionnaire gère les utilisateurs de sa
            structure ; les pages d&apos;administration sont réservées à l&apos;équipe CMonAlternance. Ces contrôles
            sont faits par le serveur à chaque demande.
          </li>
          <li>
            <strong>Documents privés</strong> : les CV sont stockés hors de toute adresse publique et ne peuvent être
            téléchargés que par leur auteur et par la structure à laquelle ils ont été envoyés.
          </li>
          <li>
            <strong>Sessions</strong> : une session expire au plus tard 12 heures après la connexion ; un changement
            de mot de passe ou la désactivation d&apos;un compte met fin aux sessions en cours.
          </li>
          <li>
            <strong>Protection contre les abus</strong> : le nombre de tentatives de connexion, de création de compte
            et de demandes de mot de passe oublié est limité. Les liens de réinitialisation du mot de passe sont à
            usage unique et à durée limitée.
          </li>
          <li>
            <strong>Journal d&apos;audit</strong> : les actions sensibles (connexions, changements de droits,
            validation des employeurs, suppression de compte…) sont enregistrées dans un journal, conservé 1 an et
            consultable par la seule équipe CMonAlternance.
          </li>
          <li>
            <strong>Hébergement</strong> : en France.
          </li>
        </ul>

        <h2 id="conseils">Nos conseils</h2>
        <ul>
          <li>Choisissez un mot de passe que vous n&apos;utilisez sur aucun autre site, et ne le communiquez à personne.</li>
          <li>Sur un ordinateur partagé, cliquez sur « Se déconnecter » à la fin de votre visite.</li>
          <li>
            L&apos;équipe CMonAlternance ne vous demandera jamais votre mot de passe. Aucune structure ne doit vous
            demander de paiement : signalez-le-nous.
          </li>
        </ul>

        <h2 id="signaler">Signaler un problème de sécurité</h2>
        <p>
          Si vous pensez qu&apos;un compte a été utilisé par quelqu&apos;un d&apos;autre, ou si vous découvrez une
          faille, écrivez à <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>. Pour les
          questions sur vos données personnelles :{' '}
          <a href="mailto:dpo@cmonalternance-na.fr">dpo@cmonalternance-na.fr</a>.
        </p>

        <p>Dernière mise à jour : 28 novembre 2026.</p>
      </div>
    </>
  );
}
