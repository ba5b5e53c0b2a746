'use client';

import Link from 'next/link';
import { useOptimistic, useState, useTransition } from 'react';
import { toggleFavoriAction } from '@/lib/actions/profils';

/**
 * The guide's « Coeur »: a toggle button (aria-pressed) that adds the project to the user's
 * « Profils favoris » or removes it. The new state shows at once (optimistic); the server's answer
 * (the page is revalidated by the action) confirms it, or the heart goes back and the reason is said.
 */
export function FavoriButton({ numero, isFavori }: { numero: number; isFavori: boolean }) {
  const [optimistic, setOptimistic] = useOptimistic(isFavori);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; lien: boolean } | null>(null);

  const toggle = () => {
    if (pending) return;
    const next = !optimistic;
    setMessage(null);
    startTransition(async () => {
      setOptimistic(next);
      const result = await toggleFavoriAction(numero, next);
      if (result.ok) setMessage({ kind: 'success', text: result.message ?? '', lien: next });
      else setMessage({ kind: 'error', text: result.formError ?? 'Vos favoris n’ont pas pu être modifiés : réessayez.', lien: false });
    });
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        aria-pressed={optimistic}
        aria-disabled={pending || undefined}
        onClick={toggle}
        className={`inline-flex min-h-11 items-center gap-2 border px-3 py-2 font-medium ${optimistic ? 'border-rouge bg-red-50 text-rouge' : 'border-bleu bg-white text-bleu hover:bg-bleu-clair'}`}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-6 w-6" fill={optimistic ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="2">
          <path d="M12 21s-7.5-4.6-9.6-9.2C.9 8.5 2.9 4.5 6.6 4.5c2.1 0 3.6 1.2 4.4 2.5.8-1.3 2.3-2.5 4.4-2.5 3.7 0 5.7 4 4.2 7.3C19.5 16.4 12 21 12 21z" />
        </svg>
        {optimistic ? 'Retirer des favoris' : 'Ajouter aux favoris'}
      </button>
      <div role="status" className="text-right text-sm">
        {message && (
          <p className={message.kind === 'error' ? 'font-medium text-rouge' : ''}>
            {message.text}
            {message.lien && (
              <>
                {' '}
                <Link href="/mon-espace/favoris">Voir mes profils favoris</Link>
              </>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
