'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { FormError } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { PasswordPolicy } from '@/components/forms/password-policy';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { resetPasswordAction } from '@/lib/actions/auth';
import { resetPasswordSchema, type ResetPasswordInput } from '@/lib/validations/auth';

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { token, password: '', passwordConfirmation: '' },
  });
  const { onSubmit, formError, pending } = useActionForm(form, resetPasswordAction);
  const { errors } = form.formState;
  const password = useWatch({ control: form.control, name: 'password' });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Choisir un nouveau mot de passe">
      <FormError message={formError} />
      <TextField
        id="password"
        label="Nouveau mot de passe"
        required
        hint={<PasswordPolicy id="password-policy" value={password} />}
        error={errors.password?.message}
        inputProps={{ type: 'password', autoComplete: 'new-password', ...form.register('password') }}
      />
      <TextField
        id="passwordConfirmation"
        label="Confirmation du nouveau mot de passe"
        required
        error={errors.passwordConfirmation?.message}
        inputProps={{ type: 'password', autoComplete: 'new-password', ...form.register('passwordConfirmation') }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer mon nouveau mot de passe'}
      </Button>
    </form>
  );
}
