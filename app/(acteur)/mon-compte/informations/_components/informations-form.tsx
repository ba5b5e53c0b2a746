'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { IdentityFields } from '@/components/forms/account-fields';
import { RequiredNote } from '@/components/forms/form-error';
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
      <IdentityFields form={form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer'}
      </Button>
    </form>
  );
}
