'use client';

import { useActionState, useCallback, useState } from 'react';
import { setSessionTypeActiveAction } from '@/app/provider/session-types/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatBps, formatMoney } from '@/lib/money';
import type { SessionTypeDto } from '@/lib/schedule';
import { SessionTypeForm } from './session-type-form';
import { emptyFormState } from '@/lib/form-state';


/** One session type: its summary, an inline editor, and deactivate / offer again. */
export function SessionTypeRow({ item, defaultCurrency }: { item: SessionTypeDto; defaultCurrency: string }) {
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState(setSessionTypeActiveAction, emptyFormState);
  const close = useCallback(() => setEditing(false), []);
  return (
    <li className="flex flex-col gap-4 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="flex items-center gap-2 font-medium">
            {item.name} {item.active ? null : <Badge variant="muted">Inactive</Badge>}
          </p>
          <p className="text-sm text-muted-foreground">
            {item.duration_minutes} min{item.buffer_minutes ? ` + ${item.buffer_minutes} min break` : ''} · {formatMoney(item.price)}
            {item.deposit ? ` · ${formatMoney(item.deposit)} deposit` : ''} · platform fee {formatBps(item.fee_bps)}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {editing ? 'Close' : 'Edit'}
          </Button>
          <form action={formAction}>
            <input type="hidden" name="id" value={item.id} />
            <input type="hidden" name="active" value={item.active ? 'false' : 'true'} />
            <Button type="submit" variant={item.active ? 'ghost' : 'secondary'} size="sm" disabled={pending}>
              {item.active ? 'Deactivate' : 'Offer again'}
            </Button>
          </form>
        </div>
      </div>
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
      {editing ? <SessionTypeForm existing={item} defaultCurrency={defaultCurrency} onDone={close} /> : null}
    </li>
  );
}
