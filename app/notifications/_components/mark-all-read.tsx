'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { markAllNotificationsReadAction } from '@/lib/actions/notifications';

/** « Tout marquer comme lu », then the list and the header's count are read again. */
export function MarkAllRead() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsReadAction();
      setMessage(result.ok ? (result.message ?? null) : (result.formError ?? null));
      router.refresh();
    });

  return (
    <div className="mb-6">
      <Button variant="secondary" onClick={markAll} disabled={pending}>
        {pending ? 'Enregistrement…' : 'Tout marquer comme lu'}
      </Button>
      <p role="status" className="mt-2 text-sm">
        {message}
      </p>
    </div>
  );
}
