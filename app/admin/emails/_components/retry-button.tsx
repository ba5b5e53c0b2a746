'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { retryEmailAction } from '@/lib/actions/admin-emails';
import { ADMIN_EMAILS_MESSAGES as M } from './messages';

export type RetryBanner = { kind: 'success' | 'error'; text: string };

/**
 * « Réessayer » with its result message. The component that holds the message must stay mounted
 * when the row leaves the « Échecs » list or stops being failed (the page is refreshed by the action).
 */
export function useRetry() {
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<RetryBanner | null>(null);
  const bannerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (banner) bannerRef.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }, [banner]);

  const retry = useCallback(
    (email: { id: string; to: string }) =>
      startTransition(async () => {
        const result = await retryEmailAction(email.id);
        if (result.ok) setBanner({ kind: 'success', text: M.renvoye(email.to) });
        else setBanner({ kind: 'error', text: result.formError ?? M.renvoiImpossible });
      }),
    [],
  );

  const bannerNode = (
    <div ref={bannerRef}>
      {banner && (
        <Alert kind={banner.kind}>
          <p>{banner.text}</p>
        </Alert>
      )}
    </div>
  );
  return { pending, retry, bannerNode };
}

export function RetryButton({ email, pending, onRetry }: { email: { id: string; to: string; subject: string }; pending: boolean; onRetry: () => void }) {
  return (
    <Button disabled={pending} onClick={onRetry}>
      Réessayer<span className="sr-only"> l’envoi de « {email.subject} » à {email.to}</span>
    </Button>
  );
}

/** The detail page's « Réessayer » (only for a failed e-mail) and its message. */
export function RetryPanel({ email, failed }: { email: { id: string; to: string; subject: string }; failed: boolean }) {
  const { pending, retry, bannerNode } = useRetry();
  return (
    <div className="mb-6">
      {bannerNode}
      {failed && <RetryButton email={email} pending={pending} onRetry={() => retry(email)} />}
    </div>
  );
}
