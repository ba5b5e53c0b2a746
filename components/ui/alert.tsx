import type { ReactNode } from 'react';

const STYLES = {
  info: 'border-bleu bg-bleu-clair',
  success: 'border-vert bg-green-50',
  error: 'border-rouge bg-red-50',
  warning: 'border-orange bg-orange-50',
} as const;

/** A message box; errors are announced at once to screen readers. */
export function Alert({
  kind = 'info',
  title,
  children,
  id,
}: {
  kind?: keyof typeof STYLES;
  title?: string;
  children?: ReactNode;
  id?: string;
}) {
  return (
    <div id={id} role={kind === 'error' ? 'alert' : 'status'} className={`my-4 border-l-4 p-4 ${STYLES[kind]}`} tabIndex={-1}>
      {title && <p className="font-bold">{title}</p>}
      {children && <div className={title ? 'mt-1' : ''}>{children}</div>}
    </div>
  );
}
