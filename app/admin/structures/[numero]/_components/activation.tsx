'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { setStructureActiveAction } from '@/lib/actions/admin-structures';
import { ADMIN_STRUCTURES_MESSAGES as M } from '../../_components/messages';
import { MotifField } from '@/components/forms/motif-field';

const BANNER_ID = 'structure-resultat';

/** « Désactiver la structure » / « Réactiver »: a confirmation dialog with a required reason. */
export function StructureActivation({ structureId, raisonSociale, active, offresEnCours, membres }: { structureId: string; raisonSociale: string; active: boolean; offresEnCours: number; membres: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [motif, setMotif] = useState('');
  const [motifError, setMotifError] = useState<string | null>(null);
  const [banner, setBanner] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const motifRef = useRef<HTMLTextAreaElement>(null);
  const focusBanner = useRef(false);

  useEffect(() => {
    if (open) motifRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (banner && focusBanner.current) {
      focusBanner.current = false;
      document.getElementById(BANNER_ID)?.focus();
    }
  }, [banner]);

  const title = active ? 'Désactiver la structure' : 'Réactiver la structure';

  const confirm = () => {
    if (motif.trim() === '') {
      setMotifError(M.motifRequis);
      motifRef.current?.focus();
      return;
    }
    startTransition(async () => {
      const result = await setStructureActiveAction({ structureId, active: !active, motif });
      if (result.ok && result.data) {
        focusBanner.current = true;
        setBanner({ kind: 'success', text: result.data.active ? M.reactivee(raisonSociale, result.data.notified) : M.desactivee(raisonSociale, result.data.notified) });
        setOpen(false);
        setMotif('');
        router.refresh();
      } else if (!result.ok && result.fieldErrors?.motif) {
        setMotifError(result.fieldErrors.motif);
        motifRef.current?.focus();
      } else {
        focusBanner.current = true;
        setBanner({ kind: 'error', text: (!result.ok && result.formError) || 'La structure n’a pas pu être modifiée.' });
        setOpen(false);
      }
    });
  };

  const onClose = useCallback(() => {
    setOpen(false);
    setMotifError(null);
    if (focusBanner.current) {
      focusBanner.current = false;
      document.getElementById(BANNER_ID)?.focus();
      return true;
    }
    return false;
  }, []);

  return (
    <>
      {banner && (
        <Alert kind={banner.kind} id={BANNER_ID}>
          <p>{banner.text}</p>
        </Alert>
      )}
      <Button
        variant={active ? 'danger' : 'primary'}
        disabled={pending}
        onClick={() => {
          setMotif('');
          setMotifError(null);
          setOpen(true);
        }}
      >
        {active ? 'Désactiver la structure' : 'Réactiver'}
        {!active && <span className="sr-only"> la structure</span>}
      </Button>

      <ConfirmDialog open={open} title={title} confirmLabel={title} pendingLabel={active ? 'Désactivation en cours…' : 'Réactivation en cours…'} pending={pending} onConfirm={confirm} onClose={onClose}>
        {active ? (
          <p>
            La structure « {raisonSociale} » sera désactivée : {offresEnCours === 0 ? 'elle n’a aucune offre en cours' : offresEnCours === 1 ? 'son offre en cours ne sera plus visible sur le site' : `ses ${offresEnCours} offres en cours ne seront plus visibles sur le site`},{' '}
            {membres === 0 ? 'elle n’a aucun membre.' : membres === 1 ? 'son membre sera déconnecté, ne pourra plus agir pour elle et sera prévenu par e-mail avec le motif.' : `ses ${membres} membres seront déconnectés, ne pourront plus agir pour elle et seront prévenus par e-mail avec le motif.`}
          </p>
        ) : (
          <p>
            La structure « {raisonSociale} » sera réactivée : ses offres en cours seront de nouveau visibles sur le site et ses membres pourront de nouveau agir
            pour elle. Ils seront prévenus par e-mail avec le motif.
          </p>
        )}
        <MotifField id="motif-structure" label="Motif" value={motif} onChange={setMotif} error={motifError} inputRef={motifRef} />
      </ConfirmDialog>
    </>
  );
}
