// The entry form's improvements. Without this script the form is complete: every region has its
// 0-10 strip, every warning-sign question shows, and the medication section offers empty rows.

// Moves focus to the error summary after a failed save, so keyboard and screen-reader users hear it.
(function () {
  var summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();

// The body map: one control a region. Tapping it (or Enter) opens the region's 0-10 strip below
// the map; a digit or the arrow keys set the value directly. Each region is shaded by its value
// and shows the number; screen readers hear "Upper back, 6 of 10".
(function () {
  var map = document.querySelector("[data-body-map]");
  if (!map) return;
  var regions = Array.prototype.slice.call(map.querySelectorAll(".body-region"));
  var status = map.querySelector("[data-body-map-status]");
  var opened = null;
  var byPointer = false;
  var lastDigit = { region: null, digit: null, at: 0 };

  function scale(region) { return document.getElementById(region.getAttribute("aria-controls")); }
  function value(region) {
    var checked = scale(region).querySelector("input:checked");
    return checked ? Number(checked.value) : 0;
  }
  function spoken(region) { return region.getAttribute("data-name") + ", " + value(region) + " of 10"; }

  function paint(region) {
    var n = value(region);
    for (var i = 0; i <= 10; i++) region.classList.toggle("pain-" + i, i === n);
    region.classList.toggle("is-open", region === opened);
    region.querySelector(".region-value").textContent = String(n);
    region.setAttribute("aria-label", spoken(region));
    region.setAttribute("aria-expanded", String(region === opened));
  }

  function open(region, focusScale) {
    opened = region;
    regions.forEach(function (other) { scale(other).hidden = other !== region; paint(other); });
    var strip = scale(region);
    if (strip.scrollIntoView) strip.scrollIntoView({ block: "nearest" });
    if (focusScale) (strip.querySelector("input:checked") || strip.querySelector("input")).focus();
  }

  function close(focusRegion) {
    var region = opened;
    if (!region) return;
    opened = null;
    scale(region).hidden = true;
    paint(region);
    if (focusRegion) region.focus();
  }

  function set(region, n) {
    n = Math.max(0, Math.min(10, n));
    var input = scale(region).querySelector('input[value="' + n + '"]');
    if (!input || input.checked) return;
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  regions.forEach(function (region) {
    var strip = scale(region);
    // Each strip waits for its region (one with an error is opened below).
    strip.hidden = true;
    paint(region);

    region.addEventListener("click", function () {
      if (opened === region) close(false); else open(region, false);
    });

    region.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key === "Enter" || key === " ") {
        event.preventDefault();
        if (opened === region) close(false); else open(region, true);
      } else if (/^[0-9]$/.test(key)) {
        event.preventDefault();
        var digit = Number(key);
        var now = Date.now();
        // "1" then "0" in quick succession is 10.
        var ten = lastDigit.region === region && lastDigit.digit === 1 && digit === 0 && now - lastDigit.at < 1000;
        lastDigit = { region: region, digit: digit, at: now };
        set(region, ten ? 10 : digit);
      } else if (key === "ArrowUp" || key === "ArrowRight") {
        event.preventDefault();
        set(region, value(region) + 1);
      } else if (key === "ArrowDown" || key === "ArrowLeft") {
        event.preventDefault();
        set(region, value(region) - 1);
      } else if (key === "Home" || key === "End") {
        event.preventDefault();
        set(region, key === "Home" ? 0 : 10);
      } else if (key === "Escape" && opened === region) {
        close(false);
      }
    });

    strip.addEventListener("pointerdown", function () { byPointer = true; });
    strip.addEventListener("keydown", function (event) {
      byPointer = false;
      // Enter on a radio would submit the form: here it means "done with this region".
      if (event.key === "Enter" || event.key === "Escape") {
        event.preventDefault();
        close(true);
      }
    });
    strip.addEventListener("change", function () {
      paint(region);
      status.textContent = spoken(region);
      // A tap on a number is the end of that region; arrow keys go on moving within the strip.
      if (byPointer && opened === region) close(false);
      byPointer = false;
    });
  });

  map.hidden = false;
  var wrong = regions.filter(function (region) { return scale(region).classList.contains("has-error"); });
  if (wrong.length) open(wrong[0], false);
})();

