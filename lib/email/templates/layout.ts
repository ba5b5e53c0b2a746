/**
 * A simple, accessible e-mail layout (HTML + plain text) shared by every template.
 * Every piece of text given here is escaped: templates never build HTML by hand.
 */

export const BRAND = 'CMonAlternance';
export const SUPPORT_EMAIL = 'equipe@cmonalternance-na.fr';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** Template name stored in the outbox. */
  template: string;
}

export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  /** A call to action; the URL is also written in full for clients that do not show buttons. */
  | { kind: 'button'; label: string; url: string }
  /** Secondary information (validity, "ignore this e-mail"…). */
  | { kind: 'note'; text: string };

export interface LayoutInput {
  /** Used as the HTML <title>. */
  title: string;
  /** Short summary shown by some mail clients next to the subject (hidden in the body). */
  preheader?: string;
  blocks: EmailBlock[];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function escapeMultiline(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>\n');
}

/** Only absolute http(s) links are allowed in e-mails (no javascript:, data:, relative URLs). */
export function safeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Lien invalide dans un e-mail : « ${url} »`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Lien non autorisé dans un e-mail : « ${url} »`);
  }
  return parsed.toString();
}

const COLORS = {
  text: '#1f2937',
  muted: '#4b5563',
  brand: '#1e3a8a',
  background: '#f3f4f6',
  card: '#ffffff',
  border: '#d1d5db',
};

const FONT = "Arial, 'Helvetica Neue', Helvetica, sans-serif";

function blockHtml(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px 0;font-size:16px;line-height:24px;color:${COLORS.text};">${escapeMultiline(block.text)}</p>`;
    case 'note':
      return `<p style="margin:0 0 16px 0;font-size:14px;line-height:21px;color:${COLORS.muted};">${escapeMultiline(block.text)}</p>`;
    case 'button': {
      const href = escapeHtml(safeUrl(block.url));
      return [
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;">`,
        `<tr><td style="border-radius:6px;background:${COLORS.brand};">`,
        `<a href="${href}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:bold;line-height:24px;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(block.label)}</a>`,
        `</td></tr></table>`,
        `<p style="margin:0 0 16px 0;font-size:14px;line-height:21px;color:${COLORS.muted};">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur&nbsp;:<br>`,
        `<a href="${href}" style="color:${COLORS.brand};word-break:break-all;">${href}</a></p>`,
      ].join('\n');
    }
  }
}

function blockText(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.text;
    case 'button':
      return `${block.label} :\n${safeUrl(block.url)}`;
  }
}

/** Renders the HTML and plain-text bodies of an e-mail. */
export function renderLayout(input: LayoutInput): { html: string; text: string } {
  const preheader = input.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;" aria-hidden="true">${escapeHtml(input.preheader)}</div>`
    : '';
  const mailto = `mailto:${SUPPORT_EMAIL}`;

  const html = `<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(input.title)}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.background};font-family:${FONT};">
${preheader}
<div role="article" aria-roledescription="e-mail" aria-label="${escapeHtml(input.title)}" lang="fr" style="background:${COLORS.background};padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto;">
<tr><td style="padding:16px 24px;background:${COLORS.brand};border-radius:8px 8px 0 0;">
<p style="margin:0;font-family:${FONT};font-size:22px;line-height:28px;font-weight:bold;color:#ffffff;">${escapeHtml(BRAND)}</p>
</td></tr>
<tr><td style="padding:24px;background:${COLORS.card};border:1px solid ${COLORS.border};border-top:0;font-family:${FONT};">
${input.blocks.map(blockHtml).join('\n')}
</td></tr>
<tr><td style="padding:16px 24px;font-family:${FONT};font-size:13px;line-height:20px;color:${COLORS.muted};text-align:center;">
<p style="margin:0;">Assistance <a href="${escapeHtml(mailto)}" style="color:${COLORS.brand};">${escapeHtml(SUPPORT_EMAIL)}</a></p>
<p style="margin:8px 0 0 0;">Cet e-mail vous a été envoyé automatiquement par ${escapeHtml(BRAND)}.</p>
</td></tr>
</table>
</div>
</body>
</html>
`;

  const text = [
    BRAND,
    '',
    ...input.blocks.flatMap((b) => [blockText(b), '']),
    '--',
    `Assistance ${SUPPORT_EMAIL}`,
    `Cet e-mail vous a été envoyé automatiquement par ${BRAND}.`,
    '',
  ].join('\n');

  return { html, text };
}

/** « Bonjour Marie, » or « Bonjour, » when the first name is unknown. */
export function greeting(prenom: string | null | undefined): string {
  const p = (prenom ?? '').trim();
  return p ? `Bonjour ${p},` : 'Bonjour,';
}
