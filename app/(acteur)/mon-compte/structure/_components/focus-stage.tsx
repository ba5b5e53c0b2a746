/** The guide's « Focus sur : Accueillir un élève de 3e ou de 2de en stage », shown next to the two checkboxes. */
export function FocusStage() {
  return (
    <aside aria-labelledby="focus-stage" className="border-l-4 border-bleu bg-bleu-clair p-4 text-sm">
      <h3 id="focus-stage" className="font-bold text-bleu">
        Focus sur : Accueillir un élève de 3e ou de 2de en stage
      </h3>
      <p className="mt-2">
        Vous souhaitez faire découvrir vos métiers et faciliter vos futurs recrutements. Avec le stage d&apos;observation, vous
        accueillez des stagiaires de 3ème, de seconde… Ce sont des stages d&apos;observations qui durent une à deux semaines.
      </p>
      <p className="mt-2 font-medium">Le stage d&apos;observation, c&apos;est la découverte :</p>
      <ul className="mt-1 list-disc pl-5">
        <li>du monde professionnel</li>
        <li>des réalités concrètes du travail</li>
        <li>de compétences</li>
      </ul>
      <p className="mt-2 font-medium">Organisation :</p>
      <ul className="mt-1 list-disc pl-5">
        <li>Stagiaires de 3ème : 5 jours (soit 1 semaine) d&apos;accueil.</li>
        <li>Stagiaires de 2de : 10 jours (soit 2 semaines) d&apos;accueil.</li>
      </ul>
      <p className="mt-2 font-medium">5 raisons d&apos;accueillir des stagiaires de troisième et de seconde !</p>
      <ol className="mt-1 list-decimal pl-5">
        <li>Faire découvrir vos métiers.</li>
        <li>Bénéficier d&apos;un regard neuf, un point de vue supplémentaire, plus neutre et extérieur.</li>
        <li>Comprendre les motivations et le mode de fonctionnement des nouvelles générations.</li>
        <li>Transmettre, former.</li>
        <li>Faciliter vos recrutements et trouver vos futur(e)s collaborateurs (trices).</li>
      </ol>
      <p className="mt-2">
        Les structures qui cochent une case apparaissent sur <a href="/vite-mon-stage">Vite mon stage</a>.
      </p>
    </aside>
  );
}
