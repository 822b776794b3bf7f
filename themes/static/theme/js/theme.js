/*
 * Birtutas theme: progressive enhancement only. Every page works without this file.
 *
 * The visually-impaired panel in the header is a list of plain links (shown as it is
 * when JavaScript is off). Here it becomes a disclosure: the header's toggle button
 * (hidden without JavaScript) shows and hides it, with aria-expanded and
 * aria-controls; Enter and Space work because it is a real <button>; Escape closes
 * it and returns focus to the button. Motion follows prefers-reduced-motion.
 */
(function () {
  "use strict";

  var reducedMotion = window.matchMedia
    ? window.matchMedia("(prefers-reduced-motion: reduce)")
    : { matches: true };

  function setOpen(button, panel, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.hidden = !open;
    if (open && panel.scrollIntoView) {
      panel.scrollIntoView({ block: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
    }
  }

  function enhance(header, index) {
    var button = header.querySelector("[data-vi-toggle]");
    var panel = header.querySelector("[data-vi-panel]");
    if (!button || !panel) {
      return;
    }
    if (!panel.id) {
      panel.id = "vi-panel-" + (index + 1);
    }
    button.setAttribute("aria-controls", panel.id);
    button.hidden = false;
    setOpen(button, panel, false);

    button.addEventListener("click", function () {
      setOpen(button, panel, button.getAttribute("aria-expanded") !== "true");
    });

    function closeOnEscape(event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        setOpen(button, panel, false);
        button.focus();
      }
    }
    button.addEventListener("keydown", closeOnEscape);
    panel.addEventListener("keydown", closeOnEscape);
  }

  function init() {
    var headers = document.querySelectorAll(".site-header");
    for (var i = 0; i < headers.length; i += 1) {
      enhance(headers[i], i);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
