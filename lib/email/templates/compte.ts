import { greeting, renderLayout, SUPPORT_EMAIL, type RenderedEmail } from './layout';

/**
 * Security notices of « Mes informations personnelles »: e-mail address and password changes.
 * None of them carries a secret (no password, no token): they only inform.
 */

export const EMAIL_CHANGED_OLD_SUBJECT = "L'adresse e-mail de votre compte CMonAlternance a été modifiée";
export const EMAIL_CHANGED_NEW_SUBJECT = 'Confirmation de votre nouvelle adresse e-mail CMonAlternance';
export const PASSWORD_CHANGED_SUBJECT = 'Votre mot de passe CMonAlternance a été modifié';

const SIGNATURE = { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" } as const;

function notYou(what: string) {
  return {
    kind: 'note',
    text: `Si vous n'êtes pas à l'origine de cette modification, ${what} et écrivez-nous sans attendre à ${SUPPORT_EMAIL}.`,
  } as const;
}

/**
 * « ma•••@exemple.fr »: enough for the owner to recognise the address, not enough to hand a full
 * address to whoever reads the old mailbox.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length))}•••${email.slice(at)}`;
}

/** Sent to the PREVIOUS address once the change is made: a security notice. */
export function emailChangedOldAddressEmail({ prenom, newEmail }: { prenom?: string | null; newEmail: string }): RenderedEmail {
  const subject = EMAIL_CHANGED_OLD_SUBJECT;
  const { html, text } = renderLayout({
    title: subject,
    preheader: 'Votre compte utilise désormais une autre adresse e-mail.',
    blocks: [
      { kind: 'paragraph', text: greeting(prenom) },
      {
        kind: 'paragraph',
        text: `L'adresse e-mail de connexion de votre compte CMonAlternance vient d'être remplacée par ${maskEmail(newEmail)}. Cette adresse-ci ne permet plus de vous connecter.`,
      },
      // no reset link here: a reset would now be sent to the new address, which may not be yours
      {
        kind: 'note',
        text: `Si vous n'êtes pas à l'origine de cette modification, écrivez-nous sans attendre à ${SUPPORT_EMAIL} en indiquant votre nom : nous vous aiderons à récupérer votre compte.`,
      },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'compte-email-modifie-ancienne' };
}

/** Sent to the NEW address: confirms it is now the one used to sign in. */
export function emailChangedNewAddressEmail({ prenom, signInUrl }: { prenom?: string | null; signInUrl: string }): RenderedEmail {
  const subject = EMAIL_CHANGED_NEW_SUBJECT;
  const { html, text } = renderLayout({
    title: subject,
    preheader: 'Vous vous connectez désormais avec cette adresse.',
    blocks: [
      { kind: 'paragraph', text: greeting(prenom) },
      {
        kind: 'paragraph',
        text: "Cette adresse est désormais l'adresse e-mail de votre compte CMonAlternance : utilisez-la pour vous connecter. Votre mot de passe reste inchangé.",
      },
      { kind: 'button', label: 'Se connecter', url: signInUrl },
      {
        kind: 'note',
        text: `Si vous n'êtes pas à l'origine de cette modification, quelqu'un a peut-être saisi votre adresse par erreur : écrivez-nous à ${SUPPORT_EMAIL}.`,
      },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'compte-email-modifie-nouvelle' };
}

/** Sent after a password change made from « Mes informations personnelles ». */
export function passwordChangedEmail({ prenom, resetUrl }: { prenom?: string | null; resetUrl: string }): RenderedEmail {
  const subject = PASSWORD_CHANGED_SUBJECT;
  const { html, text } = renderLayout({
    title: subject,
    preheader: 'Le mot de passe de votre compte vient de changer.',
    blocks: [
      { kind: 'paragraph', text: greeting(prenom) },
      {
        kind: 'paragraph',
        text: 'Le mot de passe de votre compte CMonAlternance vient d\'être modifié. Par sécurité, vos autres sessions ouvertes ont été fermées.',
      },
      notYou('réinitialisez votre mot de passe avec le lien ci-dessous'),
      { kind: 'button', label: 'Réinitialiser mon mot de passe', url: resetUrl },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'compte-mot-de-passe-modifie' };
}
