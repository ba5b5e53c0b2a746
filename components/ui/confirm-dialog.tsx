'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { trapFocus } from '@/components/ui/trap-focus';

/**
 * An accessible confirmation step for destructive actions: a modal <dialog> (the rest of the
 * page is inert), titled and described for screen readers, focus on « Annuler » when it opens,
 * Tab stays inside it, Échap closes it, and focus goes back to the button that opened it (or wherever onClose puts it).
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  /** Called once the dialog is closed; return true when it moved the focus itself. */
  onClose: () => boolean | void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleClose = () => {
      const target = opener.current;
      opener.current = null;
      // the parent may move focus itself (to the message announcing the result)
      if (onClose() === true) return;
      if (target?.isConnected) target.focus();
    };
    dialog.addEventListener('close', handleClose);
    return () => dialog.removeEventListener('close', handleClose);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descId}
      className="m-auto w-[min(36rem,calc(100%-2rem))] border border-bordure bg-white p-6 text-gris shadow-xl backdrop:bg-black/50"
      onCancel={(e) => {
        if (pending) e.preventDefault();
      }}
      onKeyDown={trapFocus}
    >
      <h2 id={titleId} className="text-xl font-bold text-bleu">
        {title}
      </h2>
      <div id={descId} className="mt-3 space-y-2">
        {children}
      </div>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <Button ref={cancelRef} variant="secondary" disabled={pending} onClick={() => ref.current?.close()}>
          Annuler
        </Button>
        <Button variant="primary" disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
