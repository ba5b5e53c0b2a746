'use client';

import { useState } from 'react';
import { useTutoriel } from '@/components/tutoriel/tutoriel-provider';
import { Button } from '@/components/ui/button';
import { progressLabel } from '@/lib/tutoriel';

/** /aide: « Lancer le tutoriel », or « Reprendre le tutoriel (étape 4 / 13) » where the user stopped. */
export function TutorielLauncher() {
  const { state, steps, goTo } = useTutoriel();
  const [pending, setPending] = useState(false);
  if (!state) return null;
  const resumable = state.statut !== 'TERMINE' && state.etape != null && state.etape > 1;
  const run = async (etape: number) => {
    setPending(true);
    await goTo(etape);
    setPending(false);
  };
  return (
    <div className="my-6 flex flex-wrap items-center gap-3" data-testid="tutoriel-launcher">
      {resumable ? (
        <>
          <Button disabled={pending} onClick={() => run(state.etape!)}>
            Reprendre le tutoriel (étape {progressLabel(state.etape!, steps.length).visible})
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => run(1)}>
            Recommencer depuis le début
          </Button>
        </>
      ) : (
        <Button disabled={pending} onClick={() => run(1)}>
          Lancer le tutoriel
        </Button>
      )}
    </div>
  );
}
