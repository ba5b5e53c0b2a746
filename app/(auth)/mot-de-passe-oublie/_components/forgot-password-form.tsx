'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormError } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { forgotPasswordAction } from '@/lib/actions/auth';
import { forgotPasswordSchema, type ForgotPasswordInput } from '@/lib/validations/auth';

export function ForgotPasswordForm() {
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: '' } });
  const { onSubmit, formError, pending } = useActionForm(form, forgotPasswordAction, (r) => setDone(r.message ?? null));
  if (done) return <Alert kind="success">{done}</Alert>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Mot de passe oublié">
      <FormError message={formError} />
      <TextField
        id="email"
        label="E-mail"
        required
        hint="L'adresse e-mail de votre compte"
        error={form.formState.errors.email?.message}
        inputProps={{ type: 'email', autoComplete: 'email', ...form.register('email') }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Envoi…' : 'Recevoir un lien de réinitialisation'}
      </Button>
    </form>
  );
}
