import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml, sendJson, type Emulator, type FailureMode, type Module } from '../emulator';
import type { Delivery } from '../store/state';
import { parseChaosSetting } from '../webhooks/chaos';
import { dispatcherOf } from '../webhooks/dispatcher';
import { renderDashboard } from './dashboard';
import { ControlError, optionalString, readJson } from './http';
import { renderMissingReceipt, renderReceipt } from './receipt';
import { balanceOf, releaseAllFunds, releaseDueFunds } from '../resources/balance';
import { DEFAULT_PENDING_DAYS, fundsOf } from '../resources/funds';
import { PAYOUT_FAILURE_CODES, payoutFailuresOf } from '../resources/payouts';

type Handler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>, emu: Emulator) => unknown;

/** Wraps a JSON handler: its result is the 200 body; a ControlError becomes `{error: {message}}`. */
function json(handler: Handler) {
  return async (req: IncomingMessage, res: ServerResponse, params: Record<string, string>, emu: Emulator): Promise<void> => {
    try {
      const body = await handler(req, res, params, emu);
      if (!res.headersSent) sendJson(res, 200, body);
    } catch (err) {
      if (err instanceof ControlError) {
        sendJson(res, err.status, { error: { message: err.message } });
        return;
      }
      console.error('[stripe-emulator] control API error:', err);
      sendJson(res, 500, { error: { message: 'The emulator failed on this request; see its log.' } });
    }
  };
}

function deliveries(emu: Emulator, url: URL): { data: Delivery[] } {
  const eventId = url.searchParams.get('event_id');
  const type = url.searchParams.get('type');
  const status = url.searchParams.get('status');
  const endpoint = url.searchParams.get('endpoint');
  const data = emu.state
    .all('deliveries')
    .filter((d) => (!eventId || d.event_id === eventId) && (!type || d.event_type === type) && (!status || d.status === status))
    .filter((d) => !endpoint || d.endpoint === endpoint || d.url === endpoint);
  return { data };
}

async function resend(req: IncomingMessage, params: Record<string, string>, emu: Emulator): Promise<{ data: Delivery[] }> {
  const body = await readJson(req);
  const id = params.id ?? '';
  const event = emu.state.get('events', id);
  if (!event) throw new ControlError(404, `No such event: '${id}'`);
  const dispatcher = dispatcherOf(emu);
  const only = optionalString(body, 'endpoint');
  let targets = dispatcher.targetsFor(event);
  if (only !== undefined) {
    const target = dispatcher.findTarget(only);
    if (!target) throw new ControlError(400, `No webhook endpoint with id or url '${only}'.`);
    targets = [target];
  }
  return { data: dispatcher.deliver(event, undefined, targets).deliveries };
}

async function advanceClock(req: IncomingMessage, emu: Emulator): Promise<{ now: number }> {
  const { seconds } = await readJson(req);
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new ControlError(400, 'seconds must be a number >= 0.');
  }
  emu.clock.advance(seconds);
  return { now: emu.clock.now() };
}

async function failNext(req: IncomingMessage, emu: Emulator): Promise<{ pending: FailureMode[] }> {
  const body = await readJson(req);
  const mode = body.mode;
  if (mode !== '500' && mode !== 'drop') throw new ControlError(400, "mode must be '500' or 'drop'.");
  const count = body.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100) {
    throw new ControlError(400, 'count must be a whole number from 1 to 100.');
  }
  for (let i = 0; i < count; i++) emu.pendingFailures.push(mode);
  return { pending: [...emu.pendingFailures] };
}

/** `{pending: true, days?}`: new charge funds stay pending that many days (default 2); `{pending: false}`: available at once. */
async function holdFunds(req: IncomingMessage, emu: Emulator): Promise<{ pending: boolean; days: number }> {
  const body = await readJson(req);
  if (typeof body.pending !== 'boolean') throw new ControlError(400, 'pending must be true or false.');
  const days = body.days ?? DEFAULT_PENDING_DAYS;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 90) throw new ControlError(400, 'days must be a whole number from 1 to 90.');
  fundsOf(emu).pendingDays = body.pending ? days : 0;
  return holdState(emu);
}

