'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { markAllNotificationsReadAction } from '@/lib/actions/notifications';

/** « Tout marquer comme lu », then the list and the header's count are read again. */
export function MarkAllRead({ unread }: { unread: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsReadAction();
      setMessage(result.ok ? (result.message ?? null) : (result.formError ?? null));
      router.refresh();
      // the button goes away with the last unread one: the focus goes to the confirmation
      requestAnimationFrame(() => statusRef.current?.focus());
    });

  return (
    <div className="mb-6">
      {unread > 0 && (
        <Button variant="secondary" onClick={markAll} disabled={pending}>
          {pending ? 'Enregistrement…' : 'Tout marquer comme lu'}
        </Button>
      )}
      <p ref={statusRef} role="status" tabIndex={-1} className="mt-2 text-sm">
        {message}
      </p>
    </div>
  );
}
