'use client';

import { useCallback, useState, useTransition } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/action-result';

/**
 * Submits a react-hook-form form to a server action and maps its ActionResult back:
 * field errors go to setError (focus moves to the first one), the form error to a banner.
 */
export function useActionForm<T extends FieldValues, R>(
  form: UseFormReturn<T>,
  action: (values: T) => Promise<ActionResult<R>>,
  onSuccess?: (result: Extract<ActionResult<R>, { ok: true }>) => void,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const onSubmit = useCallback(
    (values: T) =>
      new Promise<void>((resolve) => {
        setFormError(null);
        startTransition(async () => {
          const result = await action(values);
          if (!result) return resolve();
          if (result.ok) {
            onSuccess?.(result as Extract<ActionResult<R>, { ok: true }>);
          } else {
            const entries = Object.entries(result.fieldErrors ?? {});
            entries.forEach(([name, message], i) =>
              form.setError(name as Path<T>, { type: 'server', message }, { shouldFocus: i === 0 }),
            );
            setFormError(result.formError ?? null);
            if (entries.length === 0) {
              requestAnimationFrame(() => document.getElementById('form-error')?.focus());
            }
          }
          resolve();
        });
      }),
    [action, form, onSuccess],
  );

  return { onSubmit: form.handleSubmit(onSubmit), formError, pending: pending || form.formState.isSubmitting };
}
