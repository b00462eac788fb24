import 'server-only';
import { randomUUID } from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { clientIp } from './client-ip';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { credentialsInput } from '@/lib/users';
import { authenticate } from './authenticate';
import { endSession } from './sessions';

/** Surfaces the failed-login limit to the sign-in form as `code: rate_limited`. */
class RateLimitedSignin extends CredentialsSignin {
  override code = 'rate_limited';
}

declare module 'next-auth' {
  interface Session {
    /** The user's session epoch when this session was issued (lib/auth/sessions.ts). */
    epoch?: number;
    /** This browser session's own id, the same across the JWT's refreshes; signing out ends it (ended_sessions). */
    sid?: string;
  }
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
          return { id: user.id, email: user.email, name: user.name, epoch: user.sessionEpoch };
        } catch (err) {
          if (isAppError(err) && err.code === 'rate_limited') throw new RateLimitedSignin();
          if (isAppError(err) && err.code === 'invalid_credentials') return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    // The token carries the user id (`sub`) and the session epoch it was issued under; role and
    // status are read fresh on each request, and an epoch behind the user's row ends the session.
    jwt({ token, user }) {
      if (user) {
        token.epoch = (user as { epoch?: number }).epoch ?? 0;
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.epoch = typeof token.epoch === 'number' ? token.epoch : 0;
      if (typeof token.sid === 'string') session.sid = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends this session on the server too: a copy of its cookie is refused from then on.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (!token?.sub || typeof token.sid !== 'string') return;
      const expires = typeof token.exp === 'number' ? new Date(token.exp * 1000) : new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
      await endSession(token.sid, token.sub, expires);
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
