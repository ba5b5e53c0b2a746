import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { baseAuthConfig } from '@/lib/auth/base-config';
import { verifyCredentials } from '@/lib/data/auth';
import { signInSchema } from '@/lib/validations/auth';

export class RateLimitedSignin extends CredentialsSignin {
  code = 'rate_limited';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...baseAuthConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
        const ip = forwarded || request.headers.get('x-real-ip') || 'inconnue';
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, ip);
        if (result.status === 'rate_limited') throw new RateLimitedSignin();
        if (result.status !== 'ok') return null;
        return { id: result.user.id, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
});
