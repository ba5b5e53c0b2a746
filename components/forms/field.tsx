import type { ComponentProps, ReactNode } from 'react';

/**
 * A labelled input with its hint and error tied by aria-describedby (RGAA 11.1, 11.10).
 * Works with react-hook-form: spread `register(name)` into `inputProps`.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-5">
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rouge">
          {error}
        </p>
      )}
      <div className="mt-1">{children(describedBy)}</div>
    </div>
  );
}

export const inputClasses = (invalid?: boolean) =>
  `block w-full rounded-t border-0 border-b-2 bg-gris-clair px-3 py-2 text-base ${invalid ? 'border-rouge' : 'border-gris'}`;

export function TextField({
  id,
  label,
  hint,
  error,
  required,
  inputProps,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  inputProps: ComponentProps<'input'>;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <input
          id={id}
          className={inputClasses(Boolean(error))}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          {...inputProps}
        />
      )}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select whose first option « — Choisir — » is empty; same wiring as TextField. */
export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  options,
  selectProps,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  options: readonly SelectOption[];
  selectProps: ComponentProps<'select'>;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <select
          id={id}
          className={inputClasses(Boolean(error))}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          {...selectProps}
        >
          <option value="">— Choisir —</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
