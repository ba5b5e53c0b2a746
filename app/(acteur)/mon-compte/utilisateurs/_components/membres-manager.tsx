'use client';

import { useCallback, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { cancelInvitationAction, removeMembreAction, transferRightsAction } from '@/lib/actions/membres';
import { MEMBRES_MESSAGES as M } from '@/lib/validations/membres';
import { AddMembreForm } from './add-membre-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export interface MembreView {
  numero: number;
  /** zero-padded, « 000000002 » */
  numeroAffiche: string;
  role: 'GESTIONNAIRE' | 'UTILISATEUR';
  prenom: string;
  nom: string;
  email: string;
  estMoi: boolean;
}

export interface InvitationView {
  id: string;
  email: string;
  role: 'GESTIONNAIRE' | 'UTILISATEUR';
  /** « 12-09-2023 » */
  expireLe: string;
}

type Message = { kind: 'success' | 'error'; text: string };
type Pending = { kind: 'retrait' | 'transfert'; membre: MembreView } | { kind: 'annulation'; invitation: InvitationView };

function NumberBadge({ n }: { n: number }) {
  return (
    <span aria-hidden="true" className="inline-flex h-6 w-6 items-center justify-center rounded-full border border-current text-xs">
      {n}
    </span>
  );
}

export function MembresManager({ membres, invitations }: { membres: MembreView[]; invitations: InvitationView[] }) {
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [showAdd, setShowAdd] = useState(false);
  const [dialog, setDialog] = useState<Pending | null>(null);
  const [pending, startTransition] = useTransition();
  const messageRef = useRef<HTMLDivElement>(null);
  const focusMessageOnClose = useRef(false);
  const firstRadioRef = useRef<HTMLInputElement>(null);

  const membre = membres.find((m) => m.numero === selected) ?? null;
  const gestionnaires = membres.filter((m) => m.role === 'GESTIONNAIRE').length;

  const announce = useCallback((next: Message) => {
    setMessage(next);
    requestAnimationFrame(() => messageRef.current?.focus());
  }, []);

  /** Nothing selected: say so and put the user back in the list. */
  function requireSelection(): MembreView | null {
    if (membre) return membre;
    setMessage({ kind: 'error', text: M.selectionRequise });
    requestAnimationFrame(() => firstRadioRef.current?.focus());
    return null;
  }

  function askTransfer() {
    const m = requireSelection();
    if (!m) return;
    if (m.estMoi) return announce({ kind: 'error', text: M.transfertSoiMeme });
    if (m.role === 'GESTIONNAIRE') return announce({ kind: 'error', text: M.transfertDejaGestionnaire });
    setMessage(null);
    setDialog({ kind: 'transfert', membre: m });
  }

  function askRemoval() {
    const m = requireSelection();
    if (!m) return;
    if (m.estMoi) return announce({ kind: 'error', text: gestionnaires <= 1 ? M.dernierGestionnaire : M.retraitSoiMeme });
    setMessage(null);
    setDialog({ kind: 'retrait', membre: m });
  }

  function run(action: () => Promise<ActionResult>, onSuccess?: () => void) {
    startTransition(async () => {
      const result = await action();
      // a redirect (after a transfer) never comes back here
      if (!result) return;
      focusMessageOnClose.current = true;
      if (result.ok) {
        onSuccess?.();
        setMessage({ kind: 'success', text: result.message ?? 'Modification enregistrée.' });
      } else {
        setMessage({ kind: 'error', text: result.formError ?? 'La modification a échoué.' });
      }
      setDialog(null);
    });
  }

  function confirm() {
    if (!dialog) return;
    if (dialog.kind === 'annulation') {
      const { id } = dialog.invitation;
      run(() => cancelInvitationAction({ id }));
    } else if (dialog.kind === 'retrait') {
      const { numero } = dialog.membre;
      run(() => removeMembreAction({ numero }), () => setSelected(null));
    } else {
      const { numero } = dialog.membre;
      run(() => transferRightsAction({ numero }));
    }
  }

  const onDialogClose = useCallback(() => {
    setDialog(null);
    if (focusMessageOnClose.current) {
      focusMessageOnClose.current = false;
      messageRef.current?.focus();
      return true;
    }
    return false;
  }, []);

  return (
    <>
      <div className="mb-6 flex flex-wrap gap-3" data-tutoriel="utilisateurs-actions">
        <Button
          variant={showAdd ? 'secondary' : 'primary'}
          aria-expanded={showAdd}
          aria-controls="ajout-membre"
          onClick={() => {
            setShowAdd((v) => !v);
            if (!showAdd) requestAnimationFrame(() => document.getElementById('ajout-email')?.focus());
          }}
        >
          <NumberBadge n={1} /> Ajouter un gestionnaire
        </Button>
        <Button variant="primary" onClick={askTransfer} aria-describedby="transfert-aide">
          <NumberBadge n={2} /> Transférer mes droits
        </Button>
      </div>
      <p id="transfert-aide" className="-mt-4 mb-6 text-sm text-gray-700">
        Pour transférer vos droits, sélectionnez d&apos;abord un membre UTILISATEUR dans la liste : il deviendra gestionnaire et vous
        deviendrez utilisateur.
      </p>

      <div ref={messageRef} tabIndex={-1} id="membres-message">
        {message && (
          <Alert kind={message.kind}>
            <p>{message.text}</p>
          </Alert>
        )}
      </div>

      <section id="ajout-membre" aria-labelledby="ajout-titre" hidden={!showAdd} className="mb-8 border border-bordure p-6">
        <h2 id="ajout-titre" className="mb-4 text-xl font-bold text-bleu">
          Ajouter un gestionnaire ou un utilisateur
        </h2>
        <AddMembreForm onAdded={(text) => announce({ kind: 'success', text })} />
      </section>

      <fieldset className="mb-6">
        <legend id="membres-legende" className="mb-3 text-xl font-bold text-bleu">
          Membres de la structure
        </legend>
        <p className="mb-3 text-sm">Sélectionnez un membre pour le retirer de la structure ou lui transférer vos droits.</p>
        <ul className="grid gap-3 md:grid-cols-3" aria-labelledby="membres-legende">
          {membres.map((m, i) => (
            <li key={m.numero}>
              <label className="flex h-full cursor-pointer gap-3 border border-bordure p-4 has-[:checked]:border-bleu has-[:checked]:bg-bleu-clair">
                <input
                  ref={i === 0 ? firstRadioRef : undefined}
                  type="radio"
                  name="membre"
                  value={m.numero}
                  checked={selected === m.numero}
                  onChange={() => {
                    setSelected(m.numero);
                    if (message?.text === M.selectionRequise) setMessage(null);
                  }}
                  className="mt-1 h-5 w-5 shrink-0"
                />
                <span className="min-w-0">
                  <span className="block font-bold">
                    {m.role} {m.numeroAffiche}
                    {m.estMoi && <span className="font-normal"> (vous)</span>}
                  </span>
                  <span className="block">
                    {m.prenom} {m.nom}
                  </span>
                  <span className="block text-sm break-all">{m.email}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mb-10">
        <Button variant="danger" onClick={askRemoval}>
          Retirer de la structure
        </Button>
      </div>

      <section aria-labelledby="invitations-titre" className="mb-6">
        <h2 id="invitations-titre" className="mb-3 text-xl font-bold text-bleu">
          Invitations en attente
        </h2>
        {invitations.length === 0 ? (
          <p>Aucune invitation en attente.</p>
        ) : (
          <ul className="space-y-3" aria-labelledby="invitations-titre">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 border border-bordure p-4">
                <span>
                  <span className="block font-bold break-all">{inv.email}</span>
                  <span className="block text-sm">
                    {inv.role} · expire le {inv.expireLe}
                  </span>
                </span>
                <Button
                  variant="danger"
                  onClick={() => {
                    setMessage(null);
                    setDialog({ kind: 'annulation', invitation: inv });
                  }}
                >
                  Annuler l&apos;invitation<span className="sr-only"> envoyée à {inv.email}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={dialog?.kind === 'retrait'}
        title="Retirer ce membre de la structure ?"
        confirmLabel="Confirmer le retrait"
        pendingLabel="Retrait en cours…"
        pending={pending}
        onConfirm={confirm}
        onClose={onDialogClose}
      >
        {dialog?.kind === 'retrait' && (
          <>
            <p>
              Vous allez retirer{' '}
              <strong>
                {dialog.membre.prenom} {dialog.membre.nom}
              </strong>{' '}
              ({dialog.membre.role} {dialog.membre.numeroAffiche}, {dialog.membre.email}) de votre structure.
            </p>
            <p>Cette personne perdra immédiatement l&apos;accès aux offres, profils et candidatures de la structure, et sera déconnectée.</p>
          </>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog?.kind === 'transfert'}
        title="Transférer vos droits de gestionnaire ?"
        confirmLabel="Confirmer le transfert"
        pendingLabel="Transfert en cours…"
        pending={pending}
        onConfirm={confirm}
        onClose={onDialogClose}
      >
        {dialog?.kind === 'transfert' && (
          <>
            <p>
              <strong>
                {dialog.membre.prenom} {dialog.membre.nom}
              </strong>{' '}
              (UTILISATEUR {dialog.membre.numeroAffiche}) deviendra GESTIONNAIRE de la structure, et vous deviendrez UTILISATEUR.
            </p>
            <p>Vous n&apos;aurez plus accès à la page « Utilisateurs de ma structure ».</p>
          </>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog?.kind === 'annulation'}
        title="Annuler cette invitation ?"
        confirmLabel="Confirmer l'annulation"
        pendingLabel="Annulation en cours…"
        pending={pending}
        onConfirm={confirm}
        onClose={onDialogClose}
      >
        {dialog?.kind === 'annulation' && (
          <p>
            Le lien envoyé à <strong>{dialog.invitation.email}</strong> ne fonctionnera plus. Un e-mail l&apos;en informera.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
