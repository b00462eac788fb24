'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState, useEffect, useRef } from 'react';
import { grantCreditAction } from '@/app/admin/credits/actions';
import { FormField } from '@/components/auth/form-field';
import { FormStatus } from '@/components/schedule/form-status';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { emptyFormState } from '@/lib/form-state';

/** "Grant credits": a complimentary credit, optionally named and scoped after a package. */
export function GrantCreditForm({ clientId, packages }: { clientId: string; packages: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(grantCreditAction, emptyFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt) formRef.current?.reset();
  }, [state.savedAt]);
  const packageError = state.fields?.package_id?.join(' ');

  return (
    <form ref={formRef} action={action} noValidate className="flex flex-col gap-4" aria-label="Grant credits" data-testid="grant-credit">
      <input type="hidden" name="client_id" value={clientId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="grant-uses" name="uses" label="Classes" inputMode="numeric" required defaultValue={state.values?.uses ?? '1'} errors={state.fields?.uses} />
        <FormField id="grant-days" name="validity_days" label="Valid for (days)" inputMode="numeric" required defaultValue={state.values?.validity_days ?? '90'} errors={state.fields?.validity_days} />
      </div>
      <FormField id="grant-reason" name="reason" label="Reason" required maxLength={500} placeholder="Sorry for the cancelled class" defaultValue={state.values?.reason} errors={state.fields?.reason} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="grant-package">Like package (optional)</Label>
        <NativeSelect id="grant-package" name="package_id" defaultValue={state.values?.package_id ?? ''} aria-invalid={packageError ? true : undefined} aria-describedby="grant-package-hint">
          <option value="">None: valid for every class</option>
          {packages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
        <p id="grant-package-hint" className="text-xs text-muted-foreground">
          Takes the package’s name and the classes it covers.
        </p>
        {packageError ? <p className="text-sm text-destructive">{packageError}</p> : null}
      </div>
      <FormStatus state={state} unplacedFields={['client_id']} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
          {pending ? 'Granting…' : 'Grant credits'}
        </Button>
      </div>
    </form>
  );
}
