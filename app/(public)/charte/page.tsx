import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';

export const metadata = { title: "Charte d'engagement" };

export default function ChartePage() {
  return (
    <>
      <PageHeader title="Charte d'engagement" />
      <div className="prose-cma max-w-3xl">
        <p>
          CMonAlternance, service proposé en Nouvelle-Aquitaine, est un service gratuit qui aide les candidats à
          trouver un apprentissage, un contrat de professionnalisation ou un stage, et les acteurs de la formation et
          de l&apos;insertion à proposer des offres pour leurs employeurs partenaires. Pour que chacun puisse lui faire
          confiance, toute personne qui crée un compte s&apos;engage à respecter cette charte.
        </p>

        <h2 id="acteurs">Engagements des acteurs de la formation et de l&apos;insertion</h2>
        <p>
          Les CFA, missions locales, organismes de formation et autres structures qui publient des offres
          s&apos;engagent à :
        </p>
        <ol>
          <li>
            <strong>Ne publier que des offres réelles</strong>, actuelles et disponibles, pour des employeurs
            partenaires réels avec lesquels la structure travaille effectivement. Chaque employeur est ajouté avec
            son numéro SIRET dans <Link href="/mes-offres/employeurs">Suivi des employeurs</Link> et doit être validé
            par l&apos;équipe CMonAlternance avant toute publication d&apos;offre.
          </li>
          <li>
            <strong>Décrire les offres avec exactitude</strong> : métier, type d&apos;alternance, lieu de travail, date
            prévue d&apos;embauche et diplôme(s) préparé(s). Ne jamais utiliser une offre pour recueillir des
            candidatures sans poste à pourvoir.
          </li>
          <li>
            <strong>Tenir les offres à jour</strong> : indiquer « Pourvue » dès que le poste est pourvu et archiver les
            offres qui ne sont plus d&apos;actualité.
          </li>
          <li>
            <strong>Répondre à chaque candidature</strong>, dans les meilleurs délais, avec le bouton « Répondre à
            cette candidature » : proposer un entretien ou demander plus d&apos;informations, ou refuser la candidature
            avec un message respectueux. Aucun candidat ne doit rester sans réponse.
          </li>
          <li>
            <strong>Respecter la loi contre les discriminations</strong> : ne retenir ni n&apos;écarter aucun candidat
            en raison de son origine, de son sexe, de son apparence physique, de son nom, de son lieu de résidence,
            de son état de santé, de son handicap, de sa religion ou de tout autre critère interdit par le Code du
            travail et le Code pénal. Les seules conditions admises sont celles prévues par la loi (par exemple les
            conditions d&apos;âge du contrat d&apos;apprentissage).
          </li>
          <li>
            <strong>Ne jamais demander de paiement aux candidats</strong>, sous quelque forme que ce soit (frais de
            dossier, de mise en relation, d&apos;inscription…). Le service CMonAlternance est gratuit pour tous.
          </li>
          <li>
            <strong>Protéger les données des candidats</strong> : les utiliser uniquement pour le recrutement et
            l&apos;accompagnement en lien avec l&apos;offre ou le projet concerné, ne pas les copier dans d&apos;autres
            fichiers, ne pas les transmettre à d&apos;autres personnes que l&apos;employeur concerné, ne jamais les
            utiliser pour de la prospection commerciale.
          </li>
          <li>
            <strong>Utiliser des comptes nominatifs</strong> : chaque collaborateur a son propre compte ; le
            gestionnaire tient à jour la liste des{' '}
            <Link href="/mon-compte/utilisateurs">utilisateurs de sa structure</Link> et signale les départs.
          </li>
          <li>
            <strong>Accueillir les stagiaires de 3e et de 2de</strong> dans de bonnes conditions lorsque la structure
            s&apos;est déclarée volontaire sur « <Link href="/vite-mon-stage">Vite mon stage</Link> » : convention de
            stage signée avec l&apos;établissement scolaire, tuteur désigné, découverte réelle des métiers.
          </li>
        </ol>

        <h2 id="candidats">Engagements des candidats</h2>
        <p>Les candidats s&apos;engagent à :</p>
        <ol>
          <li>
            <strong>Donner des informations sincères</strong> : diplômes, formations suivies, expériences et CV
            conformes à la réalité.
          </li>
          <li>
            <strong>Tenir leurs projets à jour</strong>, et rendre un projet invisible lorsqu&apos;ils ne sont plus à
            la recherche d&apos;une alternance.
          </li>
          <li>
            <strong>Postuler de façon réfléchie</strong>, aux offres qui correspondent à leur projet, et rester
            courtois dans leurs messages.
          </li>
          <li>
            <strong>Honorer les rendez-vous proposés</strong>, ou prévenir la structure s&apos;ils ne peuvent pas s&apos;y
            rendre.
          </li>
          <li>
            <strong>Utiliser leur propre compte</strong> et garder leur mot de passe secret.
          </li>
        </ol>
        <p>
          Si une structure vous demande de l&apos;argent, ou vous semble ne pas respecter cette charte, signalez-le à{' '}
          <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>.
        </p>

        <h2 id="equipe">Engagements de l&apos;équipe CMonAlternance</h2>
        <p>L&apos;équipe CMonAlternance s&apos;engage à :</p>
        <ol>
          <li>
            <strong>Offrir un service gratuit</strong> aux candidats, aux acteurs de la formation et de
            l&apos;insertion et à leurs employeurs partenaires.
          </li>
          <li>
            <strong>Vérifier les employeurs partenaires</strong> avant qu&apos;une offre puisse être publiée pour eux,
            et expliquer tout refus.
          </li>
          <li>
            <strong>Veiller à la qualité des offres</strong> et retirer de la publication celles qui ne respectent pas
            cette charte.
          </li>
          <li>
            <strong>Protéger les données personnelles</strong> conformément à la{' '}
            <Link href="/politique-rgpd">Politique RGPD</Link> : ne jamais diffuser les coordonnées des candidats ni
            celles des entreprises, ne jamais vendre de données.
          </li>
          <li>
            <strong>Accompagner les utilisateurs</strong> : répondre aux demandes adressées à{' '}
            <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>, tenir à jour l&apos;
            <Link href="/aide">aide et le mode d&apos;emploi</Link>, et orienter vers la plateforme CMonInfo (
            <a href="tel:+33800940166">0800 940 166</a>, numéro gratuit) pour toute question sur la formation, les
            métiers et les aides possibles.
          </li>
          <li>
            <strong>Améliorer l&apos;accessibilité</strong> du site pour tous, y compris les personnes en situation de
            handicap (voir la <Link href="/accessibilite">déclaration d&apos;accessibilité</Link>).
          </li>
        </ol>

        <h2 id="manquements">En cas de manquement</h2>
        <p>
          Tout manquement peut être signalé à <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>.
          Après avoir contacté la personne ou la structure concernée, sauf urgence, l&apos;équipe CMonAlternance peut,
          selon la gravité :
        </p>
        <ul>
          <li>retirer une offre de la publication ;</li>
          <li>refuser ou retirer la validation d&apos;un employeur partenaire ;</li>
          <li>suspendre ou désactiver un compte.</li>
        </ul>
        <p>
          Les faits susceptibles de constituer une infraction (discrimination, escroquerie…) peuvent être signalés
          aux autorités compétentes.
        </p>

        <p>Dernière mise à jour : 28 novembre 2026.</p>
      </div>
    </>
  );
}
