/*
 * Thai calendar picker for the back office's date inputs (chiangkhian.dateinput.BEDateWidget).
 *
 * Years are shown in the Buddhist Era in Thai (data-year-offset="543") and A.D. in English;
 * month and weekday names come from the server in the page's language (data-months,
 * data-weekdays). A dialog with a grid, operable by keyboard as in the WAI-ARIA date picker
 * dialog pattern: arrows move by a day or a week, Page Up/Down by a month, Shift + Page Up/Down
 * by a year, Home/End to the start/end of the week, Enter or Space chooses, Escape closes.
 * Self-contained, no inline style or script (the site's Content-Security-Policy).
 */
(function () {
  "use strict";

  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  var SVG = "http://www.w3.org/2000/svg";
  var counter = 0;

  function arabic(text) {
    return text.replace(/[๐-๙]/g, function (digit) {
      return String(THAI_DIGITS.indexOf(digit));
    });
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function sameDay(a, b) {
    return a && b && a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() &&
      a.getDate() === b.getDate();
  }

  function makeDate(year, month, day) {
    // setFullYear, not the constructor: a year below 100 would be read as 19xx. It carries
    // an overflowing month or day into the next year, as the constructor does.
    var date = new Date(2000, 0, 1);
    date.setFullYear(year, month, day);
    return date;
  }

  // The day typed in the input (day/month/year or year-month-day, in the page's era), or null.
  function parse(value, offset) {
    var text = arabic(value || "").trim();
    var match = text.match(/^(\d{1,2})\s*[\/.\-\s]\s*(\d{1,2})\s*[\/.\-\s]\s*(\d{4})/);
    var year, month, day;
    if (match) {
      day = +match[1]; month = +match[2]; year = +match[3];
    } else {
      match = text.match(/^(\d{4})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{1,2})/);
      if (!match) { return null; }
      year = +match[1]; month = +match[2]; day = +match[3];
    }
    var date = makeDate(year - offset, month - 1, day);
    return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function calendarIcon() {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M4 0h2v2h4V0h2v2h3v14H1V2h3zM3 6v8h10V6zm1 1h2v2H4zm3 0h2v2H7zm3 " +
      "0h2v2h-2zM4 10h2v2H4zm3 0h2v2H7z");
    svg.appendChild(path);
    return svg;
  }

  function Picker(input) {
    var data = input.dataset;
    this.input = input;
    this.offset = +data.yearOffset || 0;
    this.firstDay = +data.firstDay || 0;
    this.months = data.months.split("|");
    this.weekdays = data.weekdays.split("|"); // from Sunday
    this.labels = data;
    this.id = "be-cal-" + (++counter);
    this.build();
  }

  Picker.prototype.build = function () {
    var self = this;
    var wrapper = element("span", "be-date");
    this.input.parentNode.insertBefore(wrapper, this.input);
    wrapper.appendChild(this.input);
    this.wrapper = wrapper;

    var button = element("button", "be-date-button");
    button.type = "button";
    button.setAttribute("aria-label", this.labels.labelOpen);
    button.setAttribute("title", this.labels.labelOpen);
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", this.id);
    button.appendChild(calendarIcon());
    button.addEventListener("click", function () {
      if (self.dialog.hidden) { self.open(); } else { self.close(true); }
    });
    wrapper.appendChild(button);
    this.button = button;

    var dialog = element("div", "be-cal");
    dialog.id = this.id;
    dialog.hidden = true;
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", this.labels.labelDialog);

    var header = element("div", "be-cal-header");
    this.heading = element("h2", "be-cal-title");
    this.heading.id = this.id + "-title";
    this.heading.setAttribute("aria-live", "polite");
    header.appendChild(this.navButton("«", this.labels.labelPreviousYear, 0, -1));
    header.appendChild(this.navButton("‹", this.labels.labelPreviousMonth, -1, 0));
    header.appendChild(this.heading);
    header.appendChild(this.navButton("›", this.labels.labelNextMonth, 1, 0));
    header.appendChild(this.navButton("»", this.labels.labelNextYear, 0, 1));
    dialog.appendChild(header);

    var table = element("table", "be-cal-grid");
    table.setAttribute("role", "grid");
    table.setAttribute("aria-labelledby", this.id + "-title");
    table.setAttribute("aria-describedby", this.id + "-help");
    var head = element("thead");
    var row = element("tr");
    for (var i = 0; i < 7; i++) {
      var th = element("th", "", this.weekdays[(i + this.firstDay) % 7]);
      th.scope = "col";
      row.appendChild(th);
    }
    head.appendChild(row);
    table.appendChild(head);
    this.body = element("tbody");
    table.appendChild(this.body);
    table.addEventListener("keydown", function (event) { self.onGridKey(event); });
    table.addEventListener("click", function (event) {
      var cell = event.target.closest("td[data-day]");
      if (cell) { self.choose(self.dateOf(cell)); }
    });
    dialog.appendChild(table);

    var footer = element("div", "be-cal-footer");
    var today = element("button", "be-cal-today", this.labels.labelToday);
    today.type = "button";
    today.addEventListener("click", function () { self.choose(new Date()); });
    var close = element("button", "be-cal-close", this.labels.labelClose);
    close.type = "button";
    close.addEventListener("click", function () { self.close(true); });
    footer.appendChild(today);
    footer.appendChild(close);
    dialog.appendChild(footer);
    var help = element("p", "be-cal-help", this.labels.labelHelp);
    help.id = this.id + "-help";
    dialog.appendChild(help);

    dialog.addEventListener("keydown", function (event) { self.onDialogKey(event); });
    wrapper.appendChild(dialog);
    this.dialog = dialog;
    this.onOutside = function (event) {
      if (!wrapper.contains(event.target)) { self.close(false); }
    };
  };

  Picker.prototype.navButton = function (text, label, months, years) {
    var self = this;
    var button = element("button", "be-cal-nav", text);
    button.type = "button";
    button.setAttribute("aria-label", label);
    button.setAttribute("title", label);
    button.addEventListener("click", function () {
      self.move(months + 12 * years, "month", false);
    });
    return button;
  };

  Picker.prototype.open = function () {
    this.selected = parse(this.input.value, this.offset);
    this.focusDate = this.selected || new Date();
    this.dialog.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    this.render(true);
    document.addEventListener("pointerdown", this.onOutside, true);
  };

  Picker.prototype.close = function (returnFocus) {
    if (this.dialog.hidden) { return; }
    this.dialog.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", this.onOutside, true);
    if (returnFocus) { this.button.focus(); }
  };

  Picker.prototype.choose = function (date) {
    this.input.value = pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" +
      (date.getFullYear() + this.offset);
    this.input.dispatchEvent(new Event("input", {bubbles: true}));
    this.input.dispatchEvent(new Event("change", {bubbles: true}));
    this.close(true);
  };

  Picker.prototype.dateOf = function (cell) {
    return makeDate(this.focusDate.getFullYear(), this.focusDate.getMonth(), +cell.dataset.day);
  };

  Picker.prototype.render = function (focus) {
    var year = this.focusDate.getFullYear();
    var month = this.focusDate.getMonth();
    var today = new Date();
    this.heading.textContent = this.months[month] + " " + (year + this.offset);
    this.body.textContent = "";
    var lead = (makeDate(year, month, 1).getDay() - this.firstDay + 7) % 7;
    var days = makeDate(year, month + 1, 0).getDate();
    var row = null;
    for (var slot = 0; slot < lead + days || slot % 7; slot++) {
      if (slot % 7 === 0) { row = element("tr"); this.body.appendChild(row); }
      var day = slot - lead + 1;
      var cell = element("td");
      if (day >= 1 && day <= days) {
        var date = makeDate(year, month, day);
        cell.textContent = String(day);
        cell.dataset.day = String(day);
        cell.setAttribute("role", "gridcell");
        cell.tabIndex = sameDay(date, this.focusDate) ? 0 : -1;
        cell.setAttribute("aria-selected", sameDay(date, this.selected) ? "true" : "false");
        if (sameDay(date, today)) { cell.setAttribute("aria-current", "date"); }
      }
      row.appendChild(cell);
    }
    if (focus) {
      this.body.querySelector("td[tabindex='0']").focus();
    }
  };

  // Move the focused day by a number of days or months, re-drawing the month when it changes.
  Picker.prototype.move = function (amount, unit, focus) {
    var date = this.focusDate;
    var next;
    if (unit === "day") {
      next = makeDate(date.getFullYear(), date.getMonth(), date.getDate() + amount);
    } else {
      var first = makeDate(date.getFullYear(), date.getMonth() + amount, 1);
      var last = makeDate(first.getFullYear(), first.getMonth() + 1, 0).getDate();
      next = makeDate(first.getFullYear(), first.getMonth(), Math.min(date.getDate(), last));
    }
    this.focusDate = next;
    this.render(focus);
  };

  Picker.prototype.onGridKey = function (event) {
    var weekday = (this.focusDate.getDay() - this.firstDay + 7) % 7;
    var moves = {
      ArrowLeft: [-1, "day"], ArrowRight: [1, "day"], ArrowUp: [-7, "day"],
      ArrowDown: [7, "day"], Home: [-weekday, "day"], End: [6 - weekday, "day"],
      PageUp: [event.shiftKey ? -12 : -1, "month"], PageDown: [event.shiftKey ? 12 : 1, "month"]
    };
    if (moves[event.key]) {
      event.preventDefault();
      this.move(moves[event.key][0], moves[event.key][1], true);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.choose(this.focusDate);
    }
  };

  Picker.prototype.onDialogKey = function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === "Tab") {
      // A modal dialog keeps the focus inside until it is closed.
      var focusable = Array.prototype.filter.call(
        this.dialog.querySelectorAll("button, td[tabindex='0']"),
        function (node) { return !node.disabled; }
      );
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  function init(root) {
    var inputs = (root || document).querySelectorAll("input[data-be-date]");
    Array.prototype.forEach.call(inputs, function (input) {
      // Hidden copies and the inline formset's template row get no picker (the clone does).
      if (input.type === "hidden" || input.dataset.beDateReady ||
          input.name.indexOf("__prefix__") !== -1) {
        return;
      }
      input.dataset.beDateReady = "1";
      new Picker(input);
    });
  }

  document.addEventListener("formset:added", function (event) { init(event.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(); });
  } else {
    init();
  }
})();
