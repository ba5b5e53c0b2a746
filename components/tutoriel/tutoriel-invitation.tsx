'use client';

import { useRef, useState } from 'react';
import { useTutoriel } from '@/components/tutoriel/tutoriel-provider';
import { Button } from '@/components/ui/button';

/**
 * « Découvrir la plateforme en suivant le guide »: offered once (the page claims the offer on the
 * server, lib/data/tutoriel.ts#claimTutorielInvitation) after the first structure is completed, or
 * on a candidate's first visit to his space.
 */
export function TutorielInvitation() {
  const { goTo, skip } = useTutoriel();
  const [closed, setClosed] = useState<'no' | 'plus-tard' | 'commence'>('no');
  const [pending, setPending] = useState(false);
  const laterRef = useRef<HTMLParagraphElement>(null);

  if (closed === 'commence') return null;
  if (closed === 'plus-tard') {
    return (
      <p ref={laterRef} tabIndex={-1} role="status" className="mb-6 border-l-4 border-bleu bg-bleu-clair p-4">
        Vous pourrez lancer le tutoriel à tout moment depuis « Aide », en haut de chaque page.
      </p>
    );
  }
  return (
    <section aria-labelledby="tutoriel-invitation-titre" className="mb-6 border-l-4 border-bleu bg-bleu-clair p-4" data-testid="tutoriel-invitation">
      <h2 id="tutoriel-invitation-titre" className="text-lg font-bold text-bleu">
        Découvrir la plateforme en suivant le guide
      </h2>
      <p className="mt-1">Suivez le guide ! Le tutoriel vous montre, page après page, les menus et les boutons du mode d&apos;emploi.</p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button
          disabled={pending}
          onClick={async () => {
            setPending(true);
            if (await goTo(1)) setClosed('commence');
            setPending(false);
          }}
        >
          Commencer le tutoriel
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            if (await skip(null)) {
              setClosed('plus-tard');
              requestAnimationFrame(() => laterRef.current?.focus());
            }
            setPending(false);
          }}
        >
          Plus tard
        </Button>
      </div>
    </section>
  );
}
