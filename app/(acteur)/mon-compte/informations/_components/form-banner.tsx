'use client';

import { useEffect, useRef } from 'react';

/**
 * The form-level error of one of the page's three forms. Its id is scoped to the form (the
 * shared FormError's fixed id would appear twice when two forms fail); focus moves to it when
 * no field carries the error, as FormError does.
 */
export function FormBanner({ id, message, hasFieldErrors }: { id: string; message: string | null | undefined; hasFieldErrors: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && !hasFieldErrors) ref.current?.focus();
  }, [message, hasFieldErrors]);
  if (!message) return null;
  return (
    <div ref={ref} id={id} role="alert" tabIndex={-1} className="my-4 border-l-4 border-rouge bg-red-50 p-4 font-medium">
      {message}
    </div>
  );
}
