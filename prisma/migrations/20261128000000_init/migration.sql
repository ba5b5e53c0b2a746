-- Extensions used by search (accent-insensitive, near matches)
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CANDIDAT', 'ACTEUR', 'ADMIN');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('GESTIONNAIRE', 'UTILISATEUR');

-- CreateEnum
CREATE TYPE "StructureType" AS ENUM ('CFA', 'MISSION_LOCALE', 'ORGANISME_FORMATION', 'CAP_EMPLOI', 'AUTRE');

-- CreateEnum
CREATE TYPE "LienEmployeurStatus" AS ENUM ('EN_ATTENTE', 'VALIDE', 'REFUSE');

-- CreateEnum
CREATE TYPE "TypeAlternance" AS ENUM ('APPRENTISSAGE', 'CONTRAT_PRO', 'STAGE_PRO');

-- CreateEnum
CREATE TYPE "OffreStatus" AS ENUM ('EN_COURS', 'POURVUE', 'ARCHIVEE');

-- CreateEnum
CREATE TYPE "FormationStatut" AS ENUM ('VALIDE', 'EN_COURS', 'NON_VALIDE');

-- CreateEnum
CREATE TYPE "ExperienceType" AS ENUM ('STAGE', 'EMPLOI', 'JOB_ETUDIANT', 'BENEVOLAT');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('CV');

-- CreateEnum
CREATE TYPE "CandidatureStatus" AS ENUM ('A_TRAITER', 'ACCEPTEE', 'REFUSEE');

-- CreateEnum
CREATE TYPE "ReponseType" AS ENUM ('ENTRETIEN', 'REFUS');

