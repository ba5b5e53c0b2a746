import Link from 'next/link';

export function Footer() {
  return (
    <footer className="mt-12 border-t-4 border-bleu bg-gris-clair">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm md:grid-cols-2">
        <div>
          <p className="text-lg font-extrabold">
            <span className="text-rouge">C</span>Mon<span className="text-bleu">A</span>lternance
          </p>
          <p className="mt-2">
            Assistance <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>
          </p>
          <p className="mt-2">
            Plateforme CMonInfo <a href="tel:+33800940166">0800 940 166</a> (numéro gratuit)
            <br />
            Pour toute question sur la formation, les métiers et les aides possibles
          </p>
          <p className="mt-2">
            Cap Métiers Nouvelle-Aquitaine <a href="https://www.cap-metiers.fr" rel="noopener">cap-metiers.fr</a>
          </p>
        </div>
        <nav aria-label="Liens du pied de page">
          <ul className="flex flex-wrap gap-x-2 gap-y-1">
            {[
              ['/mentions-legales', 'Mentions légales'],
              ['/politique-rgpd', 'Politique RGPD'],
              ['/confidentialite', 'Politique de confidentialité'],
              ['/charte', "Charte d'engagement"],
              ['/accessibilite', 'Accessibilité : non conforme'],
              ['/aide', 'Aide'],
            ].map(([href, label], i, all) => (
              <li key={href}>
                <Link href={href!}>{label}</Link>
                {i < all.length - 1 && <span aria-hidden="true"> |</span>}
              </li>
            ))}
          </ul>
          <p className="mt-4">© CMonAlternance</p>
        </nav>
      </div>
    </footer>
  );
}
