import { greeting, renderLayout, type EmailBlock, type RenderedEmail } from './layout';

/**
 * E-mails of the admin team's « Utilisateurs » page: an account is deactivated or reactivated.
 * Every value is escaped by renderLayout; links are passed in full by the caller.
 */

const SIGNATURE: EmailBlock = { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" };

function render(template: string, subject: string, preheader: string, blocks: EmailBlock[]): RenderedEmail {
  const { html, text } = renderLayout({ title: subject, preheader, blocks: [...blocks, SIGNATURE] });
  return { subject, html, text, template };
}

export const COMPTE_DESACTIVE_SUBJECT = 'Votre compte CMonAlternance a été désactivé';
export const COMPTE_REACTIVE_SUBJECT = 'Votre compte CMonAlternance a été réactivé';

/** To the user whose account the admin team deactivated (the reason, when given). */
export function compteDesactiveEmail(input: { prenom: string | null; motif?: string | null }): RenderedEmail {
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: "L'équipe CMonAlternance a désactivé votre compte : vous ne pouvez plus vous connecter à la plateforme et vos sessions en cours ont été fermées.",
    },
  ];
  if (input.motif) blocks.push({ kind: 'paragraph', text: `Motif : ${input.motif}` });
  blocks.push({ kind: 'note', text: "Si vous pensez qu'il s'agit d'une erreur, répondez à l'adresse d'assistance ci-dessous." });
  return render('compte-desactive', COMPTE_DESACTIVE_SUBJECT, 'Vous ne pouvez plus vous connecter à CMonAlternance.', blocks);
}

/** To the user whose account the admin team reactivated. */
export function compteReactiveEmail(input: { prenom: string | null; url: string }): RenderedEmail {
  return render('compte-reactive', COMPTE_REACTIVE_SUBJECT, 'Vous pouvez de nouveau vous connecter à CMonAlternance.', [
    { kind: 'paragraph', text: greeting(input.prenom) },
    { kind: 'paragraph', text: "L'équipe CMonAlternance a réactivé votre compte : vous pouvez de nouveau vous connecter avec votre adresse e-mail et votre mot de passe." },
    { kind: 'button', label: 'Se connecter', url: input.url },
    { kind: 'note', text: 'Mot de passe oublié ? Utilisez « Mot de passe oublié » sur la page de connexion.' },
  ]);
}
