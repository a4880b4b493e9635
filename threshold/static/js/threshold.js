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
