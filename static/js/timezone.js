// Preselects the browser's time zone while the time-zone list still shows the default (UTC), and
// says so beside the list. Options carry the other names of their zone (data-aliases): browsers
// report some zones by an older name (Asia/Calcutta for Asia/Kolkata).
(function () {
  var select = document.querySelector("select[data-detect-time-zone]");
  if (!select || select.value !== "UTC" || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  var options = Array.prototype.slice.call(select.options);
  var match = options.filter(function (option) { return option.value === zone; })[0] ||
    options.filter(function (option) {
      return (option.getAttribute("data-aliases") || "").split(" ").indexOf(zone) !== -1;
    })[0];
  if (!match || match.value === select.value) return;
  select.value = match.value;
  var note = document.createElement("div");
  note.className = "form-text";
  note.textContent = "Chosen from this device's settings: " + match.parentNode.label + ", " + match.text + ".";
  select.parentNode.appendChild(note);
})();
