'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { RequiredNote } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { updateInformationsAction } from '@/lib/actions/compte';
import { informationsSchema, type InformationsInput } from '@/lib/validations/compte';
import { FormBanner } from './form-banner';

export function InformationsForm({ defaultValues }: { defaultValues: InformationsInput }) {
  const [success, setSuccess] = useState<string | null>(null);
  const form = useForm<InformationsInput>({ resolver: zodResolver(informationsSchema), defaultValues });
  const { onSubmit, formError, pending } = useActionForm(form, updateInformationsAction, (result) => {
    form.reset(form.getValues());
    setSuccess(result.message ?? null);
  });
  const { errors } = form.formState;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSuccess(null);
    return onSubmit(event);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="informations-titre">
      <RequiredNote />
      <FormBanner id="informations-form-error" message={formError} hasFieldErrors={Object.keys(errors).length > 0} />
      {success && (
        <Alert kind="success" id="informations-succes">
          {success}
        </Alert>
      )}
      <div className="grid gap-x-6 md:grid-cols-2">
        <TextField id="prenom" label="Prénom" required error={errors.prenom?.message} inputProps={{ autoComplete: 'given-name', ...form.register('prenom') }} />
        <TextField id="nom" label="Nom" required error={errors.nom?.message} inputProps={{ autoComplete: 'family-name', ...form.register('nom') }} />
      </div>
      <TextField
        id="telephone"
        label="Téléphone (facultatif)"
        hint="Format attendu : 05 56 00 00 00"
        error={errors.telephone?.message}
        inputProps={{ type: 'tel', autoComplete: 'tel', ...form.register('telephone') }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer'}
      </Button>
    </form>
  );
}
