import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/guards';
import { formatCsvDate } from '@/lib/csv';
import { ADMIN_AUDIT_PAGE_SIZE, acteurLabel, listAudit, listAuditActions, type AuditRow } from '@/lib/data/admin-audit';
import { hrefFor, parseAdminAuditSearch, prefixesOf } from './_components/search-params';

export const metadata = { title: "Journal d'audit" };

function Json({ label, value }: { label: string; value: AuditRow['before'] }) {
  if (value === null || value === undefined) return null;
  return (
    <>
      <p className="mt-2 font-medium">{label}</p>
      <pre className="max-w-xl overflow-x-auto bg-gray-50 p-2 text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

/** « Journal d'audit »: who changed what, and when; a GET form filters it (works without JavaScript). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const search = parseAdminAuditSearch(await searchParams);
  const [{ rows, total, page, pageCount }, actions] = await Promise.all([listAudit(admin, search), listAuditActions(admin)]);
  const prefixes = prefixesOf(actions);
  const filtered = Boolean(search.acteur || search.action || search.du || search.au);
  const first = (page - 1) * ADMIN_AUDIT_PAGE_SIZE + 1;
  const known = search.action && (actions.includes(search.action) || prefixes.includes(search.action));

  return (
    <>
      <PageHeader title="Journal d'audit" crumbs={[{ label: 'Administration', href: '/admin' }]} />
      <p className="mb-4">Chaque modification importante faite sur la plateforme est enregistrée ici : son auteur, l&apos;action, l&apos;élément concerné, avant et après.</p>

      <form method="get" action="/admin/audit" aria-label="Filtrer le journal d'audit" className="mb-6 grid max-w-4xl gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="acteur" className="block font-medium">
            Acteur
          </label>
          <p id="acteur-hint" className="mt-1 text-sm text-gray-700">
            Nom, prénom ou adresse e-mail.
          </p>
          <input id="acteur" name="acteur" type="text" defaultValue={search.acteur ?? ''} maxLength={100} aria-describedby="acteur-hint" className={`${inputClasses()} mt-1 w-full`} />
        </div>
        <div>
          <label htmlFor="action" className="block font-medium">
            Action
          </label>
          <p id="action-hint" className="mt-1 text-sm text-gray-700">
            Une action précise, ou toute une famille (« offre. … »).
          </p>
          <select id="action" name="action" defaultValue={search.action ?? ''} aria-describedby="action-hint" className={`${inputClasses()} mt-1 w-full`}>
            <option value="">Toutes les actions</option>
            {search.action && !known && <option value={search.action}>{search.action}</option>}
            <optgroup label="Familles d'actions">
              {prefixes.map((p) => (
                <option key={p} value={p}>
                  {p} (toutes)
                </option>
              ))}
            </optgroup>
            <optgroup label="Actions">
              {actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div>
          <label htmlFor="du" className="block font-medium">
            Du
          </label>
          <input id="du" name="du" type="date" defaultValue={search.du ?? ''} className={`${inputClasses()} mt-1 w-full`} />
        </div>
        <div>
          <label htmlFor="au" className="block font-medium">
            Au
          </label>
          <input id="au" name="au" type="date" defaultValue={search.au ?? ''} className={`${inputClasses()} mt-1 w-full`} />
        </div>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <Button type="submit">Filtrer</Button>
          {filtered && <Link href="/admin/audit">Effacer les filtres</Link>}
          <a href={hrefFor({ ...search, page: 1 }, '/admin/audit/export')} download className="font-medium">
            Exporter en CSV<span className="sr-only"> le journal{filtered ? ' filtré' : ''}</span>
          </a>
        </div>
      </form>

      <p role="status" className="mb-2 font-medium">
        {total === 0
          ? filtered
            ? 'Aucune entrée ne correspond à ces filtres.'
            : 'Le journal est vide.'
          : `${total} entrée${total > 1 ? 's' : ''}${pageCount > 1 ? ` (de ${first} à ${first + rows.length - 1})` : ''}.`}
      </p>

      {rows.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm">
            <caption id="audit-caption" className="sr-only">
              Journal d&apos;audit{filtered ? ' filtré' : ''}
              {pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}
            </caption>
            <thead>
              <tr className="border-b-2 border-gris">
                <th scope="col" className="p-2">Date</th>
                <th scope="col" className="p-2">Acteur</th>
                <th scope="col" className="p-2">Action</th>
                <th scope="col" className="p-2">Élément</th>
                <th scope="col" className="p-2">Détails</th>
                <th scope="col" className="p-2">IP</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-bordure align-top" data-audit={row.id}>
                  <td className="p-2 whitespace-nowrap">{formatCsvDate(row.createdAt)}</td>
                  <td className="p-2 break-all">{acteurLabel(row)}</td>
                  <th scope="row" className="p-2 font-normal">
                    <code>{row.action}</code>
                  </th>
                  <td className="p-2 break-all">
                    {row.entityType}
                    {row.entityId && <span className="block text-xs">{row.entityId}</span>}
                  </td>
                  <td className="p-2">
                    {row.before !== null || row.after !== null ? (
                      <details>
                        <summary className="cursor-pointer">
                          Avant / après<span className="sr-only"> ({row.action})</span>
                        </summary>
                        <Json label="Avant" value={row.before} />
                        <Json label="Après" value={row.after} />
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="p-2">{row.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor({ ...search, page: p })} label="Pages du journal" />
    </>
  );
}
