'use client';

import { useMemo, type ReactNode } from 'react';
import { useController, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { Autocomplete } from '@/components/forms/autocomplete';
import { searchAppellationsAction } from '@/lib/actions/referentiels';
import type { AppellationOption } from '@/lib/data/referentiels';

/** The two fields every form with a « Métier » holds: the chosen code, and its label (for display only). */
export interface MetierValues {
  appellationCode: string;
  metier?: string | undefined;
}

const searchAppellations = (q: string) => searchAppellationsAction(q);

/**
 * « Métier * »: an autocomplete over the ROME appellations, for any react-hook-form form that has
 * `appellationCode` and `metier` fields (« Créer une offre », « Mes projets »). Typing again drops
 * the choice, so only a métier chosen in the list is ever submitted; the server reads its label
 * from the referential again.
 */
export function MetierField<T extends FieldValues & MetierValues>({
  form,
  hint = 'Par exemple : carreleur, boulanger, technico-commercial.',
}: {
  form: UseFormReturn<T>;
  hint?: ReactNode;
}) {
  // T is any form holding these two fields: work on that part of it
  const f = form as unknown as UseFormReturn<MetierValues>;
  const {
    field: { ref: fieldRef, name, onBlur, value: code },
    fieldState,
  } = useController({ control: f.control, name: 'appellationCode' });
  const metier = useWatch({ control: f.control, name: 'metier' });
  const value = useMemo<AppellationOption | null>(() => (code ? { code, libelle: metier ?? '', romeCode: '', version: '' } : null), [code, metier]);
  const revalidate = f.formState.isSubmitted;
  return (
    <Autocomplete<AppellationOption>
      id="appellationCode"
      label="Métier"
      listLabel="Métiers"
      required
      hint={hint}
      ref={fieldRef}
      name={name}
      onBlur={onBlur}
      error={fieldState.error?.message}
      value={value}
      search={searchAppellations}
      getKey={(o) => o.code}
      getLabel={(o) => o.libelle}
      onSelect={(o) => {
        f.setValue('metier', o.libelle);
        f.setValue('appellationCode', o.code, { shouldDirty: true, shouldValidate: revalidate });
      }}
      onClear={() => {
        f.setValue('metier', '');
        f.setValue('appellationCode', '', { shouldDirty: true, shouldValidate: revalidate });
      }}
    />
  );
}
