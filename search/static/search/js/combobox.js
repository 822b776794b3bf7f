/*
 * Search suggestions: turns every input[data-suggest-url] of a search box into a
 * WAI-ARIA combobox (list autocomplete) over the JSON suggest endpoint.
 * Without this script the search box is a plain form. See
 * search/templates/components/search_box/README.md.
 */
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_CHARS = 2;

  function Combobox(input) {
    this.input = input;
    this.form = input.form;
    this.listbox = document.getElementById(input.getAttribute("data-listbox-id"));
    this.status = this.form.querySelector("[data-combobox-status]");
    this.url = input.getAttribute("data-suggest-url");
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = 0;
    this.lastQuery = null;
    if (!this.listbox) {
      return;
    }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeydown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    this.listbox.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep focus in the input while choosing
    });
    this.listbox.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.onInput = function () {
    var self = this;
    window.clearTimeout(this.timer);
    var query = this.input.value.trim();
    if (query.length < MIN_CHARS) {
      this.lastQuery = null;
      this.close();
      return;
    }
    this.timer = window.setTimeout(function () {
      self.fetch(query);
    }, DELAY);
  };

  Combobox.prototype.fetch = function (query) {
    var self = this;
    if (query === this.lastQuery) {
      return;
    }
    this.lastQuery = query;
    var ticket = ++this.request;
    var separator = this.url.indexOf("?") === -1 ? "?" : "&";
    window
      .fetch(this.url + separator + "q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (ticket === self.request) {
          self.render(data.suggestions || []);
        }
      })
      .catch(function () {
        if (ticket === self.request) {
          self.render([]);
        }
      });
  };

  Combobox.prototype.render = function (suggestions) {
    var listbox = this.listbox;
    var idBase = listbox.id + "-option-";
    while (listbox.firstChild) {
      listbox.removeChild(listbox.firstChild);
    }
    this.items = suggestions;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    suggestions.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = idBase + index;
      option.className = "search-box__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var title = document.createElement("span");
      title.className = "search-box__option-title";
      title.textContent = item.title;
      option.appendChild(title);
      if (item.agency) {
        var agency = document.createElement("span");
        agency.className = "search-box__option-meta";
        agency.textContent = item.agency;
        option.appendChild(agency);
      }
      listbox.appendChild(option);
    });
    this.announce(suggestions.length);
    if (suggestions.length) {
      this.open();
    } else {
      this.close();
    }
  };

  Combobox.prototype.announce = function (count) {
    if (!this.status) {
      return;
    }
    var input = this.input;
    var text;
    if (count === 0) {
      text = input.getAttribute("data-label-none");
    } else if (count === 1) {
      text = input.getAttribute("data-label-one");
    } else {
      text = input.getAttribute("data-label-many").replace("%(count)s", String(count));
    }
    this.status.textContent = text;
  };

  Combobox.prototype.open = function () {
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.setActive(-1);
  };

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.setActive = function (index) {
    var options = this.listbox.querySelectorAll("[role=option]");
    for (var i = 0; i < options.length; i++) {
      options[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    this.active = index;
    if (index >= 0 && options[index]) {
      this.input.setAttribute("aria-activedescendant", options[index].id);
      if (options[index].scrollIntoView) {
        options[index].scrollIntoView({ block: "nearest" });
      }
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Combobox.prototype.move = function (step) {
    var count = this.items.length;
    if (!count) {
      return;
    }
    if (!this.isOpen()) {
      this.open();
    }
    var next = this.active + step;
    if (next >= count) {
      next = 0;
    } else if (next < 0) {
      next = count - 1;
    }
    this.setActive(next);
  };

  Combobox.prototype.choose = function (index) {
    var item = this.items[index];
    if (!item) {
      return;
    }
    this.input.value = item.title;
    this.close();
    window.location.assign(item.url);
  };

  Combobox.prototype.onKeydown = function (event) {
    switch (event.key) {
      case "ArrowDown":
      case "Down":
        event.preventDefault();
        this.move(1);
        break;
      case "ArrowUp":
      case "Up":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        }
        // otherwise the form submits the search as usual
        break;
      case "Escape":
      case "Esc":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.lastQuery = null;
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onBlur = function () {
    this.close();
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest ? event.target.closest("[role=option]") : null;
    if (option) {
      this.choose(Number(option.getAttribute("data-index")));
    }
  };

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) {
      new Combobox(inputs[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
