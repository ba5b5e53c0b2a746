import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Footer } from '@/components/layout/footer';
import { Header, TAGLINE } from '@/components/layout/header';
import { getCurrentUser } from '@/lib/auth/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CMonAlternance', template: '%s — CMonAlternance' },
  description: TAGLINE,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Aller au contenu
        </a>
        <Header user={user} />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}
