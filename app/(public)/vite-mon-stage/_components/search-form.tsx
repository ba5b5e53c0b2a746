import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { Button } from '@/components/ui/button';
import type { ViteMonStageSearch } from '@/lib/validations/vite-mon-stage';

interface Departement {
  code: string;
  nom: string;
}

interface Commune {
  code: string;
  nom: string;
  departementCode: string;
}

const NIVEAU_OPTIONS = [
  { value: '', label: 'Tous les niveaux' },
  { value: '3e', label: '3e (1 semaine)' },
  { value: '2de', label: '2de (2 semaines)' },
] as const;

/**
 * A GET form: it works without JavaScript (the browser puts the filters in the URL) and, with it,
 * next/form navigates without reloading the page. Changing a field never submits by itself
 * (WCAG 3.2.2): the visitor presses « Rechercher ».
 */
export function SearchForm({
  filters,
  departements,
  communes,
}: {
  filters: ViteMonStageSearch;
  departements: Departement[];
  /** The communes to offer: the chosen département's, or all of them (grouped by département). */
  communes: Commune[];
}) {
  const nomDepartement = new Map(departements.map((d) => [d.code, d.nom]));
  const groups = filters.departement
    ? [{ code: filters.departement, communes }]
    : departements
        .map((d) => ({ code: d.code, communes: communes.filter((c) => c.departementCode === d.code) }))
        .filter((g) => g.communes.length > 0);
  const hasFilters = Boolean(filters.departement || filters.commune || filters.niveau);

  return (
    <Form action="/vite-mon-stage" aria-labelledby="recherche-titre" className="border border-bordure bg-white p-4 sm:p-6">
      <h2 id="recherche-titre" className="mb-4 text-xl font-bold text-bleu">
        Rechercher une structure
      </h2>
      <div className="grid gap-x-6 md:grid-cols-2">
        <div className="mb-5">
          <label htmlFor="departement" className="block font-medium">
            Département
          </label>
          <select
            // keyed by the URL's value: after a client navigation (back, reset) the field shows the URL's filter
            key={filters.departement ?? ''}
            id="departement"
            name="departement" defaultValue={filters.departement ?? ''} className={`mt-1 ${inputClasses()}`}>
            <option value="">Tous les départements</option>
            {departements.map((d) => (
              <option key={d.code} value={d.code}>
                {d.nom} ({d.code})
              </option>
            ))}
          </select>
        </div>
        <div className="mb-5">
          <label htmlFor="commune" className="block font-medium">
            Commune
          </label>
          <select
            key={`${filters.departement ?? ''}-${filters.commune ?? ''}`}
            id="commune"
            name="commune"
            defaultValue={filters.commune ?? ''}
            aria-describedby="commune-hint"
            className={`mt-1 ${inputClasses()}`}
          >
            <option value="">Toutes les communes</option>
            {filters.departement
              ? communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.nom}
                  </option>
                ))
              : groups.map((g) => (
                  <optgroup key={g.code} label={`${nomDepartement.get(g.code) ?? g.code} (${g.code})`}>
                    {g.communes.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.nom}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
          <p id="commune-hint" className="mt-1 text-sm text-gray-700">
            {filters.departement
              ? 'Les communes du département choisi où une structure accueille des stagiaires.'
              : 'Les communes où une structure accueille des stagiaires.'}
          </p>
        </div>
      </div>
      <fieldset key={filters.niveau ?? ''} className="mb-5">
        <legend className="font-medium">Niveau</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {NIVEAU_OPTIONS.map((o) => (
            <div key={o.value || 'tous'} className="flex items-center gap-2">
              <input
                type="radio"
                id={`niveau-${o.value || 'tous'}`}
                name="niveau"
                value={o.value}
                defaultChecked={(filters.niveau ?? '') === o.value}
                className="h-5 w-5 accent-bleu"
              />
              <label htmlFor={`niveau-${o.value || 'tous'}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">Rechercher</Button>
        {hasFilters && <Link href="/vite-mon-stage">Réinitialiser les filtres</Link>}
      </div>
    </Form>
  );
}
