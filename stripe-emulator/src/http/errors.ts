/** An error in Stripe's shape; the HTTP status decides the SDK's error class. */
export class StripeApiError extends Error {
  /** Set on card declines: Stripe keeps what the attempt recorded (failed charge, events) although the request fails. */
  keepsState = false;

  constructor(
    readonly status: number,
    readonly body: {
      type: 'invalid_request_error' | 'card_error' | 'api_error' | 'idempotency_error' | 'authentication_error' | 'rate_limit_error';
      message: string;
      code?: string;
      decline_code?: string;
      param?: string;
      [extra: string]: unknown;
    },
  ) {
    super(body.message);
  }

  toJSON(): { error: Record<string, unknown> } {
    const { code } = this.body;
    return {
      error: {
        ...this.body,
        ...(code ? { doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}` } : {}),
      },
    };
  }
}

export function invalidRequest(message: string, options: { param?: string; code?: string; status?: number } = {}): StripeApiError {
  return new StripeApiError(options.status ?? 400, {
    type: 'invalid_request_error',
    message,
    ...(options.code ? { code: options.code } : {}),
    ...(options.param ? { param: options.param } : {}),
  });
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });
}

/** 404 in Stripe's words: "No such payment_intent: 'pi_123'". */
export function noSuch(kind: string, id: string, param = 'id'): StripeApiError {
  return invalidRequest(`No such ${kind}: '${id}'`, { status: 404, code: 'resource_missing', param });
}

export function unexpectedState(message: string): StripeApiError {
  return invalidRequest(message, { code: 'payment_intent_unexpected_state' });
}
