// On a person's case page: a box in the table's head to choose every entry on the page at once.
// Without JavaScript each entry is chosen by its own box.
(function () {
  var head = document.querySelector("table.review-case th.review-choose");
  if (!head) return;
  var boxes = Array.prototype.slice.call(
    document.querySelectorAll('table.review-case input[name="entries"]')
  );
  if (!boxes.length) return;
  var all = document.createElement("input");
  all.type = "checkbox";
  all.className = "form-check-input";
  all.id = "choose-all";
  var label = document.createElement("label");
  label.className = "visually-hidden";
  label.htmlFor = "choose-all";
  label.textContent = "Choose every entry on this page";
  head.textContent = "";
  head.appendChild(all);
  head.appendChild(label);
  function sync() {
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }
  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  boxes.forEach(function (box) { box.addEventListener("change", sync); });
  sync();
})();
