'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { RequiredNote } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { changeEmailAction } from '@/lib/actions/compte';
import { changeEmailSchema, type ChangeEmailInput } from '@/lib/validations/compte';
import { FormBanner } from './form-banner';

export function EmailForm({ currentEmail }: { currentEmail: string }) {
  const [success, setSuccess] = useState<string | null>(null);
  const form = useForm<ChangeEmailInput>({
    resolver: zodResolver(changeEmailSchema),
    defaultValues: { email: '', currentPassword: '' },
  });
  const { onSubmit, formError, pending } = useActionForm(form, changeEmailAction, (result) => {
    form.reset({ email: '', currentPassword: '' });
    setSuccess(result.message ?? null);
  });
  const { errors } = form.formState;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSuccess(null);
    return onSubmit(event);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="email-titre">
      <p className="mb-4">
        Adresse e-mail actuelle : <strong data-testid="email-actuel">{currentEmail}</strong>
      </p>
      <RequiredNote />
      <FormBanner id="email-form-error" message={formError} hasFieldErrors={Object.keys(errors).length > 0} />
      {success && (
        <Alert kind="success" id="email-succes">
          {success}
        </Alert>
      )}
      <TextField
        id="nouvel-email"
        label="Nouvelle adresse e-mail"
        required
        hint="Format attendu : nom@exemple.fr. Elle servira à vous connecter."
        error={errors.email?.message}
        inputProps={{ type: 'email', autoComplete: 'email', ...form.register('email') }}
      />
      <TextField
        id="email-mot-de-passe-actuel"
        label="Mot de passe actuel"
        required
        hint="Pour votre sécurité, confirmez la modification avec votre mot de passe."
        error={errors.currentPassword?.message}
        inputProps={{ type: 'password', autoComplete: 'current-password', ...form.register('currentPassword') }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Modification…' : 'Modifier mon adresse e-mail'}
      </Button>
    </form>
  );
}
