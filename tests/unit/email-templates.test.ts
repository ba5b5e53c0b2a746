import { describe, expect, it } from 'vitest';
import { escapeHtml, renderLayout, SUPPORT_EMAIL } from '@/lib/email/templates/layout';
import { passwordResetEmail } from '@/lib/email/templates/password-reset';
import { welcomeEmail } from '@/lib/email/templates/welcome';

const RESET_URL = 'https://cmonalternance-na.fr/mot-de-passe/nouveau?token=abc123&x=1';

describe('escapeHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

describe('passwordResetEmail', () => {
  it('escapes a <script> in the first name', () => {
    const mail = passwordResetEmail({ prenom: '<script>alert("x")</script>', url: RESET_URL });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
    // the plain-text version is not HTML: the name is kept as typed
    expect(mail.text).toContain('Bonjour <script>alert("x")</script>,');
  });

  it('contains the reset link in the HTML and the text versions', () => {
    const mail = passwordResetEmail({ prenom: 'Zoé', url: RESET_URL });
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe CMonAlternance');
    expect(mail.template).toBe('password-reset');
    expect(mail.html).toContain(`href="${escapeHtml(RESET_URL)}"`);
    expect(mail.text).toContain(RESET_URL);
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('valable 1 heure');
      expect(body).toMatch(/une seule fois/);
      expect(body).toMatch(/ignorer cet e-mail/);
      expect(body).toContain('CMonAlternance');
      expect(body).toContain(`Assistance`);
      expect(body).toContain(SUPPORT_EMAIL);
    }
    expect(mail.html).toContain('<html lang="fr"');
  });

  it('greets without a name when the first name is empty', () => {
    expect(passwordResetEmail({ prenom: '  ', url: RESET_URL }).text).toContain('Bonjour,');
  });

  it('refuses a non-http link', () => {
    expect(() => passwordResetEmail({ prenom: 'Zoé', url: 'javascript:alert(1)' })).toThrow(/non autorisé/);
  });
});

describe('welcomeEmail', () => {
  it('welcomes a candidate and an actor differently', () => {
    const candidat = welcomeEmail({ prenom: 'Zoé', role: 'CANDIDAT', url: 'https://cmonalternance-na.fr/' });
    const acteur = welcomeEmail({ prenom: 'Marc & Cie', role: 'ACTEUR', url: 'https://cmonalternance-na.fr/' });
    expect(candidat.subject).toBe('Bienvenue sur CMonAlternance');
    expect(acteur.subject).toBe('Bienvenue sur CMonAlternance');
    expect(candidat.text).toContain('compte candidat');
    expect(acteur.text).toContain('structure');
    expect(acteur.html).toContain('Bonjour Marc &amp; Cie,');
    expect(candidat.template).not.toBe(acteur.template);
  });
});

describe('renderLayout', () => {
  it('escapes every interpolated text, including the title and the button label', () => {
    const { html } = renderLayout({
      title: '<i>titre</i>',
      preheader: '<b>pré</b>',
      blocks: [
        { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
        { kind: 'button', label: '<u>go</u>', url: 'https://exemple.fr/?a="b"' },
        { kind: 'note', text: 'a\nb' },
      ],
    });
    expect(html).not.toMatch(/<(i|b|u|img)[\s>]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a<br>\nb');
  });
});
