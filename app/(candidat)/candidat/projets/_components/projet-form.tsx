'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useController, useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { Autocomplete } from '@/components/forms/autocomplete';
import { Field, TextField, inputClasses } from '@/components/forms/field';
import { FormError } from '@/components/forms/form-error';
import { MetierField } from '@/components/forms/metier-field';
import { GroupError, TypesAlternanceField } from '@/components/forms/types-alternance-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button, ButtonLink } from '@/components/ui/button';
import { createProjetAction, updateProjetAction } from '@/lib/actions/candidat';
import { searchCertificationsAction } from '@/lib/actions/referentiels';
import type { CertificationOption } from '@/lib/data/referentiels';
import { DEPARTEMENTS_NA, nomDepartement } from '@/lib/referentiels/departements';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import {
  DUREES_ALTERNANCE,
  EXPERIENCES_MAX,
  EXPERIENCE_TYPES,
  EXPERIENCE_TYPE_LABELS,
  FORMATIONS_MAX,
  FORMATION_STATUTS,
  FORMATION_STATUT_LABELS,
  MISSIONS_MAX,
  projetSchema,
  type ProjetInput,
} from '@/lib/validations/candidat';

type Form = UseFormReturn<ProjetInput>;
type FormationInput = ProjetInput['formations'][number];
type ExperienceInput = ProjetInput['experiences'][number];

/** A new project: nothing chosen, and not visible until the candidate says so (consent is opt-in). */
const EMPTY: ProjetInput = {
  appellationCode: '',
  metier: '',
  types: [],
  certificationId: '',
  diplomeIntitule: '',
  dureeAnnees: '' as ProjetInput['dureeAnnees'],
  zoneRegion: false,
  departements: [],
  formations: [],
  experiences: [],
  visible: false,
};

/** A select starts on « — Choisir — »: the candidate chooses, nothing is chosen for him. */
const NEW_FORMATION: FormationInput = { intitule: '', statut: '' as FormationInput['statut'], annee: '' };
const NEW_EXPERIENCE: ExperienceInput = {
  type: '' as ExperienceInput['type'],
  intitule: '',
  entreprise: '',
  dureeSemaines: '',
  dureeJours: '',
  missions: '',
};

const searchCertifications = (q: string) => searchCertificationsAction(q);

const anneesLabel = (n: number | string) => `${n} année${Number(n) > 1 ? 's' : ''}`;

/** The message of an error on an array field (zod puts it on the field or on its root). */
function groupError(error: unknown): string | undefined {
  const e = error as { message?: string; root?: { message?: string } } | undefined;
  return e?.message ?? e?.root?.message;
}

