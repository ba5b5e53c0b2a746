export { escapeHtml, renderLayout, safeUrl, BRAND, SUPPORT_EMAIL, type RenderedEmail, type EmailBlock } from './layout';
export { passwordResetEmail, PASSWORD_RESET_SUBJECT } from './password-reset';
export { welcomeEmail, WELCOME_SUBJECT } from './welcome';
