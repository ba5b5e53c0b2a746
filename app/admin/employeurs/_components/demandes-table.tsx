'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { decideEmployeurAction, validerEmployeursAction } from '@/lib/actions/admin-employeurs';
import type { DemandeEmployeurRow, DemandeStatut } from '@/lib/data/admin-employeurs';
import { formatDate, formatNumero } from '@/lib/format';
import { ADMIN_EMPLOYEURS_MESSAGES as M, alertesOf } from './messages';
import { MotifField } from '@/components/forms/motif-field';

type Banner = { kind: 'success' | 'error' | 'warning'; text: string; details?: string };

const BANNER_ID = 'demandes-resultat';

function adresse(e: DemandeEmployeurRow['employeur']) {
  const ville = [e.codePostal, e.ville].filter(Boolean).join(' ');
  return [e.adresse, e.complementAdresse, ville].filter(Boolean).join(', ') || null;
}

function Line({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <span className="block text-sm">
      <span className="font-medium">{label} :</span> {value}
    </span>
  );
}

function Alertes({ row }: { row: DemandeEmployeurRow }) {
  const all = alertesOf(row);
  if (all.length === 0) return <span className="text-sm">Aucune alerte</span>;
  return (
    <ul className="space-y-1 text-sm" aria-label={`Alertes (${all.length})`}>
      {all.map((a) => (
        <li key={a} className="border-l-4 border-orange bg-orange-50 px-2 py-1">
          <span aria-hidden="true">⚠ </span>
          {a}
        </li>
      ))}
    </ul>
  );
}

