'use client';

import type { Ref } from 'react';
import { inputClasses } from '@/components/forms/field';

/** The required reason of an admin decision (refusal, deactivation, unpublishing), inside its confirmation dialog. */
export function MotifField({
  id,
  label,
  value,
  onChange,
  error,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null | undefined;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label} <span aria-hidden="true">*</span>
        <span className="sr-only"> (obligatoire)</span>
      </label>
      <textarea
        ref={inputRef}
        id={id}
        name="motif"
        rows={4}
        maxLength={1000}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${inputClasses(Boolean(error))} mt-1 w-full`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rouge">
          {error}
        </p>
      )}
    </div>
  );
}
