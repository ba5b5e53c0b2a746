import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { Button } from '@/components/ui/button';
import type { DepartementOption } from '@/lib/data/offres-publiques';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { NIVEAUX, libelleNiveau } from '@/lib/referentiels/niveaux';
import { MOT_CLE_MAX, TYPES_ALTERNANCE } from '@/lib/validations/offres-publiques';
import type { OffresSearchFilters } from './format';

/**
 * A GET form: it works without JavaScript (the browser puts the search in the URL) and, with it,
 * next/form navigates without reloading the page. Changing a field never submits by itself
 * (WCAG 3.2.2): the visitor presses « Rechercher ». The commune list is the chosen département's
 * (the communes where offers are open): the whole region's would be thousands of options.
 */
export function SearchForm({ filters, departements }: { filters: OffresSearchFilters; departements: DepartementOption[] }) {
  const communes = departements.find((d) => d.code === filters.departement)?.communes ?? null;
  const hasSearch = Boolean(filters.q || filters.departement || filters.commune || filters.types.length || filters.niveau);
  // keyed by the URL's values: after a client navigation (back, reset) the fields show the URL's search
  const key = (name: string, value: unknown) => `${name}-${JSON.stringify(value ?? '')}`;

  return (
    <Form action="/offres" aria-labelledby="recherche-titre" data-tutoriel="recherche-offres" className="border border-bordure bg-white p-4 sm:p-6">
      <h2 id="recherche-titre" className="mb-4 text-xl font-bold text-bleu">
        Rechercher une offre
      </h2>
      <div className="mb-5">
        <label htmlFor="q" className="block font-medium">
          Mot-clé
        </label>
        <p id="q-hint" className="mt-1 text-sm text-gray-700">
          Un métier, un diplôme, une commune, une entreprise… (exemple : carreleur)
        </p>
        <input
          key={key('q', filters.q)}
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ''}
          maxLength={MOT_CLE_MAX}
          autoComplete="off"
          aria-describedby="q-hint"
          className={`mt-1 ${inputClasses()}`}
        />
      </div>
      <div className="grid gap-x-6 md:grid-cols-3">
        <div className="mb-5">
          <label htmlFor="departement" className="block font-medium">
            Département
          </label>
          <select
            key={key('departement', filters.departement)}
            id="departement"
            name="departement"
            defaultValue={filters.departement ?? ''}
            className={`mt-1 ${inputClasses()}`}
          >
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
            key={key('commune', [filters.departement, filters.commune])}
            id="commune"
            name="commune"
            defaultValue={filters.commune ?? ''}
            aria-describedby="commune-hint"
            className={`mt-1 ${inputClasses()}`}
          >
            <option value="">Toutes les communes</option>
            {communes?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.nom}
              </option>
            ))}
          </select>
          <p id="commune-hint" className="mt-1 text-sm text-gray-700">
            {communes
              ? 'Les communes du département choisi où des offres sont en cours.'
              : 'Choisissez un département et lancez la recherche : ses communes où des offres sont en cours seront proposées.'}
          </p>
        </div>
        <div className="mb-5">
          <label htmlFor="niveau" className="block font-medium">
            Niveau du diplôme
          </label>
          <select
            key={key('niveau', filters.niveau)}
            id="niveau"
            name="niveau"
            defaultValue={filters.niveau !== undefined ? String(filters.niveau) : ''}
            className={`mt-1 ${inputClasses()}`}
          >
            <option value="">Tous les niveaux</option>
            {NIVEAUX.map((n) => (
              <option key={n.niveau} value={n.niveau}>
                {libelleNiveau(n.niveau)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset key={key('type', filters.types)} className="mb-5">
        <legend className="font-medium">Type de contrat</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {TYPES_ALTERNANCE.map((t) => (
            <div key={t} className="flex items-center gap-2">
              <input
                type="checkbox"
                id={`type-${t}`}
                name="type"
                value={t}
                defaultChecked={filters.types.includes(t)}
                className="h-5 w-5 accent-bleu"
              />
              <label htmlFor={`type-${t}`}>{TYPE_ALTERNANCE_LABELS[t]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">Rechercher</Button>
        {hasSearch && <Link href="/offres">Réinitialiser la recherche</Link>}
      </div>
    </Form>
  );
}
