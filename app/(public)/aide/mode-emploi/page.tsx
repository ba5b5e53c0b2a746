import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';

export const metadata = { title: "Mode d'emploi des acteurs de la formation et de l'insertion" };

interface TocEntry {
  id: string;
  label: string;
  children?: TocEntry[];
}

/** The guide's table of contents, in its own wording. */
const GUIDE_TOC: TocEntry[] = [
  {
    id: 'preambule',
    label: 'Préambule',
    children: [
      { id: 'se-connecter', label: 'Se connecter' },
      { id: 'creer-la-structure', label: 'Créer la structure' },
      { id: 'stage-de-troisieme', label: 'Focus sur le stage de troisième' },
    ],
  },
  {
    id: 'mon-compte',
    label: 'Mon compte',
    children: [
      { id: 'ma-structure', label: 'Ma structure' },
      { id: 'mes-informations-personnelles', label: 'Mes informations personnelles' },
      { id: 'utilisateurs-de-ma-structure', label: 'Utilisateurs de ma structure' },
    ],
  },
  {
    id: 'mes-offres',
    label: 'Mes offres',
    children: [
      { id: 'suivi-des-employeurs', label: 'Suivi des employeurs' },
      { id: 'creer-une-offre', label: 'Créer une offre' },
      { id: 'gerer-ses-offres', label: 'Gérer ses offres' },
    ],
  },
  {
    id: 'mon-espace',
    label: 'Mon espace',
    children: [
      { id: 'tableau-de-bord', label: 'Tableau de bord' },
      { id: 'profils-favoris', label: 'Marquer des profils en favori' },
      { id: 'gerer-les-candidatures', label: 'Gérer les candidatures à vos offres' },
      { id: 'repondre-a-une-candidature', label: 'Répondre à une candidature' },
    ],
  },
  { id: 'et-apres', label: 'Et après...' },
];

/**
 * The guide « Mode d'emploi — Espace Acteurs formation/insertion » as a page of the site: its text,
 * shipped in the project (curated from the guide), with each screenshot replaced by a link to the
 * real page it shows.
 */