/** « Créer un projet » and « Modifier » (« Mes projets »): one form, the action's own schema. */
export function ProjetForm({
  mode,
  numero,
  defaultValues = EMPTY,
  niveauInitial = null,
}: {
  mode: 'create' | 'update';
  numero?: number;
  defaultValues?: ProjetInput;
  /** update: the level of the stored diplôme */
  niveauInitial?: number | null;
}) {
  // raw: the action receives what was typed and parses it again with the same schema
  const form = useForm<ProjetInput>({ resolver: zodResolver(projetSchema, undefined, { raw: true }), defaultValues, shouldFocusError: false });
  const action = useCallback((values: ProjetInput) => (mode === 'create' ? createProjetAction(values) : updateProjetAction(numero, values)), [mode, numero]);
  const { onSubmit, formError, pending } = useActionForm(form, action);
  const { register } = form;
  const { errors, submitCount } = form.formState;
  const formRef = useRef<HTMLFormElement>(null);

  // after a refused submit, the focus goes to the first field in error, in the order of the page
  useEffect(() => {
    if (submitCount === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [submitCount]);

  const typesError = groupError(errors.types);
  const dureeError = errors.dureeAnnees?.message;
  const zoneError = groupError(errors.departements) ?? errors.zoneRegion?.message;
  const zoneRegion = useWatch({ control: form.control, name: 'zoneRegion' });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={mode === 'create' ? 'Créer un projet' : 'Modifier le projet'} className="max-w-4xl">
      <p className="mb-4 text-sm">Les champs suivis d&apos;une astérisque sont des champs obligatoires</p>
      <FormError message={formError} />

      <fieldset className="mb-6 border border-bordure p-4">
        <legend className="px-2 font-bold uppercase">Mon projet</legend>

        <MetierField form={form} hint="Le métier que vous souhaitez exercer en alternance. Par exemple : carreleur, boulanger, technico-commercial." />

        <TypesAlternanceField registration={register('types')} error={typesError} hint="Cochez un ou plusieurs types." />

        <DiplomeField form={form} niveauInitial={niveauInitial} />

        <fieldset className="mb-5" aria-describedby={dureeError ? 'dureeAnnees-error' : undefined}>
          <legend className="mb-2 font-medium">
            Durée de l&apos;alternance <span aria-hidden="true">*</span>
          </legend>
          <GroupError id="dureeAnnees-error" message={dureeError} />
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {DUREES_ALTERNANCE.map((d) => (
              <label key={d} className="flex items-center gap-2">
                <input type="radio" value={d} className="h-5 w-5" data-invalid={dureeError ? true : undefined} {...register('dureeAnnees')} />
                <span>{anneesLabel(d)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="mb-2" aria-describedby={zoneError ? 'zone-hint departements-error' : 'zone-hint'}>
          <legend className="mb-2 font-medium">
            Zone de recherche <span aria-hidden="true">*</span>
          </legend>
          <p id="zone-hint" className="mb-2 text-sm text-gray-700">
            Toute la Nouvelle-Aquitaine, ou un ou plusieurs de ses départements.
          </p>
          <GroupError id="departements-error" message={zoneError} />
          <label className="mb-3 flex items-center gap-2">
            <input type="checkbox" className="h-5 w-5" aria-invalid={zoneError ? true : undefined} {...register('zoneRegion')} />
            <span>Toute la Nouvelle-Aquitaine</span>
          </label>
          {zoneRegion ? (
            <p className="text-sm">
              Vos recherches portent sur les 12 départements de la région : {DEPARTEMENTS_NA.map((d) => d.nom).join(', ')}. Décochez « Toute la
              Nouvelle-Aquitaine » pour choisir des départements.
            </p>
          ) : (
            <fieldset>
              <legend className="mb-2 text-sm font-medium">Ou seulement ces départements :</legend>
              <div className="grid gap-x-6 gap-y-2 sm:grid-cols-2 md:grid-cols-3">
                {DEPARTEMENTS_NA.map((d) => (
                  <label key={d.code} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      value={d.code}
                      className="h-5 w-5"
                      aria-invalid={zoneError ? true : undefined}
                      {...register('departements')}
                    />
                    <span>
                      {nomDepartement(d.code)} ({d.code})
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </fieldset>
      </fieldset>

      <FormationsField form={form} />
      <ExperiencesField form={form} />

      <fieldset className="mb-6 border border-bordure p-4">
        <legend className="px-2 font-bold uppercase">Visibilité de mon projet</legend>
        <div className="flex items-start gap-3">
          <input id="visible" type="checkbox" className="mt-1 h-5 w-5 shrink-0" aria-describedby="visible-hint" {...register('visible')} />
          <label htmlFor="visible" className="font-medium">
            Mon projet est visible par les acteurs de la formation et de l&apos;insertion
          </label>
        </div>
        <div id="visible-hint" className="mt-2 space-y-1 text-sm">
          <p>
            <strong>Case cochée :</strong> les CFA, missions locales et autres structures partenaires de CMonAlternance peuvent trouver ce projet
            dans leur recherche de profils et dans leurs alertes, et vous proposer une offre qui y correspond.
          </p>
          <p>
            <strong>Case décochée :</strong> ce projet n&apos;apparaît jamais dans leurs recherches ni dans leurs alertes. Vous pouvez quand même
            postuler aux offres avec lui : la structure qui suit une offre reçoit le projet avec votre candidature.
          </p>
          <p>Vous pouvez changer d&apos;avis à tout moment en modifiant votre projet.</p>
        </div>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Enregistrement…' : 'Enregistrer'}
        </Button>
        <ButtonLink href="/candidat/projets" variant="secondary">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}

/** « Intitulé diplôme * »: one certification of the referential; its level follows. */
function DiplomeField({ form, niveauInitial }: { form: Form; niveauInitial: number | null }) {
  const {
    field: { ref: fieldRef, name, onBlur, value: id },
    fieldState,
  } = useController({ control: form.control, name: 'certificationId' });
  const intitule = useWatch({ control: form.control, name: 'diplomeIntitule' });
  const [niveau, setNiveau] = useState<number | null>(niveauInitial);
  const value = useMemo<CertificationOption | null>(
    () => (id ? { id, intitule: intitule ?? '', niveau, libelleNiveau: libelleNiveau(niveau), active: true } : null),
    [id, intitule, niveau],
  );
  const revalidate = form.formState.isSubmitted;
  // a project whose diplôme is no longer in the referential: its title is kept, to be chosen again
  const [ancien] = useState(() => (!form.getValues('certificationId') && form.getValues('diplomeIntitule')) || '');
  const niveauTexte = id ? libelleNiveau(niveau) : '';

  return (
    <>
      <Autocomplete<CertificationOption>
        id="certificationId"
        label="Intitulé diplôme"
        listLabel="Diplômes"
        required
        hint={
          <>
            Le diplôme que vous souhaitez préparer en alternance. Par exemple : CAP carreleur, BTS, titre professionnel.
            {ancien && <span className="block">Diplôme enregistré : « {ancien} ». Choisissez-le de nouveau dans la liste.</span>}
          </>
        }
        ref={fieldRef}
        name={name}
        onBlur={onBlur}
        error={fieldState.error?.message}
        value={value}
        search={searchCertifications}
        getKey={(o) => o.id}
        getLabel={(o) => o.intitule}
        renderOption={(o) => (
          <>
            {o.intitule}
            {o.libelleNiveau && <span> — {o.libelleNiveau}</span>}
          </>
        )}
        selectedMessage={(o) => `${o.intitule} : choisi.${o.libelleNiveau ? ` ${o.libelleNiveau}.` : ''}`}
        onSelect={(o) => {
          setNiveau(o.niveau);
          form.setValue('diplomeIntitule', o.intitule);
          form.setValue('certificationId', o.id, { shouldDirty: true, shouldValidate: revalidate });
        }}
        onClear={() => {
          setNiveau(null);
          form.setValue('diplomeIntitule', '');
          form.setValue('certificationId', '', { shouldDirty: true, shouldValidate: revalidate });
        }}
      />
      <p className="-mt-3 mb-5" data-testid="niveau-diplome">
        Niveau : <strong>{niveauTexte || (id ? 'Non renseigné' : 'choisissez d’abord le diplôme')}</strong>
      </p>
    </>
  );
}

/** Moves the focus once the list has re-rendered. */
function focusLater(el: () => HTMLElement | null | undefined) {
  requestAnimationFrame(() => el()?.focus());
}

/** « Formations déjà suivies »: intitulé, statut, année; each removable. */
function FormationsField({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'formations' });
  const { register } = form;
  const errors = form.formState.errors.formations;
  const [announce, setAnnounce] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const removeRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const full = fields.length >= FORMATIONS_MAX;

  const onRemove = (index: number) => {
    const next = fields.length - 1;
    remove(index);
    setAnnounce(`Formation ${index + 1} retirée. ${next} formation${next > 1 ? 's' : ''} dans la liste.`);
    focusLater(() => (next > 0 ? removeRefs.current[Math.min(index, next - 1)] : addRef.current));
  };

  return (
    <fieldset className="mb-6 border border-bordure p-4">
      <legend className="px-2 font-bold uppercase">Formations déjà suivies</legend>
      <p className="mb-4 text-sm">Vos diplômes et formations, obtenus ou en cours (facultatif, {FORMATIONS_MAX} au plus).</p>
      <GroupError id="formations-error" message={groupError(errors)} />
      {fields.length === 0 && <p className="mb-4 text-sm">Aucune formation pour le moment.</p>}
      <ol className="space-y-4">
        {fields.map((field, i) => {
          const e = errors?.[i];
          const base = `formations-${i}`;
          return (
            <li key={field.id}>
              <fieldset className="border border-bordure bg-gris-clair/50 p-4">
                <legend className="px-2 font-medium">Formation {i + 1}</legend>
                <TextField id={`${base}-intitule`} label="Intitulé" required error={e?.intitule?.message} inputProps={{ autoComplete: 'off', ...register(`formations.${i}.intitule`) }} />
                <div className="grid gap-x-6 md:grid-cols-2">
                  <Field id={`${base}-statut`} label="Statut" required error={e?.statut?.message}>
                    {(describedBy) => (
                      <select
                        id={`${base}-statut`}
                        className={inputClasses(Boolean(e?.statut))}
                        aria-describedby={describedBy}
                        aria-invalid={e?.statut ? true : undefined}
                        aria-required
                        {...register(`formations.${i}.statut`)}
                      >
                        <option value="">— Choisir —</option>
                        {FORMATION_STATUTS.map((s) => (
                          <option key={s} value={s}>
                            {FORMATION_STATUT_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <TextField
                    id={`${base}-annee`}
                    label="Année"
                    hint="Par exemple : 2024."
                    error={e?.annee?.message}
                    inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 4, ...register(`formations.${i}.annee`) }}
                  />
                </div>
                <Button
                  variant="secondary"
                  ref={(el) => {
                    removeRefs.current[i] = el;
                  }}
                  onClick={() => onRemove(i)}
                >
                  Retirer<span className="sr-only"> la formation {i + 1}</span>
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="mt-4">
        <Button
          ref={addRef}
          variant="secondary"
          disabled={full}
          onClick={() => {
            append(NEW_FORMATION, { focusName: `formations.${fields.length}.intitule` });
            setAnnounce(`Formation ${fields.length + 1} ajoutée : saisissez son intitulé.`);
          }}
        >
          Ajouter une formation
        </Button>
        {full && <p className="mt-2 text-sm">Vous avez indiqué {FORMATIONS_MAX} formations : c&apos;est le maximum.</p>}
      </div>
      <div role="status" aria-live="polite" className="sr-only">
        {announce}
      </div>
    </fieldset>
  );
}

/** « Expériences »: type, intitulé, entreprise, durée in semaine(s) / jour(s), missions; each removable. */
function ExperiencesField({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'experiences' });
  const { register } = form;
  const errors = form.formState.errors.experiences;
  const [announce, setAnnounce] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const removeRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const full = fields.length >= EXPERIENCES_MAX;

  const onRemove = (index: number) => {
    const next = fields.length - 1;
    remove(index);
    setAnnounce(`Expérience ${index + 1} retirée. ${next} expérience${next > 1 ? 's' : ''} dans la liste.`);
    focusLater(() => (next > 0 ? removeRefs.current[Math.min(index, next - 1)] : addRef.current));
  };

  return (
    <fieldset className="mb-6 border border-bordure p-4">
      <legend className="px-2 font-bold uppercase">Expériences</legend>
      <p className="mb-4 text-sm">Stages, emplois, jobs étudiants, bénévolat (facultatif, {EXPERIENCES_MAX} au plus).</p>
      <GroupError id="experiences-error" message={groupError(errors)} />
      {fields.length === 0 && <p className="mb-4 text-sm">Aucune expérience pour le moment.</p>}
      <ol className="space-y-4">
        {fields.map((field, i) => {
          const e = errors?.[i];
          const base = `experiences-${i}`;
          return (
            <li key={field.id}>
              <fieldset className="border border-bordure bg-gris-clair/50 p-4">
                <legend className="px-2 font-medium">Expérience {i + 1}</legend>
                <div className="grid gap-x-6 md:grid-cols-2">
                  <Field id={`${base}-type`} label="Type d'expérience" required error={e?.type?.message}>
                    {(describedBy) => (
                      <select
                        id={`${base}-type`}
                        className={inputClasses(Boolean(e?.type))}
                        aria-describedby={describedBy}
                        aria-invalid={e?.type ? true : undefined}
                        aria-required
                        {...register(`experiences.${i}.type`)}
                      >
                        <option value="">— Choisir —</option>
                        {EXPERIENCE_TYPES.map((t) => (
                          <option key={t} value={t}>
                            {EXPERIENCE_TYPE_LABELS[t]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <TextField
                    id={`${base}-intitule`}
                    label="Intitulé"
                    required
                    hint="Par exemple : Commerciale."
                    error={e?.intitule?.message}
                    inputProps={{ autoComplete: 'off', ...register(`experiences.${i}.intitule`) }}
                  />
                </div>
                <TextField
                  id={`${base}-entreprise`}
                  label="Entreprise (facultatif)"
                  error={e?.entreprise?.message}
                  inputProps={{ autoComplete: 'off', ...register(`experiences.${i}.entreprise`) }}
                />
                <fieldset className="mb-5">
                  <legend className="font-medium">Durée (facultatif)</legend>
                  <div className="mt-1 grid gap-x-6 sm:grid-cols-2">
                    <TextField
                      id={`${base}-semaines`}
                      label="semaine(s)"
                      error={e?.dureeSemaines?.message}
                      inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 3, ...register(`experiences.${i}.dureeSemaines`) }}
                    />
                    <TextField
                      id={`${base}-jours`}
                      label="jour(s)"
                      error={e?.dureeJours?.message}
                      inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 1, ...register(`experiences.${i}.dureeJours`) }}
                    />
                  </div>
                </fieldset>
                <Field id={`${base}-missions`} label="Missions (facultatif)" hint={`${MISSIONS_MAX} caractères au plus.`} error={e?.missions?.message}>
                  {(describedBy) => (
                    <textarea
                      id={`${base}-missions`}
                      rows={3}
                      className={inputClasses(Boolean(e?.missions))}
                      aria-describedby={describedBy}
                      aria-invalid={e?.missions ? true : undefined}
                      {...register(`experiences.${i}.missions`)}
                    />
                  )}
                </Field>
                <Button
                  variant="secondary"
                  ref={(el) => {
                    removeRefs.current[i] = el;
                  }}
                  onClick={() => onRemove(i)}
                >
                  Retirer<span className="sr-only"> l&apos;expérience {i + 1}</span>
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="mt-4">
        <Button
          ref={addRef}
          variant="secondary"
          disabled={full}
          onClick={() => {
            // the first field of the new experience, in the order of the page
            append(NEW_EXPERIENCE, { focusName: `experiences.${fields.length}.type` });
            setAnnounce(`Expérience ${fields.length + 1} ajoutée : choisissez son type.`);
          }}
        >
          Ajouter une expérience
        </Button>
        {full && <p className="mt-2 text-sm">Vous avez indiqué {EXPERIENCES_MAX} expériences : c&apos;est le maximum.</p>}
      </div>
      <div role="status" aria-live="polite" className="sr-only">
        {announce}
      </div>
    </fieldset>
  );
}
