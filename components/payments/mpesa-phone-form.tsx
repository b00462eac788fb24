'use client';

import { LoaderCircle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { StartedMpesa } from '@/app/payments/mpesa-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { normaliseKenyanPhone, PHONE_HINT } from '@/lib/phone';

export interface MpesaPhoneFormProps {
  /** The server action that sends the STK Push to the phone; bound to the booking, package or payment. */
  send: (phone: string) => Promise<StartedMpesa>;
  amountLabel: string;
  /** The number to start from (a resend to the same phone). */
  defaultPhone?: string;
  submitLabel?: string;
  /** Called instead of going to the waiting page (the waiting page itself, on a resend). */
  onSent?: (started: Extract<StartedMpesa, { ok: true }>) => void;
}

/**
 * The phone to send the M-Pesa prompt to: 07…, 01…, +254… or 254…, checked
 * here for a quick answer and again on the server, which alone decides.
 */
export function MpesaPhoneForm({ send, amountLabel, defaultPhone = '', submitLabel, onSent }: MpesaPhoneFormProps) {
  const router = useRouter();
  const id = useId();
  const [phone, setPhone] = useState(defaultPhone);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!normaliseKenyanPhone(phone)) {
      setPhoneError(phone.trim() ? `That is not a Kenyan mobile number. ${PHONE_HINT}` : `Enter the phone to pay from. ${PHONE_HINT}`);
      return;
    }
    setPhoneError(null);
    setSending(true);
    let answer: StartedMpesa;
    try {
      answer = await send(phone);
    } catch {
      setSending(false);
      setError('We could not reach the server. Check your connection and try again.');
      return;
    }
    if (!answer.ok) {
      setSending(false);
      if (answer.phoneError) setPhoneError(answer.phoneError);
      else setError(answer.message);
      return;
    }
    if (onSent) {
      setSending(false);
      onSent(answer);
    } else {
      router.push(answer.waitPath);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4" data-testid="mpesa-form">
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-phone`}>M-Pesa phone number</Label>
        <Input
          id={`${id}-phone`}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="0712 345 678"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-invalid={phoneError ? true : undefined}
          aria-describedby={`${id}-hint${phoneError ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          We send a prompt to this phone; enter your M-Pesa PIN there to pay {amountLabel}.
        </p>
        {phoneError ? (
          <p id={`${id}-error`} className="text-sm font-medium text-destructive" data-testid="phone-error">
            {phoneError}
          </p>
        ) : null}
      </div>
      {error ? (
        <Alert variant="error" data-testid="mpesa-start-error">
          {error}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={sending}>
          {sending ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : null}
          {sending ? 'Sending the prompt…' : (submitLabel ?? `Pay ${amountLabel} with M-Pesa`)}
        </Button>
      </div>
    </form>
  );
}