export default function ModeEmploiPage() {
  return (
    <>
      <PageHeader title="Mode d'emploi des acteurs de la formation et de l'insertion" crumbs={[{ label: 'Aide', href: '/aide' }]} />
      <div className="prose-cma max-w-3xl">
        <nav aria-labelledby="sommaire-titre" className="my-6 border-l-4 border-bleu bg-gris-clair px-6 py-4">
          <h2 id="sommaire-titre" className="mt-0!">
            Sommaire
          </h2>
          <ul>
            {GUIDE_TOC.map((chapter) => (
              <li key={chapter.id}>
                <a href={`#${chapter.id}`}>{chapter.label}</a>
                {chapter.children && (
                  <ul>
                    {chapter.children.map((section) => (
                      <li key={section.id}>
                        <a href={`#${section.id}`}>{section.label}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </nav>

        {/* ───────────── Mode d'emploi ───────────── */}
        <p>
          <strong>Espace Acteurs formation/insertion — Gérer votre compte</strong>
        </p>
        <p>
          <strong>
            Vous êtes un professionnel acteur de la formation et de l&apos;insertion et vous souhaitez proposer des
            offres de contrat en alternance et également accompagner les candidats dans leur recherche
            d&apos;alternance.
          </strong>
        </p>
        <p>
          <strong>
            Sur cmonalternance-na.fr vous pouvez gérer vos entreprises partenaires et proposer des offres.
          </strong>
        </p>
        <p>Suivez le guide !</p>

        {/* ───────────── Préambule ───────────── */}
        <h2 id="preambule">Préambule</h2>

        <h3 id="se-connecter">Se connecter</h3>
        <p>Vous avez créé votre compte.</p>
        <p>Vous devez compléter les informations concernant votre structure.</p>
        <p>
          Allez sur cmonalternance-na.fr et cliquez sur « Se connecter » : <Link href="/connexion">page Se connecter</Link>.
        </p>
        <p>Connectez-vous avec vos identifiants :</p>
        <ul>
          <li>E-mail</li>
          <li>Mot de passe</li>
        </ul>
        <p>
          Mot de passe oublié ? Demandez un lien de réinitialisation sur la page{' '}
          <Link href="/mot-de-passe-oublie">Mot de passe oublié</Link>.
        </p>

        <h3 id="creer-la-structure">Créer la structure</h3>
        <p>Lors de votre première connexion on vous demande de compléter les informations concernant votre structure.</p>
        <p>
          Un formulaire s&apos;affiche : <Link href="/mon-compte/structure">Ma structure</Link>.
        </p>
        <p>Renseignez les champs du formulaire. Cliquez sur « Valider ».</p>
        <p>* Champs obligatoires</p>
        <p>
          Saisissez le n° de <strong>Siret/Siren</strong> : les champs « Raison sociale », « Code Naf » et « Domaine
          d&apos;activité » seront automatiquement renseignés.
        </p>

        <h3 id="stage-de-troisieme">Focus sur le stage de troisième</h3>
        <p>
          Vous souhaitez faire découvrir vos métiers et faciliter vos futurs recrutements. Avec le stage
          d&apos;observation, vous accueillez des stagiaires de 3ème, de seconde...
        </p>
        <p>
          L&apos;accueil d&apos;un stagiaire permet de faire découvrir vos métiers et peut-être de repérer des jeunes qui
          deviendront de futur(e)s apprenti(e)s ou collaborateurs(rices). Ce sont des stages d&apos;observations qui
          durent une à deux semaines.
        </p>
        <p>Vous pouvez cocher la case indiquant que vous pouvez accueillir des stagiaires de 3e/2de.</p>

        <p>
          <strong>Focus sur : accueillir un élève de 3e ou de 2de en stage</strong>
        </p>
        <p>Le stage d&apos;observation, c&apos;est la découverte :</p>
        <ul>
          <li>du monde professionnel</li>
          <li>des réalités concrètes du travail</li>
          <li>de compétences</li>
        </ul>
        <p>Pour les jeunes, c&apos;est la première immersion dans le monde du travail.</p>
        <p>Organisation :</p>
        <ul>
          <li>Stagiaires de 3ème : 5 jours (soit 1 semaine) d&apos;accueil.</li>
          <li>Stagiaires de 2de : 10 jours (soit 2 semaines) d&apos;accueil.</li>
        </ul>
        <p>5 raisons d&apos;accueillir des stagiaires de troisième et de seconde !</p>
        <ul>
          <li>Faire découvrir vos métiers.</li>
          <li>Bénéficier d&apos;un regard neuf, un point de vue supplémentaire, plus neutre et extérieur.</li>
          <li>Comprendre les motivations et le mode de fonctionnement des nouvelles générations.</li>
          <li>Transmettre, former.</li>
          <li>Faciliter vos recrutements et trouver vos futur(e)s collaborateurs (trices).</li>
        </ul>

        <p>
          <strong>
            Comment être référencé sur <Link href="/vite-mon-stage">Vite mon stage</Link> ?
          </strong>
        </p>
        <p>« Trouver mon stage de troisième et de seconde en Nouvelle-Aquitaine »</p>
        <ul>
          <li>
            Au moment de la création de votre compte (complétez le formulaire{' '}
            <Link href="/mon-compte/structure">Ma structure</Link>). Renseignez les éléments relatifs à votre structure.
          </li>
          <li>
            À la fin du formulaire cochez la case (voir la page <Link href="/mon-compte/structure">Ma structure</Link>,
            rubrique « Stages de 3e et de 2de ») :
            <ul>
              <li>J&apos;accepte de recevoir des stagiaires de troisième (1 semaine)</li>
              <li>J&apos;accepte de recevoir des stagiaires de seconde (2 semaines)</li>
            </ul>
          </li>
        </ul>
        <p>
          Ces stages d&apos;observation vous permettent de faire découvrir vos métiers et faciliter vos futurs
          recrutements. L&apos;accueil d&apos;un stagiaire permet de bénéficier d&apos;un regard neuf, de transmettre, de
          comprendre les motivations et fonctionnement des nouvelles générations.
        </p>

        {/* ───────────── Mon compte ───────────── */}
        <h2 id="mon-compte">Mon compte</h2>

        <h3 id="ma-structure">Ma structure</h3>
        <p>
          Mon compte - <Link href="/mon-compte/structure">Ma structure</Link>
        </p>
        <p>Vous retrouvez les informations de votre structure. Seul le gestionnaire peut les modifier.</p>

        <h3 id="mes-informations-personnelles">Mes informations personnelles</h3>
        <p>
          Mon compte - <Link href="/mon-compte/informations">Mes informations personnelles</Link>
        </p>
        <p>Vous retrouvez les informations de votre compte.</p>

        <h3 id="utilisateurs-de-ma-structure">Utilisateurs de ma structure</h3>
        <p>
          Mon compte - <Link href="/mon-compte/utilisateurs">Utilisateurs de ma structure</Link>
        </p>
        <p>En tant que gestionnaire ce menu vous permet :</p>
        <ol>
          <li>
            D&apos;ajouter des collaborateurs de votre structure en tant que gestionnaire (bouton « Ajouter un
            gestionnaire »).
          </li>
          <li>De transférer vos droits si nécessaire (bouton « Transférer mes droits »).</li>
        </ol>
        <p>
          Vous y retrouvez la liste des gestionnaires et des utilisateurs de votre structure, chacun avec son numéro
          (par exemple « GESTIONNAIRE 000000002 », « UTILISATEUR 000000083 »).
        </p>
        <p>
          Si vous n&apos;êtes pas gestionnaire du compte, vous ne pouvez pas avoir accès à ce menu, vous serez basculé
          vers la page d&apos;accueil avec un message vous indiquant : « Seul le gestionnaire peut accéder aux rôles
          utilisateurs de ma structure ».
        </p>

        {/* ───────────── Mes offres ───────────── */}
        <h2 id="mes-offres">Mes offres</h2>

        <h3 id="suivi-des-employeurs">Suivi des employeurs</h3>
        <p>
          Mes offres - <Link href="/mes-offres/employeurs">Suivi des employeurs</Link>
        </p>
        <p>À partir de ce menu vous pouvez :</p>
        <ul>
          <li>Voir la liste des employeurs que vous avez ajoutés.</li>
          <li>Ajouter des entreprises partenaires pour lesquelles vous souhaitez diffuser des offres.</li>
        </ul>
        <p>
          <strong>Comment ajouter une entreprise ?</strong>
        </p>
        <ol>
          <li>
            Cliquez sur « <Link href="/mes-offres/employeurs/ajouter">Ajouter un employeur</Link> ».
          </li>
          <li>
            Complétez le formulaire. Vous devez enregistrer les entreprises en renseignant le champ « N° de Siret » :
            la recherche par SIRET complète la raison sociale, le code Naf, l&apos;adresse et les autres informations
            connues de l&apos;entreprise (sigle, effectif, nom commercial, e-mail, domaine, téléphone, complément
            d&apos;adresse, code postal, ville), que vous pouvez compléter.
          </li>
          <li>Cliquez sur « Envoyer la demande ».</li>
        </ol>
        <p>
          La demande d&apos;ajout d&apos;un employeur devra être validée par l&apos;équipe CMonAlternance. Dans Suivi des
          employeurs, chaque employeur est indiqué « En attente de validation », « Validé » ou « Refusé » (avec le
          motif du refus).
        </p>

        <h3 id="creer-une-offre">Créer une offre</h3>
        <p>
          Mes offres - <Link href="/mes-offres/nouvelle">Créer une offre</Link>
        </p>
        <p>
          Vous devez renseigner vos offres le plus précisément possible. N&apos;oubliez pas de renseigner un ou plusieurs
          diplômes.
        </p>
        <p>
          Plus l&apos;information est complète plus vous aurez de chances de trouver les candidats qui correspondent à
          vos projets et objectifs.
        </p>
        <p>
          <strong>À noter :</strong> le site CMonAlternance <strong>ne diffuse pas les coordonnées des entreprises</strong>
          , les candidats peuvent postuler en ligne avec un compte et un projet professionnel mais ils ne peuvent pas
          vous contacter de manière privée.
        </p>
        <p>
          <strong>Complétez le formulaire</strong>
        </p>
        <p>Les champs suivis d&apos;une astérisque sont des champs obligatoires.</p>
        <p>
          Vous devez renseigner le champ « L&apos;employeur » en sélectionnant l&apos;employeur pour lequel vous créez
          l&apos;offre. L&apos;employeur aura été au préalable ajouté à partir de votre menu Mes offres -{' '}
          <Link href="/mes-offres/employeurs">Suivi des employeurs</Link>.
        </p>
        <p>
          <strong>Informations contrat / profil recherché</strong>
        </p>
        <ul>
          <li>
            Type d&apos;alternance recherchée * : Contrat pro, Apprentissage ou Stage professionnel.
          </li>
          <li>
            L&apos;employeur * : sélectionnez l&apos;employeur associé à cette offre. S&apos;il n&apos;apparaît pas dans
            la liste des employeurs, il vous faut l&apos;ajouter avant de créer votre offre :{' '}
            <Link href="/mes-offres/employeurs/ajouter">Ajouter un employeur</Link>.
          </li>
          <li>Le lieu de travail : adresse *, complément, code postal, commune.</li>
          <li>Le métier.</li>
        </ul>
        <p>
          <strong>Ajouter un diplôme ou une formation à préparer *</strong>
        </p>
        <p>N&apos;oubliez pas de renseigner le(s) diplôme(s) préparé(s), puis validez.</p>
        <p>
          L&apos;offre sera ensuite <strong>immédiatement publiée</strong> sur le site <strong>CMonAlternance</strong>{' '}
          et visible par tous les <strong>candidats</strong> ; pour postuler, ils doivent avoir un compte.
        </p>
        <p>
          Vous retrouvez vos offres dans Mes offres - <Link href="/mes-offres">Mes offres</Link>.
        </p>

        <h3 id="gerer-ses-offres">Gérer ses offres</h3>
        <p>
          Mes offres - <Link href="/mes-offres">Mes offres</Link>
        </p>
        <p>À partir de ce menu vous pouvez gérer vos offres.</p>
        <p>Vous retrouvez vos offres « En cours », « Pourvues », « Archivées » :</p>
        <ul>
          <li>
            « En cours » : les offres publiées et d&apos;actualité. Les candidats peuvent les consulter sur le site et
            postuler.
          </li>
          <li>« Pourvues » : les offres que vous avez publiées et qui ont été pourvues.</li>
          <li>
            « Archivées » : les offres qui ont été publiées et qui ne sont plus d&apos;actualité (recrutement
            interrompu, offres de plus de 6 mois...).
          </li>
        </ul>
        <p>
          <strong>La gestion de vos offres</strong>
        </p>
        <p>
          Chaque offre est présentée avec son numéro (par exemple « OFFRE 0000001465 »), son statut (« Offre en cours
          »), son intitulé, l&apos;entreprise, le référent, le lieu de travail, la date prévue d&apos;embauche, le ou les
          niveaux préparés et le nombre de candidatures. Depuis chaque offre, vous pouvez :
        </p>
        <ul>
          <li>voir l&apos;offre en détail : bouton « Détails » ;</li>
          <li>modifier l&apos;offre ;</li>
          <li>changer le statut de l&apos;offre : boutons « Pourvue » et « Archiver ».</li>
        </ul>
        <p>Vous pouvez modifier le statut de vos offres à tout moment.</p>
        <p>
          Si vous avez archivé une offre et que vous souhaitez la réactiver, il vous suffit de l&apos;ouvrir et de
          l&apos;enregistrer de nouveau.
        </p>
        <p>Une offre « En cours » est archivée automatiquement 6 mois après sa publication ou sa réactivation.</p>

        {/* ───────────── Mon espace ───────────── */}
        <h2 id="mon-espace">Mon espace</h2>

        <h3 id="tableau-de-bord">Tableau de bord</h3>
        <p>
          Mon espace - <Link href="/mon-espace">Tableau de bord</Link>
        </p>
        <p>Sur le tableau de bord :</p>
        <ul>
          <li>
            Les <strong>alertes</strong> sont les profils de candidats qui correspondent à vos offres. Elles seront
            automatiquement remontées dans ce menu si c&apos;est le cas.
          </li>
          <li>
            Les <strong>favoris</strong> sont les profils de candidats que vous sélectionnez et que vous voulez traiter
            ultérieurement.
          </li>
          <li>
            Les <strong>candidatures</strong> sont les candidatures à vos offres publiées.
          </li>
        </ul>
        <p>Pour répondre à une candidature vous devez impérativement passer par votre tableau de bord.</p>

        <h3 id="profils-favoris">Marquer des profils en favori</h3>
        <p>
          <strong>Focus sur : Profils favoris</strong>
        </p>
        <p>Recherchez des profils de candidat :</p>
        <ul>
          <li>
            soit à partir de votre <Link href="/mon-espace">tableau de bord</Link> ;
          </li>
          <li>
            soit dans : Mon espace - <Link href="/mon-espace/profils">Rechercher des profils</Link>.
          </li>
        </ul>
        <ul>
          <li>Saisissez un mot clé (métiers, contrat, diplôme...).</li>
          <li>
            Affinez votre recherche avec la recherche avancée (zone géographique, type de contrat, niveau).
          </li>
        </ul>
        <p>
          Lorsque vous repérez un candidat qui vous intéresse, cliquez sur « <strong>Détails</strong> » puis cochez
          l&apos;icône « <strong>Cœur</strong> ».
        </p>
        <p>
          Le détail d&apos;un projet (par exemple « PROJET 000000905 ») présente le métier recherché, le type
          d&apos;alternance recherchée, l&apos;intitulé du diplôme, la durée de l&apos;alternance, le ou les
          départements, les formations déjà suivies et les expériences du candidat, sans ses coordonnées.
        </p>
        <p>
          Dans votre Tableau de bord - <Link href="/mon-espace/favoris">Profils favoris</Link>
        </p>
        <p>
          Vous retrouvez tous vos profils favoris et vous pourrez les contacter, avec le bouton « Contacter ce profil
          ».
        </p>

        <h3 id="gerer-les-candidatures">Gérer les candidatures à vos offres</h3>
        <p>
          Tableau de bord - <Link href="/mon-espace/candidatures">Candidatures sur mes offres</Link>
        </p>
        <p>
          À partir de ce menu vous pouvez <strong>gérer les candidatures</strong> à vos offres,{' '}
          <strong>contacter</strong> un candidat, <strong>répondre</strong> à une candidature.
        </p>
        <p>
          Vous retrouvez le nombre total de candidatures reçues : les candidatures « Acceptées », « À traiter », «
          Refusées ».
        </p>
        <ul>
          <li>
            « À traiter » : les candidatures que vous avez reçues et auxquelles vous n&apos;avez pas répondu.
          </li>
          <li>
            « Acceptées » : <strong>attention, il ne s&apos;agit pas des recrutements que vous avez acceptés.</strong>{' '}
            Ce sont les candidatures auxquelles vous avez répondu en demandant un entretien ou plus d&apos;informations.
          </li>
          <li>
            « Refusées » : les candidatures auxquelles vous avez répondu défavorablement (candidatures non retenues).
          </li>
        </ul>
        <p>
          <strong>Pour répondre à une candidature</strong>
        </p>
        <p>
          Dans <strong>« À traiter »</strong> cliquez sur <strong>« Détails »</strong>.
        </p>
        <p>
          Vous retrouvez vos offres et les candidats qui ont postulé : pour chaque candidature, le numéro du profil
          (par exemple « PROFIL 0000000082 ») et celui de l&apos;offre, le métier, le type d&apos;alternance, la durée, le
          lieu et le diplôme.
        </p>
        <p>
          En cliquant sur <strong>« Détails »</strong>, vous accédez à votre offre avec toutes les informations et la
          candidature avec la possibilité de prendre contact avec le candidat.
        </p>
        <p>
          <strong>Votre offre et le profil candidat qui a postulé</strong>
        </p>
        <ul>
          <li>
            La candidature (par exemple « Candidature N°0000000131 ») et votre offre : date de publication, lieu de
            travail, date prévue d&apos;embauche, diplômes, type de contrat.
          </li>
          <li>
            Le profil du candidat : date de candidature, métier, zone de recherche, durée de l&apos;alternance,
            diplômes, type d&apos;alternance recherchée, son message et ses pièces jointes (CV).
          </li>
        </ul>

        <h3 id="repondre-a-une-candidature">Répondre à une candidature</h3>
        <p>
          Cliquez sur « <strong>Répondre à cette candidature</strong> ».
        </p>
        <p>
          <strong>Attention :</strong> les candidats n&apos;ont pas vos coordonnées (mail, téléphone...), si vous
          souhaitez qu&apos;ils vous répondent vous devez leur indiquer un mail ou un numéro de téléphone.
        </p>
        <p>Un formulaire de réponse vous est proposé.</p>
        <p>* champs obligatoires</p>
        <ol>
          <li>
            Cochez la réponse adaptée à votre choix :
            <ul>
              <li>Organiser un entretien / obtenir plus d&apos;informations</li>
              <li>Refuser la candidature</li>
            </ul>
          </li>
          <li>
            Écrivez votre message. <strong>Attention :</strong> n&apos;oubliez pas d&apos;indiquer un email de contact ou
            un n° de téléphone si vous souhaitez être recontacté par le candidat.
          </li>
          <li>Cliquez sur « Envoyer ».</li>
        </ol>

        {/* ───────────── Et après ───────────── */}
        <h2 id="et-apres">Et après...</h2>
        <p>
          Lorsque vous envoyez votre réponse, les candidats sont notifiés de vos choix : candidature refusée ou
          demande d&apos;informations complémentaires.
        </p>
        <p>
          <strong>Attention :</strong> lorsque vous avez cliqué sur « Répondre à cette candidature » et que vous
          demandez un rendez-vous (« Organiser un entretien / obtenir plus d&apos;informations »), la candidature est{' '}
          <strong>automatiquement transférée dans les candidatures « Acceptées »</strong>. Si vous refusez la
          candidature, elle est transférée dans les candidatures « Refusées ».
        </p>
        <p>
          « Acceptées » ne signifie pas que vous avez recruté un candidat mais que vous avez accepté de prendre
          contact.
        </p>
        <p>Il ne vous reste plus qu&apos;à trouver vos futurs collaborateurs !</p>
        <p>À bientôt sur CMonAlternance !</p>

        <p>
          Ce mode d&apos;emploi est aussi disponible en tutoriel interactif et dynamique : lancez-le depuis la page 
          <Link href="/aide">Aide</Link>.
        </p>
      </div>
    </>
  );
}
