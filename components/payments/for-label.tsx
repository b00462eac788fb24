import { LocalDateTime } from '@/components/local-date';
import type { PayableName } from '@/lib/flows';
import { payableTypeLabel } from './labels';

/** What a payment was for: "Yoga Flow, Tue 8 Dec, 10:00 London time" or "10-class pass"; the bare kind when it is unknown. */
export function PaymentFor({ name, type }: { name: PayableName | undefined; type: string }) {
  if (!name) return <>{payableTypeLabel(type)}</>;
  return (
    <>
      {name.title}
      {name.starts_at ? (
        <>
          , <LocalDateTime iso={name.starts_at} />
        </>
      ) : null}
    </>
  );
}
