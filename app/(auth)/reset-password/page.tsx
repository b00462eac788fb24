import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/account/password-reset-forms';
import { AuthCard } from '@/components/auth/auth-card';
import { singleParam, type SearchParams } from '@/components/search-params';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = singleParam(await searchParams, 'token');
  return (
    <AuthCard title="Choose a new password" description="The link from the e-mail works once, for an hour. You will be signed out everywhere.">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="text-sm">
          This page needs the link from the reset e-mail.{' '}
          <Link href="/forgot-password" className="font-medium text-primary underline-offset-4 hover:underline">
            Ask for a new link
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
