'use client';

import { createContext, useCallback, useContext, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { setOffreStatusAction } from '@/lib/actions/mes-offres';
import type { OffreStatut, StatutCible } from '@/lib/validations/mes-offres';

/**
 * « POURVUE », « ARCHIVER », « Remettre en cours »: each asks for an accessible confirmation
 * (a modal <dialog>, focus on « Annuler »), then calls the server action. The page refreshes
 * (the offer moves to its new tab) and the result is announced in a message that receives the
 * focus, since the button that opened the dialog has gone with the card.
 */

export interface OffreRef {
  numero: number;
  /** « 0000001465 » */
  numeroAffiche: string;
  metier: string;
  status: OffreStatut;
}

type Ask = (offre: OffreRef, cible: StatutCible) => void;
type Message = { kind: 'success' | 'error'; text: string };

const AskContext = createContext<Ask | null>(null);

const DIALOGS: Record<StatutCible, { title: string; confirm: string; pending: string; body: (o: OffreRef) => ReactNode }> = {
  POURVUE: {
    title: 'Marquer cette offre comme pourvue ?',
    confirm: 'Confirmer : offre pourvue',
    pending: 'Enregistrement…',
    body: (o) => (
      <>
        <p>
          L&apos;offre <strong>OFFRE {o.numeroAffiche}</strong> ({o.metier}) passera dans vos offres « Pourvues » : elle ne sera plus
          proposée aux candidats sur le site.
        </p>
        <p>Vous pourrez la remettre en cours à tout moment.</p>
      </>
    ),
  },
  ARCHIVEE: {
    title: 'Archiver cette offre ?',
    confirm: "Confirmer l'archivage",
    pending: 'Archivage…',
    body: (o) => (
      <>
        <p>
          L&apos;offre <strong>OFFRE {o.numeroAffiche}</strong> ({o.metier}) passera dans vos offres « Archivées » : elle ne sera plus
          proposée aux candidats sur le site.
        </p>
        <p>Si vous souhaitez la réactiver ensuite, il vous suffira de l&apos;ouvrir et de l&apos;enregistrer de nouveau.</p>
      </>
    ),
  },
  EN_COURS: {
    title: 'Remettre cette offre en cours ?',
    confirm: 'Confirmer la remise en cours',
    pending: 'Enregistrement…',
    body: (o) => (
      <>
        <p>
          L&apos;offre <strong>OFFRE {o.numeroAffiche}</strong> ({o.metier}) sera de nouveau publiée : les candidats pourront la consulter
          sur le site et postuler.
        </p>
        <p>
          Les offres sont archivées automatiquement 6 mois après leur publication : pour prolonger une offre publiée depuis longtemps,
          ouvrez-la et enregistrez-la de nouveau.
        </p>
      </>
    ),
  },
};

/** Holds the one confirmation dialog and the result message of the list it wraps. */
export function OffreStatusProvider({ children }: { children: ReactNode }) {
  const [pendingChange, setPendingChange] = useState<{ offre: OffreRef; cible: StatutCible } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, startTransition] = useTransition();
  const messageRef = useRef<HTMLDivElement>(null);
  const focusMessageOnClose = useRef(false);

  const ask = useCallback<Ask>((offre, cible) => {
    setMessage(null);
    setPendingChange({ offre, cible });
  }, []);

  function confirm() {
    if (!pendingChange) return;
    const { offre, cible } = pendingChange;
    startTransition(async () => {
      const result = await setOffreStatusAction({ numero: offre.numero, status: cible });
      focusMessageOnClose.current = true;
      setMessage(
        result.ok
          ? { kind: 'success', text: result.message ?? 'Le statut de l’offre a été modifié.' }
          : { kind: 'error', text: result.formError ?? 'Le statut de l’offre n’a pas pu être modifié.' },
      );
      setPendingChange(null);
    });
  }

  const onClose = useCallback(() => {
    setPendingChange(null);
    if (focusMessageOnClose.current) {
      focusMessageOnClose.current = false;
      messageRef.current?.focus();
      return true;
    }
    return false;
  }, []);

  const dialog = pendingChange ? DIALOGS[pendingChange.cible] : null;
  const value = useMemo(() => ask, [ask]);

  return (
    <AskContext.Provider value={value}>
      <div ref={messageRef} tabIndex={-1} id="mes-offres-message">
        {message && (
          <Alert kind={message.kind}>
            <p>{message.text}</p>
          </Alert>
        )}
      </div>
      {children}
      <ConfirmDialog
        open={pendingChange !== null}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.confirm ?? ''}
        pendingLabel={dialog?.pending ?? ''}
        pending={pending}
        onConfirm={confirm}
        onClose={onClose}
      >
        {pendingChange && dialog?.body(pendingChange.offre)}
      </ConfirmDialog>
    </AskContext.Provider>
  );
}

/** The status buttons of one offer card: what the guide shows for its status. */
export function OffreStatusButtons({ offre }: { offre: OffreRef }) {
  const ask = useContext(AskContext);
  if (!ask) throw new Error('OffreStatusButtons doit être placé dans OffreStatusProvider.');
  const suffix = <span className="sr-only"> : offre {offre.numeroAffiche}</span>;
  if (offre.status === 'EN_COURS') {
    return (
      <>
        <Button variant="primary" onClick={() => ask(offre, 'POURVUE')}>
          Pourvue{suffix}
        </Button>
        <Button variant="secondary" onClick={() => ask(offre, 'ARCHIVEE')}>
          Archiver{suffix}
        </Button>
      </>
    );
  }
  if (offre.status === 'POURVUE') {
    return (
      <>
        <Button variant="secondary" onClick={() => ask(offre, 'ARCHIVEE')}>
          Archiver{suffix}
        </Button>
        <Button variant="secondary" onClick={() => ask(offre, 'EN_COURS')}>
          Remettre en cours{suffix}
        </Button>
      </>
    );
  }
  return null;
}
