import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { dureeJours, dureeMois, retentionConfig } from '@/lib/retention-config';

export const metadata = { title: 'Politique RGPD' };
// the periods are read from the environment at request time: the page states what the job enforces
export const dynamic = 'force-dynamic';

export default function PolitiqueRgpdPage() {
  // the same periods as the retention job (lib/jobs/rgpd-retention.ts)
  const r = retentionConfig();
  const inactivite = dureeMois(r.inactiviteMois);
  const avertissement = dureeJours(r.avertissementJours);
  return (
    <>
      <PageHeader title="Politique RGPD" />
      <div className="prose-cma max-w-3xl">
        <p>
          Cette page explique quelles données personnelles CMonAlternance utilise, pourquoi, qui peut les voir,
          combien de temps elles sont conservées et comment exercer vos droits, conformément au Règlement général
          sur la protection des données (RGPD) et à la loi « Informatique et Libertés ».
        </p>

        <h2 id="responsable">Responsable de traitement</h2>
        <p>
          CMonAlternance, service proposé en Nouvelle-Aquitaine, 1 place de l&apos;Exemple, 33000 Bordeaux (coordonnées
          fictives de démonstration), est responsable des traitements de données réalisés sur le site
          cmonalternance-na.fr.
        </p>
        <p>
          Délégué à la protection des données (DPO) :{' '}
          <a href="mailto:dpo@cmonalternance-na.fr">dpo@cmonalternance-na.fr</a> (adresse fictive de démonstration).
        </p>

        <h2 id="finalites">Pourquoi nous utilisons vos données (finalités)</h2>
        <ul>
          <li>
            <strong>Gérer les comptes</strong> des candidats, des acteurs de la formation et de l&apos;insertion et de
            l&apos;équipe CMonAlternance : création, connexion, mot de passe oublié.
          </li>
          <li>
            <strong>Mettre en relation les candidats et les acteurs de la formation et de l&apos;insertion</strong> :
            projets visibles dans la recherche de profils, profils favoris, alertes (projets correspondant à une
            offre), messages « Contacter ce profil », candidatures et réponses aux candidatures.
          </li>
          <li>
            <strong>Publier les offres</strong> d&apos;alternance et de stage des structures pour leurs employeurs
            partenaires, et référencer sur « Vite mon stage » les structures qui accueillent des stagiaires de 3e
            et de 2de.
          </li>
          <li>
            <strong>Valider les employeurs partenaires</strong> : avant qu&apos;une structure puisse publier une offre
            pour un employeur, l&apos;équipe CMonAlternance vérifie l&apos;entreprise (numéro SIRET, existence, activité)
            afin d&apos;écarter les fausses offres.
          </li>
          <li>
            <strong>Vous informer</strong> par e-mail des événements qui vous concernent : nouvelle candidature,
            réponse à votre candidature, message reçu, décision sur un employeur, réinitialisation du mot de passe.
          </li>
          <li>
            <strong>Assurer la sécurité du service</strong> : journaux de connexion et d&apos;audit, limitation des
            tentatives de connexion.
          </li>
          <li>
            <strong>Produire des statistiques</strong> d&apos;activité, sans nom ni coordonnées, pour les structures
            (nombre de candidatures reçues, traitées…) et pour le pilotage du service.
          </li>
        </ul>

        <h2 id="bases-legales">Bases légales</h2>
        <ul>
          <li>
            <strong>Exécution des conditions d&apos;utilisation du service</strong> (article 6.1.b du RGPD) : gestion
            de votre compte, de vos projets, de votre CV, de vos candidatures, des offres et des réponses, envoi des
            e-mails de service.
          </li>
          <li>
            <strong>Consentement</strong> (article 6.1.a) : la visibilité de votre projet par les acteurs de la
            formation et de l&apos;insertion, donnée en cochant « Mon projet est visible par les acteurs de la
            formation et de l&apos;insertion ». Vous pouvez la retirer à tout moment en décochant cette case : votre
            projet n&apos;apparaît alors plus dans la recherche de profils.
          </li>
          <li>
            <strong>Intérêt légitime</strong> (article 6.1.f) : validation des employeurs partenaires et lutte contre
            les offres frauduleuses, sécurité du service (journaux d&apos;audit), statistiques anonymes.
          </li>
          <li>
            <strong>Obligation légale</strong> (article 6.1.c) : conservation des données de connexion, et réponse
            aux demandes des autorités habilitées.
          </li>
        </ul>

        <h2 id="donnees">Données traitées</h2>
        <ul>
          <li>
            <strong>Comptes</strong> : nom, prénom, adresse e-mail, numéro de téléphone (facultatif), rôle, date de
            dernière connexion, mot de passe (enregistré uniquement sous une forme hachée, irréversible, jamais en clair).
            Pour les acteurs, en plus : la structure de rattachement et le rôle de gestionnaire ou d&apos;utilisateur.
          </li>
          <li>
            <strong>Projets</strong> des candidats : métier recherché, type d&apos;alternance, diplôme préparé et
            niveau, durée de l&apos;alternance, zone de recherche (départements), formations déjà suivies,
            expériences, choix de visibilité.
          </li>
          <li>
            <strong>CV</strong> : le fichier que vous déposez, son nom et sa taille.
          </li>
          <li>
            <strong>Candidatures</strong> : l&apos;offre concernée, le projet et le CV joints, votre message, la date,
            le statut, la réponse de la structure et son message.
          </li>
          <li>
            <strong>Messages</strong> : messages envoyés par les acteurs aux candidats avec « Contacter ce profil »,
            notifications affichées sur le site.
          </li>
          <li>
            <strong>Structures et employeurs</strong> : informations d&apos;entreprise (SIRET, raison sociale, code
            NAF, adresse, e-mail et téléphone de contact), qui peuvent être des données personnelles pour un
            entrepreneur individuel.
          </li>
          <li>
            <strong>Données techniques</strong> : journaux de connexion et d&apos;audit (date, action réalisée, compte
            concerné, adresse IP), dont le journal des téléchargements de CV par les structures.
          </li>
        </ul>
        <p>
          Nous ne vous demandons aucune donnée sensible (santé, origine, opinions, religion…). N&apos;en indiquez pas
          dans vos projets, vos messages ou votre CV : ni une photo ni votre date de naissance ne sont nécessaires
          pour candidater.
        </p>

        <h2 id="destinataires">Qui peut voir vos données (destinataires)</h2>
        <ul>
          <li>
            <strong>Les acteurs de la formation et de l&apos;insertion</strong> (CFA, missions locales, organismes de
            formation…) voient uniquement :
            <ul>
              <li>
                les projets que le candidat a rendus visibles, dans la recherche de profils, sous un numéro (par
                exemple « PROJET 000000905 ») ;
              </li>
              <li>
                les candidatures envoyées aux offres de leur structure, avec le message et le CV joints par le
                candidat.
              </li>
            </ul>
            Le CV n&apos;est jamais visible dans la recherche de profils : il n&apos;est transmis qu&apos;au travers
            d&apos;une candidature, à la seule structure qui a publié l&apos;offre. Votre adresse e-mail et votre
            numéro de téléphone ne sont jamais affichés aux acteurs.
          </li>
          <li>
            <strong>Les employeurs partenaires</strong> n&apos;ont pas de compte sur le site : c&apos;est la structure
            qui a publié l&apos;offre qui les associe, le cas échéant, au recrutement.
          </li>
          <li>
            <strong>L&apos;équipe CMonAlternance</strong>, pour l&apos;assistance, la validation des employeurs et la
            modération, dans la limite de ce qui est nécessaire à ces missions.
          </li>
          <li>
            <strong>Nos prestataires techniques (sous-traitants)</strong>, qui agissent sur nos instructions :
            l&apos;hébergeur du site, en France, et le prestataire d&apos;envoi des e-mails (voir ci-dessous).
          </li>
        </ul>
        <p>Vos données ne sont jamais vendues ni utilisées à des fins publicitaires.</p>

        <h2 id="donnees-candidat">Vos données de candidat : ce que nous conservons, combien de temps et pourquoi</h2>
        <p>
          Si vous avez un compte candidat, voici, donnée par donnée, ce que CMonAlternance conserve, pendant combien de
          temps et sur quelle base légale. La suppression de votre compte, depuis la page{' '}
          <Link href="/candidat/donnees">Mes données</Link>, est immédiate.
        </p>
        <div className="my-4 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-bold">Données d&apos;un candidat, durées de conservation et bases légales</caption>
            <thead>
              <tr className="bg-bleu-clair">
                <th scope="col" className="border border-bordure p-2">
                  Donnée
                </th>
                <th scope="col" className="border border-bordure p-2">
                  Durée de conservation
                </th>
                <th scope="col" className="border border-bordure p-2">
                  Pourquoi (base légale)
                </th>
              </tr>
            </thead>
            <tbody className="align-top">
              <tr>
                <th scope="row" className="border border-bordure p-2">
                  Compte (nom, prénom, e-mail, téléphone, mot de passe haché, date de dernière connexion)
                </th>
                <td className="border border-bordure p-2" data-testid="retention-compte">
                  Jusqu&apos;à la suppression du compte. Après {inactivite} sans connexion ni activité, un e-mail vous
                  prévient que votre compte sera anonymisé {avertissement} plus tard ; il suffit de vous reconnecter
                  avant cette date pour le garder. Sinon, il est supprimé comme si vous l&apos;aviez demandé.
                </td>
                <td className="border border-bordure p-2">Exécution du service (article 6.1.b).</td>
              </tr>
              <tr>
                <th scope="row" className="border border-bordure p-2">
                  Projets (métier, type d&apos;alternance, diplôme, durée, zone de recherche, formations, expériences)
                </th>
                <td className="border border-bordure p-2">
                  Jusqu&apos;à ce que vous supprimiez le projet ou votre compte (ou la suppression du compte inactif).
                </td>
                <td className="border border-bordure p-2">
                  Exécution du service ; leur visibilité par les acteurs de la formation et de l&apos;insertion repose sur
                  votre consentement (article 6.1.a), retirable à tout moment dans « Mes projets ».
                </td>
              </tr>
              <tr>
                <th scope="row" className="border border-bordure p-2">
                  CV
                </th>
                <td className="border border-bordure p-2" data-testid="retention-cv">
                  Jusqu&apos;à ce que vous le remplaciez ou le supprimiez, et au plus {dureeMois(r.cvMois)} après votre
                  dernière candidature (et après son dépôt) : il est alors effacé, y compris des candidatures auxquelles
                  il était joint. Un CV joint à une candidature reste consultable par la structure destinataire jusque-là ;
                  la suppression de votre compte l&apos;efface partout.
                </td>
                <td className="border border-bordure p-2">Exécution du service (vos candidatures).</td>
              </tr>
              <tr>
                <th scope="row" className="border border-bordure p-2">
                  Candidatures (offre, projet au moment de l&apos;envoi, message, CV joint, statut, réponse de la structure)
                </th>
                <td className="border border-bordure p-2" data-testid="retention-candidatures">
                  Jusqu&apos;à {dureeMois(r.candidaturesMois)} après la réponse de la structure, ou jusqu&apos;à la
                  suppression de votre compte si elle vient avant. Elles sont alors anonymisées : plus de nom, de
                  coordonnées, de message, de CV, de formations ni d&apos;expériences ; il ne reste, pour les
                  statistiques, que le métier, le type de contrat, le niveau, la zone, le statut et les dates.
                </td>
                <td className="border border-bordure p-2">
                  Exécution du service ; une fois anonymisées, intérêt légitime (article 6.1.f) : les statistiques des
                  structures (candidatures reçues, traitées).
                </td>
              </tr>
              <tr>
                <th scope="row" className="border border-bordure p-2">
                  Notifications et messages reçus des structures
                </th>
                <td className="border border-bordure p-2">Jusqu&apos;à la suppression de votre compte.</td>
                <td className="border border-bordure p-2">Exécution du service.</td>
              </tr>
              <tr>
                <th scope="row" className="border border-bordure p-2">
                  Journal d&apos;audit (connexions, dépôt et suppression du CV, téléchargement de votre CV par une
                  structure, suppression du compte), avec l&apos;adresse IP
                </th>
                <td className="border border-bordure p-2" data-testid="retention-audit">
                  {dureeMois(r.auditMois)}, y compris après la suppression de votre compte (rattaché alors à un
                  identifiant technique, sans nom ni e-mail).
                </td>
                <td className="border border-bordure p-2">
                  Intérêt légitime (sécurité du service, trace des accès à vos documents) et obligation légale
                  (conservation des données de connexion, article 6.1.c).
                </td>
              </tr>
              <tr>
                <th scope="row" className="border border-bordure p-2">
                  E-mails envoyés (destinataire, objet, contenu)
                </th>
                <td className="border border-bordure p-2" data-testid="retention-emails">
                  {dureeJours(r.emailsJours)} après l&apos;envoi.
                </td>
                <td className="border border-bordure p-2">
                  Exécution du service (acheminement) et intérêt légitime (preuve d&apos;envoi, assistance).
                </td>
              </tr>
            </tbody>
          </table>
        </div>

        <h3 id="stockage-cv">Où est conservé votre CV</h3>
        <ul>
          <li>
            Votre CV est enregistré dans un espace de stockage privé, hébergé en France, sous un nom technique généré par
            la plateforme. Il n&apos;a <strong>jamais d&apos;adresse publique</strong> : personne ne peut l&apos;ouvrir
            à partir d&apos;un lien.
          </li>
          <li>
            Le site ne le remet qu&apos;après avoir vérifié qui le demande : vous-même, et les membres des{' '}
            <strong>seules structures qui ont publié une offre à laquelle vous avez postulé</strong> avec ce CV. Il
            n&apos;apparaît jamais dans la recherche de profils.
          </li>
          <li>
            <strong>Chaque téléchargement de votre CV par une structure est enregistré</strong> dans le journal
            d&apos;audit (compte, date, candidature concernée). Sur simple demande au délégué à la protection des données,
            nous vous indiquons qui l&apos;a consulté.
          </li>
          <li>Seuls les fichiers PDF de 5 Mo au plus sont acceptés, vérifiés d&apos;après leur contenu.</li>
        </ul>

        <h3 id="droits-candidat">Exercer vos droits sur ces données</h3>
        <ul>
          <li>
            <strong>Accès et portabilité</strong> : « Télécharger mes données » sur la page{' '}
            <Link href="/candidat/donnees">Mes données</Link> vous remet immédiatement un fichier JSON avec votre compte,
            vos projets, vos candidatures, vos notifications, les messages reçus et votre CV.
          </li>
          <li>
            <strong>Effacement</strong> : « Supprimer mon compte » sur la même page, après saisie de votre mot de passe.
            La suppression est immédiate ; un e-mail vous la confirme.
          </li>
          <li>
            <strong>Rectification</strong> : vous modifiez vos projets dans{' '}
            <Link href="/candidat/projets">Mes projets</Link> et remplacez votre CV depuis votre espace candidat ; pour
            vos nom, prénom ou adresse e-mail, écrivez au délégué à la protection des données.
          </li>
          <li>
            <strong>Toute autre demande</strong> : <a href="mailto:dpo@cmonalternance-na.fr">dpo@cmonalternance-na.fr</a>.
          </li>
        </ul>

        <h2 id="transferts">Transferts hors de l&apos;Union européenne</h2>
        <p>
          Le site et ses données sont hébergés en France. Aucune donnée n&apos;est transférée hors de l&apos;Union
          européenne, avec une précision que nous préférons vous donner clairement : les e-mails du service (par
          exemple « Vous avez reçu une réponse à votre candidature ») sont envoyés par l&apos;intermédiaire de{' '}
          <strong>Resend</strong>, prestataire d&apos;envoi d&apos;e-mails. Resend reçoit l&apos;adresse du destinataire
          et le contenu du message, uniquement pour l&apos;acheminer. Cette société étant établie aux États-Unis, un
          accès à ces données depuis les États-Unis ne peut pas être totalement exclu ; il est encadré par les
          clauses contractuelles types de la Commission européenne prévues dans le contrat de sous-traitance conclu
          avec elle.
        </p>

        <h2 id="conservation">Durées de conservation</h2>
        <ul>
          <li>
            <strong>Comptes candidats</strong> : jusqu&apos;à leur suppression, à votre demande (immédiate) ou après{' '}
            {inactivite} sans connexion ni activité (un e-mail vous prévient alors que le compte sera anonymisé{' '}
            {avertissement} plus tard ; il suffit de vous reconnecter pour le garder). Le détail, donnée par donnée, figure ci-dessus dans{' '}
            <a href="#donnees-candidat">Vos données de candidat</a>.
          </li>
          <li>
            <strong>Compte supprimé</strong> : vos projets, vos CV, vos notifications et les messages reçus sont effacés
            immédiatement. Vos candidatures sont anonymisées et conservées pour les statistiques des structures, sans
            nom, sans coordonnées, sans message et sans CV.
          </li>
          <li>
            <strong>CV</strong> : effacé {dureeMois(r.cvMois)} après votre dernière candidature.
          </li>
          <li>
            <strong>Candidatures ayant reçu une réponse</strong> : anonymisées {dureeMois(r.candidaturesMois)} après la
            réponse.
          </li>
          <li>
            <strong>Journaux de connexion et d&apos;audit</strong> : {dureeMois(r.auditMois)}.
          </li>
          <li>
            <strong>E-mails envoyés</strong> : {dureeJours(r.emailsJours)}.
          </li>
          <li>
            Ces durées sont appliquées automatiquement chaque jour par la plateforme.
          </li>
        </ul>
        <p>
          Les comptes des acteurs de la formation et de l&apos;insertion sont conservés tant que la personne est
          rattachée à sa structure ; à son départ, son compte est désactivé à la demande de la structure.
        </p>

        <h2 id="droits">Vos droits</h2>
        <p>Vous disposez des droits suivants sur vos données :</p>
        <ul>
          <li>
            <strong>Droit d&apos;accès</strong> : savoir quelles données nous détenons sur vous et en obtenir une
            copie.
          </li>
          <li>
            <strong>Droit de rectification</strong> : corriger des données inexactes. Vous pouvez modifier vous-même
            vos projets (dans « Mes projets ») et votre CV ; les acteurs modifient les informations de leur compte dans
            « Mes informations personnelles ».
          </li>
          <li>
            <strong>Droit à l&apos;effacement</strong> : demander la suppression de vos données.
          </li>
          <li>
            <strong>Droit à la portabilité</strong> : recevoir vos données dans un format lisible par une machine.
          </li>
          <li>
            <strong>Droit d&apos;opposition</strong> : vous opposer à un traitement fondé sur l&apos;intérêt légitime,
            pour des raisons tenant à votre situation particulière.
          </li>
          <li>
            <strong>Droit à la limitation</strong> : demander le gel temporaire de l&apos;utilisation de vos données,
            par exemple le temps de vérifier une contestation.
          </li>
          <li>
            <strong>Retrait du consentement</strong> : rendre votre projet invisible à tout moment.
          </li>
          <li>
            <strong>Directives après votre décès</strong> : indiquer ce que deviennent vos données.
          </li>
        </ul>
        <h3 id="mes-donnees">La page « Mes données »</h3>
        <p>
          Si vous êtes candidat, la page <Link href="/candidat/donnees">Mes données</Link> de votre espace vous
          permet, sans avoir à nous écrire :
        </p>
        <ul>
          <li>
            de télécharger vos données (compte, projets, candidatures, notifications, messages reçus et votre CV) dans un
            fichier au format JSON ;
          </li>
          <li>de supprimer votre compte.</li>
        </ul>
        <h3 id="exercer-droits">Nous écrire</h3>
        <p>
          Pour exercer vos autres droits, écrivez au délégué à la protection des données :{' '}
          <a href="mailto:dpo@cmonalternance-na.fr">dpo@cmonalternance-na.fr</a>, ou par courrier à CMonAlternance,
          Délégué à la protection des données, 1 place de l&apos;Exemple, 33000 Bordeaux. Nous vous répondons dans un
          délai d&apos;un mois. En cas de doute raisonnable sur votre identité, nous pouvons vous demander un
          justificatif.
        </p>

        <h2 id="mineurs">Candidats mineurs : information des parents</h2>
        <p>
          L&apos;alternance et les stages de 3e et de 2de concernent souvent des jeunes de moins de 18 ans. Les
          candidats peuvent donc être mineurs.
        </p>
        <ul>
          <li>
            À partir de 15 ans, un mineur peut consentir seul à l&apos;utilisation de ses données pour ce service et
            exercer lui-même ses droits.
          </li>
          <li>
            Avant 15 ans, le consentement du mineur et celui du ou des titulaires de l&apos;autorité parentale sont
            nécessaires ; les parents peuvent exercer les droits de leur enfant en écrivant à{' '}
            <a href="mailto:dpo@cmonalternance-na.fr">dpo@cmonalternance-na.fr</a>.
          </li>
          <li>
            La recherche de stages « <Link href="/vite-mon-stage">Vite mon stage</Link> » est consultable sans créer
            de compte.
          </li>
        </ul>
        <p>
          Nous recommandons aux parents d&apos;accompagner leur enfant dans la création de son compte et de son projet,
          et de lui rappeler qu&apos;aucune structure ne doit lui demander d&apos;argent ni ses coordonnées
          personnelles en dehors du site (voir la <Link href="/charte">Charte d&apos;engagement</Link>).
        </p>

        <h2 id="securite">Sécurité</h2>
        <p>
          Les mesures de sécurité et l&apos;utilisation des cookies sont décrites dans la{' '}
          <Link href="/confidentialite">Politique de confidentialité</Link>.
        </p>

        <h2 id="reclamation">Réclamation auprès de la CNIL</h2>
        <p>
          Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une
          réclamation à la Commission nationale de l&apos;informatique et des libertés (CNIL) :
        </p>
        <ul>
          <li>
            en ligne :{' '}
            <a href="https://www.cnil.fr/fr/plaintes" rel="noopener">
              www.cnil.fr/fr/plaintes
            </a>
            ;
          </li>
          <li>par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.</li>
        </ul>

        <p>Dernière mise à jour : 28 novembre 2026.</p>
      </div>
    </>
  );
}
