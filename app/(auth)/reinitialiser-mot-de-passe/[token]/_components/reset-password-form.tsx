'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { NewPasswordFields } from '@/components/forms/account-fields';
import { FormError } from '@/components/forms/form-error';
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
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Choisir un nouveau mot de passe">
      <FormError message={formError} />
      <NewPasswordFields form={form} label="Nouveau mot de passe" confirmationLabel="Confirmation du nouveau mot de passe" />
      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer mon nouveau mot de passe'}
      </Button>
    </form>
  );
}
