'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { toggleFavoriAction } from '@/lib/actions/profils';

/**
 * « Projets favoris »: the ✖ of each card removes the project from the user's favourites at once
 * (a favourite is put back in one click: « Annuler » in the message, or the heart of the project).
 * The action revalidates the page; focus then goes to the ✖ of the card that took the removed
 * one's place (the next, else the previous), or to the message when the list is empty. The result
 * is announced in a status message that exists before it changes.
 */

type Remove = (numero: number, numeroAffiche: string, button: HTMLElement) => void;
type Message = { kind: 'success' | 'error'; text: string; undo?: { numero: number; numeroAffiche: string } };

const RemoveContext = createContext<{ remove: Remove; pending: boolean } | null>(null);

const MESSAGE_ID = 'favoris-message';
export const retirerId = (numero: number) => `retirer-favori-${numero}`;

/** Where focus goes once this card has gone: the ✖ of the next card, else of the previous one, else the message. */
function focusTargetAfter(button: HTMLElement): string {
  const item = button.closest('li');
  for (const sibling of [item?.nextElementSibling, item?.previousElementSibling]) {
    const next = sibling?.querySelector<HTMLElement>('[data-retirer-favori]');
    if (next?.id) return next.id;
  }
  return MESSAGE_ID;
}

/**
 * Wraps the list (and its empty state): holds the message and moves the focus once the page has
 * been refreshed. `signature` changes whenever the server renders another list.
 */
export function FavorisProvider({ signature, children }: { signature: string; children: ReactNode }) {
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, startTransition] = useTransition();
  const focusTarget = useRef<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  // after the refreshed list is on screen
  useEffect(() => {
    const id = focusTarget.current;
    if (!id) return;
    focusTarget.current = null;
    (document.getElementById(id) ?? messageRef.current)?.focus();
  }, [signature]);

  const run = useCallback((numero: number, numeroAffiche: string, favori: boolean, target: string) => {
    setMessage(null);
    focusTarget.current = target;
    startTransition(async () => {
      const result = await toggleFavoriAction(numero, favori);
      if (result.ok) {
        setMessage(
          favori
            ? { kind: 'success', text: `Le projet ${numeroAffiche} a de nouveau été ajouté à vos favoris.` }
            : { kind: 'success', text: `Le projet ${numeroAffiche} a été retiré de vos favoris.`, undo: { numero, numeroAffiche } },
        );
      } else {
        focusTarget.current = null;
        setMessage({ kind: 'error', text: result.formError ?? 'Vos favoris n’ont pas pu être modifiés : réessayez.' });
        requestAnimationFrame(() => messageRef.current?.focus());
      }
    });
  }, []);

  const remove = useCallback<Remove>((numero, numeroAffiche, button) => run(numero, numeroAffiche, false, focusTargetAfter(button)), [run]);
  const value = useMemo(() => ({ remove, pending }), [remove, pending]);

  return (
    <RemoveContext.Provider value={value}>
      <div id={MESSAGE_ID} ref={messageRef} tabIndex={-1} role="status" className="outline-offset-4">
        {message && (
          <div className={`mb-4 border-l-4 p-4 ${message.kind === 'error' ? 'border-rouge bg-red-50 font-medium' : 'border-vert bg-green-50'}`}>
            <p>
              {message.text}
              {message.undo && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="text-bleu underline underline-offset-2"
                    onClick={() => message.undo && run(message.undo.numero, message.undo.numeroAffiche, true, retirerId(message.undo.numero))}
                  >
                    Annuler<span className="sr-only"> : remettre le projet {message.undo.numeroAffiche} dans vos favoris</span>
                  </button>
                </>
              )}
            </p>
          </div>
        )}
      </div>
      {children}
    </RemoveContext.Provider>
  );
}

/** The ✖ of one card (in FavorisProvider). */
export function RetirerFavori({ numero, numeroAffiche }: { numero: number; numeroAffiche: string }) {
  const ctx = useContext(RemoveContext);
  if (!ctx) throw new Error('RetirerFavori doit être placé dans FavorisProvider.');
  const { remove, pending } = ctx;
  return (
    <button
      type="button"
      id={retirerId(numero)}
      data-retirer-favori=""
      title="Retirer des favoris"
      aria-disabled={pending || undefined}
      onClick={(e) => {
        if (!pending) remove(numero, numeroAffiche, e.currentTarget);
      }}
      className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center border border-bordure text-xl text-rouge hover:border-rouge hover:bg-red-50"
    >
      <span aria-hidden="true">✖</span>
      <span className="sr-only">Retirer le projet {numeroAffiche} des favoris</span>
    </button>
  );
}