// Asks the red-flag questions (saddle numbness, bladder or bowel change, leg weakness) when the
// person ticks numbness or pain that spreads: people rarely volunteer them. They sit outside every
// folding section, so no closed section ever hides them. Without this script they always show.
(function () {
  var block = document.getElementById("red-flag-questions");
  var form = block && block.closest("form");
  if (!form) return;
  var triggers = form.querySelectorAll('input[name="radiates_to"], input[name="common_symptoms"][value="numbness"]');
  var answers = block.querySelectorAll('input[name="red_flag_symptoms"]');
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  block.parentNode.insertBefore(status, block.nextSibling);

  function anyChecked(inputs) {
    return Array.prototype.some.call(inputs, function (input) { return input.checked; });
  }

  function update(announce) {
    // Never hide a question that already has an answer.
    var show = anyChecked(triggers) || anyChecked(answers);
    var wasHidden = block.hidden;
    block.hidden = !show;
    if (announce && show && wasHidden) {
      status.textContent = "Three more questions appeared under Warning signs: please answer them.";
    } else if (!show) {
      status.textContent = "";
    }
  }

  Array.prototype.forEach.call(triggers, function (input) {
    input.addEventListener("change", function () { update(true); });
  });
  Array.prototype.forEach.call(answers, function (input) {
    input.addEventListener("change", function () { update(false); });
  });
  update(false);
})();

// Medication taken: one button a medication of the person's list. A tap fills a row with the
// medication, its usual dose and the time now; how much it helped can follow later.
(function () {
  var box = document.querySelector("[data-intakes]");
  if (!box) return;
  var rows = box.querySelector("[data-intake-rows]");
  var template = box.querySelector("template[data-intake-template]");
  var total = box.querySelector('input[name$="-TOTAL_FORMS"]');
  var most = box.querySelector('input[name$="-MAX_NUM_FORMS"]');
  var status = box.querySelector("[data-intake-status]");
  var painkillers = document.getElementById("id_painkillers");

  function unused(row) {
    if (!row.hasAttribute("data-extra") || row.querySelector(".is-invalid")) return false;
    return Array.prototype.every.call(row.querySelectorAll("select, input[type=text], input[type=time]"), function (field) {
      return !field.value;
    });
  }

  function field(row, name) { return row.querySelector('[name$="-' + name + '"]'); }

  function freeRow() {
    var free = Array.prototype.filter.call(rows.children, function (row) { return row.hidden; })[0];
    if (free) return free;
    var index = Number(total.value);
    if (index >= Number(most.value)) return null;
    rows.insertAdjacentHTML(
      "beforeend",
      template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1))
    );
    total.value = String(index + 1);
    return rows.lastElementChild;
  }

  function now() {
    var date = new Date();
    return ("0" + date.getHours()).slice(-2) + ":" + ("0" + date.getMinutes()).slice(-2);
  }

  Array.prototype.forEach.call(rows.children, function (row) { if (unused(row)) row.hidden = true; });
  Array.prototype.forEach.call(box.querySelectorAll("[data-take]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var row = freeRow();
      if (!row) {
        status.textContent = "That is as many as one entry holds.";
        return;
      }
      row.hidden = false;
      field(row, "medication").value = button.getAttribute("data-medication");
      field(row, "dose").value = button.getAttribute("data-dose");
      if (!field(row, "time").value) field(row, "time").value = now();
      if (painkillers) painkillers.checked = true;
      status.textContent = button.getAttribute("data-name") + " added at " + field(row, "time").value + ".";
    });
  });
})();

// "Start from my last entry" loads the form afresh: ask before it replaces what was typed.
(function () {
  var link = document.querySelector("[data-start-from-last]");
  var form = document.querySelector("form.entry-form");
  if (!link || !form) return;
  var changed = false;
  form.addEventListener("change", function () { changed = true; });
  link.addEventListener("click", function (event) {
    if (changed && !window.confirm("Replace what you entered with the regions and habits of your last entry?")) {
      event.preventDefault();
    }
  });
})();
