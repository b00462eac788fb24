/* global ns */
// Stand-in Stripe.js, part 3: the Elements group and its 'payment' / 'card' Elements.

var SUPPORTED = ['payment', 'card'];

function assign(target, source) {
  Object.keys(source || {}).forEach(function (k) {
    target[k] = source[k];
  });
  return target;
}

function CardElement(group, type, options) {
  this._group = group;
  this._type = type;
  this._options = assign({}, options);
  this._listeners = {};
  this._values = { number: '', expiry: '', cvc: '', postal: '' };
  this._view = null;
  this._container = null;
  this._destroyed = false;
}

CardElement.prototype._showPostal = function () {
  var o = this._options;
  if (this._type === 'card') return !o.hidePostalCode;
  var details = o.fields && o.fields.billingDetails;
  if (details === 'never') return false;
  var address = details && details.address;
  return !(address === 'never' || (address && address.postalCode === 'never'));
};

CardElement.prototype._emit = function (event, payload) {
  (this._listeners[event] || []).slice().forEach(function (entry) {
    entry.handler(payload);
  });
  this._fired = this._fired || {};
  this._fired[event] = true;
};

CardElement.prototype._changePayload = function (result) {
  var payload = { elementType: this._type, empty: result.empty, complete: result.complete };
  if (result.error) payload.error = result.error;
  if (this._type === 'payment') {
    payload.collapsed = false;
    payload.value = { type: 'card' };
  } else {
    payload.brand = result.brand;
    payload.value = { postalCode: this._values.postal };
  }
  return payload;
};

CardElement.prototype.mount = function (target) {
  this._assertAlive();
  var node = typeof target === 'string' ? document.querySelector(target) : target;
  if (!node || typeof node.appendChild !== 'function') {
    throw ns.integrationError('Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.');
  }
  if (this._view) this.unmount();
  this._container = node;
  this._view = ns.renderCardForm(node, {
    type: this._type,
    values: this._values,
    showPostal: () => {
      return this._showPostal();
    },
  }, {
    onInput: () => {
      var result = this._validate(false);
      this._view.showErrors(result);
      this._emit('change', this._changePayload(result));
    },
    onFocus: () => {
      this._emit('focus', { elementType: this._type });
    },
    onBlur: () => {
      this._emit('blur', { elementType: this._type });
    },
  });
  this._emit('loaderstart', { elementType: this._type });
  // Listeners are usually attached just after mount(), as with Stripe's iframe loading.
  setTimeout(() => {
    if (this._view) this._emit('ready', { elementType: this._type });
  }, 0);
};

CardElement.prototype._validate = function (final) {
  return ns.validateCard(this._values, { final: final, postal: this._showPostal() });
};

/** Submit-time check: shows the problem in the form, returns the error or null. */
CardElement.prototype._check = function () {
  var result = this._validate(true);
  if (this._view) this._view.showErrors(result);
  return result.error;
};

CardElement.prototype._cardParams = function () {
  return ns.cardParams(this._values);
};

CardElement.prototype._postalCode = function () {
  return this._showPostal() && this._values.postal.trim() ? this._values.postal.trim() : undefined;
};

CardElement.prototype._assertAlive = function () {
  if (this._destroyed) throw ns.integrationError('This Element has already been destroyed. Please create a new one.');
};

CardElement.prototype.unmount = function () {
  if (this._view && this._view.root.parentNode) this._view.root.parentNode.removeChild(this._view.root);
  this._view = null;
  this._container = null;
};

CardElement.prototype.destroy = function () {
  this.unmount();
  this._destroyed = true;
  this._listeners = {};
  if (this._group._elements[this._type] === this) delete this._group._elements[this._type];
};

CardElement.prototype.update = function (options) {
  assign(this._options, options);
  if (this._view) this._view.setPostalVisible(this._showPostal());
};

CardElement.prototype.on = function (event, handler) {
  (this._listeners[event] = this._listeners[event] || []).push({ handler: handler, original: handler });
  // A late 'ready' listener still hears about it (Stripe's iframe would usually not be ready yet).
  if (event === 'ready' && this._fired && this._fired.ready && this._view) {
    setTimeout(() => {
      handler({ elementType: this._type });
    }, 0);
  }
  return this;
};

CardElement.prototype.once = function (event, handler) {
  var wrapper = (payload) => {
    this.off(event, handler);
    handler(payload);
  };
  (this._listeners[event] = this._listeners[event] || []).push({ handler: wrapper, original: handler });
  return this;
};

CardElement.prototype.off = function (event, handler) {
  if (!handler) delete this._listeners[event];
  else if (this._listeners[event]) {
    this._listeners[event] = this._listeners[event].filter(function (entry) {
      return entry.original !== handler;
    });
  }
  return this;
};

CardElement.prototype.focus = function () {
  if (this._view) this._view.inputs.number.input.focus();
};

CardElement.prototype.blur = function () {
  var active = document.activeElement;
  if (this._view && active && this._view.root.contains(active)) active.blur();
};

CardElement.prototype.clear = function () {
  var values = this._values;
  Object.keys(values).forEach(function (k) {
    values[k] = '';
  });
  if (this._view) {
    var inputs = this._view.inputs;
    Object.keys(inputs).forEach(function (k) {
      inputs[k].input.value = '';
    });
    this._view.showErrors({ byField: {}, error: null });
  }
};

CardElement.prototype.collapse = function () {
  return this;
};

function ElementsGroup(stripe, options) {
  this._stripe = stripe;
  this._options = assign({}, options);
  this._elements = {};
}

ElementsGroup.prototype.create = function (type, options) {
  if (SUPPORTED.indexOf(type) === -1) {
    throw ns.integrationError('The offline Stripe emulator supports only the payment and card Elements, not "' + type + '".');
  }
  if (this._elements[type]) throw ns.integrationError('Can only create one Element of type ' + type + '.');
  var element = new CardElement(this, type, options);
  this._elements[type] = element;
  return element;
};

ElementsGroup.prototype.getElement = function (type) {
  return this._elements[type] || null;
};

ElementsGroup.prototype.update = function (options) {
  assign(this._options, options);
};

ElementsGroup.prototype.fetchUpdates = function () {
  return Promise.resolve({});
};

/** The Element that holds the card: the Payment Element, else a Card Element. */
ElementsGroup.prototype._cardElement = function () {
  return this._elements.payment || this._elements.card || null;
};

ElementsGroup.prototype.submit = function () {
  var element = this._cardElement();
  if (!element) {
    return Promise.resolve({
      error: { type: 'validation_error', code: 'incomplete', message: 'Create and mount a Payment Element before calling elements.submit().' },
    });
  }
  var error = element._check();
  return Promise.resolve(error ? { error: error } : { selectedPaymentMethod: 'card' });
};

ns.CardElement = CardElement;
ns.ElementsGroup = ElementsGroup;
