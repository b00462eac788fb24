'use client';

import { CheckCircle2, LoaderCircle, Smartphone } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { resendMpesaAction, type StartedMpesa } from '@/app/payments/mpesa-actions';
import { HoldCountdown, useHoldSecondsLeft } from '@/components/payments/hold-countdown';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MpesaPhoneForm } from './mpesa-phone-form';

const POLL_MS = 2_000;
/** After this with no answer, say what may be happening (the phone off, a lost callback being looked up). */
const SLOW_AFTER_MS = 60_000;

/** What GET /api/v1/payments/:id/status answers (lib/payments PaymentStatusDto). */
interface StatusAnswer {
  status: string;
  checkout_request_id: string | null;
  result: { code: number; message: string } | null;
}

type View = { kind: 'waiting' } | { kind: 'failed'; message: string } | { kind: 'paid' } | { kind: 'closed'; message: string };

function viewOf(answer: StatusAnswer): View {
  if (answer.status === 'succeeded') return { kind: 'paid' };
  if (answer.status === 'canceled') return { kind: 'closed', message: 'This payment was cancelled, so nothing more can be paid here.' };
  if (answer.status === 'refunded' || answer.status === 'partially_refunded') return { kind: 'closed', message: 'This payment was paid and has since been refunded.' };
  if (answer.result) return { kind: 'failed', message: answer.result.message };
  return { kind: 'waiting' };
}

export interface MpesaWaitingProps {
  paymentId: string;
  /** The masked phone the prompt went to: *********149. */
  maskedPhone: string | null;
  amountLabel: string;
  /** Where to go once paid: the booking's or the purchase's confirmation. */
  donePath: string;
  hold: { expiresAt: string; serverNow: string } | null;
}

/**
 * "Check your phone": follows the payment by polling its status every two
 * seconds, says in plain words why a prompt failed, resends it (to the same
 * phone or another) and moves on to the confirmation once M-Pesa has paid.
 */
export function MpesaWaiting({ paymentId, maskedPhone, amountLabel, donePath, hold }: MpesaWaitingProps) {
  const router = useRouter();
  const [view, setView] = useState<View>({ kind: 'waiting' });
  const [phone, setPhone] = useState(maskedPhone);
  const [changing, setChanging] = useState(false);
  const [resending, setResending] = useState(false);
  const [resendError, setResendError] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const [pollError, setPollError] = useState(false);
  // The prompt being followed: an answer about an older one (before a resend) is ignored.
  const followed = useRef<{ checkoutRequestId: string | null; since: number }>({ checkoutRequestId: null, since: 0 });
  const secondsLeft = useHoldSecondsLeft(hold?.expiresAt ?? new Date(0).toISOString(), hold?.serverNow ?? new Date(0).toISOString());

  const poll = useCallback(async () => {
    try {
      const res = await fetch(`/api/v1/payments/${encodeURIComponent(paymentId)}/status`, { cache: 'no-store', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const answer = (await res.json()) as StatusAnswer;
      setPollError(false);
      const wanted = followed.current.checkoutRequestId;
      if (wanted && answer.checkout_request_id !== wanted && answer.status !== 'succeeded') return;
      followed.current.checkoutRequestId = answer.checkout_request_id;
      const next = viewOf(answer);
      setView(next);
      if (next.kind === 'waiting') setSlow(Date.now() - followed.current.since >= SLOW_AFTER_MS);
      if (next.kind === 'paid') router.replace(donePath);
    } catch {
      setPollError(true);
    }
  }, [paymentId, donePath, router]);

  useEffect(() => {
    if (view.kind === 'paid' || view.kind === 'closed') return;
    if (followed.current.since === 0) followed.current.since = Date.now();
    const first = window.setTimeout(() => void poll(), 0);
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [poll, view.kind]);

  function resent(started: Extract<StartedMpesa, { ok: true }>) {
    setPhone(started.maskedPhone);
    followed.current = { checkoutRequestId: started.checkoutRequestId, since: Date.now() };
    setChanging(false);
    setResendError(null);
    setSlow(false);
    setView({ kind: 'waiting' });
  }

  async function resendSamePhone() {
    setResending(true);
    setResendError(null);
    let answer: StartedMpesa;
    try {
      answer = await resendMpesaAction(paymentId, '');
    } catch {
      answer = { ok: false, message: 'We could not reach the server. Check your connection and try again.' };
    }
    setResending(false);
    if (answer.ok) resent(answer);
    else setResendError(answer.message);
  }

  const expired = hold !== null && secondsLeft <= 0;

  return (
    <div className="flex flex-col gap-5" data-testid="mpesa-waiting">
      {hold ? <HoldCountdown secondsLeft={secondsLeft} /> : null}
      {view.kind === 'waiting' ? (
        <div className="flex flex-col gap-3" role="status" data-testid="mpesa-state" data-state="waiting">
          <p className="flex items-center gap-2 text-lg font-semibold">
            <Smartphone className="size-5" aria-hidden="true" />
            Check your phone
          </p>
          <p className="text-sm">
            We sent an M-Pesa request for <strong>{amountLabel}</strong>
            {phone ? (
              <>
                {' '}
                to <span className="tabular-nums">{phone}</span>
              </>
            ) : null}
            . Enter your M-Pesa PIN on the phone to pay. This page moves on by itself once it is paid.
          </p>
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />
            Waiting for M-Pesa…
          </p>
          {slow ? (
            <p className="text-sm text-muted-foreground" data-testid="mpesa-slow">
              Still waiting. If no prompt appeared, check that the phone is on and has signal; we also ask M-Pesa directly, so a payment you made is not lost.
            </p>
          ) : null}
        </div>
      ) : null}
      {view.kind === 'paid' ? (
        <p className="flex items-center gap-2 text-lg font-semibold" role="status" data-testid="mpesa-state" data-state="paid">
          <CheckCircle2 className="size-5 text-primary" aria-hidden="true" />
          Paid. Taking you on…
        </p>
      ) : null}
      {view.kind === 'closed' ? (
        <Alert data-testid="mpesa-state" data-state="closed">
          {view.message}
        </Alert>
      ) : null}
      {view.kind === 'failed' ? (
        <div className="flex flex-col gap-3">
          <Alert variant="error" data-testid="mpesa-state" data-state="failed">
            {view.message}
          </Alert>
          {expired ? null : changing ? (
            <MpesaPhoneForm
              send={(typed) => resendMpesaAction(paymentId, typed)}
              amountLabel={amountLabel}
              submitLabel="Send the request to this number"
              onSent={resent}
            />
          ) : (
            <div className="flex flex-wrap gap-3">
              <Button type="button" onClick={() => void resendSamePhone()} disabled={resending}>
                {resending ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : null}
                {resending ? 'Sending…' : 'Send the request again'}
              </Button>
              <Button type="button" variant="outline" onClick={() => setChanging(true)}>
                Use another number
              </Button>
            </div>
          )}
          {resendError ? (
            <Alert variant="error" data-testid="mpesa-resend-error">
              {resendError}
            </Alert>
          ) : null}
        </div>
      ) : null}
      {pollError ? (
        <p className="text-sm text-muted-foreground" data-testid="mpesa-poll-error">
          We lost touch with the server for a moment; still trying.
        </p>
      ) : null}
    </div>
  );
}
