'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useController, useForm, type UseFormReturn } from 'react-hook-form';
import { Autocomplete } from '@/components/forms/autocomplete';
import { Field, SelectField, TextField, inputClasses } from '@/components/forms/field';
import { FormError } from '@/components/forms/form-error';
import { MetierField } from '@/components/forms/metier-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { TypesAlternanceField } from '@/components/forms/types-alternance-field';
import { Button } from '@/components/ui/button';
import { createOffreAction, updateOffreAction } from '@/lib/actions/offres';
import { searchCertificationsAction } from '@/lib/actions/referentiels';
import { usePostalCodeCommunes } from '@/components/forms/use-postal-code-communes';
import type { CertificationOption } from '@/lib/data/referentiels';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import {
  DESCRIPTION_MAX,
  OFFRE_MESSAGES,
  maxDateEmbauche,
  offreSchemaFor,
  todayParis,
  type DiplomeChoisi,
  type OffreInput,
} from '@/lib/validations/offre';

export interface EmployeurChoix {
  id: string;
  raisonSociale: string;
  adresse: string | null;
  complementAdresse: string | null;
  codePostal: string | null;
  communeInsee: string | null;
}

export interface MembreChoix {
  id: string;
  prenom: string;
  nom: string;
}

type Form = UseFormReturn<OffreInput>;

/** Fields in the order of the page: a failed submit focuses the first one in error. */
const FIELD_ORDER = [
  'types',
  'employeurId',
  'appellationCode',
  'description',
  'adresse',
  'complementAdresse',
  'codePostal',
  'communeInsee',
  'dateEmbauche',
  'dureeMois',
  'referentId',
  'nombrePostes',
  'diplomes',
] as const satisfies readonly (keyof OffreInput)[];

function libelleDiplome(d: { intitule: string; niveau: number | null }) {
  const niveau = libelleNiveau(d.niveau);
  return niveau ? `${d.intitule} — ${niveau}` : d.intitule;
}

function diplomeKey(d: { certificationId: string | null; intitule: string }) {
  return d.certificationId ?? `intitule:${d.intitule.trim().toLowerCase()}`;
}

const searchCertifications = (q: string) => searchCertificationsAction(q);

