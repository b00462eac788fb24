import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { singleParam, type SearchParams } from '@/components/search-params';
import { SignInForm } from '@/components/auth/sign-in-form';
import { areaOf, getCurrentUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getCurrentUser();
  if (user) redirect(areaOf[user.role]);
  const callbackUrl = singleParam(await searchParams, 'callbackUrl');
  return (
    <AuthCard title="Sign in" description="Welcome back. Sign in to book and manage your sessions.">
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-primary underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </AuthCard>
  );
}
