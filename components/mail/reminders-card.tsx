'use client';

import { Bell } from 'lucide-react';
import { useActionState } from 'react';
import { setRemindersAction } from '@/app/account/mail-actions';
import { ActionMessage } from '@/components/bookings/action-message';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { emptyFormState } from '@/lib/form-state';

/** "E-mail": reminders on or off; the messages about what was booked and paid always go. */
export function RemindersCard({ reminders }: { reminders: boolean }) {
  const [state, action, pending] = useActionState(setRemindersAction, emptyFormState);
  return (
    <Card data-testid="email-settings">
      <CardHeader>
        <div className="flex items-center gap-3">
          <span className="grid size-9 place-items-center rounded-lg bg-secondary text-secondary-foreground [&_svg]:size-4">
            <Bell aria-hidden="true" />
          </span>
          <CardTitle>E-mail</CardTitle>
        </div>
        <CardDescription>Booking confirmations, receipts, refunds and cancellations always come. Reminders before a session are up to you.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <form action={action} className="flex flex-wrap items-center justify-between gap-3">
          <input type="hidden" name="reminders" value={reminders ? 'off' : 'on'} />
          <p className="text-sm" id="reminders-state">
            Reminders are <strong data-testid="reminders-state">{reminders ? 'on' : 'off'}</strong>.
          </p>
          <Button type="submit" variant="outline" role="switch" aria-checked={reminders} aria-label="E-mail reminders" aria-describedby="reminders-state" disabled={pending}>
            {pending ? 'Saving…' : reminders ? 'Turn reminders off' : 'Turn reminders on'}
          </Button>
        </form>
        <ActionMessage state={state} />
      </CardContent>
    </Card>
  );
}
