import 'server-only';
import { db } from '@/lib/db';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { escapeLike } from '@/lib/search';

/**
 * The autocompletes over the referentials (public reference data: nothing to scope).
 * Both search the lower(unaccent()) columns: « mosaiste » finds « Carreleur / Carreleuse
 * mosaïste », « CARRELEUSE » too. Best matches first: the text starts with what was typed, then
 * a word starts with it, then it is contained; then near matches (pg_trgm word similarity, so
 * « carleur » still finds « carreleur »). Ties: the closest, then the shortest.
 */

export const RECHERCHE_LIMIT = 20;

export interface AppellationOption {
  code: string;
  libelle: string;
  romeCode: string;
  version: string;
}

export interface CertificationOption {
  id: string;
  intitule: string;
  niveau: number | null;
  /** « Niveau BTS, DUT, DEUST », '' when unknown */
  libelleNiveau: string;
  active: boolean;
}

export async function searchAppellations(q: string): Promise<AppellationOption[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  const like = escapeLike(text);
  return db.$queryRaw<AppellationOption[]>`
    WITH q AS (SELECT lower(unaccent(${text})) AS t, lower(unaccent(${like})) AS l)
    SELECT a."code", a."libelle", a."romeCode", a."version"
    FROM "RomeAppellation" a, q
    WHERE a."libelleRecherche" LIKE '%' || q.l || '%' OR q.t <% a."libelleRecherche"
    ORDER BY
      CASE
        WHEN a."libelleRecherche" LIKE q.l || '%' THEN 0
        WHEN ' ' || regexp_replace(a."libelleRecherche", '[^a-z0-9]+', ' ', 'g') LIKE '% ' || trim(regexp_replace(q.t, '[^a-z0-9]+', ' ', 'g')) || '%' THEN 1
        WHEN a."libelleRecherche" LIKE '%' || q.l || '%' THEN 2
        ELSE 3
      END,
      word_similarity(q.t, a."libelleRecherche") DESC,
      length(a."libelle"),
      a."libelle"
    LIMIT ${RECHERCHE_LIMIT}`;
}

export async function searchCertifications(q: string): Promise<CertificationOption[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  const like = escapeLike(text);
  // the referential holds successive versions of a diploma under the same title: one line each, the active one
  const rows = await db.$queryRaw<Omit<CertificationOption, 'libelleNiveau'>[]>`
    WITH q AS (SELECT lower(unaccent(${text})) AS t, lower(unaccent(${like})) AS l),
    found AS (
      SELECT DISTINCT ON (c."intituleRecherche", c."niveau")
        c."id", c."intitule", c."niveau", c."active",
        CASE
          WHEN c."intituleRecherche" LIKE q.l || '%' THEN 0
          WHEN ' ' || regexp_replace(c."intituleRecherche", '[^a-z0-9]+', ' ', 'g') LIKE '% ' || trim(regexp_replace(q.t, '[^a-z0-9]+', ' ', 'g')) || '%' THEN 1
          WHEN c."intituleRecherche" LIKE '%' || q.l || '%' THEN 2
          ELSE 3
        END AS rank,
        word_similarity(q.t, c."intituleRecherche") AS sim
      FROM "Certification" c, q
      WHERE c."intituleRecherche" LIKE '%' || q.l || '%' OR q.t <% c."intituleRecherche"
      ORDER BY c."intituleRecherche", c."niveau", c."active" DESC, c."id"
    )
    SELECT "id", "intitule", "niveau", "active" FROM found
    ORDER BY "active" DESC, rank, sim DESC, length("intitule"), "intitule"
    LIMIT ${RECHERCHE_LIMIT}`;
  return rows.map((r) => ({ ...r, libelleNiveau: libelleNiveau(r.niveau) }));
}

/** « Couvreur-zingueur (BM) — Niveau BTS, DUT, DEUST » */
export function libelleDiplome(d: { intitule: string; niveau: number | null }): string {
  const niveau = libelleNiveau(d.niveau);
  return niveau ? `${d.intitule} — ${niveau}` : d.intitule;
}
