/* Tabs (components/tabs): ARIA Authoring Practices tabs with automatic activation.
 * Without this script every panel stays visible with its heading. With it: the tab
 * list is shown, roles and states are added, only the selected tab is in the Tab
 * order (roving tabindex), Left/Right arrows move and select, Home/End jump to the
 * first/last tab. A link to #<panel id> selects that panel. */
(function () {
  "use strict";

  function setup(root) {
    var list = root.querySelector("[data-tabs-list]");
    var tabs = Array.prototype.slice.call(root.querySelectorAll("[data-tabs-tab]"));
    var panels = tabs.map(function (tab) {
      return document.getElementById(tab.getAttribute("aria-controls"));
    });
    if (!list || !tabs.length || panels.indexOf(null) !== -1) {
      return;
    }
    list.setAttribute("role", "tablist");
    list.hidden = false;
    root.classList.add("tabs--enhanced");

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute("aria-selected", selected ? "true" : "false");
        tab.tabIndex = selected ? 0 : -1;
        panels[i].hidden = !selected;
      });
      if (focus) {
        tabs[index].focus();
      }
    }

    tabs.forEach(function (tab, i) {
      var panel = panels[i];
      tab.setAttribute("role", "tab");
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      tab.addEventListener("click", function () {
        select(i, true);
      });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") {
          next = (i + 1) % tabs.length;
        } else if (event.key === "ArrowLeft") {
          next = (i - 1 + tabs.length) % tabs.length;
        } else if (event.key === "Home") {
          next = 0;
        } else if (event.key === "End") {
          next = tabs.length - 1;
        }
        if (next !== null) {
          event.preventDefault();
          select(next, true);
        }
      });
    });

    var fromHash = panels.findIndex(function (panel) {
      return "#" + panel.id === window.location.hash;
    });
    select(fromHash === -1 ? 0 : fromHash, false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tabs]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
