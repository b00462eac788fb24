/* global ns */
// Stand-in Stripe.js, part 2: the card form rendered in the page (no iframe) and its validation.

function digits(text) {
  return String(text || '').replace(/\D/g, '');
}

ns.cardBrand = function (number) {
  var n = digits(number);
  if (/^4/.test(n)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(n)) return 'mastercard';
  if (/^3[47]/.test(n)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(n)) return 'discover';
  return 'unknown';
};

function numberLength(brand) {
  return brand === 'amex' ? 15 : 16;
}

function luhn(n) {
  var sum = 0;
  for (var i = 0; i < n.length; i++) {
    var d = Number(n.charAt(n.length - 1 - i));
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function formatNumber(value) {
  var n = digits(value).slice(0, 19);
  var groups = ns.cardBrand(n) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  var out = [];
  var at = 0;
  for (var i = 0; i < groups.length && at < n.length; i++) {
    out.push(n.slice(at, at + groups[i]));
    at += groups[i];
  }
  return out.join(' ');
}

function formatExpiry(value) {
  var d = digits(value).slice(0, 4);
  if (d.length === 1 && Number(d) > 1) d = '0' + d;
  return d.length > 2 ? d.slice(0, 2) + ' / ' + d.slice(2) : d;
}

function fieldError(code, message) {
  return { type: 'validation_error', code: code, message: message };
}

/**
 * Checks the fields as Stripe's card form does. With `final` (on submit) incomplete fields are errors;
 * while typing only fields that are wrong are. Returns {empty, complete, error, byField, brand}.
 */
ns.validateCard = function (values, options) {
  var all = {};
  var number = digits(values.number);
  var brand = ns.cardBrand(number);
  var exp = digits(values.expiry);
  var cvc = digits(values.cvc);
  var postal = String(values.postal || '').trim();

  if (number.length < numberLength(brand)) all.number = fieldError('incomplete_number', 'Your card number is incomplete.');
  else if (!luhn(number)) all.number = fieldError('invalid_number', 'Your card number is invalid.');

  if (exp.length < 4) {
    all.expiry = fieldError('incomplete_expiry', "Your card's expiration date is incomplete.");
  } else {
    var month = Number(exp.slice(0, 2));
    var year = 2000 + Number(exp.slice(2));
    var now = new Date();
    if (month < 1 || month > 12) all.expiry = fieldError('invalid_expiry_month', "Your card's expiration month is invalid.");
    else if (year < now.getFullYear()) all.expiry = fieldError('invalid_expiry_year_past', "Your card's expiration year is in the past.");
    else if (year === now.getFullYear() && month < now.getMonth() + 1) {
      all.expiry = fieldError('invalid_expiry_month_past', "Your card's expiration date is in the past.");
    }
  }

  if (cvc.length < (brand === 'amex' ? 4 : 3)) all.cvc = fieldError('incomplete_cvc', "Your card's security code is incomplete.");
  if (options.postal && postal.length < 3) all.postal = fieldError('incomplete_zip', 'Your postal code is incomplete.');

  var byField = {};
  var first = null;
  ['number', 'expiry', 'cvc', 'postal'].forEach(function (name) {
    var err = all[name];
    if (!err || (!options.final && err.code.indexOf('incomplete_') === 0)) return;
    byField[name] = err;
    if (!first) first = err;
  });
  return {
    empty: !number && !exp && !cvc && !postal,
    complete: Object.keys(all).length === 0,
    error: first,
    byField: byField,
    brand: brand,
  };
};

/** The card's details for POST /v1/payment_methods. */
ns.cardParams = function (values) {
  var exp = digits(values.expiry);
  return {
    number: digits(values.number),
    exp_month: Number(exp.slice(0, 2)),
    exp_year: 2000 + Number(exp.slice(2, 4)),
    cvc: digits(values.cvc),
  };
};

var uid = 0;

/** Builds the form inside `container`; `onInput(fieldName)` is called after each edit. */
ns.renderCardForm = function (container, state, handlers) {
  uid += 1;
  var prefix = 'stripe-emu-' + uid + '-';
  var root = document.createElement('div');
  root.setAttribute('data-stripe-emulator', state.type);
  root.style.cssText = 'font-family:system-ui,-apple-system,"Segoe UI",sans-serif;display:grid;grid-template-columns:1fr 1fr;gap:12px';
  var inputs = {};
  var fields = [
    { name: 'number', label: 'Card number', placeholder: '1234 1234 1234 1234', autocomplete: 'cc-number', span: true, format: formatNumber },
    { name: 'expiry', label: 'Expiry date', placeholder: 'MM / YY', autocomplete: 'cc-exp', format: formatExpiry },
    { name: 'cvc', label: 'Security code', placeholder: 'CVC', autocomplete: 'cc-csc', format: function (v) { return digits(v).slice(0, 4); } },
    { name: 'postal', label: 'Postal code', placeholder: 'SW1A 1AA', autocomplete: 'postal-code', span: true, format: function (v) { return v.slice(0, 12); } },
  ];
  fields.forEach(function (f) {
    var wrap = document.createElement('div');
    if (f.span) wrap.style.gridColumn = '1 / -1';
    if (f.name === 'postal' && !state.showPostal()) wrap.style.display = 'none';
    var label = document.createElement('label');
    label.htmlFor = prefix + f.name;
    label.textContent = f.label;
    label.style.cssText = ns.css.label;
    var input = document.createElement('input');
    input.id = prefix + f.name;
    input.name = f.name === 'postal' ? 'postalCode' : f.name;
    input.type = 'text';
    input.placeholder = f.placeholder;
    input.autocomplete = f.autocomplete;
    if (f.name !== 'postal') input.inputMode = 'numeric';
    input.value = state.values[f.name] || '';
    input.style.cssText = ns.css.input;
    input.addEventListener('input', function () {
      var formatted = f.format(input.value);
      if (formatted !== input.value) input.value = formatted;
      state.values[f.name] = input.value;
      handlers.onInput(f.name);
    });
    wrap.appendChild(label);
    wrap.appendChild(input);
    root.appendChild(wrap);
    inputs[f.name] = { input: input, wrap: wrap };
  });
  var error = document.createElement('p');
  error.setAttribute('aria-live', 'polite');
  error.style.cssText = ns.css.error + ';grid-column:1 / -1';
  error.hidden = true;
  root.appendChild(error);
  var note = document.createElement('p');
  note.textContent = 'Test mode (offline Stripe emulator)';
  note.style.cssText = ns.css.note + ';grid-column:1 / -1';
  root.appendChild(note);
  root.addEventListener('focusin', handlers.onFocus);
  root.addEventListener('focusout', function (event) {
    if (!root.contains(event.relatedTarget)) handlers.onBlur();
  });
  container.appendChild(root);

  return {
    root: root,
    inputs: inputs,
    /** Shows one message and marks the fields that have one. */
    showErrors: function (result) {
      Object.keys(inputs).forEach(function (name) {
        var bad = !!result.byField[name];
        inputs[name].input.style.cssText = ns.css.input + (bad ? ';' + ns.css.inputInvalid : '');
        inputs[name].input.setAttribute('aria-invalid', bad ? 'true' : 'false');
      });
      error.textContent = result.error ? result.error.message : '';
      error.hidden = !result.error;
    },
    setPostalVisible: function (visible) {
      inputs.postal.wrap.style.display = visible ? '' : 'none';
    },
  };
};
