'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { AcceptCguField, IdentityFields, NewPasswordFields } from '@/components/forms/account-fields';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
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
      <IdentityFields form={form} />
      <NewPasswordFields form={form} />
      <AcceptCguField form={form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Création du compte…' : 'Créer mon compte et rejoindre la structure'}
      </Button>
    </form>
  );
}
