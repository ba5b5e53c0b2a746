'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteAccountAction } from '@/lib/actions/candidat';
import { SUPPRESSION_CONFIRMATION, suppressionCompteSchema, type SuppressionCompteInput } from '@/lib/validations/candidat';

const EMPTY: SuppressionCompteInput = { password: '', confirmation: '' };

/**
 * « Supprimer mon compte », in two explicit steps: the form (password + « SUPPRIMER ») is checked
 * first, then a confirmation dialog asks once more. On success the action signs the user out and
 * sends him to « / » (?compte=supprime); on failure (wrong password) the dialog closes and the
 * focus goes to the field in error, the account untouched.
 */
export function DeleteAccountForm({ email }: { email: string }) {
  const form = useForm<SuppressionCompteInput>({ resolver: zodResolver(suppressionCompteSchema), defaultValues: EMPTY, shouldFocusError: true });
  const { onSubmit: submitToAction, formError, pending } = useActionForm(form, deleteAccountAction);
  const { errors } = form.formState;
  const [confirming, setConfirming] = useState(false);
  const focusErrorOnClose = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  // step 1: the fields are valid → ask for confirmation. The dialog opens once handleSubmit is
  // over: while the form « is submitting » its buttons are disabled and could not take the focus.
  const askConfirmation = async (event: FormEvent<HTMLFormElement>) => {
    let valid = false;
    await form.handleSubmit(() => {
      valid = true;
    })(event);
    if (valid) setConfirming(true);
  };

  // step 2: confirmed → the server action (a success redirects away and never comes back here)
  const confirm = async () => {
    await submitToAction();
    focusErrorOnClose.current = true;
    setConfirming(false);
  };

  const onDialogClose = useCallback(() => {
    setConfirming(false);
    if (!focusErrorOnClose.current) return false;
    focusErrorOnClose.current = false;
    requestAnimationFrame(() => {
      const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? document.getElementById('form-error');
      target?.focus();
    });
    return true;
  }, []);

  // the wrong-password message is on the field already: no second announcement in the banner
  const banner = formError && !Object.values(errors).some((e) => e?.message === formError) ? formError : null;

  return (
    <>
      <form ref={formRef} onSubmit={askConfirmation} noValidate aria-labelledby="suppression-form-titre" className="border border-rouge p-6">
        <h3 id="suppression-form-titre" className="mb-3 text-lg font-bold">
          Supprimer définitivement mon compte
        </h3>
        {/* lets password managers tie the password to the account */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <RequiredNote />
        <FormError message={banner} />
        <TextField
          id="suppression-mot-de-passe"
          label="Mot de passe"
          hint="Votre mot de passe actuel, pour confirmer que c’est bien vous."
          required
          error={errors.password?.message}
          inputProps={{ type: 'password', autoComplete: 'current-password', ...form.register('password') }}
        />
        <TextField
          id="suppression-confirmation"
          label={`Saisissez ${SUPPRESSION_CONFIRMATION} pour confirmer`}
          required
          error={errors.confirmation?.message}
          inputProps={{ type: 'text', autoComplete: 'off', spellCheck: false, ...form.register('confirmation') }}
        />
        <Button type="submit" variant="danger" disabled={pending}>
          Supprimer mon compte
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Supprimer définitivement votre compte ?"
        confirmLabel="Oui, supprimer mon compte"
        pendingLabel="Suppression…"
        pending={pending}
        onConfirm={() => void confirm()}
        onClose={onDialogClose}
      >
        <p>
          Vos projets, votre CV, vos notifications et vos messages seront effacés. Vos candidatures resteront, anonymes, pour
          les statistiques des structures.
        </p>
        <p className="font-bold">Cette action est irréversible.</p>
      </ConfirmDialog>
    </>
  );
}
