// Moves focus to the error summary after a failed save, so keyboard and screen-reader users hear it.
(function () {
  var summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();
