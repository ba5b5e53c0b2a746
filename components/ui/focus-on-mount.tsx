'use client';

import { useEffect } from 'react';

/** Moves focus once to an element (the confirmation shown after a redirect or an answer), so that it is read first. */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}
