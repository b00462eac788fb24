import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/account/password-reset-forms';
import { AuthCard } from '@/components/auth/auth-card';

export const metadata: Metadata = { title: 'Forgotten password' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgotten password" description="Enter your account's e-mail address and we will send you a link to choose a new password.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