/** « Créer une offre » (mode create, « Valider ») and « Modifier » (mode update, « Enregistrer »). */
export function OffreForm({
  mode,
  numero,
  defaultValues,
  employeurs,
  membres,
  currentUserId,
  initialCommunes = [],
  dateInitiale = null,
}: {
  mode: 'create' | 'update';
  numero?: number;
  defaultValues: OffreInput;
  employeurs: EmployeurChoix[];
  membres: MembreChoix[];
  currentUserId: string;
  initialCommunes?: { code: string; nom: string }[];
  /** update: the stored hiring date, acceptable even if past (not for an archived offer) */
  dateInitiale?: string | null;
}) {
  const schema = useMemo(() => offreSchemaFor({ dateInitiale }), [dateInitiale]);
  const form = useForm<OffreInput>({ resolver: zodResolver(schema), defaultValues });
  // register every field once, in the page's order, before the autocompletes register theirs
  useState(() => FIELD_ORDER.forEach((name) => form.register(name)));

  const action = useCallback((values: OffreInput) => (mode === 'create' ? createOffreAction(values) : updateOffreAction(numero, values)), [mode, numero]);
  const { onSubmit, formError, pending } = useActionForm(form, action);
  const { register, setValue, getValues } = form;
  const { errors } = form.formState;

  // ── employer → the workplace address (only over what the user has not typed himself) ──
  const lastEmployeur = useRef<string | null>(defaultValues.employeurId || null);
  const { communes, prefill } = usePostalCodeCommunes(form, initialCommunes);
  const onEmployeurChange = (employeurId: string) => {
    const chosen = employeurs.find((e) => e.id === employeurId);
    const previous = employeurs.find((e) => e.id === lastEmployeur.current);
    lastEmployeur.current = employeurId || null;
    if (!chosen) return;
    const [adresse, complement, codePostal, commune] = getValues(['adresse', 'complementAdresse', 'codePostal', 'communeInsee']);
    const empty = !adresse && !complement && !codePostal && !commune;
    const fromPrevious =
      previous &&
      (adresse ?? '') === (previous.adresse ?? '') &&
      (complement ?? '') === (previous.complementAdresse ?? '') &&
      (codePostal ?? '') === (previous.codePostal ?? '') &&
      (commune ?? '') === (previous.communeInsee ?? '');
    if (!empty && !fromPrevious) return;
    const opts = { shouldDirty: true } as const;
    setValue('adresse', chosen.adresse ?? '', opts);
    setValue('complementAdresse', chosen.complementAdresse ?? '', opts);
    prefill(chosen.codePostal, chosen.communeInsee);
  };

  const today = todayParis();
  const minDate = dateInitiale && dateInitiale < today ? dateInitiale : today;
  const typesError = errors.types?.message ?? (errors.types as { root?: { message?: string } } | undefined)?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={mode === 'create' ? 'Créer une offre' : 'Modifier l’offre'} className="max-w-4xl">
      <p className="mb-4 text-sm">Les champs suivis d&apos;une astérisque sont des champs obligatoires</p>
      <FormError message={formError} />

      <fieldset className="mb-6 border border-bordure p-4">
        <legend className="px-2 font-bold uppercase">Informations contrat / profil recherché</legend>

        <TypesAlternanceField registration={register('types')} error={typesError} />

        <div data-tutoriel="offre-employeur">
          <Field
            id="employeurId"
            label="L'employeur"
            required
            hint={
              <>
                Sélectionnez l&apos;employeur associé à cette offre. S&apos;il n&apos;apparaît pas dans la liste des employeurs ci-dessous, il vous faut
                l&apos;ajouter avant de créer votre offre : <Link href="/mes-offres/employeurs/ajouter">Ajouter un employeur</Link>
              </>
            }
            error={errors.employeurId?.message}
          >
            {(describedBy) => (
              <select
                id="employeurId"
                className={inputClasses(Boolean(errors.employeurId))}
                aria-describedby={describedBy}
                aria-invalid={errors.employeurId ? true : undefined}
                aria-required
                {...register('employeurId', { onChange: (e) => onEmployeurChange(e.target.value) })}
              >
                <option value="">Sélectionner un employeur</option>
                {employeurs.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.raisonSociale}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {employeurs.length === 0 && (
          <p className="-mt-3 mb-5 border-l-4 border-orange bg-orange-50 p-3 text-sm">
            Votre structure n&apos;a pas encore d&apos;employeur validé par l&apos;équipe CMonAlternance : ajoutez-en un, puis revenez créer votre
            offre une fois la demande validée.
          </p>
        )}

        <MetierField form={form} />

        <Field id="description" label="Description des missions" hint={`${DESCRIPTION_MAX} caractères au plus.`} error={errors.description?.message}>
          {(describedBy) => (
            <textarea
              id="description"
              rows={6}
              className={inputClasses(Boolean(errors.description))}
              aria-describedby={describedBy}
              aria-invalid={errors.description ? true : undefined}
              {...register('description')}
            />
          )}
        </Field>

        <fieldset className="mb-5">
          <legend className="mb-2 font-medium">Lieu de travail</legend>
          <TextField
            id="adresse"
            label="Adresse"
            required
            hint="Reprise de l'employeur choisi : vous pouvez la modifier."
            error={errors.adresse?.message}
            inputProps={{ autoComplete: 'off', ...register('adresse') }}
          />
          <TextField id="complementAdresse" label="Complément" error={errors.complementAdresse?.message} inputProps={{ autoComplete: 'off', ...register('complementAdresse') }} />
          <div className="grid gap-x-6 md:grid-cols-2">
            <TextField
              id="codePostal"
              label="Code postal"
              error={errors.codePostal?.message}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 5, ...register('codePostal') }}
            />
            <SelectField
              id="communeInsee"
              label="Commune"
              hint={communes.length === 0 ? "Saisissez d'abord le code postal." : undefined}
              error={errors.communeInsee?.message}
              options={communes.map((c) => ({ value: c.code, label: c.nom }))}
              selectProps={register('communeInsee')}
            />
          </div>
        </fieldset>

        <div className="grid gap-x-6 md:grid-cols-2">
          <TextField
            id="dateEmbauche"
            label="Date prévue d'embauche"
            required
            hint="Aujourd'hui au plus tôt, dans 2 ans au plus tard."
            error={errors.dateEmbauche?.message}
            inputProps={{ type: 'date', min: minDate, max: maxDateEmbauche(), ...register('dateEmbauche') }}
          />
          <TextField
            id="dureeMois"
            label="Durée du contrat (mois)"
            hint="De 1 à 48 mois."
            error={errors.dureeMois?.message}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 2, ...register('dureeMois') }}
          />
          <Field id="referentId" label="Référent" required hint="Le membre de votre structure qui suit cette offre." error={errors.referentId?.message}>
            {(describedBy) => (
              <select
                id="referentId"
                className={inputClasses(Boolean(errors.referentId))}
                aria-describedby={describedBy}
                aria-invalid={errors.referentId ? true : undefined}
                aria-required
                {...register('referentId')}
              >
                <option value="">— Choisir —</option>
                {membres.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.prenom} {m.nom}
                    {m.id === currentUserId ? ' (vous)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            id="nombrePostes"
            label="Nombre de postes"
            required
            hint="De 1 à 99."
            error={errors.nombrePostes?.message}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 2, ...register('nombrePostes') }}
          />
        </div>
      </fieldset>

      <DiplomesField form={form} />

      {mode === 'create' && (
        <p className="mb-4">
          L&apos;offre sera ensuite <strong>immédiatement publiée</strong> sur le site <strong>CMonAlternance</strong> et visible par tous les{' '}
          <strong>candidats</strong> ayant un compte.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : mode === 'create' ? 'Valider' : 'Enregistrer'}
      </Button>
    </form>
  );
}

