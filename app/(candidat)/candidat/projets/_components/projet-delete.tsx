'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteProjetAction } from '@/lib/actions/candidat';

/**
 * « Supprimer » a project: an accessible confirmation first (a modal <dialog>, focus on
 * « Annuler »), then the action. On success the list is shown again with its message (the card is
 * gone, so the message takes the focus); on failure the message stays next to the button.
 */
export function ProjetDelete({ numero, numeroAffiche, metier, candidatures }: { numero: number; numeroAffiche: string; metier: string; candidatures: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteProjetAction(numero);
      if (result.ok) {
        router.replace(`/candidat/projets?supprime=${numero}`);
        return;
      }
      setOpen(false);
      setError(result.formError ?? 'Le projet n’a pas pu être supprimé : réessayez.');
    });

  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Supprimer<span className="sr-only"> le projet {numeroAffiche}</span>
      </Button>
      {error && (
        <div className="basis-full">
          <Alert kind="error">{error}</Alert>
        </div>
      )}
      <ConfirmDialog
        open={open}
        title="Supprimer ce projet ?"
        confirmLabel="Supprimer le projet"
        pendingLabel="Suppression…"
        pending={pending}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>
          Le projet <strong>PROJET {numeroAffiche}</strong> ({metier}) sera supprimé définitivement : vous ne pourrez plus postuler avec lui, et
          il n&apos;apparaîtra plus dans les recherches des acteurs de la formation et de l&apos;insertion.
        </p>
        <p>
          {candidatures > 1
            ? `Les ${candidatures} candidatures déjà envoyées avec ce projet ne changent pas : les structures gardent le projet tel qu’il était au moment de l’envoi.`
            : candidatures === 1
              ? 'La candidature déjà envoyée avec ce projet ne change pas : la structure garde le projet tel qu’il était au moment de l’envoi.'
              : 'Les candidatures déjà envoyées gardent toujours le projet tel qu’il était au moment de l’envoi.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
