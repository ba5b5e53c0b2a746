import Link from 'next/link';
import type { ReactNode } from 'react';

export interface Crumb {
  label: string;
  href?: string;
}

/** « Accueil | … » breadcrumbs, then the page's only h1. */
export function PageHeader({ title, crumbs = [], children }: { title: string; crumbs?: Crumb[]; children?: ReactNode }) {
  const all: Crumb[] = [{ label: 'Accueil', href: '/' }, ...crumbs, { label: title }];
  return (
    <div className="mb-6">
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          {all.map((crumb, i) => {
            const last = i === all.length - 1;
            return (
              <li key={`${crumb.label}-${i}`} className="flex gap-1">
                {last || !crumb.href ? (
                  <span aria-current={last ? 'page' : undefined} className={last ? 'font-bold' : ''}>
                    {crumb.label}
                  </span>
                ) : (
                  <Link href={crumb.href}>{crumb.label}</Link>
                )}
                {!last && <span aria-hidden="true">|</span>}
              </li>
            );
          })}
        </ol>
      </nav>
      <h1 className="text-3xl font-bold text-bleu">{title}</h1>
      {children}
    </div>
  );
}

/** An honest placeholder for a page that a later release fills. */
export function ComingSoon({ what }: { what: string }) {
  return (
    <div className="border-l-4 border-bleu bg-bleu-clair p-4" role="status">
      <p className="font-bold">Bientôt disponible</p>
      <p className="mt-1">{what}</p>
    </div>
  );
}
