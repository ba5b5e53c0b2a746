'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useForm, useWatch } from 'react-hook-form';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { PasswordPolicy } from '@/components/forms/password-policy';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { acceptInvitationAction } from '@/lib/actions/membres';
import { acceptInvitationSchema, type AcceptInvitationInput } from '@/lib/validations/membres';

/** The sign-up form of an invitation link: the e-mail is the invited one and cannot be changed. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const form = useForm<AcceptInvitationInput>({
    resolver: zodResolver(acceptInvitationSchema),
    defaultValues: {
      token,
      prenom: '',
      nom: '',
      telephone: '',
      password: '',
      passwordConfirmation: '',
      acceptCgu: false as unknown as true,
    },
  });
  const { onSubmit, formError, pending } = useActionForm(form, acceptInvitationAction);
  const { errors } = form.formState;
  const password = useWatch({ control: form.control, name: 'password' });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Créer mon compte et rejoindre la structure">
      <RequiredNote />
      <FormError message={formError} />
      <TextField
        id="email"
        label="E-mail"
        hint="L'adresse à laquelle l'invitation a été envoyée : elle ne peut pas être modifiée."
        inputProps={{ type: 'email', value: email, readOnly: true, autoComplete: 'username', className: 'block w-full rounded-t border-0 border-b-2 border-gris bg-gray-200 px-3 py-2 text-base' }}
      />
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
      <TextField
        id="password"
        label="Mot de passe"
        required
        hint={<PasswordPolicy id="password-policy" value={password} />}
        error={errors.password?.message}
        inputProps={{ type: 'password', autoComplete: 'new-password', ...form.register('password') }}
      />
      <TextField
        id="passwordConfirmation"
        label="Confirmation du mot de passe"
        required
        error={errors.passwordConfirmation?.message}
        inputProps={{ type: 'password', autoComplete: 'new-password', ...form.register('passwordConfirmation') }}
      />
      <div className="mb-6">
        <label className="flex gap-3">
          <input
            type="checkbox"
            className="mt-1 h-5 w-5"
            aria-invalid={errors.acceptCgu ? true : undefined}
            aria-describedby={errors.acceptCgu ? 'acceptCgu-error' : undefined}
            {...form.register('acceptCgu')}
          />
          <span>
            J&apos;ai lu et j&apos;accepte la <Link href="/charte">charte d&apos;engagement</Link> et la{' '}
            <Link href="/confidentialite">politique de confidentialité</Link> <span aria-hidden="true">*</span>
          </span>
        </label>
        {errors.acceptCgu && (
          <p id="acceptCgu-error" className="mt-1 text-sm font-medium text-rouge">
            {errors.acceptCgu.message}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Création du compte…' : 'Créer mon compte et rejoindre la structure'}
      </Button>
    </form>
  );
}
