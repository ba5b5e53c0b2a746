'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { inputClasses } from '@/components/forms/field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { envoyerLienReinitialisationAction, setUtilisateurActifAction } from '@/lib/actions/admin-utilisateurs';
import type { UtilisateurRow } from '@/lib/data/admin-utilisateurs';
import { formatDate, formatNumero } from '@/lib/format';
import { ADMIN_UTILISATEURS_MESSAGES as M, roleOf } from './messages';

type Banner = { kind: 'success' | 'error' | 'warning'; text: string; details?: string };

const BANNER_ID = 'utilisateurs-resultat';
const MOTIF_ID = 'motif-desactivation';

/** The accounts of the page, each with « Désactiver » / « Réactiver » and « Envoyer un lien de réinitialisation ». */
export function UtilisateursTable({ rows, selfId, caption }: { rows: UtilisateurRow[]; selfId: string; caption: string }) {
  const [banner, setBanner] = useState<Banner | null>(null);
  const [target, setTarget] = useState<UtilisateurRow | null>(null);
  const [motif, setMotif] = useState('');
  const [motifError, setMotifError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const focusBanner = useRef(false);

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

  const confirm = () => {
    if (!target) return;
    const row = target;
    const actif = !row.active;
    startTransition(async () => {
      const result = await setUtilisateurActifAction(row.id, { actif, motif: actif ? undefined : motif });
      if (!result.ok && result.fieldErrors?.motif) {
        setMotifError(result.fieldErrors.motif);
        document.getElementById(MOTIF_ID)?.focus();
        return;
      }
      focusBanner.current = true;
      if (result.ok && result.data) {
        const d = result.data;
        setBanner({
          kind: d.structureSansGestionnaire ? 'warning' : 'success',
          text: actif ? M.reactive(d.nom) : M.desactive(d.nom),
          details: d.structureSansGestionnaire ? M.sansGestionnaire(d.structureSansGestionnaire) : undefined,
        });
      } else {
        setBanner({ kind: 'error', text: (!result.ok && result.formError) || 'Le compte n’a pas pu être modifié.' });
      }
      setTarget(null);
      setMotif('');
    });
  };

  const envoyerLien = (row: UtilisateurRow) =>
    startTransition(async () => {
      const result = await envoyerLienReinitialisationAction(row.id);
      if (result.ok && result.data) show({ kind: 'success', text: M.lienEnvoye(result.data.nom, result.data.email) });
      else show({ kind: 'error', text: (!result.ok && result.formError) || 'Le lien n’a pas pu être envoyé.' });
    });

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

  const nomOf = (row: UtilisateurRow) => `${row.prenom} ${row.nom}`.trim();

  return (
    <>
      {banner && (
        <Alert kind={banner.kind} id={BANNER_ID}>
          <p>{banner.text}</p>
          {banner.details && <p className="mt-1 font-bold">{banner.details}</p>}
        </Alert>
      )}

      {rows.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-labelledby="utilisateurs-caption" tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption id="utilisateurs-caption" className="sr-only">
              {caption}
            </caption>
            <thead>
              <tr className="border-b-2 border-gris">
                <th scope="col" className="p-2">Numéro</th>
                <th scope="col" className="p-2">Nom</th>
                <th scope="col" className="p-2">Prénom</th>
                <th scope="col" className="p-2">E-mail</th>
                <th scope="col" className="p-2">Rôle</th>
                <th scope="col" className="p-2">Actif</th>
                <th scope="col" className="p-2">Dernière connexion</th>
                <th scope="col" className="p-2">Créé le</th>
                <th scope="col" className="p-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const nom = nomOf(row);
                return (
                  <tr key={row.id} className="border-b border-bordure align-top" data-utilisateur={row.id}>
                    <td className="p-2">{formatNumero('utilisateur', row.numero)}</td>
                    <td className="p-2">{row.nom}</td>
                    <td className="p-2">{row.prenom}</td>
                    <td className="p-2 break-all">{row.email}</td>
                    <td className="p-2">
                      {roleOf(row)}
                      {row.dernierGestionnaire && <span className="block text-sm">Seul gestionnaire actif de sa structure</span>}
                    </td>
                    <td className="p-2">{row.active ? 'Oui' : 'Non'}</td>
                    <td className="p-2">{row.lastLoginAt ? formatDate(row.lastLoginAt) : 'Jamais'}</td>
                    <td className="p-2">{formatDate(row.createdAt)}</td>
                    <td className="p-2">
                      <div className="flex flex-col gap-2">
                        {row.id === selfId ? (
                          <span className="text-sm">Votre compte</span>
                        ) : (
                          <Button variant="secondary" disabled={pending} onClick={() => setTarget(row)} aria-label={`${row.active ? 'Désactiver' : 'Réactiver'} le compte de ${nom}`}>
                            {row.active ? 'Désactiver' : 'Réactiver'}
                          </Button>
                        )}
                        {row.active && (
                          <Button variant="secondary" disabled={pending} onClick={() => envoyerLien(row)} aria-label={`Envoyer un lien de réinitialisation à ${nom}`}>
                            Envoyer un lien de réinitialisation
                          </Button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <ConfirmDialog
        open={target !== null}
        title={target?.active === false ? 'Réactiver le compte' : 'Désactiver le compte'}
        confirmLabel={target?.active === false ? 'Réactiver le compte' : 'Désactiver le compte'}
        pendingLabel={target?.active === false ? 'Réactivation…' : 'Désactivation…'}
        pending={pending}
        onConfirm={confirm}
        onClose={onClose}
      >
        {target && target.active && (
          <>
            <p>
              Désactiver le compte de {nomOf(target)} ({target.email}) ? Sa session en cours sera fermée et il ne pourra plus se connecter. Il sera prévenu par
              e-mail.
            </p>
            {target.dernierGestionnaire && target.structure && (
              <p className="border-l-4 border-orange bg-orange-50 px-2 py-1 font-bold">
                <span aria-hidden="true">⚠ </span>
                C&apos;est le seul gestionnaire actif de la structure « {target.structure.raisonSociale} » : elle n&apos;aura plus de gestionnaire.
              </p>
            )}
            <div>
              <label htmlFor={MOTIF_ID} className="block font-medium">
                Motif (facultatif, communiqué à l&apos;utilisateur)
              </label>
              <textarea
                id={MOTIF_ID}
                value={motif}
                onChange={(e) => setMotif(e.target.value)}
                maxLength={500}
                rows={3}
                aria-invalid={motifError ? true : undefined}
                aria-describedby={motifError ? `${MOTIF_ID}-error` : undefined}
                className={`mt-1 ${inputClasses(Boolean(motifError))}`}
              />
              {motifError && (
                <p id={`${MOTIF_ID}-error`} className="mt-1 text-rouge">
                  {motifError}
                </p>
              )}
            </div>
          </>
        )}
        {target && !target.active && (
          <p>
            Réactiver le compte de {nomOf(target)} ({target.email}) ? Il pourra de nouveau se connecter et sera prévenu par e-mail.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
