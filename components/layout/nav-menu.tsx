'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import type { Menu } from '@/components/layout/menus';

/** « Mon espace candidat » → mon-espace-candidat: the menu's handle for the interactive tutorial. */
function slug(label: string) {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

/** A disclosure menu: button with aria-expanded, closes on Escape, outside click and navigation. */
export function NavMenu({ menu }: { menu: Menu }) {
  // open only on the page where it was opened: navigating closes it (derived, no effect needed)
  const [openOn, setOpenOn] = useState<string | null>(null);
  const id = useId();
  const ref = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const active = menu.links.some((l) => pathname === l.href || pathname.startsWith(`${l.href}/`));

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpenOn(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpenOn(null);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <li ref={ref} className="relative" data-tutoriel={`menu-${slug(menu.label)}`}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className={`flex w-full items-center gap-1 px-3 py-3 text-left font-medium text-bleu hover:bg-gris-clair ${active ? 'border-b-2 border-bleu' : ''}`}
      >
        {menu.label}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <ul id={id} hidden={!open} className="z-20 min-w-64 border border-bordure bg-white shadow-md md:absolute md:left-0">
        {menu.links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={pathname === link.href ? 'page' : undefined}
              className="block px-4 py-2 text-bleu no-underline hover:bg-bleu-clair aria-[current=page]:font-bold"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
