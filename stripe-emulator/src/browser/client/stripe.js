/* global ns */
// Stand-in Stripe.js, part 5: the Stripe object and its payment flows.

var AUTH_FAILED_MESSAGE = 'We are unable to authenticate your payment method. Please choose a different payment method and try again.';
var DONE = ['succeeded', 'processing', 'requires_capture'];

function StripeInstance(key, options) {
  this._key = key;
  this._options = options || {};
}

/** Stripe.js does not resolve when it navigates away. */
function navigate(url) {
  window.location.assign(url);
  return new Promise(function () {});
}

function returnUrlWith(returnUrl, paymentIntent, clientSecret) {
  var url = new URL(returnUrl, window.location.href);
  url.searchParams.set('payment_intent', paymentIntent.id);
  url.searchParams.set('payment_intent_client_secret', clientSecret);
  url.searchParams.set('redirect_status', DONE.indexOf(paymentIntent.status) !== -1 ? 'succeeded' : 'failed');
  return url.toString();
}

StripeInstance.prototype._retrieve = function (clientSecret) {
  var id = ns.intentIdFromSecret('retrievePaymentIntent', clientSecret);
  return ns.request(this, 'GET', '/v1/payment_intents/' + id, { client_secret: clientSecret }).then(function (reply) {
    return reply.status === 200 ? { paymentIntent: reply.body } : { error: ns.toError(reply.body) };
  });
};

StripeInstance.prototype._createCardPaymentMethod = function (element, billingDetails, metadata) {
  var error = element._check();
  if (error) return Promise.resolve({ error: error });
  var details = JSON.parse(JSON.stringify(billingDetails || {}));
  var postal = element._postalCode();
  if (postal) {
    details.address = details.address || {};
    if (!details.address.postal_code) details.address.postal_code = postal;
  }
  var params = { type: 'card', card: element._cardParams(), billing_details: details, metadata: metadata };
  return ns.request(this, 'POST', '/v1/payment_methods', params).then(function (reply) {
    return reply.status === 200 ? { paymentMethod: reply.body } : { error: ns.toError(reply.body) };
  });
};

/** After 3-D Secure (or without it): the PaymentIntent, or the error Stripe.js would give. */
StripeInstance.prototype._settle = function (clientSecret, paymentIntent, authenticated) {
  if (DONE.indexOf(paymentIntent.status) !== -1) return { paymentIntent: paymentIntent };
  if (authenticated || paymentIntent.status === 'requires_payment_method') {
    var last = paymentIntent.last_payment_error;
    var error = authenticated || !last
      ? { type: 'invalid_request_error', code: 'payment_intent_authentication_failure', message: AUTH_FAILED_MESSAGE }
      : ns.toError({ error: last });
    error.payment_intent = paymentIntent;
    if (error.code === 'payment_intent_authentication_failure') error.doc_url = 'https://stripe.com/docs/error-codes/payment-intent-authentication-failure';
    return { error: error };
  }
  return { paymentIntent: paymentIntent };
};

/** Handles a PaymentIntent's next action (the 3-D Secure dialog) and reads it again. */
StripeInstance.prototype._handleAction = function (clientSecret, paymentIntent) {
  return ns.authenticate(this, paymentIntent, clientSecret).then((reply) => {
    if (reply.status !== 200) return { error: ns.toError(reply.body) };
    return this._retrieve(clientSecret).then((result) => {
      if (result.error) return result;
      var settled = this._settle(clientSecret, result.paymentIntent, true);
      return settled;
    });
  });
};

/** POST .../confirm, then 3-D Secure when asked: resolves {paymentIntent} or {error}. */
StripeInstance.prototype._confirm = function (clientSecret, params, handleActions) {
  var id = ns.intentIdFromSecret('confirmPayment', clientSecret);
  var body = { client_secret: clientSecret };
  Object.keys(params).forEach((k) => {
    if (params[k] !== undefined) body[k] = params[k];
  });
  return ns.request(this, 'POST', '/v1/payment_intents/' + id + '/confirm', body).then((reply) => {
    if (reply.status !== 200) {
      var error = ns.toError(reply.body);
      if (error.payment_intent || error.type !== 'card_error') return { error: error };
      return this._retrieve(clientSecret).then((result) => {
        if (result.paymentIntent) error.payment_intent = result.paymentIntent;
        return { error: error };
      });
    }
    var paymentIntent = reply.body;
    if (paymentIntent.status === 'requires_action' && handleActions !== false) return this._handleAction(clientSecret, paymentIntent);
    return this._settle(clientSecret, paymentIntent, false);
  });
};

function asPromise(run) {
  try {
    return Promise.resolve(run());
  } catch (err) {
    return Promise.reject(err);
  }
}

StripeInstance.prototype.elements = function (options) {
  return new ns.ElementsGroup(this, options);
};

