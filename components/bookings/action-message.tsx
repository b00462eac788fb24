import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { FormError } from '@/components/ui/alert';
import type { FormState } from '@/lib/form-state';

const QUESTIONNAIRE_CODES = ['questionnaire_required', 'questionnaire_needs_clearance'];

/** A form's outcome: the error as lib/bookings words it (with a way forward when there is one), or a quiet success note. */
export function ActionMessage({ state, backHref, backLabel }: { state: FormState<unknown>; backHref?: string; backLabel?: string }) {
  // The questionnaire sends the client back here once saved.
  const query = useSearchParams().toString();
  const here = `${usePathname()}${query ? `?${query}` : ''}`;
  if (state.error) {
    return (
      <div className="flex flex-col gap-2">
        <FormError message={state.error} />
        {state.code && QUESTIONNAIRE_CODES.includes(state.code) ? (
          <Link href={`/account/questionnaire?next=${encodeURIComponent(here)}`} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Go to your health questionnaire
          </Link>
        ) : null}
        {backHref && (state.code === 'slot_taken' || state.code === 'slot_unavailable' || state.code === 'booking_closed') ? (
          <Link href={backHref} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            {backLabel ?? 'Pick another time'}
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <p role="status" aria-live="polite" className="text-sm text-primary empty:hidden">
      {state.ok ?? ''}
    </p>
  );
}
