'use client';

import { useEffect } from 'react';

/** Moves focus to an element once (the message shown after a redirect), so that it is read first. */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}
