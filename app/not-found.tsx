import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold text-bleu">Page introuvable</h1>
      <p className="mt-4">La page que vous cherchez n&apos;existe pas ou vous n&apos;y avez pas accès. Erreur 404.</p>
      <p className="mt-4">
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}
