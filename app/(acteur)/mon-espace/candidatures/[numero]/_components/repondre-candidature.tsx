'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Field, inputClasses } from '@/components/forms/field';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { trapFocus } from '@/components/ui/trap-focus';
import { repondreCandidatureAction } from '@/lib/actions/candidatures';
import { REPONSE_MESSAGES, REPONSE_MESSAGE_MAX, REPONSE_TYPES, reponseSchema, type ReponseInput } from '@/lib/validations/candidat';
import { CANDIDATURES_TEXTES, REPONSE_LABELS } from '../../_components/onglets';

/**
 * « RÉPONDRE À CETTE CANDIDATURE » → « Répondre à la candidature N°… »: a modal <dialog> (the rest
 * of the page is inert) with the two answers, a required message and the guide's warning; focus
 * goes to the first answer when it opens, Tab stays inside it, and focus goes back to the button when it closes; Échap closes it
 * (not while sending). The same schema as repondreCandidatureAction; what was typed stays on errors.
 * When another member answered first, the message says so and leads to the recorded answer.
 */
export function RepondreCandidature({ numero, numeroAffiche, metier }: { numero: number; numeroAffiche: string; metier: string }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const firstRadioRef = useRef<HTMLInputElement | null>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const descId = useId();

  const form = useForm<ReponseInput>({
    resolver: zodResolver(reponseSchema),
    defaultValues: { message: '' },
    shouldFocusError: true,
  });
  const submit = useCallback((values: ReponseInput) => repondreCandidatureAction(numero, values), [numero]);
  const onSuccess = useCallback(() => {
    dialogRef.current?.close();
    router.replace(`/mon-espace/candidatures/${numero}?reponse=envoyee`);
  }, [numero, router]);
  const { onSubmit, formError, pending } = useActionForm(form, submit, onSuccess);
  const { errors } = form.formState;
  const message = useWatch({ control: form.control, name: 'message' }) ?? '';
  const dejaRepondu = formError === REPONSE_MESSAGES.dejaRepondu;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      firstRadioRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const handleClose = () => {
      setOpen(false);
      if (openerRef.current?.isConnected) openerRef.current.focus();
    };
    dialog.addEventListener('close', handleClose);
    return () => dialog.removeEventListener('close', handleClose);
  }, []);

  const showRecordedAnswer = () => {
    dialogRef.current?.close();
    router.replace(`/mon-espace/candidatures/${numero}?reponse=deja`);
  };

  const typeField = form.register('type');

  return (
    <>
      <Button ref={openerRef} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Répondre à cette candidature
      </Button>

      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="m-auto max-h-[calc(100dvh-2rem)] w-[min(40rem,calc(100%-2rem))] overflow-y-auto border border-bordure bg-white p-4 text-gris shadow-xl backdrop:bg-black/50 sm:p-6"
        onCancel={(e) => {
          if (pending) e.preventDefault();
        }}
        onKeyDown={trapFocus}
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-xl font-bold text-bleu">
            Répondre à la candidature N°{numeroAffiche}
          </h2>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            disabled={pending}
            className="inline-flex min-h-11 min-w-11 items-center justify-center text-2xl leading-none text-gris"
          >
            <span aria-hidden="true">×</span>
            <span className="sr-only">Fermer</span>
          </button>
        </div>
        <p className="mt-1 font-bold uppercase [overflow-wrap:anywhere]">{metier}</p>
        <p id={descId} className="mt-3 border-l-4 border-orange bg-orange-50 p-3 text-sm">
          {CANDIDATURES_TEXTES.coordonnees}
        </p>

        <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} className="mt-4">
          <RequiredNote />
          <FormError message={formError} />
          {dejaRepondu && (
            <p className="-mt-2 mb-4">
              <Button variant="secondary" onClick={showRecordedAnswer}>
                Voir la réponse enregistrée
              </Button>
            </p>
          )}

          <fieldset className="mb-5" aria-describedby={errors.type ? 'reponse-type-error' : undefined}>
            <legend className="font-medium">
              {CANDIDATURES_TEXTES.choixLegend} <span aria-hidden="true">*</span>
            </legend>
            {errors.type && (
              <p id="reponse-type-error" className="mt-1 text-sm font-medium text-rouge">
                {errors.type.message}
              </p>
            )}
            <ul className="mt-2 space-y-2">
              {REPONSE_TYPES.map((type, i) => (
                <li key={type}>
                  <label className="flex cursor-pointer gap-3 border border-bordure p-3 has-[:checked]:border-bleu has-[:checked]:bg-bleu-clair">
                    <input
                      type="radio"
                      value={type}
                      className="mt-0.5 h-5 w-5 shrink-0"
                      {...typeField}
                      ref={(el) => {
                        typeField.ref(el);
                        if (i === 0) firstRadioRef.current = el;
                      }}
                    />
                    <span>{REPONSE_LABELS[type]}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>

          <Field
            id="reponse-message"
            label={CANDIDATURES_TEXTES.messageLabel}
            required
            hint={`${CANDIDATURES_TEXTES.messageAttention} (${message.length} / ${REPONSE_MESSAGE_MAX} caractères)`}
            error={errors.message?.message}
          >
            {(describedBy) => (
              <textarea
                id="reponse-message"
                rows={5}
                className={inputClasses(Boolean(errors.message))}
                aria-invalid={errors.message ? true : undefined}
                aria-describedby={describedBy}
                aria-required
                {...form.register('message')}
              />
            )}
          </Field>

          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <Button variant="secondary" disabled={pending} onClick={() => dialogRef.current?.close()}>
              Annuler
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Envoi en cours…' : 'Envoyer'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