/** The requests of one tab; pending ones can be validated, refused (with a reason) or validated in bulk. */
export function DemandesTable({ rows, statut, caption }: { rows: DemandeEmployeurRow[]; statut: DemandeStatut; caption: string }) {
  const pendingTab = statut === 'EN_ATTENTE';
  const [selected, setSelected] = useState<string[]>([]);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [refuse, setRefuse] = useState<DemandeEmployeurRow | null>(null);
  const [motif, setMotif] = useState('');
  const [motifError, setMotifError] = useState<string | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const motifRef = useRef<HTMLTextAreaElement>(null);
  const focusBanner = useRef(false);

  // rows decided meanwhile leave the selection
  const visible = new Set(rows.map((r) => r.id));
  const selection = selected.filter((id) => visible.has(id));
  const selectedRows = rows.filter((r) => selection.includes(r.id));

  useEffect(() => {
    if (refuse) motifRef.current?.focus();
  }, [refuse]);

  useEffect(() => {
    if (banner && focusBanner.current) {
      focusBanner.current = false;
      document.getElementById(BANNER_ID)?.focus();
    }
  }, [banner]);

  const show = (b: Banner) => {
    focusBanner.current = true;
    setBanner(b);
  };

  const valider = (row: DemandeEmployeurRow) =>
    startTransition(async () => {
      const result = await decideEmployeurAction(row.id, { status: 'VALIDE' });
      if (result.ok) show({ kind: 'success', text: M.valide(row.employeur.raisonSociale) });
      else show({ kind: 'error', text: result.formError ?? 'La demande n’a pas pu être validée.' });
    });

  const confirmRefus = () => {
    if (!refuse) return;
    if (motif.trim() === '') {
      setMotifError('Indiquez le motif du refus : il sera communiqué à la structure.');
      motifRef.current?.focus();
      return;
    }
    const row = refuse;
    startTransition(async () => {
      const result = await decideEmployeurAction(row.id, { status: 'REFUSE', motif });
      if (result.ok) {
        focusBanner.current = true;
        setBanner({ kind: 'success', text: M.refuse(row.employeur.raisonSociale) });
        setRefuse(null);
        setMotif('');
      } else if (result.fieldErrors?.motif) {
        setMotifError(result.fieldErrors.motif);
        motifRef.current?.focus();
      } else {
        focusBanner.current = true;
        setBanner({ kind: 'error', text: result.formError ?? 'La demande n’a pas pu être refusée.' });
        setRefuse(null);
      }
    });
  };

  const confirmBulk = () =>
    startTransition(async () => {
      const result = await validerEmployeursAction(selection);
      focusBanner.current = true;
      if (result.ok && result.data) {
        const d = result.data;
        const deja = d.alreadyDecided.map((a) => a.raisonSociale ?? 'demande introuvable');
        setBanner({ kind: deja.length > 0 ? 'warning' : 'success', text: M.validees(d.validated), details: deja.length > 0 ? M.dejaTraitees(deja) : undefined });
        setSelected([]);
      } else {
        setBanner({ kind: 'error', text: (!result.ok && result.formError) || 'La sélection n’a pas pu être validée.' });
      }
      setBulkOpen(false);
    });

  const onRefuseClose = useCallback(() => {
    setRefuse(null);
    setMotifError(null);
    if (focusBanner.current) {
      focusBanner.current = false;
      document.getElementById(BANNER_ID)?.focus();
      return true;
    }
    return false;
  }, []);

  const onBulkClose = useCallback(() => {
    setBulkOpen(false);
    if (focusBanner.current) {
      focusBanner.current = false;
      document.getElementById(BANNER_ID)?.focus();
      return true;
    }
    return false;
  }, []);

  const allChecked = rows.length > 0 && selection.length === rows.length;

  return (
    <>
      {banner && (
        <Alert kind={banner.kind} id={BANNER_ID}>
          <p>{banner.text}</p>
          {banner.details && <p className="mt-1">{banner.details}</p>}
        </Alert>
      )}

      {rows.length > 0 && pendingTab && (
        <div className="mb-3 flex flex-wrap items-center gap-4">
          <label className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              className="size-5"
              checked={allChecked}
              onChange={(e) => setSelected(e.target.checked ? rows.map((r) => r.id) : [])}
            />
            Tout sélectionner sur cette page
          </label>
          <Button
            disabled={pending}
            onClick={() => {
              if (selection.length === 0) {
                show({ kind: 'error', text: M.selectionVide });
                return;
              }
              setBulkOpen(true);
            }}
          >
            Valider la sélection ({selection.length})
          </Button>
        </div>
      )}

      {rows.length > 0 && (
      <div className="overflow-x-auto" role="region" aria-labelledby="demandes-caption" tabIndex={0}>
        <table className="w-full border-collapse text-left">
          <caption id="demandes-caption" className="sr-only">
            {caption}
          </caption>
          <thead>
            <tr className="border-b-2 border-gris">
              {pendingTab && (
                <th scope="col" className="p-2">
                  <span className="sr-only">Sélection</span>
                </th>
              )}
              <th scope="col" className="p-2">Employeur</th>
              <th scope="col" className="p-2">Structure</th>
              <th scope="col" className="p-2">Demande</th>
              <th scope="col" className="p-2">Alertes</th>
              <th scope="col" className="p-2">{pendingTab ? 'Actions' : 'Décision'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const nom = row.employeur.raisonSociale;
              return (
                <tr key={row.id} className="border-b border-bordure align-top" data-demande={row.id}>
                  {pendingTab && (
                    <td className="p-2">
                      <input
                        type="checkbox"
                        className="size-5"
                        aria-label={`Sélectionner la demande « ${nom} » de ${row.structure.raisonSociale}`}
                        checked={selection.includes(row.id)}
                        onChange={(e) => setSelected((s) => (e.target.checked ? [...s.filter((id) => visible.has(id)), row.id] : s.filter((id) => id !== row.id)))}
                      />
                    </td>
                  )}
                  <th scope="row" className="p-2 font-normal">
                    <span className="block font-bold">{nom}</span>
                    <Line label="Siret" value={row.employeur.siret} />
                    <Line label="Numéro" value={formatNumero('employeur', row.employeur.numero)} />
                    <Line label="Code Naf" value={row.employeur.codeNaf} />
                    <Line label="Domaine" value={row.employeur.domaineActivite} />
                    <Line label="Adresse" value={adresse(row.employeur)} />
                    <Line label="E-mail" value={row.employeur.email} />
                    <Line label="Téléphone" value={row.employeur.telephone} />
                  </th>
                  <td className="p-2">
                    <span className="block font-medium">{row.structure.raisonSociale}</span>
                    <Line label="Siret" value={row.structure.siret} />
                    <Line label="E-mail" value={row.structure.email} />
                    <Line label="Téléphone" value={row.structure.telephone} />
                  </td>
                  <td className="p-2">
                    <Line label="Par" value={row.demandeur ? `${row.demandeur.nom} (${row.demandeur.email})` : 'compte supprimé'} />
                    <Line label="Le" value={formatDate(row.requestedAt)} />
                    {pendingTab && <Line label="En attente depuis" value={row.ageJours <= 1 ? `${row.ageJours} jour` : `${row.ageJours} jours`} />}
                  </td>
                  <td className="p-2">
                    <Alertes row={row} />
                  </td>
                  <td className="p-2">
                    {pendingTab ? (
                      <div className="flex flex-col gap-2">
                        <Button disabled={pending} onClick={() => valider(row)}>
                          Valider<span className="sr-only"> la demande « {nom} »</span>
                        </Button>
                        <Button
                          variant="danger"
                          disabled={pending}
                          onClick={() => {
                            setMotif('');
                            setMotifError(null);
                            setRefuse(row);
                          }}
                        >
                          Refuser<span className="sr-only"> la demande « {nom} »</span>
                        </Button>
                      </div>
                    ) : (
                      <>
                        <span className="block font-bold">{row.status === 'VALIDE' ? 'Validé' : 'Refusé'}</span>
                        <Line label="Le" value={row.decidedAt ? formatDate(row.decidedAt) : null} />
                        <Line label="Par" value={row.decideur?.nom} />
                        <Line label="Motif" value={row.status === 'REFUSE' ? row.motifRefus : null} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      )}

      <ConfirmDialog
        open={refuse !== null}
        title="Refuser la demande"
        confirmLabel="Refuser la demande"
        pendingLabel="Refus en cours…"
        pending={pending}
        onConfirm={confirmRefus}
        onClose={onRefuseClose}
      >
        {refuse && (
          <>
            <p>
              La structure « {refuse.structure.raisonSociale} » a demandé l&apos;ajout de l&apos;employeur « {refuse.employeur.raisonSociale} ». Le motif du refus
              sera communiqué par e-mail à ses membres.
            </p>
            <MotifField id="motif-refus" label="Motif du refus" value={motif} onChange={setMotif} error={motifError} inputRef={motifRef} />
          </>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={bulkOpen}
        title="Valider la sélection"
        confirmLabel={`Valider ${selectedRows.length > 1 ? `les ${selectedRows.length} demandes` : 'la demande'}`}
        pendingLabel="Validation en cours…"
        pending={pending}
        onConfirm={confirmBulk}
        onClose={onBulkClose}
      >
        <p>
          {selectedRows.length > 1 ? `Ces ${selectedRows.length} demandes seront validées` : 'Cette demande sera validée'} et les structures prévenues par e-mail :
        </p>
        <ul className="list-disc pl-6">
          {selectedRows.map((r) => (
            <li key={r.id}>
              {r.employeur.raisonSociale} ({r.structure.raisonSociale})
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </>
  );
}
