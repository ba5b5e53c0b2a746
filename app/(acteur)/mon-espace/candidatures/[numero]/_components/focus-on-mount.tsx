'use client';

import { useEffect } from 'react';

/** Moves focus once to an element (the banner shown after answering), so that it is read first. */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}
