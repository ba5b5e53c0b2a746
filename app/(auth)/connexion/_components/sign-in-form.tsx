'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { FormError } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { signInAction } from '@/lib/actions/auth';
import { signInSchema, type SignInInput } from '@/lib/validations/auth';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '', callbackUrl },
    shouldFocusError: true,
  });
  const { onSubmit, formError, pending } = useActionForm(form, signInAction);
  const { errors } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Se connecter">
      <FormError message={formError} />
      <TextField
        id="email"
        label="E-mail"
        required
        error={errors.email?.message}
        inputProps={{ type: 'email', autoComplete: 'email', ...form.register('email') }}
      />
      <TextField
        id="password"
        label="Mot de passe"
        required
        error={errors.password?.message}
        inputProps={{ type: 'password', autoComplete: 'current-password', ...form.register('password') }}
      />
      <p className="mb-6 text-sm">
        <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? 'Connexion…' : 'Se connecter'}
      </Button>
    </form>
  );
}
