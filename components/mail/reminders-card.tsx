'use client';

import { Bell } from 'lucide-react';
import { useActionState } from 'react';
import { setRemindersAction } from '@/app/account/mail-actions';
import { ActionMessage } from '@/components/bookings/action-message';
import { IconCardHeader } from '@/components/empty-state-card';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { emptyFormState } from '@/lib/form-state';

/** "E-mail": reminders on or off; the messages about what was booked and paid always go. */
export function RemindersCard({ reminders }: { reminders: boolean }) {
  const [state, action, pending] = useActionState(setRemindersAction, emptyFormState);
  // The switch's name holds its visible text (WCAG 2.5.3), after what it switches.
  const label = pending ? 'Saving…' : reminders ? 'Turn reminders off' : 'Turn reminders on';
  return (
    <Card data-testid="email-settings">
      <IconCardHeader icon={<Bell aria-hidden="true" />} title="E-mail" description="Booking confirmations, receipts, refunds and cancellations always come. Reminders before a session are up to you." />
      <CardContent className="flex flex-col gap-3">
        <form action={action} className="flex flex-wrap items-center justify-between gap-3">
          <input type="hidden" name="reminders" value={reminders ? 'off' : 'on'} />
          <p className="text-sm" id="reminders-state">
            Reminders are <strong data-testid="reminders-state">{reminders ? 'on' : 'off'}</strong>.
          </p>
          <Button type="submit" variant="outline" role="switch" aria-checked={reminders} aria-label={`E-mail reminders: ${label}`} aria-describedby="reminders-state" disabled={pending}>
            {label}
          </Button>
        </form>
        <ActionMessage state={state} />
      </CardContent>
    </Card>
  );
}
