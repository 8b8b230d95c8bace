// Moves focus to the error summary after a failed save, so keyboard and screen-reader users hear it.
(function () {
  var summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();

// Asks the red-flag questions (saddle numbness, bladder or bowel change, leg weakness) when the
// person ticks numbness or pain that spreads: people rarely volunteer them. Without this script
// the questions are simply always shown. The other warning signs (chest pain, fever...) stay
// visible at all times, as they matter whatever else was ticked.
(function () {
  var group = document.getElementById("div_id_red_flag_symptoms");
  var form = group && group.closest("form");
  if (!form) return;
  var triggers = form.querySelectorAll('input[name="radiates_to"], input[name="common_symptoms"][value="numbness"]');
  var answers = group.querySelectorAll('input[name="red_flag_symptoms"]');
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  // After the group, not before: Bootstrap clears the floated legend with "legend + *", and a
  // visually hidden first child would leave the questions squeezed beside the legend.
  group.parentNode.insertBefore(status, group.nextSibling);

  function anyChecked(inputs) {
    return Array.prototype.some.call(inputs, function (input) { return input.checked; });
  }

  function update(announce) {
    // Never hide a question that already has an answer.
    var show = anyChecked(triggers) || anyChecked(answers);
    var wasHidden = group.hidden;
    group.hidden = !show;
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
