'use client';

import { PASSWORD_RULES } from '@/lib/validations/password';

/** The password policy, each rule ticked as it is met. */
export function PasswordPolicy({ id, value }: { id: string; value: string }) {
  return (
    <div id={id} className="text-sm">
      <p>Votre mot de passe doit contenir :</p>
      <ul className="mt-1 space-y-0.5">
        {PASSWORD_RULES.map((rule) => {
          const met = rule.test(value ?? '');
          return (
            <li key={rule.id} className={met ? 'text-vert' : 'text-gray-700'}>
              <span aria-hidden="true">{met ? '✓' : '•'}</span> {rule.label}
              <span className="sr-only">{met ? ' (respecté)' : ' (non respecté)'}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
