import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold text-bleu">Accès refusé</h1>
      <p className="mt-4">Votre compte ne permet pas d&apos;accéder à cette page. Erreur 403.</p>
      <p className="mt-4">
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}
