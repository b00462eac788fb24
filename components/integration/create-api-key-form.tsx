'use client';

import { useActionState, useId, useState } from 'react';
import { createApiKeyAction } from '@/app/admin/api-keys/actions';
import { Alert, FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { emptyFormState } from '@/lib/form-state';

/** Names a new key; the key itself is shown here once, with a copy button, and never again. */
export function CreateApiKeyForm() {
  const [state, action, pending] = useActionState(createApiKeyAction, emptyFormState);
  const nameId = useId();
  const nameError = state.fields?.name?.join(' ');
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-2">
          <label htmlFor={nameId} className="text-sm font-medium">
            Name
          </label>
          <Input
            id={nameId}
            name="name"
            required
            maxLength={80}
            placeholder="Payment system"
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
          />
          {nameError ? (
            <p id={`${nameId}-error`} className="text-sm text-destructive">
              {nameError}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create key'}
        </Button>
      </form>
      <FormError message={nameError ? undefined : state.error} />
      {state.data ? <NewKey value={state.data.key} /> : null}
    </div>
  );
}

function NewKey({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <Alert className="flex flex-col gap-3" data-testid="new-api-key">
      <p className="font-medium">Copy this key now. It is shown only once; we keep only a fingerprint of it.</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code className="flex-1 rounded-md border border-border bg-card px-3 py-2 font-mono text-xs break-all">{value}</code>
        <Button type="button" variant="outline" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="text-muted-foreground">Send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Anyone holding it can call the integration API; revoke it if it leaks.</p>
      <p role="status" aria-live="polite" className="sr-only">
        {copied ? 'Key copied to the clipboard.' : ''}
      </p>
    </Alert>
  );
}
