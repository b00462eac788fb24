/* global ns */
// Stand-in Stripe.js, part 4: the 3-D Secure challenge, as an in-page modal dialog.

var dialogCount = 0;

/**
 * Shows the challenge for `paymentIntent`; the customer's choice is sent to
 * POST /v1/payment_intents/:id/_authenticate. Resolves the reply ({status, body}).
 */
ns.authenticate = function (stripe, paymentIntent, clientSecret) {
  return new Promise(function (resolve) {
    dialogCount += 1;
    var titleId = 'stripe-emu-3ds-title-' + dialogCount;
    var overlay = document.createElement('div');
    overlay.setAttribute('data-stripe-emulator', '3ds');
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;background:rgba(10,20,40,.55);display:flex;align-items:center;' +
      'justify-content:center;font-family:system-ui,-apple-system,"Segoe UI",sans-serif';
    var dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', titleId);
    dialog.style.cssText = 'background:#fff;color:#30313d;border-radius:8px;padding:24px;width:min(380px,90vw);box-shadow:0 10px 40px rgba(0,0,0,.3)';

    var title = document.createElement('h2');
    title.id = titleId;
    title.textContent = '3D Secure authentication';
    title.style.cssText = 'font-size:18px;margin:0 0 12px';
    var text = document.createElement('p');
    text.textContent =
      'Your bank asks you to confirm a payment of ' + ns.formatAmount(paymentIntent.amount, paymentIntent.currency) + '.';
    text.style.cssText = 'margin:0 0 8px;font-size:15px';
    var note = document.createElement('p');
    note.textContent = 'Test mode (offline Stripe emulator): choose how the authentication ends.';
    note.style.cssText = ns.css.note + ';margin:0 0 16px';
    var status = document.createElement('p');
    status.setAttribute('aria-live', 'polite');
    status.style.cssText = ns.css.note;

    var buttons = document.createElement('div');
    buttons.style.cssText = 'display:flex;gap:12px;justify-content:flex-end';
    function button(label, outcome, style) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.style.cssText = ns.css.button + ';' + style;
      b.addEventListener('click', function () {
        choose(outcome);
      });
      buttons.appendChild(b);
      return b;
    }
    var fail = button('Fail', 'fail', 'background:#fff;color:#df1b41;border:1px solid #df1b41');
    var complete = button('Complete', 'succeed', 'background:#635bff;color:#fff;border:1px solid #635bff');

    function choose(outcome) {
      fail.disabled = true;
      complete.disabled = true;
      status.textContent = 'Authenticating...';
      ns.request(stripe, 'POST', '/v1/payment_intents/' + paymentIntent.id + '/_authenticate', {
        client_secret: clientSecret,
        outcome: outcome,
      }).then(function (reply) {
        if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
        resolve(reply);
      });
    }

    dialog.appendChild(title);
    dialog.appendChild(text);
    dialog.appendChild(note);
    dialog.appendChild(buttons);
    dialog.appendChild(status);
    overlay.appendChild(dialog);
    document.body.appendChild(overlay);
    complete.focus();
  });
};
