import type { CandidatureStatus } from '@/lib/generated/prisma/client';
import { formatDate } from '@/lib/format';
import { STATUT_CANDIDAT_LABELS } from '@/lib/validations/candidat';

const BADGE = {
  A_TRAITER: 'border-bleu bg-bleu-clair text-bleu',
  ACCEPTEE: 'border-vert bg-green-50 text-vert',
  REFUSEE: 'border-gris bg-gris-clair text-gris',
} as const;

/** The status in the candidate's words, as text (the colour only repeats it). */
export function StatutBadge({ status }: { status: CandidatureStatus }) {
  return (
    <span data-testid="statut-candidature" className={`inline-block border px-2 py-0.5 text-sm font-bold ${BADGE[status]}`}>
      {STATUT_CANDIDAT_LABELS[status]}
    </span>
  );
}

/** The staff's answer, in full, with its date. */
export function Reponse({ message, answeredAt, headingLevel = 3 }: { message: string; answeredAt: Date | null; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="mt-3 border-l-4 border-bleu bg-gris-clair p-3">
      <Heading className="text-base font-bold text-gris">
        Réponse de la structure{answeredAt ? `, le ${formatDate(answeredAt)}` : ''} :
      </Heading>
      <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]" data-testid="reponse-structure">
        {message}
      </p>
    </div>
  );
}
