import Link from 'next/link';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { nomDepartement } from '@/lib/referentiels/departements';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { profilsHref, type ProfilsFilters } from '@/lib/validations/profils';

/** No result: say so, give the likely causes, then offer to drop each criterion (each a plain link). */
export function ProfilsVide({ filters }: { filters: ProfilsFilters }) {
  const widen: { label: string; href: string }[] = [];
  if (filters.q) widen.push({ label: `Retirer le mot clé « ${filters.q} »`, href: profilsHref({ ...filters, q: undefined }) });
  if (filters.departement) {
    widen.push({
      label: `Toute la région (au lieu de ${nomDepartement(filters.departement)})`,
      href: profilsHref({ ...filters, departement: undefined }),
    });
  }
  if (filters.type) {
    widen.push({
      label: `Tous les types de contrat (au lieu de ${TYPE_ALTERNANCE_LABELS[filters.type]})`,
      href: profilsHref({ ...filters, type: undefined }),
    });
  }
  if (filters.niveau !== undefined) {
    widen.push({ label: `Tous les niveaux (au lieu de ${libelleNiveau(filters.niveau)})`, href: profilsHref({ ...filters, niveau: undefined }) });
  }

  return (
    <div className="mt-4 border-l-4 border-bleu bg-bleu-clair p-4">
      <p className="font-bold">Aucun profil ne correspond à votre recherche.</p>
      {filters.q && (
        <ul className="mt-1 list-disc pl-6">
          <li>Vérifiez l&apos;orthographe du mot clé.</li>
          <li>
            Essayez un mot plus court ou plus général (par exemple « carreleur » plutôt que l&apos;intitulé complet du diplôme) :
            chaque mot saisi doit correspondre au projet.
          </li>
        </ul>
      )}
      {widen.length > 0 ? (
        <>
          <p className="mt-2">Élargissez votre recherche :</p>
          <ul className="mt-1 list-disc pl-6">
            {widen.map((w) => (
              <li key={w.href}>
                <Link href={w.href}>{w.label}</Link>
              </li>
            ))}
            {widen.length > 1 && (
              <li>
                <Link href="/mon-espace/profils">Voir tous les profils</Link>
              </li>
            )}
          </ul>
        </>
      ) : (
        <p className="mt-1">
          Aucun candidat n&apos;a encore rendu son projet visible des acteurs de la formation et de l&apos;insertion : revenez bientôt.
        </p>
      )}
    </div>
  );
}
