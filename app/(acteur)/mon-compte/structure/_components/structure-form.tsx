'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { SelectField, TextField, type SelectOption } from '@/components/forms/field';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SiretLookupField, SiretLookupOutcome, useSiretLookup } from '@/components/forms/siret-lookup';
import { createStructureAction, updateStructureAction } from '@/lib/actions/structure';
import { usePostalCodeCommunes } from '@/components/forms/use-postal-code-communes';
import type { Etablissement } from '@/lib/entreprises/recherche-entreprises';
import { STRUCTURE_TYPE_LABELS } from '@/lib/labels';
import { NAF_SECTIONS } from '@/lib/referentiels/naf-sections';
import { STRUCTURE_TYPES, structureSchema, type StructureInput } from '@/lib/validations/structure';
import { FocusStage } from './focus-stage';

const TYPE_OPTIONS = STRUCTURE_TYPES.map((t) => ({ value: t, label: STRUCTURE_TYPE_LABELS[t] }));
const DOMAINE_OPTIONS = NAF_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} — ${s.libelle}` }));

export function StructureForm({
  mode,
  defaultValues,
  effectifOptions,
  initialCommunes = [],
}: {
  mode: 'create' | 'update';
  defaultValues: StructureInput;
  effectifOptions: SelectOption[];
  initialCommunes?: { code: string; nom: string }[];
}) {
  const form = useForm<StructureInput>({ resolver: zodResolver(structureSchema), defaultValues });
  const [saved, setSaved] = useState<string | null>(null);
  const { onSubmit, formError, pending } = useActionForm(
    form,
    mode === 'create' ? createStructureAction : updateStructureAction,
    (result) => setSaved(result.message ?? null),
  );
  const { errors } = form.formState;
  const { register, setValue } = form;

  // ── SIRET/SIREN lookup ──
  const { communes, prefill } = usePostalCodeCommunes(form, initialCommunes);

  const apply = useCallback(
    (e: Etablissement) => {
      const opts = { shouldDirty: true, shouldValidate: false } as const;
      setValue('siret', e.siret, opts);
      setValue('raisonSociale', e.raisonSociale, opts);
      setValue('sigle', e.sigle ?? '', opts);
      setValue('codeNaf', e.codeNaf ?? '', opts);
      setValue('domaineActivite', e.domaineActivite ?? '', opts);
      setValue('effectif', e.effectif ?? '', opts);
      setValue('adresse', e.adresse ?? '', opts);
      setValue('complementAdresse', e.complementAdresse ?? '', opts);
      if (e.codePostal) prefill(e.codePostal, e.communeInsee);
      form.clearErrors();
    },
    [form, setValue, prefill],
  );

  const { lookup, searching, search } = useSiretLookup(form, 'siret', apply);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ma structure" className="max-w-4xl">
      <RequiredNote />
      <FormError message={formError} />
      {saved && <Alert kind="success">{saved}</Alert>}

      <fieldset className="mb-6 border border-bordure p-4" data-tutoriel="structure-identification">
        <legend className="px-2 font-bold">Identification</legend>
        {mode === 'create' ? (
          <>
            <SiretLookupField
              id="siret"
              label="N° de Siret/Siren"
              required
              hint="Saisissez le n° de Siret/Siren : les champs « Raison sociale », « Code Naf » et « Domaine d'activité » seront automatiquement renseignés."
              error={errors.siret?.message}
              registration={register('siret')}
              searching={searching}
              onSearch={search}
            />
            <SiretLookupOutcome lookup={lookup} chooserLegend="Choisissez l'établissement de votre structure" onChoose={apply} />
          </>
        ) : (
          <p className="mb-4">
            <span className="font-medium">N° de Siret :</span> {defaultValues.siret}
            <input type="hidden" {...register('siret')} />
          </p>
        )}
        <div className="grid gap-x-6 md:grid-cols-2">
          <TextField id="raisonSociale" label="Raison sociale" required error={errors.raisonSociale?.message} inputProps={{ autoComplete: 'organization', ...register('raisonSociale') }} />
          <TextField id="sigle" label="Sigle" error={errors.sigle?.message} inputProps={register('sigle')} />
          <SelectField id="type" label="Type de structure" required error={errors.type?.message} options={TYPE_OPTIONS} selectProps={register('type')} />
          <TextField id="codeNaf" label="Code Naf" hint="Par exemple 85.32Z" error={errors.codeNaf?.message} inputProps={register('codeNaf')} />
          <SelectField id="domaineActivite" label="Domaine d'activité" error={errors.domaineActivite?.message} options={DOMAINE_OPTIONS} selectProps={register('domaineActivite')} />
          <SelectField id="effectif" label="Effectif" error={errors.effectif?.message} options={effectifOptions} selectProps={register('effectif')} />
        </div>
      </fieldset>

      <fieldset className="mb-6 border border-bordure p-4">
        <legend className="px-2 font-bold">Adresse et contact</legend>
        <TextField id="adresse" label="Adresse" required error={errors.adresse?.message} inputProps={{ autoComplete: 'address-line1', ...register('adresse') }} />
        <TextField id="complementAdresse" label="Complément d'adresse" error={errors.complementAdresse?.message} inputProps={{ autoComplete: 'address-line2', ...register('complementAdresse') }} />
        <div className="grid gap-x-6 md:grid-cols-2">
          <TextField id="codePostal" label="Code postal" required error={errors.codePostal?.message} inputProps={{ inputMode: 'numeric', autoComplete: 'postal-code', maxLength: 5, ...register('codePostal') }} />
          <SelectField
            id="communeInsee"
            label="Commune"
            required
            hint={communes.length === 0 ? 'Saisissez d’abord le code postal.' : undefined}
            error={errors.communeInsee?.message}
            options={communes.map((c) => ({ value: c.code, label: c.nom }))}
            selectProps={register('communeInsee')}
          />
          <TextField id="telephone" label="Téléphone" hint="Format attendu : 05 56 00 00 00" error={errors.telephone?.message} inputProps={{ type: 'tel', autoComplete: 'tel', ...register('telephone') }} />
          <TextField id="email" label="E-mail" hint="Format attendu : contact@structure.fr" error={errors.email?.message} inputProps={{ type: 'email', autoComplete: 'email', ...register('email') }} />
        </div>
      </fieldset>

      <fieldset className="mb-6 border border-bordure p-4" data-tutoriel="structure-stagiaires">
        <legend className="px-2 font-bold">Stages de 3e et de 2de</legend>
        <div className="grid gap-6 md:grid-cols-2">
          <div className="space-y-3">
            <p>Vous pouvez cocher la case indiquant que vous pouvez accueillir des stagiaires de 3e/2de.</p>
            <label className="flex gap-3">
              <input type="checkbox" className="mt-1 h-5 w-5" {...register('accueilStagiaires3e')} />
              <span>J&apos;accepte de recevoir des stagiaires de troisième (1 semaine)</span>
            </label>
            <label className="flex gap-3">
              <input type="checkbox" className="mt-1 h-5 w-5" {...register('accueilStagiaires2de')} />
              <span>J&apos;accepte de recevoir des stagiaires de seconde (2 semaines)</span>
            </label>
          </div>
          <FocusStage />
        </div>
      </fieldset>

      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Valider'}
      </Button>
    </form>
  );
}
