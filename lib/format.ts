/**
 * Public numbers are stored as integers and zero-padded at display only, as the guide shows.
 * Employers have no number in the guide: 9 digits, like the other « small » records.
 */
const WIDTHS = { offre: 10, projet: 9, profil: 10, candidature: 10, utilisateur: 9, employeur: 9 } as const;

export type NumeroKind = keyof typeof WIDTHS;

export function formatNumero(kind: NumeroKind, numero: number): string {
  return String(numero).padStart(WIDTHS[kind], '0');
}

const dateFormatter = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });

/** « 12-09-2023 », in Europe/Paris, as the guide shows dates. */
export function formatDate(date: Date): string {
  return dateFormatter.format(date).replaceAll('/', '-');
}
