/** An error whose message is written for the user (French) and may be shown as is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export const GENERIC_ERROR_MESSAGE =
  'Une erreur inattendue est survenue. Réessayez dans quelques instants ; si le problème persiste, écrivez à equipe@cmonalternance-na.fr.';
