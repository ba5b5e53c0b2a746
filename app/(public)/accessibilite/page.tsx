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
          d&apos;amélioration de l&apos;accessibilité (RGAA), version 4.1 : aucun audit de conformité n&apos;a encore
          été réalisé, ce qui impose cette mention. Le site est pourtant conçu et testé pour être accessible (voir
          ci-dessous).
        </p>

        <h2 id="resultats-tests">Résultats des tests</h2>
        <p>
          L&apos;audit de conformité au RGAA 4.1 n&apos;a pas encore été réalisé : le taux de conformité sera publié
          sur cette page à l&apos;issue de cet audit. En attendant, les vérifications suivantes sont faites à chaque
          évolution du site :
        </p>
        <ul>
          <li>
            des tests automatisés avec l&apos;outil axe-core, selon les règles des WCAG 2.1 de niveaux A et AA, sur les
            pages du site (pages publiques, espace candidat, espace des acteurs de la formation et de
            l&apos;insertion, administration) ;
          </li>
          <li>
            des tests de navigation au clavier seul : chaque page et chaque formulaire doivent pouvoir être
            utilisés sans souris, avec un focus toujours visible et un lien « Aller au contenu ».
          </li>
        </ul>
        <p>
          Ces tests automatisés ne détectent qu&apos;une partie des défauts d&apos;accessibilité ; ils ne remplacent
          pas un audit complet, notamment avec des technologies d&apos;assistance.
        </p>

        <h2 id="contenus-non-accessibles">Contenus non accessibles</h2>
        <h3 id="non-conformites">Non-conformités</h3>
        <p>
          La liste des non-conformités sera complétée à l&apos;issue de l&apos;audit. Si vous rencontrez une
          difficulté, signalez-la-nous (voir <a href="#retour-information">Retour d&apos;information et contact</a>)
          : nous la corrigerons ou vous proposerons une autre façon d&apos;accéder à l&apos;information.
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
          <li>HTML</li>
          <li>CSS</li>
          <li>JavaScript</li>
        </ul>
        <h3 id="environnement-test">Environnement de test</h3>
        <p>
          Les tests automatisés et les tests au clavier sont réalisés dans le navigateur Chromium, sur ordinateur.
        </p>
        <h3 id="outils">Outils pour évaluer l&apos;accessibilité</h3>
        <ul>
          <li>axe-core (règles WCAG 2.1 A et AA)</li>
          <li>Playwright, pour parcourir les pages automatiquement</li>
          <li>Navigation au clavier</li>
        </ul>
        <h3 id="pages-verifiees">Pages du site ayant fait l&apos;objet de la vérification</h3>
        <ul>
          <li>
            <Link href="/">Accueil</Link>
          </li>
          <li>
            <Link href="/offres">Recherche d&apos;offres</Link> et pages des offres
          </li>
          <li>
            <Link href="/vite-mon-stage">Vite mon stage</Link>
          </li>
          <li>
            <Link href="/connexion">Se connecter</Link> et <Link href="/inscription">Créer un compte</Link>
          </li>
          <li>
            <Link href="/aide">Aide</Link>
          </li>
          <li>Espace candidat : projets, candidatures, « Mes données »</li>
          <li>Espace des acteurs de la formation et de l&apos;insertion : Mon compte, Mes offres, Mon espace</li>
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
