/** Display labels of the enums, in the guide's words. */
export const TYPE_ALTERNANCE_LABELS = {
  APPRENTISSAGE: "Contrat d'apprentissage",
  CONTRAT_PRO: 'Contrat de professionnalisation',
  STAGE_PRO: 'Stage professionnel',
} as const;

export const STRUCTURE_TYPE_LABELS = {
  CFA: 'CFA',
  MISSION_LOCALE: 'Mission locale',
  ORGANISME_FORMATION: 'Organisme de formation',
  CAP_EMPLOI: 'Cap emploi',
  AUTRE: 'Autre',
} as const;

export const OFFRE_STATUS_LABELS = { EN_COURS: 'En cours', POURVUE: 'Pourvue', ARCHIVEE: 'Archivée' } as const;

export const LIEN_EMPLOYEUR_STATUS_LABELS = {
  EN_ATTENTE: 'En attente de validation',
  VALIDE: 'Validé',
  REFUSE: 'Refusé',
} as const;

export const CANDIDATURE_STATUS_LABELS = { A_TRAITER: 'À traiter', ACCEPTEE: 'Acceptées', REFUSEE: 'Refusées' } as const;

export const MEMBERSHIP_ROLE_LABELS = { GESTIONNAIRE: 'GESTIONNAIRE', UTILISATEUR: 'UTILISATEUR' } as const;
