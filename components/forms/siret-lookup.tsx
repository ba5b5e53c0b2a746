'use client';

import { useCallback, useState, useTransition } from 'react';
import type { FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { Field, inputClasses } from '@/components/forms/field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { lookupSiretAction } from '@/lib/actions/structure';
import type { Etablissement, LookupResult } from '@/lib/entreprises/recherche-entreprises';

/**
 * The « Recherche par SIRET » shared by « Ma structure » and « Ajouter un employeur »: one lookup
 * (lookupSiretAction: rate-limited, cached, never blocking), the same outcomes everywhere:
 *  - one establishment found → `apply` fills the form;
 *  - a SIREN with several establishments → the user picks one (closed ones disabled);
 *  - invalid number or closed establishment → error on the field, focus moved to it;
 *  - not found / unavailable / saturated (429) → a warning, and the user fills the fields in himself.
 */
export function useSiretLookup<T extends FieldValues>(form: UseFormReturn<T>, name: Path<T>, apply: (e: Etablissement) => void) {
  const [lookup, setLookup] = useState<LookupResult | null>(null);
  const [searching, startSearch] = useTransition();

  const search = useCallback(() => {
    const raw = String(form.getValues(name) ?? '');
    startSearch(async () => {
      const result = await lookupSiretAction(raw);
      setLookup(result);
      if (result.status === 'found' && result.etablissements.length === 1) apply(result.etablissements[0]!);
      if (result.status === 'invalid' || result.status === 'closed') {
        form.setError(name, { type: 'lookup', message: result.message }, { shouldFocus: true });
      } else {
        form.clearErrors(name);
      }
    });
  }, [apply, form, name]);

  return { lookup, searching, search };
}

/** The number's field with its « Rechercher » button (Enter searches instead of submitting the form). */
export function SiretLookupField({
  id,
  label,
  hint,
  required,
  error,
  registration,
  searching,
  onSearch,
}: {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  error?: string;
  registration: UseFormRegisterReturn;
  searching: boolean;
  onSearch: () => void;
}) {
  return (
    <Field id={id} label={label} required={required} hint={hint} error={error}>
      {(describedBy) => (
        <div className="flex flex-wrap gap-2">
          <input
            id={id}
            inputMode="numeric"
            autoComplete="off"
            className={`${inputClasses(Boolean(error))} max-w-xs`}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            aria-required={required || undefined}
            {...registration}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onSearch();
              }
            }}
          />
          <Button variant="secondary" onClick={onSearch} disabled={searching}>
            {searching ? 'Recherche…' : 'Rechercher'}
          </Button>
        </div>
      )}
    </Field>
  );
}

/** What the lookup answered (announced politely), and the choice of establishment for a SIREN. */
export function SiretLookupOutcome({
  lookup,
  chooserLegend,
  onChoose,
}: {
  lookup: LookupResult | null;
  chooserLegend: string;
  onChoose: (e: Etablissement) => void;
}) {
  const several = lookup?.status === 'found' && lookup.etablissements.length > 1 ? lookup.etablissements : null;
  return (
    <>
      <div role="status" aria-live="polite">
        {lookup?.status === 'found' && lookup.etablissements.length === 1 && (
          <Alert kind="success">Établissement trouvé : les champs ont été remplis. Vérifiez-les puis complétez le formulaire.</Alert>
        )}
        {lookup && (lookup.status === 'not_found' || lookup.status === 'unavailable' || lookup.status === 'rate_limited') && (
          <Alert kind="warning">{lookup.message}</Alert>
        )}
      </div>
      {several && (
        <fieldset className="mb-4">
          <legend className="mb-2 font-medium">{chooserLegend}</legend>
          <ul className="space-y-2">
            {several.map((e) => (
              <li key={e.siret}>
                <label className="flex gap-3 border border-bordure p-3">
                  <input type="radio" name="etablissement" className="mt-1 h-5 w-5" disabled={e.etatAdministratif === 'F'} onChange={() => onChoose(e)} />
                  <span>
                    <span className="block font-medium">
                      {e.siret} — {e.raisonSociale}
                      {e.estSiege ? ' (siège)' : ''}
                    </span>
                    <span className="block text-sm">
                      {[e.adresse, e.codePostal, e.commune].filter(Boolean).join(' ')}
                      {e.etatAdministratif === 'F' ? ' — établissement fermé' : ''}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </>
  );
}
