import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { clientIp } from './client-ip';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { credentialsInput } from '@/lib/users';
import { authenticate } from './authenticate';

/** Surfaces the failed-login limit to the sign-in form as `code: rate_limited`. */
class RateLimitedSignin extends CredentialsSignin {
  override code = 'rate_limited';
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Lazy configuration: the environment is read per request, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse({ email: raw.email, password: raw.password });
        if (!parsed.success) return null;
        try {
          const user = await authenticate(parsed.data, clientIp(request.headers));
          return { id: user.id, email: user.email, name: user.name };
        } catch (err) {
          if (isAppError(err) && err.code === 'rate_limited') throw new RateLimitedSignin();
          if (isAppError(err) && err.code === 'invalid_credentials') return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id (`sub`); role and status are read fresh on each request.
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is an expected outcome, not a server error.
      if (error.name === 'CredentialsSignin' || error instanceof CredentialsSignin) return;
      logger.error('auth error', { name: error.name, message: error.message });
    },
    warn(code) {
      logger.warn('auth warning', { code });
    },
    debug() {},
  },
}));
