// Pre-selects the browser's time zone on the sign-up form while it still shows the default.
(function () {
  var select = document.querySelector("select[data-detect-time-zone]");
  if (!select || select.value !== "UTC" || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && select.querySelector('option[value="' + zone + '"]')) select.value = zone;
})();
