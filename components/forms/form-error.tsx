/** The form-level error banner; focusable so a failed submit can move focus to it. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div id="form-error" role="alert" tabIndex={-1} className="my-4 border-l-4 border-rouge bg-red-50 p-4 font-medium">
      {message}
    </div>
  );
}

export function RequiredNote() {
  return <p className="mb-4 text-sm">* Champs obligatoires</p>;
}
