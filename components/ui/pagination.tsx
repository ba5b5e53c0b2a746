import Link from 'next/link';

/** 1 … 4 5 6 … 12: the first, the last, and the neighbours of the current page. */
function pagesToShow(page: number, pageCount: number): (number | 'gap')[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (previous > 0 && p - previous > 1) out.push('gap');
    out.push(p);
    previous = p;
  }
  return out;
}

const itemClasses = 'inline-flex min-h-11 min-w-11 items-center justify-center border px-3';

/** An accessible pagination (a labelled nav, the current page marked with aria-current). */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = 'Pagination',
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** the nav's accessible name, when a page has several lists */
  label?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-8">
      <ul className="flex flex-wrap items-center justify-center gap-2">
        <li>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} className={`${itemClasses} border-bleu`}>
              Page précédente
            </Link>
          ) : (
            // as the French government design system does: a link without href, announced as unavailable
            <a role="link" aria-disabled="true" className={`${itemClasses} border-bordure text-gray-600! no-underline! cursor-not-allowed`}>
              Page précédente
            </a>
          )}
        </li>
        {pagesToShow(page, pageCount).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={hrefFor(p)}
                aria-current={p === page ? 'page' : undefined}
                className={`${itemClasses} ${p === page ? 'border-bleu bg-bleu font-bold text-white! no-underline!' : 'border-bleu'}`}
              >
                <span className="sr-only">Page </span>
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} className={`${itemClasses} border-bleu`}>
              Page suivante
            </Link>
          ) : (
            // as the French government design system does: a link without href, announced as unavailable
            <a role="link" aria-disabled="true" className={`${itemClasses} border-bordure text-gray-600! no-underline! cursor-not-allowed`}>
              Page suivante
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}
