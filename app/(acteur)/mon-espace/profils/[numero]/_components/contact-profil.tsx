'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Field, inputClasses } from '@/components/forms/field';
import { FormError, RequiredNote } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { contactProfilAction } from '@/lib/actions/profils';
import {
  CONTACT_ATTENTION,
  CONTACT_MESSAGE_MAX,
  contactProfilSchema,
  type ContactProfilInput,
} from '@/lib/validations/profils-contact';

/**
 * « CONTACTER CE PROFIL »: a disclosure button that shows the message form in place (the typed
 * text is kept when it is closed), with the guide's warning that the candidate does not have the
 * structure's contact details. Validated by the action's own schema; on success the form closes and
 * the confirmation takes the focus.
 */
export function ContactProfil({ numero, numeroAffiche }: { numero: number; numeroAffiche: string }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef(false);

  const form = useForm<ContactProfilInput>({ resolver: zodResolver(contactProfilSchema), defaultValues: { message: '' }, shouldFocusError: true });
  const submit = useCallback((values: ContactProfilInput) => contactProfilAction(numero, values), [numero]);
  const onSuccess = useCallback(
    (result: { message?: string }) => {
      form.reset({ message: '' });
      setOpen(false);
      setSent(result.message ?? 'Votre message a bien été envoyé au candidat.');
    },
    [form],
  );
  const { onSubmit, formError, pending } = useActionForm(form, submit, onSuccess);
  const { errors } = form.formState;
  const message = useWatch({ control: form.control, name: 'message' }) ?? '';
  const { ref: registerRef, ...messageField } = form.register('message');

  useEffect(() => {
    if (open && focusOnOpen.current) {
      focusOnOpen.current = false;
      textareaRef.current?.focus();
    }
  }, [open]);

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  return (
    <section aria-labelledby="contact-titre" className="mt-10 border-t border-bordure pt-6">
      <h2 id="contact-titre" className="sr-only">
        Contacter ce profil
      </h2>
      <div ref={sentRef} tabIndex={-1} role="status">
        {sent && (
          <div className="mb-4 border-l-4 border-vert bg-green-50 p-4">
            <p className="font-bold">{sent}</p>
            <p className="mt-1 text-sm">Le candidat vous répondra par les coordonnées que vous lui avez indiquées.</p>
          </div>
        )}
      </div>
      <Button
        ref={toggleRef}
        variant={open ? 'secondary' : 'primary'}
        aria-expanded={open}
        aria-controls="contact-formulaire"
        onClick={() => {
          focusOnOpen.current = !open;
          setSent(null);
          setOpen(!open);
        }}
      >
        Contacter ce profil
      </Button>
      <div id="contact-formulaire" hidden={!open} className="mt-6 max-w-3xl border border-bordure p-4 sm:p-6">
        <form onSubmit={onSubmit} noValidate aria-label={`Écrire au candidat du projet ${numeroAffiche}`}>
          <RequiredNote />
          <FormError message={formError} />
          <p id="contact-attention" className="mb-4 border-l-4 border-orange bg-orange-50 p-4">
            Le candidat n&apos;a pas vos coordonnées : il lit votre message sur CMonAlternance et le reçoit par e-mail, mais ne peut pas
            vous répondre sur le site.
            <strong className="mt-2 block">{CONTACT_ATTENTION}</strong>
          </p>
          <Field
            id="message"
            label="Ecrivez votre message."
            required
            hint={`Ecrivez un message au candidat et n'oubliez pas d'indiquer vos coordonnées mail (${message.length} / ${CONTACT_MESSAGE_MAX} caractères).`}
            error={errors.message?.message}
          >
            {(describedBy) => (
              <textarea
                id="message"
                rows={8}
                className={inputClasses(Boolean(errors.message))}
                aria-invalid={errors.message ? true : undefined}
                aria-describedby={[describedBy, 'contact-attention'].filter(Boolean).join(' ')}
                aria-required
                {...messageField}
                ref={(el) => {
                  registerRef(el);
                  textareaRef.current = el;
                }}
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? 'Envoi en cours…' : 'Envoyer'}
            </Button>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => {
                setOpen(false);
                toggleRef.current?.focus();
              }}
            >
              Annuler
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
