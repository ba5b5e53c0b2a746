'use client';

import Link from 'next/link';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold text-bleu">Une erreur est survenue</h1>
      <p className="mt-4">
        Le service rencontre un problème momentané. Réessayez dans quelques instants ; si le problème persiste, écrivez à{' '}
        <a href="mailto:equipe@cmonalternance-na.fr">equipe@cmonalternance-na.fr</a>
        {error.digest ? ` en indiquant la référence ${error.digest}` : ''}.
      </p>
      <p className="mt-4 flex gap-4">
        <button type="button" className="underline text-bleu" onClick={reset}>
          Réessayer
        </button>
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}
