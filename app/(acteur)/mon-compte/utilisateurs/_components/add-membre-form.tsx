'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { addMembreAction } from '@/lib/actions/membres';
import { addMembreSchema, type AddMembreInput } from '@/lib/validations/membres';

const ROLES = [
  { value: 'GESTIONNAIRE', label: 'Gestionnaire', hint: 'Gère les utilisateurs de la structure et peut transférer ses droits.' },
  { value: 'UTILISATEUR', label: 'Utilisateur', hint: 'Travaille les offres, les profils et les candidatures de la structure.' },
] as const;

/** « 1 AJOUTER UN GESTIONNAIRE »: by e-mail; an unknown address receives an invitation. */
export function AddMembreForm({ onAdded }: { onAdded: (message: string) => void }) {
  const form = useForm<AddMembreInput>({
    resolver: zodResolver(addMembreSchema),
    defaultValues: { email: '', role: 'GESTIONNAIRE' },
  });
  const { onSubmit, formError, pending } = useActionForm(form, addMembreAction, (result) => {
    form.reset({ email: '', role: 'GESTIONNAIRE' });
    onAdded(result.message ?? 'Le membre a été ajouté.');
  });
  const { errors } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="ajout-titre">
      <RequiredNote />
      <FormError message={formError} />
      <TextField
        id="ajout-email"
        label="E-mail du collaborateur"
        required
        hint="Si cette personne n'a pas encore de compte, elle recevra une invitation par e-mail (lien valable 7 jours)."
        error={errors.email?.message}
        inputProps={{ type: 'email', autoComplete: 'off', ...form.register('email') }}
      />
      <fieldset className="mb-6" aria-describedby={errors.role ? 'ajout-role-error' : undefined}>
        <legend className="mb-2 font-medium">
          Rôle dans la structure <span aria-hidden="true">*</span>
        </legend>
        {errors.role && (
          <p id="ajout-role-error" className="mb-2 text-sm font-medium text-rouge">
            {errors.role.message}
          </p>
        )}
        <div className="grid gap-3 md:grid-cols-2">
          {ROLES.map((role) => (
            <label
              key={role.value}
              className="flex cursor-pointer gap-3 border border-bordure p-4 has-[:checked]:border-bleu has-[:checked]:bg-bleu-clair"
            >
              <input type="radio" value={role.value} className="mt-1 h-5 w-5" {...form.register('role')} />
              <span>
                <span className="block font-bold">{role.label}</span>
                <span className="block text-sm">{role.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? 'Ajout en cours…' : 'Ajouter à ma structure'}
      </Button>
    </form>
  );
}
