'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { RequiredNote } from '@/components/forms/form-error';
import { Field, inputClasses, TextField } from '@/components/forms/field';
import { PasswordPolicy } from '@/components/forms/password-policy';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { changePasswordAction } from '@/lib/actions/compte';
import { changePasswordSchema, COMPTE_MESSAGES, PASSWORD_CHANGED_PARAM, type ChangePasswordInput } from '@/lib/validations/compte';
import { FormBanner } from './form-banner';

const EMPTY: ChangePasswordInput = { currentPassword: '', newPassword: '', newPasswordConfirmation: '' };

/**
 * The action ends with a redirect to this page (see changePasswordAction): `justChanged` shows
 * the success message, which takes the focus, and the address bar is cleaned so that a reload
 * does not show it again.
 */
export function PasswordForm({ email, justChanged }: { email: string; justChanged: boolean }) {
  const [success, setSuccess] = useState<string | null>(justChanged ? COMPTE_MESSAGES.passwordChanged : null);
  useEffect(() => {
    if (!justChanged) return;
    document.getElementById('mot-de-passe-succes')?.focus();
    const url = new URL(window.location.href);
    url.searchParams.delete(PASSWORD_CHANGED_PARAM);
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }, [justChanged]);
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  // on success the action redirects (the tree remounts with `justChanged`): no result to handle
  const { onSubmit, formError, pending } = useActionForm(form, changePasswordAction);
  const { errors } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSuccess(null);
    return onSubmit(event);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="mot-de-passe-titre">
      {/* lets password managers tie the new password to the account */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <RequiredNote />
      <FormBanner id="mot-de-passe-form-error" message={formError} hasFieldErrors={Object.keys(errors).length > 0} />
      {success && (
        <Alert kind="success" id="mot-de-passe-succes">
          {success}
        </Alert>
      )}
      <TextField
        id="mdp-mot-de-passe-actuel"
        label="Mot de passe actuel"
        required
        error={errors.currentPassword?.message}
        inputProps={{ type: 'password', autoComplete: 'current-password', ...form.register('currentPassword') }}
      />
      {/* the policy is a list: it cannot sit in Field's <p> hint, so it is tied to the input here */}
      <Field id="nouveau-mot-de-passe" label="Nouveau mot de passe" required error={errors.newPassword?.message}>
        {(describedBy) => (
          <>
            <PasswordPolicy id="nouveau-mot-de-passe-politique" value={newPassword} />
            <input
              id="nouveau-mot-de-passe"
              type="password"
              autoComplete="new-password"
              className={`mt-2 ${inputClasses(Boolean(errors.newPassword))}`}
              aria-invalid={errors.newPassword ? true : undefined}
              aria-describedby={['nouveau-mot-de-passe-politique', describedBy].filter(Boolean).join(' ')}
              aria-required
              {...form.register('newPassword')}
            />
          </>
        )}
      </Field>
      <TextField
        id="confirmation-mot-de-passe"
        label="Confirmation du nouveau mot de passe"
        required
        error={errors.newPasswordConfirmation?.message}
        inputProps={{ type: 'password', autoComplete: 'new-password', ...form.register('newPasswordConfirmation') }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Modification…' : 'Modifier mon mot de passe'}
      </Button>
    </form>
  );
}
