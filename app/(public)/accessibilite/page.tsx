import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';

export const metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilitePage() {
  return (
    <>
      <PageHeader title="Déclaration d'accessibilité" />
      <div className="prose-cma max-w-3xl">
        <p>
          CMonAlternance, service proposé en Nouvelle-Aquitaine, s&apos;engage à rendre son site accessible
          conformément à l&apos;article 47 de la loi n° 2005-102 du 11 février 2005.
        </p>
        <p>
          Cette déclaration d&apos;accessibilité s&apos;applique au site <strong>cmonalternance-na.fr</strong>.
        </p>

        <h2 id="etat-conformite">État de conformité</h2>
        <p>
          Le site cmonalternance-na.fr est <strong>non conforme</strong> avec le référentiel général
          d&apos;amélioration de l&apos;accessibilité (RGAA), version 4.1 : c&apos;est l&apos;état que le RGAA impose
          tant qu&apos;aucun audit complet n&apos;a mesuré un taux de conformité, même si les vérifications
          automatisées et au clavier décrites ci-dessous sont toutes réussies.
        </p>

        <h2 id="resultats-tests">Résultats des tests</h2>
        <p>
          Aucun audit complet de conformité au RGAA 4.1 (106 critères, vérifiés à la main sur un échantillon de
          pages) n&apos;a encore été réalisé : le taux de conformité n&apos;est donc pas encore mesuré. Il sera
          publié sur cette page à l&apos;issue de cet audit.
        </p>
        <p>Les vérifications suivantes sont automatisées et rejouées à chaque évolution du site ; elles sont toutes réussies :</p>
        <ul>
          <li>
            <strong>toutes les pages du site</strong>, pour chaque profil qui peut les ouvrir (visiteur non connecté,
            candidat, utilisateur et gestionnaire d&apos;une structure, équipe CMonAlternance), avec des données
            réelles : <strong>aucune erreur</strong> détectée par l&apos;outil axe-core selon les règles des WCAG 2.1
            de niveaux A et AA (un seul titre de niveau 1 par page) ; de même pour les fenêtres de confirmation, la
            fenêtre « Répondre à cette candidature » et les formulaires principaux affichant leurs erreurs ;
          </li>
          <li>
            <strong>parcours au clavier seul</strong>, sans souris : créer sa structure, créer une offre, répondre à
            une candidature, postuler à une offre. Le lien « Aller au contenu » est le premier élément atteint ; le
            focus est toujours visible ; après un envoi en erreur, le focus est placé sur le premier champ en
            erreur ; les fenêtres de dialogue prennent le focus, le gardent tant qu&apos;elles sont ouvertes, se
            ferment avec la touche Échap et rendent le focus au bouton qui les a ouvertes ;
          </li>
          <li>
            <strong>affichage</strong> des pages principales sur un écran de 360 pixels de large, de 1280 pixels, et
            avec un zoom à 200 % : aucun défilement horizontal.
          </li>
        </ul>
        <p>
          Ces tests automatisés ne détectent qu&apos;une partie des défauts d&apos;accessibilité : ils ne remplacent
          pas l&apos;audit complet, en particulier la vérification à la main de la pertinence des textes
          (alternatives, intitulés de liens, titres) et l&apos;utilisation avec des technologies d&apos;assistance
          (lecteurs d&apos;écran), qui n&apos;ont pas encore été évaluées.
        </p>

        <h2 id="contenus-non-accessibles">Contenus non accessibles</h2>
        <h3 id="non-conformites">Non-conformités</h3>
        <p>
          Les tests décrits ci-dessus ne relèvent aucune non-conformité. La liste sera complétée à l&apos;issue de
          l&apos;audit complet. Si vous rencontrez une difficulté, signalez-la-nous (voir{' '}
          <a href="#retour-information">Retour d&apos;information et contact</a>) : nous la corrigerons ou vous
          proposerons une autre façon d&apos;accéder à l&apos;information.
        </p>
        <h3 id="derogations">Dérogations pour charge disproportionnée</h3>
        <p>Aucune.</p>
        <h3 id="contenus-non-soumis">Contenus non soumis à l&apos;obligation d&apos;accessibilité</h3>
        <ul>
          <li>
            Les documents déposés par les utilisateurs, en particulier les CV joints aux candidatures, qui ne sont ni
            produits ni contrôlés par l&apos;éditeur.
          </li>
        </ul>

        <h2 id="etablissement">Établissement de cette déclaration d&apos;accessibilité</h2>
        <p>Cette déclaration a été établie le 28 novembre 2026.</p>
        <h3 id="technologies">Technologies utilisées pour la réalisation du site</h3>
        <ul>
          <li>HTML5</li>
          <li>CSS</li>
          <li>JavaScript</li>
          <li>WAI-ARIA</li>
        </ul>
        <h3 id="environnement-test">Environnement de test</h3>
        <p>
          Les vérifications ont été réalisées avec le navigateur Chromium (version 156), sur ordinateur, piloté par
          Playwright.
        </p>
        <h3 id="outils">Outils pour évaluer l&apos;accessibilité</h3>
        <ul>
          <li>axe-core 4.13 (règles WCAG 2.1 A et AA : étiquettes wcag2a, wcag2aa, wcag21a, wcag21aa)</li>
          <li>Playwright 1.65, pour parcourir les pages et les parcours automatiquement</li>
          <li>Navigation au clavier seul (touches Tab, Maj+Tab, Entrée, Espace, flèches, Échap)</li>
          <li>Affichage à 360 pixels de large et zoom à 200 %, avec captures d&apos;écran</li>
        </ul>
        <h3 id="pages-verifiees">Pages du site ayant fait l&apos;objet de la vérification</h3>
        <p>Toutes les pages du site, en particulier :</p>
        <ul>
          <li>
            <Link href="/">Accueil</Link>
          </li>
          <li>
            <Link href="/offres">Recherche d&apos;offres</Link>, pages des offres et « Postuler »
          </li>
          <li>
            <Link href="/vite-mon-stage">Vite mon stage</Link>
          </li>
          <li>
            <Link href="/connexion">Se connecter</Link>, <Link href="/inscription">Créer un compte</Link>, mot de
            passe oublié, invitation
          </li>
          <li>
            <Link href="/aide">Aide</Link>, mentions légales, données personnelles, charte, cette déclaration
          </li>
          <li>Espace candidat : accueil, projets, candidatures, messages, notifications, « Mes données »</li>
          <li>
            Espace des acteurs de la formation et de l&apos;insertion : Mon compte, Mes offres (dont « Créer une
            offre » et le suivi des employeurs), Mon espace (tableau de bord, recherche de profils, profils favoris,
            alertes, candidatures)
          </li>
          <li>Administration : tableau de bord, employeurs, structures, utilisateurs, offres, e-mails, journal d&apos;audit</li>
        </ul>

        <h2 id="retour-information">Retour d&apos;information et contact</h2>
        <p>
          Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter l&apos;équipe
          CMonAlternance pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre
          forme :
        </p>
        <ul>
          <li>
            par e-mail : <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a> ;
          </li>
          <li>
            par téléphone, via la plateforme CMonInfo : <a href="tel:+33800940166">0800 940 166</a> (numéro gratuit).
          </li>
        </ul>

        <h2 id="voies-recours">Voies de recours</h2>
        <p>
          Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou à une
          fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de
          notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des
          droits.
        </p>
        <p>Plusieurs moyens sont à votre disposition :</p>
        <ul>
          <li>
            écrire un message au Défenseur des droits par le{' '}
            <a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener">
              formulaire en ligne du Défenseur des droits
            </a>
            ;
          </li>
          <li>
            contacter{' '}
            <a href="https://www.defenseurdesdroits.fr/saisir/delegues" rel="noopener">
              le délégué du Défenseur des droits dans votre région
            </a>
            ;
          </li>
          <li>
            envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
            71120, 75342 Paris CEDEX 07.
          </li>
        </ul>
      </div>
    </>
  );
}
