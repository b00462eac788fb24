export const errorStatus = {
  bad_request: 400,
  // An address whose percent-encoding does not decode (lib/front-door.ts answers it before any route).
  invalid_url: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  // Booking rules (PRODUCT.md): 409 for conflicts over seats and time, 422 for rules the client can fix.
  class_full: 409,
  slot_taken: 409,
  already_booked: 409,
  already_waitlisted: 409,
  invalid_transition: 409,
  questionnaire_required: 422,
  questionnaire_needs_clearance: 422,
  slot_unavailable: 422,
  booking_closed: 422,
  reschedule_not_allowed: 422,
  credit_unavailable: 422,
  // Payouts: a provider who cannot be paid by Stripe yet (no connected account, or payouts not enabled).
  payouts_not_enabled: 409,
  not_connected: 409,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors };
}

/**
 * The one error type of the app. `code` decides the HTTP status; the message is
 * always safe to show (internal failures never reach the client as-is).
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldErrors; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
      },
    };
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
