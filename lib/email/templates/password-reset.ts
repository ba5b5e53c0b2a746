import { greeting, renderLayout, type RenderedEmail } from './layout';

export const PASSWORD_RESET_SUBJECT = 'Réinitialisation de votre mot de passe CMonAlternance';

/** Sent when someone asks to reset a password; `url` carries the single-use token (valid 1 hour). */
export function passwordResetEmail({ prenom, url }: { prenom?: string | null; url: string }): RenderedEmail {
  const subject = PASSWORD_RESET_SUBJECT;
  const { html, text } = renderLayout({
    title: subject,
    preheader: 'Choisissez un nouveau mot de passe (lien valable 1 heure).',
    blocks: [
      { kind: 'paragraph', text: greeting(prenom) },
      {
        kind: 'paragraph',
        text: 'Vous avez demandé la réinitialisation du mot de passe de votre compte CMonAlternance. Pour choisir un nouveau mot de passe, veuillez utiliser le lien ci-dessous.',
      },
      { kind: 'button', label: 'Choisir un nouveau mot de passe', url },
      { kind: 'note', text: "Ce lien est valable 1 heure et ne peut être utilisé qu'une seule fois." },
      {
        kind: 'note',
        text: "Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer cet e-mail : votre mot de passe actuel reste inchangé.",
      },
      { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" },
    ],
  });
  return { subject, html, text, template: 'password-reset' };
}
