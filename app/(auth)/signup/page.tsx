import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { singleParam, type SearchParams } from '@/components/search-params';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { areaOf, getCurrentUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getCurrentUser();
  if (user) redirect(areaOf[user.role]);
  const callbackUrl = singleParam(await searchParams, 'callbackUrl');
  return (
    <AuthCard title="Create account" description="Create a client account to book sessions and classes.">
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
