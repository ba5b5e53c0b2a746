'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteCvAction } from '@/lib/actions/candidat';
import { formatDate } from '@/lib/format';
import { CV_MAX_BYTES, CV_MESSAGES, formatTaille } from '@/lib/uploads/cv';

export interface CvSummary {
  filename: string;
  size: number;
  createdAt: string | Date;
}

type Status = { kind: 'success' | 'error'; text: string } | null;

/**
 * « Mon CV »: shows the current CV, uploads a new one (PDF, 5 Mo at most; the server checks the
 * content), deletes it after confirmation. No <form> of its own: it also sits inside the
 * « Postuler » form, so it posts with fetch to /api/cv.
 */
export function CvUpload({ current, onChange }: { current: CvSummary | null; onChange?: (cv: CvSummary | null) => void }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [cv, setCv] = useState<CvSummary | null>(current);
  const [status, setStatus] = useState<Status>(null);
  const [uploading, setUploading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, startDelete] = useTransition();

  const update = (next: CvSummary | null) => {
    setCv(next);
    onChange?.(next);
    router.refresh();
  };

  const upload = async () => {
    const file = inputRef.current?.files?.[0];
    setStatus(null);
    if (!file) {
      setStatus({ kind: 'error', text: CV_MESSAGES.manquant });
      inputRef.current?.focus();
      return;
    }
    // the server checks again (size while streaming, type by content): this only saves a long wait
    if (file.size > CV_MAX_BYTES) {
      setStatus({ kind: 'error', text: CV_MESSAGES.tropGros });
      inputRef.current?.focus();
      return;
    }
    setUploading(true);
    try {
      const body = new FormData();
      body.append('fichier', file, file.name);
      const response = await fetch('/api/cv', { method: 'POST', body });
      const result = (await response.json().catch(() => null)) as { ok?: boolean; message?: string; cv?: CvSummary } | null;
      if (response.ok && result?.ok && result.cv) {
        setStatus({ kind: 'success', text: result.message ?? CV_MESSAGES.enregistre });
        if (inputRef.current) inputRef.current.value = '';
        update(result.cv);
      } else {
        setStatus({ kind: 'error', text: result?.message ?? CV_MESSAGES.requete });
        inputRef.current?.focus();
      }
    } catch {
      setStatus({ kind: 'error', text: CV_MESSAGES.requete });
    } finally {
      setUploading(false);
    }
  };

  const remove = () =>
    startDelete(async () => {
      const result = await deleteCvAction();
      setConfirming(false);
      if (result.ok) {
        setStatus({ kind: 'success', text: result.message ?? CV_MESSAGES.supprime });
        update(null);
      } else {
        setStatus({ kind: 'error', text: result.formError ?? CV_MESSAGES.requete });
      }
    });

  const statusError = status?.kind === 'error';

  return (
    <div className="space-y-4">
      {cv ? (
        <p data-testid="cv-actuel">
          Votre CV : <strong>{cv.filename}</strong> ({formatTaille(cv.size)}), déposé le {formatDate(new Date(cv.createdAt))} —{' '}
          <a href="/api/cv" download>
            Télécharger<span className="sr-only"> mon CV</span>
          </a>
        </p>
      ) : (
        <p data-testid="cv-actuel">Vous n&apos;avez pas encore déposé de CV.</p>
      )}

      <div>
        <label htmlFor={inputId} className="mb-1 block font-medium">
          {cv ? 'Remplacer mon CV' : 'Choisir un fichier PDF (5 Mo au plus)'}
        </label>
        <p id={hintId} className="mb-2 text-sm">
          Format PDF uniquement, 5 Mo au plus.
        </p>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          name="fichier"
          accept="application/pdf,.pdf"
          aria-describedby={statusError ? `${hintId} ${statusId}` : hintId}
          aria-invalid={statusError ? true : undefined}
          className="block w-full max-w-md border border-bordure p-2 text-sm"
        />
      </div>

      <div className="flex flex-wrap gap-3">
        <Button onClick={upload} disabled={uploading}>
          {uploading ? 'Envoi en cours…' : 'Envoyer mon CV'}
        </Button>
        {cv && (
          <Button variant="danger" onClick={() => setConfirming(true)} disabled={deleting}>
            Supprimer mon CV
          </Button>
        )}
      </div>

      <div id={statusId} role={statusError ? 'alert' : 'status'} aria-live="polite">
        {status && (
          <p className={`border-l-4 p-3 ${statusError ? 'border-rouge bg-red-50' : 'border-vert bg-green-50'}`}>{status.text}</p>
        )}
      </div>

      <ConfirmDialog
        open={confirming}
        title="Supprimer mon CV"
        confirmLabel="Supprimer mon CV"
        pendingLabel="Suppression…"
        pending={deleting}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      >
        <p>Votre CV sera supprimé. Les candidatures déjà envoyées gardent le CV joint au moment de l&apos;envoi.</p>
      </ConfirmDialog>
    </div>
  );
}
