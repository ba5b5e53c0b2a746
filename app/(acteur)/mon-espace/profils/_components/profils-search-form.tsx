import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { Button } from '@/components/ui/button';
import { PROFILS_FILTER_OPTIONS } from '@/lib/data/profils';
import { PROFILS_MOT_CLE_MAX, type ProfilsFilters } from '@/lib/validations/profils';

/**
 * A GET form: it works without JavaScript (the browser puts the search in the URL) and, with it,
 * next/form navigates without reloading the page. Changing a field never submits by itself
 * (WCAG 3.2.2): the user presses « Rechercher ». « RECHERCHE AVANCÉE » is a native disclosure
 * (<details>), open when one of its filters is in use.
 */
export function ProfilsSearchForm({ filters }: { filters: ProfilsFilters }) {
  const advanced = Boolean(filters.departement || filters.type || filters.niveau !== undefined);
  const hasSearch = Boolean(filters.q) || advanced;
  // keyed by the URL's values: after a client navigation (back, reset) the fields show the URL's search
  const key = (name: string, value: unknown) => `${name}-${JSON.stringify(value ?? '')}`;

  return (
    <Form action="/mon-espace/profils" role="search" aria-label="Rechercher des profils" data-tutoriel="recherche-profils" className="border border-bordure bg-white p-4 sm:p-6">
      <div className="mb-4">
        <label htmlFor="q" className="block font-medium">
          Saisissez un mot clé
        </label>
        <p id="q-aide" className="mt-1 text-sm text-gray-700">
          Métier, type de contrat, diplôme… (exemple : carreleur, apprentissage, CAP). Les accents, les majuscules et les petites
          fautes de frappe n&apos;empêchent pas de trouver un profil.
        </p>
        <input
          key={key('q', filters.q)}
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ''}
          placeholder="Métier, type de contrat, diplôme, ..."
          maxLength={PROFILS_MOT_CLE_MAX}
          autoComplete="off"
          aria-describedby="q-aide"
          className={`mt-1 ${inputClasses()}`}
        />
      </div>

      <details key={key('avancee', advanced)} open={advanced} className="mb-4 border-t border-bordure pt-3">
        <summary className="cursor-pointer py-2 font-bold uppercase tracking-wide text-bleu">Recherche avancée</summary>
        <div className="mt-2 grid gap-x-6 md:grid-cols-3">
          <div className="mb-4">
            <label htmlFor="departement" className="block font-medium">
              Zone géographique
            </label>
            <select
              key={key('departement', filters.departement)}
              id="departement"
              name="departement"
              defaultValue={filters.departement ?? ''}
              aria-describedby="departement-aide"
              className={`mt-1 ${inputClasses()}`}
            >
              <option value="">Toute la région</option>
              {PROFILS_FILTER_OPTIONS.departements.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
            <p id="departement-aide" className="mt-1 text-sm text-gray-700">
              Les candidats qui cherchent dans toute la Nouvelle-Aquitaine sont inclus.
            </p>
          </div>
          <div className="mb-4">
            <label htmlFor="type" className="block font-medium">
              Type de contrat
            </label>
            <select key={key('type', filters.type)} id="type" name="type" defaultValue={filters.type ?? ''} className={`mt-1 ${inputClasses()}`}>
              <option value="">Tous les types de contrat</option>
              {PROFILS_FILTER_OPTIONS.types.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <div className="mb-4">
            <label htmlFor="niveau" className="block font-medium">
              Niveau
            </label>
            <select
              key={key('niveau', filters.niveau)}
              id="niveau"
              name="niveau"
              defaultValue={filters.niveau !== undefined ? String(filters.niveau) : ''}
              className={`mt-1 ${inputClasses()}`}
            >
              <option value="">Tous les niveaux</option>
              {PROFILS_FILTER_OPTIONS.niveaux.map((n) => (
                <option key={n.value} value={n.value}>
                  {n.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </details>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">Rechercher</Button>
        {hasSearch && <Link href="/mon-espace/profils">Réinitialiser la recherche</Link>}
      </div>
    </Form>
  );
}
