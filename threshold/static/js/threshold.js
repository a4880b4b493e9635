// Threshold's own script: small, no inline handlers (the Content-Security-Policy forbids them).
(function () {
  "use strict";
  // Forms with data-confirm ask before they submit (for example, removing a role).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);
})();

// The front desk's scanner field (templates/visitors/desk.html). A USB scanner types like a fast
// keyboard: a licence barcode arrives as text starting with "@", with Enter (or Tab) where the
// card has separators. Inside such a payload those keys are kept as separators instead of
// submitting the form or leaving the field; a short pause means the scan is complete.
(function () {
  "use strict";
  var field = document.querySelector("[data-scanner-field]");
  if (!field) {
    return;
  }
  var form = field.form;
  var status = document.querySelector("[data-scanner-status]");
  var PAYLOAD = /^\s*(@|\]L|ANSI ?\d|AAMVA\d)/i;
  var CONTROLS = /^(INPUT|TEXTAREA|SELECT|BUTTON|A|SUMMARY|LABEL)$/;
  var timer = null;

  function scanning() {
    return PAYLOAD.test(field.value);
  }

  function settle() {
    window.clearTimeout(timer);
    var reading = scanning();
    field.classList.toggle("scanning", reading);
    if (status) {
      status.hidden = !reading;
    }
    if (reading) {
      timer = window.setTimeout(function () { form.requestSubmit(); }, 400);
    }
  }

  field.addEventListener("keydown", function (event) {
    if (scanning() && (event.key === "Enter" || event.key === "Tab")) {
      event.preventDefault();
      field.setRangeText(event.key === "Enter" ? "|" : "\t", field.selectionStart, field.selectionEnd, "end");
      settle();
    } else if (event.key === "ArrowDown") {
      var first = document.querySelector("[data-matches] a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  field.addEventListener("input", settle);

  // No search while a card is being read: the payload is posted once, in the form, and no further.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt === field && scanning()) {
      event.preventDefault();
    }
  });

  // The field stays ready for the scanner: keys typed while no control has focus go into it.
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if ((!active || !CONTROLS.test(active.tagName)) && (event.key.length === 1 || event.key === "Enter")) {
      field.focus();
    }
  }, true);
  document.body.addEventListener("htmx:afterSettle", function () {
    var active = document.activeElement;
    if (!active || !CONTROLS.test(active.tagName)) {
      field.focus();
    }
  });

  // Up and down arrows move among the returning visitors found; Escape goes back to the field.
  document.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-matches] a"));
    var index = links.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    if (event.key === "ArrowDown" && index < links.length - 1) {
      event.preventDefault();
      links[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index > 0 ? links[index - 1] : field).focus();
    } else if (event.key === "Escape") {
      field.focus();
    }
  });

  // A photo of the barcode is sent as soon as it is taken.
  var image = form.querySelector("[data-autosubmit]");
  if (image) {
    image.addEventListener("change", function () {
      if (image.files.length) {
        form.requestSubmit();
      }
    });
  }
})();

// A visitor's badge: printed on arrival from check-in, then back to the front desk.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button) {
    return;
  }
  button.addEventListener("click", function () { window.print(); });
  if (button.hasAttribute("data-autoprint")) {
    window.addEventListener("afterprint", function () {
      window.location.assign(button.dataset.return);
    }, { once: true });
    window.print();
  }
})();

// Forms with data-submit-once (a check-in) are sent once: a double tap prints one badge.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once") || event.defaultPrevented) {
    return;
  }
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = "yes";
});
