import { ExternalLink } from 'lucide-react';
import { openConnectDashboardAction, startConnectOnboardingAction } from '@/app/provider/payouts/actions';
import { ActionButton } from '@/components/action-button';
import { PollRefresh } from '@/components/poll-refresh';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ConnectStatusDto } from '@/lib/earnings';

/** "individual.first_name" -> "Individual: first name": Stripe's requirement names, readable. */
export function requirementLabel(name: string): string {
  const words = name.split('.').map((part) => part.replace(/_/g, ' '));
  const [first = '', ...rest] = words;
  const head = first.charAt(0).toUpperCase() + first.slice(1);
  return rest.length ? `${head}: ${rest.join(', ')}` : head;
}

type Stage = 'not_connected' | 'onboarding' | 'enabled';

export function connectStage(status: ConnectStatusDto): Stage {
  if (!status.account_id) return 'not_connected';
  return status.payouts_enabled ? 'enabled' : 'onboarding';
}

const copy: Record<Stage, { badge: string; description: string }> = {
  not_connected: { badge: 'Not connected', description: 'Connect a Stripe account to be paid. Stripe asks for your details and bank account on its own pages; we never see them.' },
  onboarding: { badge: 'Onboarding not finished', description: 'Stripe needs a few more details before it can send payouts to your bank.' },
  enabled: { badge: 'Payouts enabled', description: 'Payouts go to your Stripe account, and from there to your bank. Your balance and bank details are in the Stripe Express dashboard.' },
};

/**
 * Where the provider's Stripe Connect (express) account stands and the one
 * next step: connect, continue onboarding, or open the Express dashboard.
 * Back from Stripe (`returning`), the page re-reads the account until Stripe says payouts are enabled.
 */
export function ConnectStatusCard({ status, returning }: { status: ConnectStatusDto; returning: boolean }) {
  const stage = connectStage(status);
  return (
    <Card data-testid="connect-status">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-3">
          <CardTitle>Stripe account</CardTitle>
          <Badge variant={stage === 'enabled' ? 'default' : stage === 'onboarding' ? 'outline' : 'muted'} data-testid="connect-stage">
            {copy[stage].badge}
          </Badge>
        </div>
        <CardDescription>{copy[stage].description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {returning && stage === 'enabled' ? <Alert role="status">Your Stripe account is connected and payouts are enabled.</Alert> : null}
        {returning && stage !== 'enabled' ? (
          <div className="flex flex-col gap-2">
            <Alert role="status">Checking your account with Stripe…</Alert>
            <PollRefresh
              testId="connect-slow"
              slowMessage="Stripe has not confirmed your account yet. If you left onboarding before the end, continue it below; otherwise this page updates once Stripe has checked your details."
            />
          </div>
        ) : null}
        {status.requirements_due.length ? (
          <div className="text-sm">
            <p className="font-medium">Stripe still needs:</p>
            <ul className="mt-1 list-disc pl-5 text-muted-foreground" data-testid="connect-requirements">
              {status.requirements_due.map((r) => (
                <li key={r}>{requirementLabel(r)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {stage === 'enabled' ? (
          <ActionButton action={openConnectDashboardAction} pendingLabel="Opening…" variant="outline">
            <ExternalLink aria-hidden="true" />
            Open Stripe Express dashboard
          </ActionButton>
        ) : (
          <ActionButton action={startConnectOnboardingAction} pendingLabel="Opening Stripe…">
            {stage === 'not_connected' ? 'Connect with Stripe' : 'Continue onboarding'}
          </ActionButton>
        )}
      </CardContent>
    </Card>
  );
}
