/* global ns */
// Stand-in Stripe.js, part 1: where the emulator is, how to call it, error shapes.
// The server concatenates the files of src/browser/client/ inside `(function (ns) { ... })({...})`.

var currentScript = document.currentScript;

/** The emulator's origin: the script's own, else a global the page set, else the server's own idea. */
ns.apiBase = (function () {
  if (currentScript && currentScript.src) return new URL(currentScript.src).origin;
  if (typeof window.__STRIPE_EMULATOR_URL__ === 'string') return window.__STRIPE_EMULATOR_URL__.replace(/\/+$/, '');
  return ns.fallbackOrigin;
})();

/** Stripe.js throws these for programming mistakes (bad arguments), instead of resolving `{error}`. */
ns.integrationError = function (message) {
  var err = new Error(message);
  err.name = 'IntegrationError';
  return err;
};

/** Stripe's form encoding: nested objects and arrays become `a[b][0]=c`. */
ns.encodeForm = function (params) {
  var out = new URLSearchParams();
  function add(prefix, value) {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach(function (v, i) {
        add(prefix + '[' + i + ']', v);
      });
    } else if (typeof value === 'object') {
      Object.keys(value).forEach(function (k) {
        add(prefix ? prefix + '[' + k + ']' : k, value[k]);
      });
    } else {
      out.append(prefix, String(value));
    }
  }
  add('', params);
  return out.toString();
};

/** One request to the emulator with the publishable key; resolves {status, body} and never rejects. */
ns.request = function (stripe, method, path, params) {
  var headers = { Authorization: 'Bearer ' + stripe._key };
  if (stripe._options.stripeAccount) headers['Stripe-Account'] = stripe._options.stripeAccount;
  var url = ns.apiBase + path;
  var init = { method: method, headers: headers };
  if (method === 'GET') {
    var query = ns.encodeForm(params || {});
    if (query) url += '?' + query;
  } else {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    init.body = ns.encodeForm(params || {});
  }
  return fetch(url, init).then(
    function (res) {
      return res.json().then(
        function (body) {
          return { status: res.status, body: body };
        },
        function () {
          return { status: res.status, body: { error: { type: 'api_error', message: 'The Stripe emulator sent a reply that is not JSON.' } } };
        },
      );
    },
    function () {
      return {
        status: 0,
        body: { error: { type: 'api_connection_error', message: 'Could not reach the offline Stripe emulator at ' + ns.apiBase + '.' } },
      };
    },
  );
};

/** The `error` Stripe.js resolves with, from an API error body. */
ns.toError = function (body) {
  var raw = (body && body.error) || { type: 'api_error', message: 'An unknown error occurred.' };
  var error = {};
  Object.keys(raw).forEach(function (k) {
    error[k] = raw[k];
  });
  return error;
};

ns.unsupported = function (name) {
  return function () {
    return Promise.resolve({
      error: {
        type: 'invalid_request_error',
        code: 'emulator_unsupported',
        message: 'stripe.' + name + '() is not supported by the offline Stripe emulator.',
      },
    });
  };
};

/** `pi_123_secret_abc` -> `pi_123`; throws an IntegrationError as Stripe.js does for anything else. */
ns.intentIdFromSecret = function (method, clientSecret) {
  var m = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(typeof clientSecret === 'string' ? clientSecret : '');
  if (!m) {
    throw ns.integrationError(
      'Invalid value for ' + method + ': clientSecret should be a client secret of the form pi_..._secret_... You specified: ' + clientSecret + '.',
    );
  }
  return m[1];
};

/** Amount as the customer reads it: 2500 gbp -> "£25.00". */
ns.formatAmount = function (amount, currency) {
  var code = String(currency || 'usd').toUpperCase();
  var zeroDecimal = ['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'];
  var value = zeroDecimal.indexOf(code) === -1 ? amount / 100 : amount;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(value);
  } catch {
    return value + ' ' + code;
  }
};

/** Minimal inline styling shared by the form and the dialog. */
ns.css = {
  label: 'display:block;font-size:13px;color:#30313d;margin:0 0 4px',
  input: 'box-sizing:border-box;width:100%;padding:10px 12px;font-size:15px;border:1px solid #e6e6e6;border-radius:5px;' +
    'box-shadow:0 1px 1px rgba(0,0,0,.03);font-family:inherit;color:#30313d;background:#fff',
  inputInvalid: 'border-color:#df1b41;color:#df1b41',
  error: 'color:#df1b41;font-size:13px;margin:6px 0 0;min-height:0',
  note: 'font-size:12px;color:#6d6e78;margin:8px 0 0',
  button: 'padding:10px 18px;font-size:15px;border-radius:6px;cursor:pointer;font-family:inherit',
};