StripeInstance.prototype.confirmPayment = function (options) {
  return asPromise(() => {
    options = options || {};
    var elements = options.elements;
    if (!(elements instanceof ns.ElementsGroup)) {
      throw ns.integrationError('Invalid value for confirmPayment(): elements should be an Elements group. You specified: ' + typeof elements + '.');
    }
    var clientSecret = options.clientSecret || elements._options.clientSecret;
    ns.intentIdFromSecret('confirmPayment', clientSecret);
    var confirmParams = options.confirmParams || {};
    var redirect = options.redirect || 'always';
    if (redirect !== 'if_required' && !confirmParams.return_url) {
      throw ns.integrationError('stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: \'if_required\'`');
    }
    var element = elements._cardElement();
    if (!element && !confirmParams.payment_method) throw ns.integrationError('confirmPayment(): no Payment Element is mounted in this Elements group.');
    var pmData = confirmParams.payment_method_data || {};
    var pm = confirmParams.payment_method
      ? Promise.resolve({ paymentMethod: { id: confirmParams.payment_method } })
      : this._createCardPaymentMethod(element, pmData.billing_details, pmData.metadata);
    return pm.then((created) => {
      if (created.error) return created;
      var params = {
        payment_method: created.paymentMethod.id,
        return_url: confirmParams.return_url,
        receipt_email: confirmParams.receipt_email,
        shipping: confirmParams.shipping,
        setup_future_usage: confirmParams.setup_future_usage,
      };
      return this._confirm(clientSecret, params, true).then((result) => {
        if (result.error || redirect === 'if_required' || !confirmParams.return_url) return result;
        return navigate(returnUrlWith(confirmParams.return_url, result.paymentIntent, clientSecret));
      });
    });
  });
};

StripeInstance.prototype.confirmCardPayment = function (clientSecret, data, options) {
  return asPromise(() => {
    ns.intentIdFromSecret('confirmCardPayment', clientSecret);
    data = data || {};
    var handleActions = !options || options.handleActions !== false;
    var method = data.payment_method;
    var pm;
    if (typeof method === 'string') pm = Promise.resolve({ paymentMethod: { id: method } });
    else if (method && method.card instanceof ns.CardElement) pm = this._createCardPaymentMethod(method.card, method.billing_details, method.metadata);
    else if (method) throw ns.integrationError('confirmCardPayment(): payment_method.card should be a card Element created by this Stripe instance.');
    else pm = Promise.resolve({ paymentMethod: null });
    return pm.then((created) => {
      if (created.error) return created;
      var params = {
        payment_method: created.paymentMethod ? created.paymentMethod.id : undefined,
        return_url: data.return_url,
        receipt_email: data.receipt_email,
        shipping: data.shipping,
        setup_future_usage: data.setup_future_usage,
      };
      return this._confirm(clientSecret, params, handleActions);
    });
  });
};

StripeInstance.prototype.retrievePaymentIntent = function (clientSecret) {
  return asPromise(() => {
    return this._retrieve(clientSecret);
  });
};

StripeInstance.prototype.handleNextAction = function (options) {
  return asPromise(() => {
    var clientSecret = options && options.clientSecret;
    return this._retrieve(clientSecret).then((result) => {
      if (result.error || result.paymentIntent.status !== 'requires_action') return result;
      return this._handleAction(clientSecret, result.paymentIntent);
    });
  });
};

StripeInstance.prototype.handleCardAction = function (clientSecret) {
  return this.handleNextAction({ clientSecret: clientSecret });
};

StripeInstance.prototype.createPaymentMethod = function (typeOrParams, element, legacyData) {
  return asPromise(() => {
    var params = typeof typeOrParams === 'string' ? { type: typeOrParams, card: element, billing_details: legacyData && legacyData.billing_details } : typeOrParams || {};
    if (params.elements instanceof ns.ElementsGroup) {
      var extra = params.params || {};
      var card = params.elements._cardElement();
      if (!card) throw ns.integrationError('createPaymentMethod(): no Payment Element is mounted in this Elements group.');
      return this._createCardPaymentMethod(card, extra.billing_details, extra.metadata);
    }
    if (params.type !== 'card' || !(params.card instanceof ns.CardElement)) {
      throw ns.integrationError('createPaymentMethod(): the offline Stripe emulator supports {type: "card", card: cardElement} or {elements}.');
    }
    return this._createCardPaymentMethod(params.card, params.billing_details, params.metadata);
  });
};

StripeInstance.prototype.registerAppInfo = function () {};
StripeInstance.prototype._registerWrapper = function () {};

[
  'createToken', 'createSource', 'confirmSetup', 'confirmCardSetup', 'retrieveSetupIntent', 'createConfirmationToken',
  'verifyMicrodepositsForPayment', 'collectBankAccountForPayment', 'handleCardSetup', 'confirmSepaDebitPayment',
].forEach(function (name) {
  StripeInstance.prototype[name] = ns.unsupported(name);
});

function Stripe(key, options) {
  if (typeof key !== 'string' || key === '') {
    throw ns.integrationError('Please call Stripe() with your publishable key. You used an empty string.');
  }
  if (/^(sk|rk)_/.test(key)) throw ns.integrationError('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
  if (!/^pk_/.test(key)) throw ns.integrationError('Invalid API Key provided: ' + key);
  return new StripeInstance(key, options);
}

Stripe.version = 'endive';
Stripe.emulator = { apiBase: ns.apiBase };
window.Stripe = Stripe;
