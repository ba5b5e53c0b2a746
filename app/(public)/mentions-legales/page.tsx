import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';

export const metadata = { title: 'Mentions légales' };

export default function MentionsLegalesPage() {
  return (
    <>
      <PageHeader title="Mentions légales" />
      <div className="prose-cma max-w-3xl">
        <p>
          Le site <strong>cmonalternance-na.fr</strong> (« CMonAlternance ») est l&apos;outil pour trouver un
          apprentissage, un stage ou un candidat en Nouvelle-Aquitaine. Il met en relation les candidats à
          l&apos;alternance et les acteurs de la formation et de l&apos;insertion (CFA, missions locales, organismes de
          formation…) qui publient des offres pour leurs employeurs partenaires. Son utilisation est gratuite.
        </p>

        <h2 id="editeur">Éditeur du site</h2>
        <p>
          CMonAlternance, service proposé en Nouvelle-Aquitaine
          <br />
          Association régie par la loi du 1er juillet 1901 (coordonnées fictives de démonstration)
          <br />
          Siège : 1 place de l&apos;Exemple, 33000 Bordeaux, France
          <br />
          SIRET : 000 000 000 00000
          <br />
          Adresse électronique : <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>
        </p>

        <h2 id="directeur-publication">Directeur de la publication</h2>
        <p>
          Camille Exemple, présidente de l&apos;association CMonAlternance (nom fictif de démonstration).
        </p>
        <p>
          Les offres sont rédigées et publiées sous leur responsabilité par les acteurs de la formation et de
          l&apos;insertion, pour des employeurs partenaires préalablement validés par l&apos;équipe CMonAlternance. Les
          projets et les CV sont rédigés et déposés par les candidats eux-mêmes.
        </p>

        <h2 id="hebergeur">Hébergeur</h2>
        <p>
          Hébergeur Exemple SAS (société fictive de démonstration)
          <br />
          10 rue du Centre de données, 59000 Lille, France
          <br />
          Téléphone : 01 00 00 00 00
        </p>
        <p>
          Le site, sa base de données et les documents déposés par les utilisateurs (CV) sont hébergés dans des
          centres de données situés en France.
        </p>

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
          <li>
            Données personnelles : <a href="mailto:dpo@cmonalternance-na.fr">dpo@cmonalternance-na.fr</a> (voir la{' '}
            <Link href="/politique-rgpd">Politique RGPD</Link>)
          </li>
        </ul>

        <h2 id="propriete-intellectuelle">Propriété intellectuelle</h2>
        <p>
          La structure générale du site, ses textes, sa charte graphique, le nom et le logo CMonAlternance ainsi que
          le mode d&apos;emploi publié dans l&apos;<Link href="/aide">aide</Link> sont la propriété de l&apos;éditeur ou
          font l&apos;objet d&apos;une autorisation d&apos;utilisation. Toute reproduction ou représentation, totale ou
          partielle, à des fins commerciales est interdite sans autorisation écrite préalable.
        </p>
        <p>
          Les textes du site peuvent être cités ou reproduits à des fins d&apos;information, non commerciales, à
          condition d&apos;en mentionner la source (« CMonAlternance ») et de ne pas en altérer le sens.
        </p>
        <p>
          Les offres restent la responsabilité des structures qui les publient. Les données ouvertes utilisées par
          le site restent soumises à leur propre licence (voir <a href="#credits">Crédits</a> ci-dessous).
        </p>

        <h2 id="liens">Liens</h2>
        <h3 id="liens-sortants">Liens vers d&apos;autres sites</h3>
        <p>
          Le site contient des liens vers des sites publics ou partenaires (Cap Métiers Nouvelle-Aquitaine, services
          de l&apos;État, etc.). L&apos;éditeur n&apos;exerce aucun contrôle sur ces sites et n&apos;est pas responsable
          de leur contenu.
        </p>
        <h3 id="liens-entrants">Liens vers CMonAlternance</h3>
        <p>
          Tout site public ou privé peut créer un lien vers les pages de CMonAlternance sans autorisation
          préalable, à condition que la page s&apos;ouvre dans une fenêtre entière du navigateur, sans être intégrée
          dans les pages d&apos;un autre site (pas de cadre ni d&apos;« iframe »), et que le lien ne laisse pas croire à
          un partenariat qui n&apos;existe pas.
        </p>

        <h2 id="responsabilite">Signaler un contenu</h2>
        <p>
          Si une offre, un message ou tout autre contenu vous paraît frauduleux, discriminatoire ou contraire à la{' '}
          <Link href="/charte">Charte d&apos;engagement</Link>, signalez-le à{' '}
          <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a> en précisant son numéro (par
          exemple « OFFRE 0000001465 »). L&apos;équipe CMonAlternance peut retirer une offre de la publication.
        </p>

        <h2 id="credits">Crédits</h2>
        <p>Conception et réalisation : l&apos;équipe CMonAlternance.</p>
        <p>Le site s&apos;appuie sur les données ouvertes suivantes ; nous remercions leurs producteurs de les publier :</p>
        <ul>
          <li>
            <strong>Métiers</strong> : le Répertoire opérationnel des métiers et des emplois (ROME 4.0) de France
            Travail, publié sous{' '}
            <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" rel="noopener">
              Licence Ouverte (Etalab)
            </a>
            .
          </li>
          <li>
            <strong>Diplômes et certifications</strong> : le référentiel « Kit apprentissage » publié par Certif Info
            pour France compétences (correspondances entre codes formation diplôme et fiches RNCP), et les tables de
            niveaux de formation de la Base centrale des nomenclatures (BCN) de l&apos;Éducation nationale.
          </li>
          <li>
            <strong>Communes, codes postaux et départements</strong> : le Code officiel géographique de
            l&apos;INSEE, via le découpage administratif publié par Etalab, sous Licence Ouverte.
          </li>
          <li>
            <strong>Activités des entreprises</strong> : la Nomenclature d&apos;activités française (NAF rév. 2) de
            l&apos;INSEE, utilisée pour le « Code Naf » et le « Domaine d&apos;activité ».
          </li>
          <li>
            <strong>Informations sur les entreprises</strong> : l&apos;
            <a href="https://recherche-entreprises.api.gouv.fr" rel="noopener">
              API Recherche d&apos;entreprises
            </a>{' '}
            (données du répertoire Sirene de l&apos;INSEE), qui permet de renseigner automatiquement la raison sociale,
            le code NAF et l&apos;adresse à partir du numéro SIRET.
          </li>
        </ul>
        <p>
          Ces données sont reprises telles que publiées par leurs producteurs, à la date de leur dernière mise à
          jour sur le site ; elles ne constituent pas une information officielle de ces organismes.
        </p>

        <p>Dernière mise à jour : 28 novembre 2026.</p>
      </div>
    </>
  );
}
