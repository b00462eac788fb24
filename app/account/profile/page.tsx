import type { Metadata } from 'next';
import { Download } from 'lucide-react';
import { DeleteAccountForm, PasswordForm, ProfileForm } from '@/components/account/profile-forms';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { deletionBlocker } from '@/lib/accounts';
import { getCurrentUser } from '@/lib/auth';
import { getProfile } from '@/lib/users';
import { redirect } from 'next/navigation';

export const metadata: Metadata = { title: 'Profile and account' };

const ERASED = [
  'Your name, e-mail address and phone number',
  'Your health questionnaires and any clearance notes',
  'Your time zone and e-mail preferences, and your calendar feed',
  'Your password, every session and every token',
];
const KEPT = [
  'Payments, refunds and receipts, as the law requires for accounting',
  'Credits and their ledger, and practitioners\u2019 earnings from your bookings',
  'Past bookings, shown as \u201cDeleted user\u201d',
];

export default async function ProfilePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount%2Fprofile');
  const [profile, blocker] = await Promise.all([getProfile(user.id), deletionBlocker(user)]);
  const zones = Intl.supportedValuesOf('timeZone');
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <PageHeader title="Profile and account" description={`Signed in as ${profile.email}.`} />
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <ProfileForm profile={profile} zones={zones} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs you out on every device, this one too.</CardDescription>
        </CardHeader>
        <CardContent>
          <PasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your data</CardTitle>
          <CardDescription>
            A JSON file of everything we hold on you: profile, bookings, payments, credits, your questionnaire, preferences and the e-mails we sent you.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <a href="/api/v1/me/export" download>
              <Download aria-hidden="true" />
              Export my data
            </a>
          </Button>
        </CardContent>
      </Card>
      <Card data-testid="delete-account">
        <CardHeader>
          <CardTitle>Delete my account</CardTitle>
          <CardDescription>This cannot be undone.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm">
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <h3 className="font-medium">Erased</h3>
              <ul className="mt-2 list-disc pl-5">
                {ERASED.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="font-medium">Kept, anonymised</h3>
              <ul className="mt-2 list-disc pl-5">
                {KEPT.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          </div>
          {blocker ? (
            <Alert variant="info" data-testid="delete-blocked">
              {blocker}
            </Alert>
          ) : (
            <details className="rounded-lg border border-border p-4">
              <summary className="cursor-pointer font-medium">I understand: delete my account</summary>
              <div className="mt-4">
                <DeleteAccountForm />
              </div>
            </details>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
