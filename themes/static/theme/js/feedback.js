/* Page feedback (components/page_feedback): without this script the buttons post to
 * the feedback page, which asks to confirm. With it, a single-use token is fetched
 * from data-token-url when the visitor answers (the cached page cannot hold one), so
 * the answer is stored at once. Any failure falls back to the plain post. */
(function () {
  "use strict";

  function setup(form) {
    var url = form.getAttribute("data-token-url");
    var field = form.querySelector('input[name="token"]');
    if (!url || !field || !window.fetch) {
      return;
    }
    var fetched = false;
    form.addEventListener("submit", function (event) {
      if (field.value || fetched) {
        return;
      }
      event.preventDefault();
      fetched = true;
      var submitter = event.submitter;
      var send = function () {
        if (form.requestSubmit) {
          form.requestSubmit(submitter || undefined);
        } else {
          form.submit();
        }
      };
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : {};
        })
        .then(function (data) {
          if (data && data.token) {
            field.value = data.token;
          }
        })
        .catch(function () {})
        .then(send);
    });
  }

  document.querySelectorAll("form[data-token-url]").forEach(setup);
})();
