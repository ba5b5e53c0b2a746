/** User-facing messages shared by actions, pages and tests. */
export const WRONG_CREDENTIALS_MESSAGE = 'E-mail ou mot de passe incorrect';

export const RESET_REQUESTED_MESSAGE =
  'Si un compte existe avec cette adresse, vous allez recevoir un e-mail avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.';
