import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/guards';
import { ADMIN_UTILISATEURS_PAGE_SIZE, listUtilisateurs } from '@/lib/data/admin-utilisateurs';
import { ROLE_OPTIONS } from './_components/messages';
import { NouvelAdminForm } from './_components/nouvel-admin-form';
import { hrefFor, parseUtilisateursSearch, queryOf } from './_components/search-params';
import { UtilisateursTable } from './_components/utilisateurs-table';

export const metadata = { title: 'Utilisateurs' };

/** « Utilisateurs »: every account, searched, deactivated or reactivated, sent a reset link. */
export default async function UtilisateursPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const search = parseUtilisateursSearch(await searchParams);
  const filters = { q: search.q, role: search.role, structure: search.structure };
  const { rows, total, page, pageCount } = await listUtilisateurs(admin, { ...filters, page: search.page });
  const first = (page - 1) * ADMIN_UTILISATEURS_PAGE_SIZE + 1;
  const filtered = Boolean(search.q || search.role || search.structure);
  const exportQuery = queryOf(filters);
  const formKey = queryOf(filters);

  return (
    <>
      <PageHeader title="Utilisateurs" crumbs={[{ label: 'Administration', href: '/admin' }]} />
      <p className="mb-4">
        Recherchez un compte (candidat, acteur de la formation et de l&apos;insertion ou membre de l&apos;équipe), désactivez-le ou réactivez-le, ou envoyez-lui
        un lien de réinitialisation de son mot de passe. L&apos;utilisateur est prévenu par e-mail.
      </p>

      <details className="mb-6 border border-bordure p-4">
        <summary className="cursor-pointer font-bold text-bleu">Créer un compte administrateur</summary>
        <p className="my-3 text-sm">
          Seul un administrateur peut en nommer un autre. Le nouveau membre de l&apos;équipe reçoit un e-mail pour choisir son mot de passe.
        </p>
        <NouvelAdminForm />
      </details>

      <Form key={formKey} action="/admin/utilisateurs" role="search" aria-label="Rechercher un utilisateur" className="mb-6 max-w-4xl">
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <label htmlFor="q" className="block font-medium">
              Nom ou e-mail
            </label>
            <p id="q-hint" className="mt-1 text-sm text-gray-700">
              Les accents et les majuscules sont ignorés.
            </p>
            <input id="q" name="q" type="search" defaultValue={search.q ?? ''} maxLength={100} aria-describedby="q-hint" className={`mt-1 ${inputClasses()}`} />
          </div>
          <div>
            <label htmlFor="role" className="block font-medium">
              Rôle
            </label>
            <p id="role-hint" className="mt-1 text-sm text-gray-700">
              Type de compte.
            </p>
            <select id="role" name="role" defaultValue={search.role ?? ''} aria-describedby="role-hint" className={`mt-1 ${inputClasses()}`}>
              <option value="">Tous les rôles</option>
              {ROLE_OPTIONS.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="structure" className="block font-medium">
              Structure
            </label>
            <p id="structure-hint" className="mt-1 text-sm text-gray-700">
              Raison sociale de la structure des acteurs.
            </p>
            <input
              id="structure"
              name="structure"
              type="search"
              defaultValue={search.structure ?? ''}
              maxLength={100}
              aria-describedby="structure-hint"
              className={`mt-1 ${inputClasses()}`}
            />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit">Rechercher</Button>
          {filtered && <Link href={hrefFor({})}>Effacer la recherche</Link>}
        </div>
      </Form>

      <div className="mb-2 flex flex-wrap items-center justify-between gap-4">
        <p role="status" className="font-medium">
          {total === 0
            ? filtered
              ? 'Aucun utilisateur ne correspond à cette recherche.'
              : 'Aucun utilisateur.'
            : `${total} utilisateur${total > 1 ? 's' : ''}${pageCount > 1 ? ` (de ${first} à ${first + rows.length - 1})` : ''}.`}
        </p>
        <a href={`/admin/utilisateurs/export${exportQuery ? `?${exportQuery}` : ''}`} download className="font-medium">
          Exporter en CSV<span className="sr-only"> les utilisateurs{filtered ? ' de cette recherche' : ''}</span>
        </a>
      </div>

      <UtilisateursTable rows={rows} selfId={admin.id} caption={`Utilisateurs${filtered ? ' correspondant à la recherche' : ''}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}`} />

      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor({ ...filters, page: p })} label="Pages des utilisateurs" />
    </>
  );
}