function holdState(emu: Emulator): { pending: boolean; days: number } {
  const { pendingDays } = fundsOf(emu);
  return { pending: pendingDays > 0, days: pendingDays };
}

/** `{count?, failure_code?}`: the next payouts fail (payout.failed) instead of being paid. */
async function failPayouts(req: IncomingMessage, emu: Emulator): Promise<{ remaining: number; failure_code: string }> {
  const body = await readJson(req);
  const count = body.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 100) throw new ControlError(400, 'count must be a whole number from 0 to 100.');
  const code = optionalString(body, 'failure_code') ?? 'account_closed';
  if (!PAYOUT_FAILURE_CODES.includes(code)) throw new ControlError(400, `failure_code must be one of ${PAYOUT_FAILURE_CODES.join(', ')}.`);
  const planned = payoutFailuresOf(emu);
  planned.remaining = count;
  planned.code = code;
  return { remaining: planned.remaining, failure_code: planned.code };
}

/** The test control API under /_emulator/: JSON in and out, no auth. */
export const controlModule: Module = (emu) => {
  const { router } = emu;
  router.raw('GET', '/_emulator/health', json(() => ({ status: 'ok' })));
  router.raw(
    'POST',
    '/_emulator/reset',
    json((_req, _res, _p, e) => {
      e.reset();
      return { status: 'ok' };
    }),
  );
  router.raw('GET', '/_emulator/deliveries', json((req, _res, _p, e) => deliveries(e, new URL(req.url ?? '/', 'http://emulator'))));

  router.raw('GET', '/_emulator/chaos', json((_req, _res, _p, e) => ({ data: dispatcherOf(e).chaos.list() })));
  router.raw(
    'POST',
    '/_emulator/chaos',
    json(async (req, _res, _p, e) => {
      const body = await readJson(req);
      try {
        dispatcherOf(e).chaos.set(parseChaosSetting(body));
      } catch (err) {
        throw new ControlError(400, err instanceof Error ? err.message : String(err));
      }
      return { data: dispatcherOf(e).chaos.list() };
    }),
  );
  const clearChaos = json((_req, _res, _p, e) => {
    dispatcherOf(e).chaos.clear();
    return { data: [] };
  });
  router.raw('DELETE', '/_emulator/chaos', clearChaos);
  router.raw('POST', '/_emulator/chaos/clear', clearChaos);

  router.raw('POST', '/_emulator/events/:id/resend', json((req, _res, params, e) => resend(req, params, e)));
  router.raw('GET', '/_emulator/clock', json((_req, _res, _p, e) => ({ now: e.clock.now(), offset_seconds: e.clock.offsetMs / 1000 })));
  router.raw('POST', '/_emulator/clock/advance', json((req, _res, _p, e) => advanceClock(req, e)));
  router.raw('POST', '/_emulator/fail-next', json((req, _res, _p, e) => failNext(req, e)));

  router.raw('POST', '/_emulator/payouts/fail-next', json((req, _res, _p, e) => failPayouts(req, e)));
  router.raw('GET', '/_emulator/balance/hold', json((_req, _res, _p, e) => holdState(e)));
  router.raw('POST', '/_emulator/balance/hold', json((req, _res, _p, e) => holdFunds(req, e)));
  router.raw(
    'POST',
    '/_emulator/balance/release',
    json((_req, _res, _p, e) => {
      releaseAllFunds(e);
      return balanceOf(e, null);
    }),
  );
  router.raw(
    'GET',
    '/_emulator/balance',
    json((req, _res, _p, e) => {
      const account = new URL(req.url ?? '/', 'http://emulator').searchParams.get('account') || null;
      if (account && !e.state.get('accounts', account)) throw new ControlError(404, `No such account: '${account}'`);
      releaseDueFunds(e);
      return balanceOf(e, account);
    }),
  );

  router.raw('GET', '/_emulator/receipts/:charge_id', (_req, res, params, e) => {
    const id = params.charge_id ?? '';
    const charge = e.state.get('charges', id);
    if (!charge) sendHtml(res, 404, renderMissingReceipt(id));
    else sendHtml(res, 200, renderReceipt(e, charge));
  });
  router.raw('GET', '/_emulator/dashboard', (_req, res, _p, e) => sendHtml(res, 200, renderDashboard(e)));
};
