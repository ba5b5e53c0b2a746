import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/guards';
import { getMesInformations } from '@/lib/data/compte';
import { formatNumero } from '@/lib/format';
import { MEMBERSHIP_ROLE_LABELS } from '@/lib/labels';
import { PASSWORD_CHANGED_PARAM } from '@/lib/validations/compte';
import { EmailForm } from './_components/email-form';
import { InformationsForm } from './_components/informations-form';
import { PasswordForm } from './_components/password-form';

export const metadata = { title: 'Mes informations personnelles' };

/** « 0556000000 » → « 05 56 00 00 00 » (the stored form has no spaces). */
function displayTelephone(telephone: string | null): string {
  if (!telephone) return '';
  return /^0\d{9}$/.test(telephone) ? telephone.replace(/(\d{2})(?=\d)/g, '$1 ') : telephone;
}

export default async function MesInformationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  const passwordJustChanged = (await searchParams)[PASSWORD_CHANGED_PARAM] === '1';
  const infos = await getMesInformations(user);
  const sectionClasses = 'mt-10 max-w-3xl border-t border-bordure pt-6';

  return (
    <>
      <PageHeader title="Mes informations personnelles" crumbs={[{ label: 'Mon compte' }]} />
      <p className="mb-4">Vous retrouvez les informations de votre compte.</p>
      <dl className="grid max-w-3xl gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]">
        <div className="contents">
          <dt className="font-medium">Numéro</dt>
          <dd data-testid="numero-utilisateur">
            {MEMBERSHIP_ROLE_LABELS[user.membership.role]} {formatNumero('utilisateur', infos.numero)}
          </dd>
        </div>
        <div className="contents">
          <dt className="font-medium">Structure</dt>
          <dd>{user.membership.structure.raisonSociale}</dd>
        </div>
      </dl>

      <section className={sectionClasses} data-tutoriel="informations">
        <h2 id="informations-titre" className="mb-4 text-2xl font-bold text-bleu">
          Mes informations
        </h2>
        <InformationsForm
          defaultValues={{ prenom: infos.prenom, nom: infos.nom, telephone: displayTelephone(infos.telephone) }}
        />
      </section>

      <section className={sectionClasses}>
        <h2 id="email-titre" className="mb-4 text-2xl font-bold text-bleu">
          Modifier mon adresse e-mail
        </h2>
        <EmailForm currentEmail={infos.email} />
      </section>

      <section className={sectionClasses}>
        <h2 id="mot-de-passe-titre" className="mb-4 text-2xl font-bold text-bleu">
          Modifier mon mot de passe
        </h2>
        <PasswordForm email={infos.email} justChanged={passwordJustChanged} />
      </section>
    </>
  );
}
