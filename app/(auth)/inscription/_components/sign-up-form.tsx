'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { AcceptCguField, IdentityFields, NewPasswordFields } from '@/components/forms/account-fields';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { signUpAction } from '@/lib/actions/auth';
import { signUpSchema, type SignUpInput } from '@/lib/validations/auth';

const KINDS = [
  { value: 'CANDIDAT', label: 'Je suis candidat', hint: 'Je cherche un apprentissage, un contrat de professionnalisation ou un stage.' },
  {
    value: 'ACTEUR',
    label: "Je suis un acteur de la formation et de l'insertion",
    hint: 'CFA, mission locale, organisme de formation, Cap emploi… : je publie des offres pour nos employeurs partenaires et j’accompagne des candidats.',
  },
] as const;

export function SignUpForm({ defaultKind, callbackUrl }: { defaultKind?: 'CANDIDAT' | 'ACTEUR'; callbackUrl?: string }) {
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: {
      kind: defaultKind,
      prenom: '',
      nom: '',
      email: '',
      telephone: '',
      password: '',
      passwordConfirmation: '',
      acceptCgu: false as unknown as true,
      callbackUrl,
    },
  });
  const { onSubmit, formError, pending } = useActionForm(form, signUpAction);
  const { errors } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Créer un compte">
      <RequiredNote />
      <FormError message={formError} />
      {/* where to go once the account exists (an offer's « Postuler »); the action checks it */}
      <input type="hidden" {...form.register('callbackUrl')} />
      <fieldset className="mb-6" aria-describedby={errors.kind ? 'kind-error' : undefined}>
        <legend className="mb-2 font-medium">
          Vous êtes <span aria-hidden="true">*</span>
        </legend>
        {errors.kind && (
          <p id="kind-error" className="mb-2 text-sm font-medium text-rouge">
            {errors.kind.message}
          </p>
        )}
        <div className="grid gap-3 md:grid-cols-2">
          {KINDS.map((kind) => (
            <label key={kind.value} className="flex cursor-pointer gap-3 border border-bordure p-4 has-[:checked]:border-bleu has-[:checked]:bg-bleu-clair">
              <input type="radio" value={kind.value} className="mt-1 h-5 w-5" {...form.register('kind')} />
              <span>
                <span className="block font-bold">{kind.label}</span>
                <span className="block text-sm">{kind.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <IdentityFields
        form={form}
        between={() => (
          <TextField
            id="email"
            label="E-mail"
            required
            hint="Format attendu : nom@exemple.fr"
            error={errors.email?.message}
            inputProps={{ type: 'email', autoComplete: 'email', ...form.register('email') }}
          />
        )}
      />
      <NewPasswordFields form={form} />
      <AcceptCguField form={form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Création du compte…' : 'Créer mon compte'}
      </Button>
    </form>
  );
}
