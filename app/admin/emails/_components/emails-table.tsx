'use client';

import Link from 'next/link';
import { formatCsvDate } from '@/lib/csv';
import type { EmailRow } from '@/lib/data/admin-emails';
import { EMAIL_STATUT_LABELS } from './messages';
import { RetryButton, useRetry } from './retry-button';

/** The outbox rows; a failed one can be sent again (the message stays when the row leaves the list). */
export function EmailsTable({ rows, caption }: { rows: EmailRow[]; caption: string }) {
  const { pending, retry, bannerNode } = useRetry();
  return (
    <>
      {bannerNode}
      {rows.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-labelledby="emails-caption" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm">
            <caption id="emails-caption" className="sr-only">
              {caption}
            </caption>
            <thead>
              <tr className="border-b-2 border-gris">
                <th scope="col" className="p-2">Date</th>
                <th scope="col" className="p-2">Destinataire</th>
                <th scope="col" className="p-2">Objet</th>
                <th scope="col" className="p-2">Modèle</th>
                <th scope="col" className="p-2">Statut</th>
                <th scope="col" className="p-2">Tentatives</th>
                <th scope="col" className="p-2">Dernière erreur</th>
                <th scope="col" className="p-2">Envoyé le</th>
                <th scope="col" className="p-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-bordure align-top" data-email={row.id}>
                  <td className="p-2 whitespace-nowrap">{formatCsvDate(row.createdAt)}</td>
                  <td className="p-2 break-all">{row.to}</td>
                  <th scope="row" className="p-2 font-normal">
                    {row.subject}
                  </th>
                  <td className="p-2">{row.template}</td>
                  <td className="p-2">
                    <span className={row.status === 'ECHEC' ? 'font-bold text-rouge' : undefined}>{EMAIL_STATUT_LABELS[row.status]}</span>
                  </td>
                  <td className="p-2">{row.attempts}</td>
                  <td className="p-2 break-words">{row.lastError ?? '—'}</td>
                  <td className="p-2 whitespace-nowrap">{row.sentAt ? formatCsvDate(row.sentAt) : '—'}</td>
                  <td className="p-2">
                    <div className="flex flex-col items-start gap-2">
                      <Link href={`/admin/emails/${row.id}`}>
                        Voir<span className="sr-only"> l’e-mail « {row.subject} » à {row.to}</span>
                      </Link>
                      {row.status === 'ECHEC' && <RetryButton email={row} pending={pending} onRetry={() => retry(row)} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
