'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useWatch, type FieldValues, type Path, type PathValue, type UseFormReturn } from 'react-hook-form';
import { communesAction } from '@/lib/actions/structure';

type WithAddress = FieldValues & { codePostal?: string | null; communeInsee?: string | null };
export type CommuneOption = { code: string; nom: string };

/**
 * « Code postal » → the communes of that postal code, for the « Commune » select. Keeps the chosen
 * commune when it still belongs to the new postal code, picks the only one when there is one, and
 * `prefill(codePostal, communeInsee)` fills both from a lookup (directory, employer) — the commune
 * is selected once its <option> is rendered, since a select ignores unknown values.
 */
export function usePostalCodeCommunes<T extends WithAddress>(form: UseFormReturn<T>, initialCommunes: CommuneOption[] = []) {
  const [communes, setCommunes] = useState(initialCommunes);
  const pendingCommune = useRef<string | null>(null);
  const { setValue, getValues } = form;
  const CODE_POSTAL = 'codePostal' as Path<T>;
  const COMMUNE = 'communeInsee' as Path<T>;
  const setField = useCallback(
    (name: Path<T>, value: string) => setValue(name, value as PathValue<T, Path<T>>, { shouldDirty: true }),
    [setValue],
  );

  const codePostal = useWatch({ control: form.control, name: CODE_POSTAL }) as string | undefined;
  useEffect(() => {
    if (!/^\d{5}$/.test(codePostal ?? '')) return;
    let cancelled = false;
    communesAction(codePostal).then((list) => {
      if (cancelled) return;
      const wanted = pendingCommune.current ?? (getValues(COMMUNE) as string | undefined);
      const match = list.find((c) => c.code === wanted) ?? (list.length === 1 ? list[0] : undefined);
      pendingCommune.current = match?.code ?? '';
      setCommunes(list);
    });
    return () => {
      cancelled = true;
    };
  }, [codePostal, getValues, COMMUNE]);

  useEffect(() => {
    if (pendingCommune.current === null) return;
    setField(COMMUNE, pendingCommune.current);
    pendingCommune.current = null;
  }, [communes, setField, COMMUNE]);

  const prefill = useCallback(
    (nextCodePostal: string | null | undefined, communeInsee: string | null | undefined) => {
      if (nextCodePostal && nextCodePostal === getValues(CODE_POSTAL)) {
        // same postal code: its communes are already listed
        setField(COMMUNE, communeInsee ?? '');
      } else if (nextCodePostal) {
        pendingCommune.current = communeInsee ?? '';
        setField(CODE_POSTAL, nextCodePostal);
      } else {
        setField(CODE_POSTAL, '');
        setField(COMMUNE, '');
      }
    },
    [getValues, setField, CODE_POSTAL, COMMUNE],
  );

  return { communes, prefill };
}
