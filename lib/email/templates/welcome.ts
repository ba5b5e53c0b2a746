import { appUrl } from '@/lib/env';
import { greeting, renderLayout, type RenderedEmail } from './layout';

export const WELCOME_SUBJECT = 'Bienvenue sur CMonAlternance';

const INTRO: Record<'CANDIDAT' | 'ACTEUR', string[]> = {
  CANDIDAT: [
    "Votre compte candidat sur CMonAlternance a bien été créé. Nous sommes heureux de vous accompagner dans votre recherche d'alternance.",
    "Vous pouvez dès maintenant compléter votre projet, consulter les offres d'alternance, enregistrer vos favoris, créer des alertes et postuler en quelques clics.",
  ],
  ACTEUR: [
    "Votre compte sur CMonAlternance a bien été créé. Nous sommes heureux de vous compter parmi les acteurs de l'alternance.",
    "Vous pouvez dès maintenant compléter les informations de votre structure, publier des offres d'alternance et suivre les candidatures reçues.",
  ],
};

/**
 * Sent after sign-up. `url` is the link of the button (the home page of the app by default,
 * which needs the server environment: pass it explicitly in scripts and tests).
 */
export function welcomeEmail({
  prenom,
  role,
  url,
}: {
  prenom?: string | null;
  role: 'CANDIDAT' | 'ACTEUR';
  url?: string;
}): RenderedEmail {
  const subject = WELCOME_SUBJECT;
  const { html, text } = renderLayout({
    title: subject,
    preheader: role === 'CANDIDAT' ? 'Votre compte candidat est prêt.' : 'Votre compte est prêt.',
    blocks: [
      { kind: 'paragraph', text: greeting(prenom) },
      ...INTRO[role].map((t) => ({ kind: 'paragraph' as const, text: t })),
      { kind: 'button', label: 'Accéder à CMonAlternance', url: url ?? `${appUrl()}/` },
      {
        kind: 'note',
        text: "Si vous n'êtes pas à l'origine de cette inscription, veuillez nous en informer en écrivant à l'adresse d'assistance ci-dessous.",
      },
      { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" },
    ],
  });
  return { subject, html, text, template: role === 'CANDIDAT' ? 'welcome-candidat' : 'welcome-acteur' };
}
