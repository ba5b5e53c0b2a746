import Link from 'next/link';

/** 1 … 4 5 6 … 12: the first, the last, and the neighbours of the current page. */
function pagesToShow(page: number, pageCount: number): (number | 'gap')[] {
  const wanted = [...new Set([1, pageCount, page - 1, page, page + 1])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  wanted.forEach((p, i) => {
    if (i > 0 && p - wanted[i - 1]! > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

const item = 'inline-flex min-h-11 min-w-11 items-center justify-center border px-3';

/** An accessible pagination: a labelled nav, the current page marked with aria-current, plain links (works without JS). */
export function Pagination({ page, pageCount, hrefFor, label = 'Pagination' }: { page: number; pageCount: number; hrefFor: (page: number) => string; label?: string }) {
  if (pageCount <= 1) return null;
  const disabled = `${item} border-bordure text-gray-600! no-underline! cursor-not-allowed`;
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        <li>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} className={`${item} border-bleu`}>
              Page précédente
            </Link>
          ) : (
            <a role="link" aria-disabled="true" className={disabled}>
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
                className={`${item} ${p === page ? 'border-bleu bg-bleu font-bold text-white! no-underline!' : 'border-bleu'}`}
              >
                <span className="sr-only">Page </span>
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} className={`${item} border-bleu`}>
              Page suivante
            </Link>
          ) : (
            <a role="link" aria-disabled="true" className={disabled}>
              Page suivante
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}
