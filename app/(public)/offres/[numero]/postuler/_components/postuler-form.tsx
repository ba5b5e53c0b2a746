'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { CvUpload, type CvSummary } from '@/components/candidat/cv-upload';
import { Field, inputClasses } from '@/components/forms/field';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { postulerAction } from '@/lib/actions/candidat';
import { formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { formatTaille } from '@/lib/uploads/cv';
import { CANDIDATURE_MESSAGES, MESSAGE_CANDIDATURE_MAX, postulerSchema, type PostulerInput } from '@/lib/validations/candidat';

export interface ProjetChoix {
  numero: number;
  metier: string;
  types: (keyof typeof TYPE_ALTERNANCE_LABELS)[];
  diplomeIntitule: string | null;
  visible: boolean;
}

/**
 * « Postuler »: the project to send, an optional message, the CV (the current one, or one
 * uploaded right here). The same schema as postulerAction; the action redirects on success.
 */
export function PostulerForm({ offreNumero, projets, cv: initialCv }: { offreNumero: number; projets: ProjetChoix[]; cv: CvSummary | null }) {
  const [cv, setCv] = useState<CvSummary | null>(initialCv);
  const form = useForm<PostulerInput>({
    resolver: zodResolver(postulerSchema),
    defaultValues: {
      projetNumero: projets.length === 1 ? String(projets[0]!.numero) : undefined,
      message: '',
      joindreCv: initialCv !== null,
    },
    shouldFocusError: true,
  });
  const submit = useCallback(
    async (values: PostulerInput): Promise<ActionResult> => {
      // the server says the same; this spares a round trip when no CV was ever uploaded
      if (values.joindreCv && !cv) return { ok: false, fieldErrors: { joindreCv: CANDIDATURE_MESSAGES.cvManquant } };
      return postulerAction(offreNumero, values);
    },
    [cv, offreNumero],
  );
  const { onSubmit, formError, pending } = useActionForm(form, submit);
  const { errors } = form.formState;
  const message = useWatch({ control: form.control, name: 'message' }) ?? '';

  const onCvChange = (next: CvSummary | null) => {
    setCv(next);
    form.setValue('joindreCv', next !== null);
    form.clearErrors('joindreCv');
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Postuler à cette offre">
      <RequiredNote />
      <FormError message={formError} />

      <fieldset className="mb-8" aria-describedby={errors.projetNumero ? 'projetNumero-error' : undefined}>
        <legend className="mb-2 text-xl font-bold text-bleu">
          Choisissez votre projet <span aria-hidden="true">*</span>
        </legend>
        <p className="mb-3 text-sm">La structure qui suit cette offre reçoit le projet choisi tel qu&apos;il est aujourd&apos;hui.</p>
        {errors.projetNumero && (
          <p id="projetNumero-error" className="mb-2 text-sm font-medium text-rouge">
            {errors.projetNumero.message}
          </p>
        )}
        <ul className="grid gap-3 md:grid-cols-2">
          {projets.map((p) => (
            <li key={p.numero}>
              <label className="flex h-full cursor-pointer gap-3 border border-bordure p-4 has-[:checked]:border-bleu has-[:checked]:bg-bleu-clair">
                <input
                  type="radio"
                  value={String(p.numero)}
                  className="mt-1 h-5 w-5 shrink-0"
                  {...form.register('projetNumero')}
                />
                <span className="[overflow-wrap:anywhere]">
                  <span className="block font-bold uppercase">{p.metier}</span>
                  <span className="block text-sm">PROJET {formatNumero('projet', p.numero)}</span>
                  <span className="block text-sm">Type d&apos;alternance recherchée : {p.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ')}</span>
                  {p.diplomeIntitule && <span className="block text-sm">Diplôme : {p.diplomeIntitule}</span>}
                  {!p.visible && (
                    <span className="mt-2 block text-sm">
                      Ce projet n&apos;est pas visible par les acteurs de la formation et de l&apos;insertion : en postulant avec lui,
                      vous l&apos;envoyez tout de même à la structure qui suit cette offre.
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <Field
        id="message"
        label={<span className="text-xl font-bold text-bleu">Votre message (facultatif)</span>}
        hint={`Présentez-vous et dites pourquoi cette offre vous intéresse, en ${MESSAGE_CANDIDATURE_MAX} caractères au plus (${message.length} / ${MESSAGE_CANDIDATURE_MAX}).`}
        error={errors.message?.message}
      >
        {(describedBy) => (
          <textarea
            id="message"
            rows={8}
            className={inputClasses(Boolean(errors.message))}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={describedBy}
            {...form.register('message')}
          />
        )}
      </Field>

      <fieldset className="mb-8 mt-8">
        <legend className="mb-3 text-xl font-bold text-bleu">Mon CV</legend>
        <CvUpload current={initialCv} onChange={onCvChange} />
        <div className="mt-6">
          <label className="flex gap-3 font-medium">
            <input
              type="checkbox"
              className="mt-1 h-5 w-5 shrink-0"
              aria-invalid={errors.joindreCv ? true : undefined}
              aria-describedby={errors.joindreCv ? 'joindreCv-hint joindreCv-error' : 'joindreCv-hint'}
              {...form.register('joindreCv')}
            />
            <span>Joindre mon CV</span>
          </label>
          <p id="joindreCv-hint" className="mt-1 text-sm">
            {cv
              ? `Le CV « ${cv.filename} » (${formatTaille(cv.size)}) sera joint à votre candidature.`
              : "Vous n'avez pas encore de CV : déposez-le ci-dessus (PDF, 5 Mo au plus) pour le joindre, ou postulez sans CV."}
          </p>
          {errors.joindreCv && (
            <p id="joindreCv-error" className="mt-1 text-sm font-medium text-rouge">
              {errors.joindreCv.message}
            </p>
          )}
        </div>
      </fieldset>

      <div className="mb-6 border-l-4 border-bleu bg-bleu-clair p-4 text-sm">
        La structure qui suit cette offre ne voit ni votre adresse e-mail ni votre numéro de téléphone : elle vous répond sur
        CMonAlternance, dans « Mes candidatures », et vous êtes prévenu par e-mail.
      </div>

      <Button type="submit" disabled={pending}>
        {pending ? 'Envoi en cours…' : 'Envoyer ma candidature'}
      </Button>
    </form>
  );
}
