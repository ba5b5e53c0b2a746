import Link from 'next/link';
import type { ComponentProps } from 'react';

const VARIANTS = {
  primary: 'bg-bleu text-white hover:bg-bleu-hover border border-bleu',
  secondary: 'bg-white text-bleu border border-bleu hover:bg-bleu-clair',
  danger: 'bg-white text-rouge border border-rouge hover:bg-red-50',
  link: 'bg-transparent text-bleu underline border border-transparent px-0',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClasses(variant: ButtonVariant = 'primary', extra = '') {
  return `inline-flex items-center justify-center gap-2 px-4 py-2 font-medium no-underline uppercase tracking-wide text-sm disabled:opacity-60 disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

export function Button({ variant = 'primary', className = '', type = 'button', ...props }: ComponentProps<'button'> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}

export function ButtonLink({ variant = 'primary', className = '', ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClasses(variant, `${className} hover:text-inherit`)} {...props} />;
}
