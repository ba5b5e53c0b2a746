import type { CurrentUser } from '@/lib/auth/permissions';

export interface MenuLink {
  href: string;
  label: string;
}
export interface Menu {
  label: string;
  links: MenuLink[];
}

/** The acteur menus, worded as the user guide. */
export const ACTEUR_MENUS: Menu[] = [
  {
    label: 'Mon compte',
    links: [
      { href: '/mon-compte/structure', label: 'Ma structure' },
      { href: '/mon-compte/informations', label: 'Mes informations personnelles' },
      { href: '/mon-compte/utilisateurs', label: 'Utilisateurs de ma structure' },
    ],
  },
  {
    label: 'Mes offres',
    links: [
      { href: '/mes-offres/employeurs', label: 'Suivi des employeurs' },
      { href: '/mes-offres/nouvelle', label: 'Créer une offre' },
      { href: '/mes-offres', label: 'Mes offres' },
    ],
  },
  {
    label: 'Mon espace',
    links: [
      { href: '/mon-espace', label: 'Tableau de bord' },
      { href: '/mon-espace/profils', label: 'Rechercher des profils' },
      { href: '/mon-espace/favoris', label: 'Profils favoris' },
      { href: '/mon-espace/candidatures', label: 'Candidatures' },
    ],
  },
];

export const CANDIDAT_MENUS: Menu[] = [
  {
    label: 'Mon espace candidat',
    links: [
      { href: '/candidat', label: 'Accueil candidat' },
      { href: '/candidat/projets', label: 'Mes projets' },
      { href: '/candidat/candidatures', label: 'Mes candidatures' },
      { href: '/candidat/messages', label: 'Mes messages' },
      { href: '/notifications', label: 'Mes notifications' },
      { href: '/candidat/donnees', label: 'Mes données' },
    ],
  },
  { label: 'Offres', links: [{ href: '/offres', label: 'Rechercher une offre' }] },
];

export const ADMIN_MENUS: Menu[] = [
  {
    label: 'Administration',
    links: [
      { href: '/admin', label: 'Tableau de bord' },
      { href: '/admin/employeurs', label: "Demandes d'employeurs" },
      { href: '/admin/structures', label: 'Structures' },
      { href: '/admin/utilisateurs', label: 'Utilisateurs' },
      { href: '/admin/offres', label: 'Offres' },
      { href: '/admin/emails', label: 'E-mails' },
      { href: '/admin/audit', label: "Journal d'audit" },
    ],
  },
];

export const PUBLIC_MENUS: Menu[] = [
  {
    label: 'Trouver',
    links: [
      { href: '/offres', label: 'Une offre en alternance' },
      { href: '/vite-mon-stage', label: 'Un stage de 3e ou de 2de' },
    ],
  },
];

export function menusFor(user: CurrentUser | null): Menu[] {
  if (!user) return PUBLIC_MENUS;
  switch (user.role) {
    case 'ACTEUR': {
      // the users' page is the gestionnaire's only; an acteur without structure sees only « Ma structure »
      if (!user.membership?.structure.completedAt) return [{ label: 'Mon compte', links: [ACTEUR_MENUS[0]!.links[0]!] }];
      if (user.membership.role !== 'GESTIONNAIRE') {
        return ACTEUR_MENUS.map((m) => ({ ...m, links: m.links.filter((l) => l.href !== '/mon-compte/utilisateurs') }));
      }
      return ACTEUR_MENUS;
    }
    case 'CANDIDAT':
      return CANDIDAT_MENUS;
    case 'ADMIN':
      return ADMIN_MENUS;
    default:
      return PUBLIC_MENUS;
  }
}
