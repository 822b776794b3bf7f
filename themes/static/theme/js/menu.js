/*
 * Main menu: progressive enhancement only; every page works without this file.
 *
 * Without JavaScript the whole menu is visible (also at 375 px) and each top link
 * leads to its section page, which lists the section's pages; the submenu buttons
 * and submenus stay hidden. Here:
 * - each submenu becomes a disclosure: its button (aria-expanded, aria-controls)
 *   opens it with Enter or Space (a real <button>), Escape closes it and puts the
 *   focus back on the button, only one is open at a time, and a click outside the
 *   menu or focus leaving the item closes it;
 * - on narrow screens the "Menu" button shows and hides the whole list (CSS hides the
 *   list only when this script has marked the nav with main-nav--js); Escape closes
 *   it as well.
 * Motion is left to CSS, which respects prefers-reduced-motion.
 */
(function () {
  "use strict";

  function expanded(button) {
    return button.getAttribute("aria-expanded") === "true";
  }

  function enhance(nav, index) {
    var menuButton = nav.querySelector("[data-menu-button]");
    var list = nav.querySelector("[data-menu-list]");
    var subButtons = Array.prototype.slice.call(nav.querySelectorAll("[data-submenu-button]"));

    function panelOf(button) {
      return document.getElementById(button.getAttribute("aria-controls"));
    }

    function setSubmenu(button, open) {
      var panel = panelOf(button);
      if (!panel) {
        return;
      }
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.hidden = !open;
    }

    function closeSubmenus(except) {
      subButtons.forEach(function (button) {
        if (button !== except && expanded(button)) {
          setSubmenu(button, false);
        }
      });
    }

    subButtons.forEach(function (button) {
      button.hidden = false;
      setSubmenu(button, false);
      button.addEventListener("click", function () {
        var open = !expanded(button);
        closeSubmenus(button);
        setSubmenu(button, open);
      });
      var item = button.parentNode;
      item.addEventListener("focusout", function (event) {
        if (expanded(button) && event.relatedTarget && !item.contains(event.relatedTarget)) {
          setSubmenu(button, false);
        }
      });
    });

    if (menuButton && list) {
      if (!list.id) {
        list.id = "main-nav-list-" + (index + 1);
      }
      menuButton.setAttribute("aria-controls", list.id);
      menuButton.hidden = false;
      nav.classList.add("main-nav--js");
      menuButton.addEventListener("click", function () {
        menuButton.setAttribute("aria-expanded", expanded(menuButton) ? "false" : "true");
        if (!expanded(menuButton)) {
          closeSubmenus(null);
        }
      });
    }

    nav.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") {
        return;
      }
      var open = subButtons.filter(expanded)[0];
      if (open) {
        event.preventDefault();
        setSubmenu(open, false);
        open.focus();
      } else if (menuButton && expanded(menuButton) && menuButton.offsetParent !== null) {
        event.preventDefault();
        menuButton.setAttribute("aria-expanded", "false");
        menuButton.focus();
      }
    });

    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) {
        closeSubmenus(null);
      }
    });
  }

  function init() {
    var navs = document.querySelectorAll("[data-main-nav]");
    for (var i = 0; i < navs.length; i += 1) {
      enhance(navs[i], i);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
