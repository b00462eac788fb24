import type { PromptAction } from './state';

/** What each phone action ends in: Daraja's ResultCode and ResultDesc. */
export const RESULTS: Record<PromptAction, { code: number; desc: string }> = {
  approve: { code: 0, desc: 'The service request is processed successfully.' },
  insufficient: { code: 1, desc: 'The balance is insufficient for the transaction.' },
  cancel: { code: 1032, desc: 'Request cancelled by user' },
  timeout: { code: 1037, desc: 'DS timeout user cannot be reached' },
  wrong_pin: { code: 2001, desc: 'The initiator information is invalid.' },
};

export const PROMPT_ACTIONS = Object.keys(RESULTS) as PromptAction[];

/** The phones that answer by themselves: what they do and after how many seconds. */
export interface TestPhone {
  action: PromptAction;
  afterSeconds: number;
  loseCallback?: boolean;
}

export function testPhones(timeoutSeconds: number): Record<string, TestPhone> {
  return {
    '254708374149': { action: 'approve', afterSeconds: 2 },
    '254700000001': { action: 'cancel', afterSeconds: 1 },
    '254700000002': { action: 'timeout', afterSeconds: timeoutSeconds },
    '254700000003': { action: 'insufficient', afterSeconds: 1 },
    '254700000005': { action: 'wrong_pin', afterSeconds: 1 },
    '254700000004': { action: 'approve', afterSeconds: 2, loseCallback: true },
  };
}
