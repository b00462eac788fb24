import { escapeHtml as e } from './http';
import type { Prompt } from './state';

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1rem;background:#f4f6f4;color:#1a1a1a}
main{max-width:40rem;margin:0 auto}
.phone{max-width:20rem;margin:2rem auto;background:#fff;border:1px solid #ccc;border-radius:1.5rem;padding:1.5rem}
button{font:inherit;padding:.6rem 1rem;border-radius:.4rem;border:1px solid #333;cursor:pointer;min-width:6rem}
button.primary{background:#1b7d2f;color:#fff;border-color:#1b7d2f}
label{display:block;margin:.8rem 0 .3rem}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
.actions{display:flex;gap:.6rem;margin-top:1rem}
</style></head><body><main>${body}</main></body></html>`;
}

export function phonePage(prompt: Prompt, merchant: string): string {
  const amount = `KES ${prompt.amount.toLocaleString('en-KE')}`;
  if (prompt.state !== 'pending') {
    const outcome = prompt.state === 'succeeded' ? `Paid ${amount} to ${merchant}. Receipt ${prompt.receipt ?? ''}.` : (prompt.result_desc ?? 'Failed');
    return layout('M-Pesa', `<section class="phone" aria-labelledby="t"><h1 id="t">M-Pesa</h1>
<p role="status" data-state="${e(prompt.state)}">${e(outcome)}</p></section>`);
  }
  const id = e(prompt.checkout_request_id);
  return layout('M-Pesa: enter PIN', `<section class="phone" aria-labelledby="t"><h1 id="t">M-Pesa</h1>
<p>Do you want to pay <strong data-testid="amount">${e(amount)}</strong> to <strong data-testid="merchant">${e(merchant)}</strong>
(account ${e(prompt.account_reference)}) from ${e(prompt.phone)}?</p>
<form method="post" action="/phone/${id}">
<label for="pin">M-Pesa PIN</label>
<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="4">
<div class="actions">
<button class="primary" type="submit" name="action" value="approve">Enter PIN</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</div></form></section>`);
}

export function dashboardPage(prompts: Prompt[]): string {
  const rows = prompts
    .map(
      (p) => `<tr><td><a href="/phone/${e(p.checkout_request_id)}">${e(p.checkout_request_id)}</a></td><td>${e(p.phone)}</td>
<td>${p.amount}</td><td>${e(p.state)}</td><td>${p.result_code ?? ''}</td><td>${e(p.receipt ?? '')}</td></tr>`,
    )
    .join('\n');
  const table = prompts.length
    ? `<table><thead><tr><th scope="col">CheckoutRequestID</th><th scope="col">Phone</th><th scope="col">KES</th><th scope="col">State</th><th scope="col">Result</th><th scope="col">Receipt</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No STK pushes yet.</p>';
  return layout('Daraja emulator', `<h1>Daraja emulator</h1><h2>STK pushes</h2>${table}`);
}

export function notFoundPage(): string {
  return layout('Not found', '<h1>No such prompt</h1>');
}
