import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Footer } from '@/components/layout/footer';
import { Header, TAGLINE } from '@/components/layout/header';
import { TutorielProvider } from '@/components/tutoriel/tutoriel-provider';
import type { CurrentUser } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { getTutorielState } from '@/lib/data/tutoriel';
import { parcoursFor, stepsFor, type TutorielState } from '@/lib/tutoriel';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CMonAlternance', template: '%s — CMonAlternance' },
  description: TAGLINE,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** Where the user stands in the interactive tutorial; a failure only hides the tutorial. */
async function tutorielOf(user: CurrentUser | null): Promise<TutorielState | null> {
  if (!user) return null;
  try {
    return await getTutorielState(user);
  } catch (error) {
    console.error('[tutoriel] état indisponible', error);
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const tutoriel = await tutorielOf(user);
  const parcours = parcoursFor(user);
  const steps = parcours ? stepsFor(parcours, { gestionnaire: user?.membership?.role === 'GESTIONNAIRE' }) : [];
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Aller au contenu
        </a>
        <TutorielProvider initial={tutoriel} steps={steps}>
          <Header user={user} />
          <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
            {children}
          </main>
          <Footer />
        </TutorielProvider>
      </body>
    </html>
  );
}