-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('REPONSE_CANDIDATURE', 'CONTACT', 'NOUVELLE_CANDIDATURE', 'EMPLOYEUR_DECISION', 'SYSTEME');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('EN_ATTENTE', 'ENVOYE', 'ECHEC');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "numero" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "prenom" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "telephone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastLoginAt" TIMESTAMP(3),
    "anonymizedAt" TIMESTAMP(3),
    "tutorialStep" INTEGER,
    "tutorialDoneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Structure" (
    "id" TEXT NOT NULL,
    "numero" SERIAL NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "raisonSociale" TEXT NOT NULL,
    "sigle" TEXT,
    "codeNaf" TEXT,
    "domaineActivite" TEXT,
    "effectif" TEXT,
    "type" "StructureType" NOT NULL,
    "adresse" TEXT NOT NULL,
    "complementAdresse" TEXT,
    "codePostal" CHAR(5) NOT NULL,
    "communeInsee" CHAR(5) NOT NULL,
    "commune" TEXT NOT NULL,
    "departementCode" VARCHAR(3) NOT NULL,
    "telephone" TEXT,
    "email" TEXT,
    "accueilStagiaires3e" BOOLEAN NOT NULL DEFAULT false,
    "accueilStagiaires2de" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Structure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employeur" (
    "id" TEXT NOT NULL,
    "numero" SERIAL NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "raisonSociale" TEXT NOT NULL,
    "sigle" TEXT,
    "nomCommercial" TEXT,
    "codeNaf" TEXT,
    "domaineActivite" TEXT,
    "effectif" TEXT,
    "email" TEXT,
    "telephone" TEXT,
    "adresse" TEXT,
    "complementAdresse" TEXT,
    "codePostal" CHAR(5),
    "ville" TEXT,
    "communeInsee" CHAR(5),
    "departementCode" VARCHAR(3),
    "etatAdministratif" CHAR(1),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Employeur_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StructureEmployeur" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "employeurId" TEXT NOT NULL,
    "status" "LienEmployeurStatus" NOT NULL DEFAULT 'EN_ATTENTE',
    "motifRefus" TEXT,
    "alertes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "StructureEmployeur_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offre" (
    "id" TEXT NOT NULL,
    "numero" SERIAL NOT NULL,
    "structureId" TEXT NOT NULL,
    "employeurId" TEXT NOT NULL,
    "types" "TypeAlternance"[],
    "appellationCode" TEXT NOT NULL,
    "romeCode" VARCHAR(5) NOT NULL,
    "romeVersion" TEXT NOT NULL,
    "metier" TEXT NOT NULL,
    "description" TEXT,
    "adresse" TEXT NOT NULL,
    "complementAdresse" TEXT,
    "codePostal" CHAR(5),
    "communeInsee" CHAR(5),
    "commune" TEXT,
    "departementCode" VARCHAR(3),
    "dateEmbauche" DATE NOT NULL,
    "dureeMois" INTEGER,
    "nombrePostes" INTEGER NOT NULL DEFAULT 1,
    "referentId" TEXT,
    "createdById" TEXT,
    "status" "OffreStatus" NOT NULL DEFAULT 'EN_COURS',
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pourvueAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "archiveWarnedAt" TIMESTAMP(3),
    "motifDepublication" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OffreDiplome" (
    "id" TEXT NOT NULL,
    "offreId" TEXT NOT NULL,
    "certificationId" TEXT,
    "intitule" TEXT NOT NULL,
    "niveau" INTEGER,

    CONSTRAINT "OffreDiplome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Projet" (
    "id" TEXT NOT NULL,
    "numero" SERIAL NOT NULL,
    "candidatId" TEXT NOT NULL,
    "appellationCode" TEXT NOT NULL,
    "romeCode" VARCHAR(5) NOT NULL,
    "romeVersion" TEXT NOT NULL,
    "metier" TEXT NOT NULL,
    "types" "TypeAlternance"[],
    "certificationId" TEXT,
    "diplomeIntitule" TEXT,
    "niveau" INTEGER,
    "dureeAnnees" INTEGER,
    "zoneRegion" BOOLEAN NOT NULL DEFAULT false,
    "departements" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visible" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Projet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjetFormation" (
    "id" TEXT NOT NULL,
    "projetId" TEXT NOT NULL,
    "intitule" TEXT NOT NULL,
    "statut" "FormationStatut" NOT NULL,
    "annee" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProjetFormation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjetExperience" (
    "id" TEXT NOT NULL,
    "projetId" TEXT NOT NULL,
    "type" "ExperienceType" NOT NULL,
    "intitule" TEXT NOT NULL,
    "entreprise" TEXT,
    "dureeSemaines" INTEGER,
    "dureeJours" INTEGER,
    "missions" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProjetExperience_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "type" "DocumentType" NOT NULL DEFAULT 'CV',
    "filename" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidature" (
    "id" TEXT NOT NULL,
    "numero" SERIAL NOT NULL,
    "offreId" TEXT NOT NULL,
    "candidatId" TEXT,
    "projetId" TEXT,
    "documentId" TEXT,
    "message" TEXT,
    "offreSnapshot" JSONB NOT NULL,
    "projetSnapshot" JSONB,
    "cvNom" TEXT,
    "cvTaille" INTEGER,
    "status" "CandidatureStatus" NOT NULL DEFAULT 'A_TRAITER',
    "reponseType" "ReponseType",
    "reponseMessage" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "anonymizedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Candidature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Favori" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Favori_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alerte" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "offreId" TEXT NOT NULL,
    "projetId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "raisons" TEXT[],
    "dismissedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alerte_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "fromUserId" TEXT,
    "toUserId" TEXT NOT NULL,
    "projetId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "titre" TEXT NOT NULL,
    "corps" TEXT,
    "lien" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'EN_ATTENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "providerId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntrepriseCache" (
    "query" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntrepriseCache_pkey" PRIMARY KEY ("query")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RomeCode" (
    "code" VARCHAR(5) NOT NULL,
    "libelle" TEXT NOT NULL,
    "version" TEXT NOT NULL,

    CONSTRAINT "RomeCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RomeAppellation" (
    "code" TEXT NOT NULL,
    "libelle" TEXT NOT NULL,
    "libelleCourt" TEXT,
    "romeCode" VARCHAR(5) NOT NULL,
    "version" TEXT NOT NULL,

    CONSTRAINT "RomeAppellation_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Niveau" (
    "niveau" INTEGER NOT NULL,
    "libelle" TEXT NOT NULL,
    "ancien" TEXT,

    CONSTRAINT "Niveau_pkey" PRIMARY KEY ("niveau")
);

-- CreateTable
CREATE TABLE "Certification" (
    "id" TEXT NOT NULL,
    "cfd" TEXT,
    "rncp" TEXT,
    "intitule" TEXT NOT NULL,
    "niveau" INTEGER,
    "typeDiplome" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Certification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Departement" (
    "code" VARCHAR(3) NOT NULL,
    "nom" TEXT NOT NULL,
    "regionCode" VARCHAR(3) NOT NULL,

    CONSTRAINT "Departement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Commune" (
    "code" CHAR(5) NOT NULL,
    "nom" TEXT NOT NULL,
    "departementCode" VARCHAR(3) NOT NULL,
    "codesPostaux" TEXT[],
    "population" INTEGER,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "NafSection" (
    "code" CHAR(1) NOT NULL,
    "libelle" TEXT NOT NULL,

    CONSTRAINT "NafSection_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "NafCode" (
    "code" VARCHAR(6) NOT NULL,
    "libelle" TEXT NOT NULL,
    "sectionCode" CHAR(1) NOT NULL,

    CONSTRAINT "NafCode_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_numero_key" ON "User"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Structure_numero_key" ON "Structure"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "Structure_siret_key" ON "Structure"("siret");

-- CreateIndex
CREATE INDEX "Structure_siren_idx" ON "Structure"("siren");

-- CreateIndex
CREATE INDEX "Structure_departementCode_communeInsee_idx" ON "Structure"("departementCode", "communeInsee");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_key" ON "Membership"("userId");

-- CreateIndex
CREATE INDEX "Membership_structureId_role_idx" ON "Membership"("structureId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_structureId_idx" ON "Invitation"("structureId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Employeur_numero_key" ON "Employeur"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "Employeur_siret_key" ON "Employeur"("siret");

-- CreateIndex
CREATE INDEX "Employeur_siren_idx" ON "Employeur"("siren");

-- CreateIndex
CREATE INDEX "StructureEmployeur_status_requestedAt_idx" ON "StructureEmployeur"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "StructureEmployeur_employeurId_idx" ON "StructureEmployeur"("employeurId");

-- CreateIndex
CREATE UNIQUE INDEX "StructureEmployeur_structureId_employeurId_key" ON "StructureEmployeur"("structureId", "employeurId");

-- CreateIndex
CREATE UNIQUE INDEX "Offre_numero_key" ON "Offre"("numero");

-- CreateIndex
CREATE INDEX "Offre_structureId_status_idx" ON "Offre"("structureId", "status");

-- CreateIndex
CREATE INDEX "Offre_status_departementCode_idx" ON "Offre"("status", "departementCode");

-- CreateIndex
CREATE INDEX "Offre_status_publishedAt_idx" ON "Offre"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Offre_romeCode_idx" ON "Offre"("romeCode");

-- CreateIndex
CREATE INDEX "Offre_employeurId_idx" ON "Offre"("employeurId");

-- CreateIndex
CREATE UNIQUE INDEX "OffreDiplome_offreId_intitule_key" ON "OffreDiplome"("offreId", "intitule");

-- CreateIndex
CREATE UNIQUE INDEX "Projet_numero_key" ON "Projet"("numero");

-- CreateIndex
CREATE INDEX "Projet_candidatId_idx" ON "Projet"("candidatId");

-- CreateIndex
CREATE INDEX "Projet_visible_romeCode_idx" ON "Projet"("visible", "romeCode");

-- CreateIndex
CREATE INDEX "ProjetFormation_projetId_idx" ON "ProjetFormation"("projetId");

-- CreateIndex
CREATE INDEX "ProjetExperience_projetId_idx" ON "ProjetExperience"("projetId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_ownerId_type_idx" ON "Document"("ownerId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Candidature_numero_key" ON "Candidature"("numero");

-- CreateIndex
CREATE INDEX "Candidature_offreId_status_idx" ON "Candidature"("offreId", "status");

-- CreateIndex
CREATE INDEX "Candidature_candidatId_createdAt_idx" ON "Candidature"("candidatId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Candidature_offreId_candidatId_key" ON "Candidature"("offreId", "candidatId");

-- CreateIndex
CREATE INDEX "Favori_projetId_idx" ON "Favori"("projetId");

-- CreateIndex
CREATE UNIQUE INDEX "Favori_userId_projetId_key" ON "Favori"("userId", "projetId");

-- CreateIndex
CREATE INDEX "Alerte_structureId_dismissedAt_score_idx" ON "Alerte"("structureId", "dismissedAt", "score");

-- CreateIndex
CREATE INDEX "Alerte_projetId_idx" ON "Alerte"("projetId");

-- CreateIndex
CREATE UNIQUE INDEX "Alerte_offreId_projetId_key" ON "Alerte"("offreId", "projetId");

-- CreateIndex
CREATE INDEX "Message_toUserId_createdAt_idx" ON "Message"("toUserId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_structureId_idx" ON "Message"("structureId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_idempotencyKey_key" ON "EmailOutbox"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "RomeAppellation_romeCode_idx" ON "RomeAppellation"("romeCode");

-- CreateIndex
CREATE INDEX "Certification_niveau_idx" ON "Certification"("niveau");

-- CreateIndex
CREATE UNIQUE INDEX "Certification_cfd_rncp_key" ON "Certification"("cfd", "rncp");

-- CreateIndex
CREATE INDEX "Commune_departementCode_idx" ON "Commune"("departementCode");

-- CreateIndex
CREATE INDEX "NafCode_sectionCode_idx" ON "NafCode"("sectionCode");

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureEmployeur" ADD CONSTRAINT "StructureEmployeur_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureEmployeur" ADD CONSTRAINT "StructureEmployeur_employeurId_fkey" FOREIGN KEY ("employeurId") REFERENCES "Employeur"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureEmployeur" ADD CONSTRAINT "StructureEmployeur_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StructureEmployeur" ADD CONSTRAINT "StructureEmployeur_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offre" ADD CONSTRAINT "Offre_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offre" ADD CONSTRAINT "Offre_employeurId_fkey" FOREIGN KEY ("employeurId") REFERENCES "Employeur"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offre" ADD CONSTRAINT "Offre_referentId_fkey" FOREIGN KEY ("referentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offre" ADD CONSTRAINT "Offre_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OffreDiplome" ADD CONSTRAINT "OffreDiplome_offreId_fkey" FOREIGN KEY ("offreId") REFERENCES "Offre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OffreDiplome" ADD CONSTRAINT "OffreDiplome_certificationId_fkey" FOREIGN KEY ("certificationId") REFERENCES "Certification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Projet" ADD CONSTRAINT "Projet_candidatId_fkey" FOREIGN KEY ("candidatId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Projet" ADD CONSTRAINT "Projet_certificationId_fkey" FOREIGN KEY ("certificationId") REFERENCES "Certification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjetFormation" ADD CONSTRAINT "ProjetFormation_projetId_fkey" FOREIGN KEY ("projetId") REFERENCES "Projet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjetExperience" ADD CONSTRAINT "ProjetExperience_projetId_fkey" FOREIGN KEY ("projetId") REFERENCES "Projet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidature" ADD CONSTRAINT "Candidature_offreId_fkey" FOREIGN KEY ("offreId") REFERENCES "Offre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidature" ADD CONSTRAINT "Candidature_candidatId_fkey" FOREIGN KEY ("candidatId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidature" ADD CONSTRAINT "Candidature_projetId_fkey" FOREIGN KEY ("projetId") REFERENCES "Projet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidature" ADD CONSTRAINT "Candidature_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidature" ADD CONSTRAINT "Candidature_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favori" ADD CONSTRAINT "Favori_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favori" ADD CONSTRAINT "Favori_projetId_fkey" FOREIGN KEY ("projetId") REFERENCES "Projet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alerte" ADD CONSTRAINT "Alerte_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alerte" ADD CONSTRAINT "Alerte_offreId_fkey" FOREIGN KEY ("offreId") REFERENCES "Offre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alerte" ADD CONSTRAINT "Alerte_projetId_fkey" FOREIGN KEY ("projetId") REFERENCES "Projet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_projetId_fkey" FOREIGN KEY ("projetId") REFERENCES "Projet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RomeAppellation" ADD CONSTRAINT "RomeAppellation_romeCode_fkey" FOREIGN KEY ("romeCode") REFERENCES "RomeCode"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certification" ADD CONSTRAINT "Certification_niveau_fkey" FOREIGN KEY ("niveau") REFERENCES "Niveau"("niveau") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NafCode" ADD CONSTRAINT "NafCode_sectionCode_fkey" FOREIGN KEY ("sectionCode") REFERENCES "NafSection"("code") ON DELETE CASCADE ON UPDATE CASCADE;

