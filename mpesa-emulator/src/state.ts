import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type PromptState = 'pending' | 'succeeded' | 'failed';
export type PromptAction = 'approve' | 'cancel' | 'wrong_pin' | 'insufficient' | 'timeout';

/** One STK push as the emulator received it, and what became of it. */
export interface Prompt {
  checkout_request_id: string;
  merchant_request_id: string;
  state: PromptState;
  phone: string;
  amount: number;
  business_short_code: string;
  party_b: string;
  transaction_type: string;
  account_reference: string;
  transaction_desc: string;
  callback_url: string;
  created_at: number;
  /** Emulator-clock ms at which a test phone answers by itself; null waits for a person. */
  resolve_at: number | null;
  /** What the test phone (or the person) does when it answers. */
  planned_action: PromptAction | null;
  /** The test phone whose callback never arrives. */
  lose_callback: boolean;
  result_code: number | null;
  result_desc: string | null;
  receipt: string | null;
  transaction_date: string | null;
  resolved_at: number | null;
  reversed: boolean;
}

export interface Attempt {
  at: number;
  status: number | null;
  error?: string;
}

/** One body posted (or to be posted) to a CallBackURL or ResultURL. */
export interface Delivery {
  id: string;
  kind: 'stk_callback' | 'reversal_result';
  /** The CheckoutRequestID or the reversal's ConversationID. */
  subject: string;
  url: string;
  body: unknown;
  status: 'pending' | 'delivered' | 'failed' | 'dropped';
  attempts: Attempt[];
  created_at: number;
}

export interface Reversal {
  conversation_id: string;
  originator_conversation_id: string;
  transaction_id: string;
  amount: number;
  result_url: string;
  queue_timeout_url: string;
  /** 0, or Daraja's reversal codes such as "R000001" (already reversed) and "R000002" (unknown transaction). */
  result_code: number | string | null;
  result_desc: string | null;
  reversal_receipt: string | null;
  created_at: number;
}

export interface Data {
  clock_offset_ms: number;
  token: { value: string; expires_at: number } | null;
  prompts: Record<string, Prompt>;
  deliveries: Record<string, Delivery>;
  reversals: Record<string, Reversal>;
  /** Callbacks still to be dropped (POST /_emulator/callbacks/drop). */
  drop_next: number;
  seq: number;
}

export function emptyData(): Data {
  return { clock_offset_ms: 0, token: null, prompts: {}, deliveries: {}, reversals: {}, drop_next: 0, seq: 0 };
}

/** The whole state in memory, written to one JSON file (atomically) after every change. */
export class State {
  data: Data = emptyData();

  constructor(private readonly file?: string) {}

  load(): void {
    if (!this.file || !existsSync(this.file)) return;
    this.data = { ...emptyData(), ...(JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Data>) };
  }

  save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }

  reset(): void {
    this.data = emptyData();
    this.save();
  }

  nextSeq(): number {
    this.data.seq += 1;
    return this.data.seq;
  }
}
