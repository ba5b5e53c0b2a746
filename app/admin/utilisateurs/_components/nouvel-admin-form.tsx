'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { TextField } from '@/components/forms/field';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { creerAdministrateurAction } from '@/lib/actions/admin-utilisateurs';
import { nouvelAdminSchema, type NouvelAdminInput } from '@/lib/validations/admin';

/** « Créer un compte administrateur »: the new admin chooses his password from the e-mailed link. */
export function NouvelAdminForm() {
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<NouvelAdminInput>({ resolver: zodResolver(nouvelAdminSchema), defaultValues: { prenom: '', nom: '', email: '' } });
  const { onSubmit, formError, pending } = useActionForm(form, creerAdministrateurAction, (result) => {
    setDone(result.message ?? null);
    form.reset();
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Créer un compte administrateur" className="max-w-2xl">
      <RequiredNote />
      <FormError message={formError} />
      <div className="grid gap-x-6 md:grid-cols-2">
        <TextField id="admin-prenom" label="Prénom" required error={errors.prenom?.message} inputProps={{ autoComplete: 'off', ...form.register('prenom') }} />
        <TextField id="admin-nom" label="Nom" required error={errors.nom?.message} inputProps={{ autoComplete: 'off', ...form.register('nom') }} />
      </div>
      <TextField
        id="admin-email"
        label="E-mail"
        required
        hint="Une adresse de l'équipe, jamais celle d'un compte candidat ou acteur existant."
        error={errors.email?.message}
        inputProps={{ type: 'email', autoComplete: 'off', ...form.register('email') }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Création…' : 'Créer le compte administrateur'}
      </Button>
      <div role="status" className="mt-3">
        {done && <p className="border-l-4 border-vert bg-green-50 p-3">{done}</p>}
      </div>
    </form>
  );
}
