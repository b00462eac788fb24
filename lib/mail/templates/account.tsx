import { decryptJson, encryptJson } from '@/lib/crypto';
import { at, NoticeMessage } from './parts';
import type { TemplateProps, TemplateTable } from './types';

/**
 * The forgotten-password link. The outbox keeps the token sealed (AES-GCM, as
 * health data), never in clear: the reset table holds only its SHA-256, and the
 * link is put together only when the message is rendered.
 */
const AAD = 'mail:password_reset';

export function sealResetToken(token: string): string {
  return encryptJson(token, AAD);
}

export function resetLink(appUrl: string, sealed: string): string {
  return `${appUrl}/reset-password?token=${encodeURIComponent(decryptJson<string>(sealed, AAD))}`;
}

export function PasswordReset({ data, ctx }: TemplateProps<'password_reset'>) {
  return (
    <NoticeMessage
      ctx={ctx}
      heading="Reset your password"
      lines={[
        `Someone (we hope you) asked to reset the password of your ${ctx.practice_name} account.`,
        `The link works once, until ${at(data.expires_at)}. If you did not ask, ignore this e-mail: your password stays as it is.`,
      ]}
      action={{ href: resetLink(ctx.app_url, data.token_sealed), label: 'Choose a new password' }}
    />
  );
}

export const accountTemplates: TemplateTable<'password_reset'> = {
  password_reset: { subject: () => 'Reset your password', Component: PasswordReset },
};
