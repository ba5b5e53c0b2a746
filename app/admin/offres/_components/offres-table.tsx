'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { depublierOffreAction } from '@/lib/actions/admin-offres';
import type { OffreAdminRow } from '@/lib/data/admin-offres';
import { formatDate, formatNumero } from '@/lib/format';
import { OFFRE_STATUS_LABELS } from '@/lib/labels';
import { ADMIN_OFFRES_MESSAGES as M } from './messages';
import { MotifField } from '@/components/forms/motif-field';

const BANNER_ID = 'offres-resultat';

/** The offers of the search; an open one can be unpublished (« Dépublier », with a required reason). */
export function OffresTable({ rows, caption }: { rows: OffreAdminRow[]; caption: string }) {
  const router = useRouter();
  const [target, setTarget] = useState<OffreAdminRow | null>(null);
  const [motif, setMotif] = useState('');
  const [motifError, setMotifError] = useState<string | null>(null);
  const [banner, setBanner] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const motifRef = useRef<HTMLTextAreaElement>(null);
  const focusBanner = useRef(false);

  useEffect(() => {
    if (target) motifRef.current?.focus();
  }, [target]);

  useEffect(() => {
    if (banner && focusBanner.current) {
      focusBanner.current = false;
      document.getElementById(BANNER_ID)?.focus();
    }
  }, [banner]);

  const confirm = () => {
    if (!target) return;
    if (motif.trim() === '') {
      setMotifError(M.motifRequis);
      motifRef.current?.focus();
      return;
    }
    const row = target;
    startTransition(async () => {
      const result = await depublierOffreAction({ numero: row.numero, motif });
      if (result.ok) {
        focusBanner.current = true;
        setBanner({ kind: 'success', text: M.depubliee(row.metier, formatNumero('offre', row.numero)) });
        setTarget(null);
        setMotif('');
        router.refresh();
      } else if (result.fieldErrors?.motif) {
        setMotifError(result.fieldErrors.motif);
        motifRef.current?.focus();
      } else {
        focusBanner.current = true;
        setBanner({ kind: 'error', text: result.formError ?? 'L’offre n’a pas pu être dépubliée.' });
        setTarget(null);
      }
    });
  };

  const onClose = useCallback(() => {
    setTarget(null);
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

      {rows.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-labelledby="offres-caption" tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption id="offres-caption" className="sr-only">
              {caption}
            </caption>
            <thead>
              <tr className="border-b-2 border-gris">
                <th scope="col" className="p-2">Numéro</th>
                <th scope="col" className="p-2">Métier</th>
                <th scope="col" className="p-2">Structure</th>
                <th scope="col" className="p-2">Employeur</th>
                <th scope="col" className="p-2">Commune</th>
                <th scope="col" className="p-2">Statut</th>
                <th scope="col" className="p-2">Candidatures</th>
                <th scope="col" className="p-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => {
                const numero = formatNumero('offre', o.numero);
                return (
                  <tr key={o.id} className="border-b border-bordure align-top" data-offre={o.numero}>
                    <td className="p-2">{numero}</td>
                    <th scope="row" className="p-2 font-normal">
                      {o.status === 'EN_COURS' && o.structureActive ? <Link href={`/offres/${o.numero}`}>{o.metier}</Link> : o.metier}
                      <span className="block text-sm">Publiée le {formatDate(o.publishedAt)}</span>
                    </th>
                    <td className="p-2">
                      <Link href={`/admin/structures/${o.structureNumero}`}>{o.structure}</Link>
                      {!o.structureActive && <span className="block text-sm font-medium">Structure désactivée</span>}
                    </td>
                    <td className="p-2">{o.employeur}</td>
                    <td className="p-2">{[o.codePostal, o.commune].filter(Boolean).join(' ')}</td>
                    <td className="p-2">
                      {OFFRE_STATUS_LABELS[o.status]}
                      {o.archivedAt && <span className="block text-sm">le {formatDate(o.archivedAt)}</span>}
                      {o.motifDepublication && <span className="block text-sm">Dépubliée : {o.motifDepublication}</span>}
                    </td>
                    <td className="p-2">{o.candidatures}</td>
                    <td className="p-2">
                      {o.status === 'EN_COURS' ? (
                        <Button
                          variant="danger"
                          disabled={pending}
                          onClick={() => {
                            setMotif('');
                            setMotifError(null);
                            setTarget(o);
                          }}
                        >
                          Dépublier<span className="sr-only"> l&apos;offre {numero}</span>
                        </Button>
                      ) : (
                        <span className="sr-only">Aucune action</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <ConfirmDialog open={target !== null} title="Dépublier l'offre" confirmLabel="Dépublier l'offre" pendingLabel="Dépublication en cours…" pending={pending} onConfirm={confirm} onClose={onClose}>
        {target && (
          <>
            <p>
              L&apos;offre « {target.metier} » ({formatNumero('offre', target.numero)}) de « {target.structure} » sera retirée du site et archivée. Le motif
              sera communiqué par e-mail à la structure.
            </p>
            <MotifField id="motif-depublication" label="Motif de la dépublication" value={motif} onChange={setMotif} error={motifError} inputRef={motifRef} />
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