/** « AJOUTER UN DIPLÔME OU UNE FORMATION À PRÉPARER * »: one or more, each removable. */
function DiplomesField({ form }: { form: Form }) {
  const { field, fieldState } = useController({ control: form.control, name: 'diplomes' });
  const diplomes: DiplomeChoisi[] = field.value ?? [];
  const [announce, setAnnounce] = useState('');
  const inputRef = useRef<HTMLInputElement | null>(null);
  const removeRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const error = fieldState.error?.message ?? (fieldState.error as { root?: { message?: string } } | undefined)?.root?.message;
  const revalidate = form.formState.isSubmitted;

  const setList = (next: DiplomeChoisi[]) => form.setValue('diplomes', next, { shouldDirty: true, shouldValidate: revalidate });

  const add = (c: CertificationOption) => {
    const d: DiplomeChoisi = { certificationId: c.id, intitule: c.intitule, niveau: c.niveau };
    if (diplomes.some((x) => diplomeKey(x) === diplomeKey(d) || x.intitule.toLowerCase() === d.intitule.toLowerCase())) {
      form.setError('diplomes', { type: 'doublon', message: OFFRE_MESSAGES.diplomeDoublon });
      setAnnounce(OFFRE_MESSAGES.diplomeDoublon);
      return;
    }
    form.clearErrors('diplomes');
    setList([...diplomes, d]);
    setAnnounce(`${libelleDiplome(d)} : ajouté. ${diplomes.length + 1} diplôme${diplomes.length + 1 > 1 ? 's' : ''} dans la liste.`);
  };

  const remove = (index: number) => {
    const d = diplomes[index]!;
    const next = diplomes.filter((_, i) => i !== index);
    setList(next);
    setAnnounce(`${libelleDiplome(d)} : retiré de la liste.`);
    // the focus goes to the next « Retirer » button, or back to the search box
    requestAnimationFrame(() => (removeRefs.current[Math.min(index, next.length - 1)] ?? inputRef.current)?.focus());
  };

  return (
    <fieldset className="mb-6 border border-bordure p-4">
      <legend className="px-2 font-bold uppercase">
        Ajouter un diplôme ou une formation à préparer <span aria-hidden="true">*</span>
      </legend>
      <p className="mb-4 text-sm">N&apos;oubliez pas de renseigner le(s) diplôme(s) préparé(s), puis validez.</p>

      {diplomes.length > 0 && (
        <>
          <p id="diplomes-choisis" className="mb-2 font-medium">
            Diplômes ou formations à préparer ({diplomes.length})
          </p>
          <ul aria-labelledby="diplomes-choisis" className="mb-4 space-y-2">
            {diplomes.map((d, i) => (
              <li key={diplomeKey(d)} className="flex flex-wrap items-center justify-between gap-2 border border-bordure bg-gris-clair px-3 py-2">
                <span>{libelleDiplome(d)}</span>
                <Button
                  variant="link"
                  ref={(el) => {
                    removeRefs.current[i] = el;
                  }}
                  aria-label={`Retirer ${libelleDiplome(d)}`}
                  onClick={() => remove(i)}
                >
                  Retirer
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}

      <Autocomplete<CertificationOption>
        id="diplomes"
        label="Diplôme ou formation à préparer"
        listLabel="Diplômes et formations"
        hint="Par exemple : CAP carreleur, BTS, titre professionnel."
        ref={(el) => {
          inputRef.current = el;
          field.ref(el);
        }}
        name={field.name}
        onBlur={field.onBlur}
        error={error}
        clearOnSelect
        search={searchCertifications}
        getKey={(o) => o.id}
        getLabel={(o) => o.intitule}
        renderOption={(o) => (
          <>
            {o.intitule}
            {o.libelleNiveau && <span> — {o.libelleNiveau}</span>}
          </>
        )}
        onSelect={add}
        selectedMessage={() => ''}
      />
      <div role="status" aria-live="polite" className="sr-only">
        {announce}
      </div>
    </fieldset>
  );
}
