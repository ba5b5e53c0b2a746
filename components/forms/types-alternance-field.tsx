import type { UseFormRegisterReturn } from 'react-hook-form';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { TYPES_ALTERNANCE } from '@/lib/validations/offre';

/** An error under a group's legend (checkboxes, radios), referenced by the fieldset's aria-describedby. */
export function GroupError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mb-2 text-sm font-medium text-rouge">
      {message}
    </p>
  );
}

/** « Type d'alternance recherchée * »: one checkbox per contract type (offers and projects). */
export function TypesAlternanceField({ registration, error, hint }: { registration: UseFormRegisterReturn; error: string | undefined; hint?: string }) {
  return (
    <fieldset className="mb-5" aria-describedby={error ? 'types-error' : undefined}>
      <legend className="mb-2 font-medium">
        Type d&apos;alternance recherchée <span aria-hidden="true">*</span>
      </legend>
      {hint && <p className="mb-2 text-sm text-gray-700">{hint}</p>}
      <GroupError id="types-error" message={error} />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {TYPES_ALTERNANCE.map((t) => (
          <label key={t} className="flex items-center gap-2">
            <input type="checkbox" value={t} className="h-5 w-5" aria-invalid={error ? true : undefined} {...registration} />
            <span>{TYPE_ALTERNANCE_LABELS[t]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
