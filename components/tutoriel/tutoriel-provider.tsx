'use client';

import 'driver.js/dist/driver.css';
import { driver, type Driver } from 'driver.js';
import { usePathname, useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { passerTutorielAction, saveTutorielEtapeAction, terminerTutorielAction } from '@/lib/actions/tutoriel';
import type { ActionResult } from '@/lib/action-result';
import { progressLabel, type TutorielState, type TutorielStep } from '@/lib/tutoriel';

/**
 * « Suivez le guide ! »: the interactive tutorial, one step at a time, on the step's real page.
 *
 * The state comes from the server (root layout, so a reload or a new sign-in resumes where the
 * user stopped) and then lives here: the root layout is kept across client navigations, each move
 * is saved by a server action and, when the next step is on another page, router.push goes there
 * and the tour resumes on arrival.
 *
 * Rendering is driver.js (overlay, positioning, scrolling, role="dialog" with
 * aria-labelledby/aria-describedby, focus moved into the popover, Tab kept inside, focus returned on
 * close), wrapped to add what it lacks: French buttons, « Passer », Escape = « Passer », the
 * spoken progress « Étape 3 sur 13 », and no ARIA written onto the highlighted element (driver.js
 * sets aria-haspopup/aria-expanded/aria-controls on it, invalid on most targets and removed again
 * on close, which would break a disclosure button's own aria-expanded).
 */

interface TutorielContextValue {
  state: TutorielState | null;
  steps: TutorielStep[];
  /** start, restart (1) or resume (saved step) */
  goTo: (etape: number) => Promise<boolean>;
  skip: (etape: number | null) => Promise<boolean>;
}

const TutorielContext = createContext<TutorielContextValue>({ state: null, steps: [], goTo: async () => false, skip: async () => false });

export function useTutoriel() {
  return useContext(TutorielContext);
}

const PROGRESS_ID = 'tutoriel-progression';

export function TutorielProvider({ initial, steps, children }: { initial: TutorielState | null; steps: TutorielStep[]; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  // the server's state whenever the layout is rendered again, the client's in between
  const [fromServer, setFromServer] = useState(initial);
  const [state, setState] = useState(initial);
  if (initial !== fromServer) {
    setFromServer(initial);
    setState(initial);
  }
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState('');

  const apply = useCallback((result: ActionResult<TutorielState> | null): TutorielState | null => {
    if (!result) {
      setError("Le tutoriel n'a pas pu être enregistré : vérifiez votre connexion et réessayez.");
      return null;
    }
    if (!result.ok || !result.data) {
      setError(result.ok ? '' : (result.formError ?? "Le tutoriel n'a pas pu être enregistré."));
      return null;
    }
    setError('');
    setState(result.data);
    return result.data;
  }, []);

  const goTo = useCallback(
    async (etape: number) => {
      if (!state) return false;
      const next = apply(await saveTutorielEtapeAction({ parcours: state.parcours, etape }).catch(() => null));
      const route = next?.etape ? steps[next.etape - 1]?.route : undefined;
      if (route && route !== pathname) router.push(route);
      return Boolean(next);
    },
    [state, steps, pathname, router, apply],
  );

  const skip = useCallback(
    async (etape: number | null) => {
      if (!state) return false;
      const next = apply(await passerTutorielAction({ parcours: state.parcours, etape }).catch(() => null));
      if (next) setAnnounce('Tutoriel interrompu. Vous pourrez le reprendre à tout moment depuis « Aide ».');
      return Boolean(next);
    },
    [state, apply],
  );

  const finish = useCallback(async () => {
    if (!state) return;
    const next = apply(await terminerTutorielAction({ parcours: state.parcours }).catch(() => null));
    if (next) setAnnounce('Tutoriel terminé. Vous pourrez le relancer à tout moment depuis « Aide ».');
  }, [state, apply]);

  // the handlers the popover calls, always the latest ones
  const handlers = useRef({ goTo, skip, finish });
  useEffect(() => {
    handlers.current = { goTo, skip, finish };
  });

  const etape = state?.statut === 'EN_COURS' ? state.etape : null;
  const step = etape ? steps[etape - 1] : undefined;
  const onItsPage = Boolean(step && step.route === pathname);

  useEffect(() => {
    if (!etape || !step || !onItsPage) return;
    const total = steps.length;
    const last = etape === total;
    let tour: Driver | null = null;
    let timer: number | undefined;
    let tries = 0;
    let closing = false;

    const findTarget = () =>
      step.targets
        .map((id) => document.querySelector<HTMLElement>(`[data-tutoriel="${id}"]`))
        .find((el): el is HTMLElement => Boolean(el && el.getClientRects().length > 0));

    const stop = (then: () => Promise<unknown>) => {
      if (closing) return;
      closing = true;
      void then().then(() => {
        // back to the page: the element focused before the tour, else the main content
        if (document.activeElement === document.body || !document.activeElement) document.getElementById('contenu')?.focus();
      });
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && tour?.isActive()) {
        e.preventDefault();
        stop(() => handlers.current.skip(etape));
      }
    };

    const show = () => {
      // the page may still be rendering its content after a navigation
      const target = findTarget();
      if (!target && tries++ < 20) {
        timer = window.setTimeout(show, 50);
        return;
      }
      const element = target ?? document.querySelector<HTMLElement>('#contenu h1') ?? undefined;
      const progress = progressLabel(etape, total);
      tour = driver({
        animate: false,
        allowClose: false,
        allowKeyboardControl: false,
        overlayOpacity: 0.55,
        stagePadding: 6,
        popoverClass: 'tutoriel-popover',
        onHighlighted: (el) => {
          el?.removeAttribute('aria-haspopup');
          el?.removeAttribute('aria-expanded');
          el?.removeAttribute('aria-controls');
        },
        onPopoverRender: (popover) => {
          popover.wrapper.setAttribute('aria-describedby', `driver-popover-description ${PROGRESS_ID}`);
          popover.wrapper.lang = 'fr';
          // driver.js's <header>/<footer> would read as a second banner and contentinfo: a heading and a plain group instead
          popover.title.setAttribute('role', 'heading');
          popover.title.setAttribute('aria-level', '2');
          popover.footer.setAttribute('role', 'none');
          const p = document.createElement('p');
          p.id = PROGRESS_ID;
          p.className = 'tutoriel-progression';
          const visible = document.createElement('span');
          visible.setAttribute('aria-hidden', 'true');
          visible.textContent = progress.visible;
          const spoken = document.createElement('span');
          spoken.className = 'sr-only';
          spoken.textContent = progress.spoken;
          p.append(visible, spoken);
          popover.title.before(p);
          const passer = document.createElement('button');
          passer.type = 'button';
          passer.className = 'driver-popover-footer-btn tutoriel-passer';
          passer.textContent = 'Passer';
          passer.addEventListener('click', () => stop(() => handlers.current.skip(etape)));
          popover.footer.prepend(passer);
          // driver.js then focuses the popover's first button (« Passer »): the step's action first, « Suivant »
          window.setTimeout(() => popover.nextButton.focus(), 0);
        },
      });
      tour.highlight({
        element,
        popover: {
          title: step.title,
          description: step.text,
          side: 'bottom',
          align: 'start',
          showButtons: etape > 1 ? ['previous', 'next'] : ['next'],
          prevBtnText: 'Précédent',
          nextBtnText: last ? 'Terminer' : 'Suivant',
          onPrevClick: () => void handlers.current.goTo(etape - 1),
          onNextClick: () => (last ? stop(() => handlers.current.finish()) : void handlers.current.goTo(etape + 1)),
        },
      });
    };

    document.addEventListener('keydown', onKey);
    show();
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
      tour?.destroy();
    };
  }, [etape, step, onItsPage, steps.length]);

  const value = useMemo(() => ({ state, steps, goTo, skip }), [state, steps, goTo, skip]);
  return (
    <TutorielContext.Provider value={value}>
      {children}
      {/* mounted while a tour runs (and while its last announcement stands): pages keep their own single status otherwise */}
      {(etape !== null || announce) && (
        <div role="status" className="sr-only">
          {announce}
        </div>
      )}
      {error && (
        <div role="alert" className="fixed bottom-4 left-4 z-50 max-w-md border-l-4 border-rouge bg-white p-4 shadow-md">
          {error}
        </div>
      )}
    </TutorielContext.Provider>
  );
}
