'use client';

import { CalendarSync } from 'lucide-react';
import { useActionState, useId, useState } from 'react';
import { createFeedAction, revokeFeedAction } from '@/app/account/mail-actions';
import { ActionMessage } from '@/components/bookings/action-message';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';
import { IconCardHeader } from '@/components/empty-state-card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { emptyFormState, type FormState } from '@/lib/form-state';

type FeedData = { url: string };

/**
 * "Calendar feed": a secret address a calendar app subscribes to. Its URL is
 * shown once, when it is made; replacing it makes the old one stop working.
 */
export function CalendarFeedCard({ active }: { active: boolean }) {
  const [created, createAction, creating] = useActionState(createFeedAction, emptyFormState as FormState<FeedData>);
  const [last, setLast] = useState<FormState<FeedData>>(emptyFormState);
  // The newest answer wins: a create (its URL), a replace (its URL) or a revoke (no URL).
  const shown = [created, last].filter((s) => s.savedAt !== undefined || s.error).sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))[0] ?? emptyFormState;
  const url = active ? shown.data?.url : undefined;
  return (
    <Card data-testid="calendar-feed">
      <IconCardHeader icon={<CalendarSync aria-hidden="true" />} title="Calendar feed" description="Subscribe to your bookings from Google Calendar, Apple Calendar or Outlook; it stays up to date on its own." />
      <CardContent className="flex flex-col gap-4">
        {url ? <FeedUrl url={url} /> : null}
        {active ? (
          <>
            {!url ? <p className="text-sm">Your calendar feed is active. Its address was shown once, when you made it; replace it to get a new one.</p> : null}
            <div className="flex flex-wrap gap-2">
              <ConfirmActionDialog
                action={createFeedAction}
                onDone={setLast}
                triggerVariant="outline"
                trigger="Replace address…"
                title="Replace the calendar feed's address?"
                description="You get a new address to subscribe to. Calendars subscribed to the old one stop receiving updates."
                confirmLabel="Replace"
                pendingLabel="Replacing…"
                cancelLabel="Keep the address"
              />
              <ConfirmActionDialog
                action={revokeFeedAction}
                onDone={setLast}
                triggerVariant="destructive"
                confirmVariant="destructive"
                trigger="Revoke feed…"
                title="Revoke the calendar feed?"
                description="Its address stops working at once. Calendars subscribed to it stop receiving updates. You can make a new feed later."
                confirmLabel="Revoke"
                pendingLabel="Revoking…"
                cancelLabel="Keep the feed"
              />
            </div>
          </>
        ) : (
          <form action={createAction}>
            <Button type="submit" disabled={creating}>
              {creating ? 'Creating…' : 'Create a calendar feed'}
            </Button>
          </form>
        )}
        <ActionMessage state={shown} />
      </CardContent>
    </Card>
  );
}

function FeedUrl({ url }: { url: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <Alert className="flex flex-col gap-3" data-testid="calendar-feed-url">
      <label htmlFor={id} className="font-medium">
        Your feed&rsquo;s address: copy it now, it is shown only once.
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Input id={id} readOnly value={url} className="flex-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="outline" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="text-muted-foreground">Anyone with this address can see your bookings&rsquo; times and titles. Replace or revoke it if it leaks.</p>
      <p role="status" aria-live="polite" className="sr-only">
        {copied ? 'Address copied to the clipboard.' : ''}
      </p>
    </Alert>
  );
}
