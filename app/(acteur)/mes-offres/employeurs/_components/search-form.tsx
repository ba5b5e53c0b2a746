import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { Button } from '@/components/ui/button';

/**
 * « Raison sociale, numéro, ... »: a GET form (the search is in the URL, works without JavaScript;
 * with it, next/form navigates without reloading the page).
 */
export function EmployeursSearchForm({ q }: { q?: string }) {
  return (
    <Form action="/mes-offres/employeurs" role="search" aria-label="Rechercher parmi vos employeurs" className="mb-6 max-w-3xl">
      <label htmlFor="q" className="block font-medium">
        Rechercher un employeur
      </label>
      <p id="q-hint" className="mt-1 text-sm text-gray-700">
        Par raison sociale, Siret ou numéro. Les accents et les majuscules sont ignorés.
      </p>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          // keyed by the URL's value: after a client navigation the field shows the current search
          key={q ?? ''}
          id="q"
          name="q"
          type="search"
          defaultValue={q ?? ''}
          maxLength={100}
          placeholder="Raison sociale, numéro, ..."
          aria-describedby="q-hint"
          className={`${inputClasses()} max-w-md flex-1`}
        />
        <Button type="submit">Rechercher</Button>
      </div>
      {q && (
        <p className="mt-2">
          <Link href="/mes-offres/employeurs">Effacer la recherche</Link>
        </p>
      )}
    </Form>
  );
}
