'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useWatch, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/forms/field';
import { PasswordPolicy } from '@/components/forms/password-policy';

type WithPassword = FieldValues & { password: string; passwordConfirmation: string };

/** « Mot de passe » with its policy, and « Confirmation du mot de passe » (schemas: newPasswordFields). */
export function NewPasswordFields<T extends WithPassword>({
  form,
  label = 'Mot de passe',
  confirmationLabel = 'Confirmation du mot de passe',
}: {
  form: UseFormReturn<T>;
  label?: string;
  confirmationLabel?: string;
}) {
  const { errors } = form.formState;
  const password = useWatch({ control: form.control, name: 'password' as Path<T> }) as string | undefined;
  return (
    <>
      <TextField
        id="password"
        label={label}
        required
        hint={<PasswordPolicy id="password-policy" value={password ?? ''} />}
        error={errors.password?.message as string | undefined}
        inputProps={{ type: 'password', autoComplete: 'new-password', ...form.register('password' as Path<T>) }}
      />
      <TextField
        id="passwordConfirmation"
        label={confirmationLabel}
        required
        error={errors.passwordConfirmation?.message as string | undefined}
        inputProps={{ type: 'password', autoComplete: 'new-password', ...form.register('passwordConfirmation' as Path<T>) }}
      />
    </>
  );
}

type WithIdentity = FieldValues & { prenom: string; nom: string; telephone?: string };

/**
 * « Prénom », « Nom », then `between` (e.g. the e-mail), then « Téléphone (facultatif) ».
 * `between` is a function so that its fields register after the names: react-hook-form moves
 * focus to the first invalid field in registration order.
 */
export function IdentityFields<T extends WithIdentity>({ form, between }: { form: UseFormReturn<T>; between?: () => ReactNode }) {
  const { errors } = form.formState;
  return (
    <>
      <div className="grid gap-x-6 md:grid-cols-2">
        <TextField id="prenom" label="Prénom" required error={errors.prenom?.message as string | undefined} inputProps={{ autoComplete: 'given-name', ...form.register('prenom' as Path<T>) }} />
        <TextField id="nom" label="Nom" required error={errors.nom?.message as string | undefined} inputProps={{ autoComplete: 'family-name', ...form.register('nom' as Path<T>) }} />
      </div>
      {between?.()}
      <TextField
        id="telephone"
        label="Téléphone (facultatif)"
        hint="Format attendu : 05 56 00 00 00"
        error={errors.telephone?.message as string | undefined}
        inputProps={{ type: 'tel', autoComplete: 'tel', ...form.register('telephone' as Path<T>) }}
      />
    </>
  );
}

/** « J'ai lu et j'accepte la charte d'engagement et la politique de confidentialité » (acceptCguSchema). */
export function AcceptCguField<T extends FieldValues & { acceptCgu: boolean }>({ form }: { form: UseFormReturn<T> }) {
  const error = form.formState.errors.acceptCgu?.message as string | undefined;
  return (
    <div className="mb-6">
      <label className="flex gap-3">
        <input
          type="checkbox"
          className="mt-1 h-5 w-5"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'acceptCgu-error' : undefined}
          {...form.register('acceptCgu' as Path<T>)}
        />
        <span>
          J&apos;ai lu et j&apos;accepte la <Link href="/charte">charte d&apos;engagement</Link> et la{' '}
          <Link href="/confidentialite">politique de confidentialité</Link> <span aria-hidden="true">*</span>
        </span>
      </label>
      {error && (
        <p id="acceptCgu-error" className="mt-1 text-sm font-medium text-rouge">
          {error}
        </p>
      )}
    </div>
  );
}
