import type { OffreStatus } from '@/lib/generated/prisma/enums';

const STATUS = {
  EN_COURS: { label: 'Offre en cours', dot: 'text-vert' },
  POURVUE: { label: 'Offre pourvue', dot: 'text-bleu' },
  ARCHIVEE: { label: 'Offre archivée', dot: 'text-gray-600' },
} as const satisfies Record<OffreStatus, { label: string; dot: string }>;

/** « ● Offre en cours », as the guide's card shows it. */
export function OffreStatusBadge({ status }: { status: OffreStatus }) {
  const s = STATUS[status];
  return (
    <span className="whitespace-nowrap">
      <span aria-hidden="true" className={s.dot}>
        ●
      </span>{' '}
      {s.label}
    </span>
  );
}
