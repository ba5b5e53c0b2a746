'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback } from 'react';
import { useForm } from 'react-hook-form';
import { Field, TextField, inputClasses } from '@/components/forms/field';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { SiretLookupField, SiretLookupOutcome, useSiretLookup } from '@/components/forms/siret-lookup';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { requestEmployeurAction } from '@/lib/actions/employeurs';
import type { Etablissement } from '@/lib/entreprises/recherche-entreprises';
import { NAF_SECTIONS } from '@/lib/referentiels/naf-sections';
import { EMPTY_EMPLOYEUR_INPUT, employeurSchema, type EmployeurInput } from '@/lib/validations/employeurs';

type Option = { value: string; label: string };

/** « Ajouter un employeur »: the fields of the guide, filled by the SIRET lookup or by hand. */
export function EmployeurForm({ effectifOptions }: { effectifOptions: Option[] }) {
  const form = useForm<EmployeurInput>({ resolver: zodResolver(employeurSchema), defaultValues: EMPTY_EMPLOYEUR_INPUT });
  // on success the action redirects to the list, which shows the confirmation
  const { onSubmit, formError, pending } = useActionForm(form, requestEmployeurAction);
  const { errors } = form.formState;
  const { register, setValue } = form;

  const apply = useCallback(
    (e: Etablissement) => {
      const opts = { shouldDirty: true, shouldValidate: false } as const;
      setValue('siret', e.siret, opts);
      setValue('raisonSociale', e.raisonSociale, opts);
      setValue('sigle', e.sigle ?? '', opts);
      setValue('codeNaf', e.codeNaf ?? '', opts);
      setValue('effectif', e.effectif ?? '', opts);
      setValue('nomCommercial', e.nomCommercial ?? '', opts);
      setValue('domaineActivite', e.domaineActivite ?? '', opts);
      setValue('adresse', e.adresse ?? '', opts);
      setValue('complementAdresse', e.complementAdresse ?? '', opts);
      setValue('codePostal', e.codePostal ?? '', opts);
      setValue('ville', e.commune ?? '', opts);
      setValue('communeInsee', e.communeInsee ?? '', opts);
      form.clearErrors();
    },
    [form, setValue],
  );
  const { lookup, searching, search } = useSiretLookup(form, 'siret', apply);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ajouter un employeur" className="max-w-4xl">
      <RequiredNote />
      <FormError message={formError} />

      <fieldset className="mb-6 border border-bordure p-4">
        <legend className="px-2 font-bold">Recherche par SIRET</legend>
        <SiretLookupField
          id="siret"
          label="Siret"
          required
          hint="Saisissez le n° de Siret (14 chiffres) ou de Siren (9 chiffres) puis cliquez sur « Rechercher » : les champs du formulaire seront automatiquement renseignés."
          error={errors.siret?.message}
          registration={register('siret')}
          searching={searching}
          onSearch={search}
        />
        <SiretLookupOutcome lookup={lookup} chooserLegend="Choisissez l'établissement de l'employeur" onChoose={apply} />
      </fieldset>

      <fieldset className="mb-6 border border-bordure p-4">
        <legend className="px-2 font-bold">L&apos;employeur</legend>
        <div className="grid gap-x-6 md:grid-cols-2">
          <TextField id="raisonSociale" label="Raison sociale" required error={errors.raisonSociale?.message} inputProps={{ autoComplete: 'organization', ...register('raisonSociale') }} />
          <TextField id="sigle" label="Sigle" error={errors.sigle?.message} inputProps={{ autoComplete: 'off', ...register('sigle') }} />
          <TextField id="codeNaf" label="Code Naf" hint="Par exemple 43.33Z" error={errors.codeNaf?.message} inputProps={{ autoComplete: 'off', ...register('codeNaf') }} />
          <Field id="effectif" label="Effectif" error={errors.effectif?.message}>
            {(describedBy) => (
              <select id="effectif" className={inputClasses(Boolean(errors.effectif))} aria-describedby={describedBy} aria-invalid={errors.effectif ? true : undefined} {...register('effectif')}>
                <option value="">— Choisir —</option>
                {effectifOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField id="nomCommercial" label="Nom Commercial" error={errors.nomCommercial?.message} inputProps={{ autoComplete: 'off', ...register('nomCommercial') }} />
          <TextField id="email" label="Email" hint="Format attendu : contact@entreprise.fr" error={errors.email?.message} inputProps={{ type: 'email', autoComplete: 'off', ...register('email') }} />
          <Field id="domaineActivite" label="Domaine" error={errors.domaineActivite?.message}>
            {(describedBy) => (
              <select id="domaineActivite" className={inputClasses(Boolean(errors.domaineActivite))} aria-describedby={describedBy} aria-invalid={errors.domaineActivite ? true : undefined} {...register('domaineActivite')}>
                <option value="">— Choisir —</option>
                {NAF_SECTIONS.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} — {s.libelle}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField id="telephone" label="Téléphone" hint="Format attendu : 05 56 00 00 00" error={errors.telephone?.message} inputProps={{ type: 'tel', autoComplete: 'off', ...register('telephone') }} />
        </div>
        <TextField id="adresse" label="Adresse" error={errors.adresse?.message} inputProps={{ autoComplete: 'off', ...register('adresse') }} />
        <TextField id="complementAdresse" label="Complément adresse" error={errors.complementAdresse?.message} inputProps={{ autoComplete: 'off', ...register('complementAdresse') }} />
        <div className="grid gap-x-6 md:grid-cols-2">
          <TextField id="codePostal" label="Code postal" error={errors.codePostal?.message} inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 5, ...register('codePostal') }} />
          <TextField id="ville" label="Ville" error={errors.ville?.message} inputProps={{ autoComplete: 'off', ...register('ville') }} />
        </div>
        <input type="hidden" {...register('communeInsee')} />
      </fieldset>

      <p className="mb-4">La demande d&apos;ajout d&apos;un employeur devra être validée par l&apos;équipe CMonAlternance.</p>
      <Button type="submit" disabled={pending}>
        {pending ? 'Envoi…' : 'Envoyer la demande'}
      </Button>
    </form>
  );
}
