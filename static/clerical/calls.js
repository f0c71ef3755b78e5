// The clerk's call log: pick colleagues from the typeahead, keep hands on the keyboard.
(function () {
  "use strict";

  function pick(button) {
    var target = button.dataset.pickTarget;
    var hidden = document.querySelector('input[type="hidden"][name="' + target + '"]');
    var search = document.getElementById(target + "_q");
    var list = document.getElementById(target + "_matches");
    var form = button.closest("form");
    if (hidden) { hidden.value = button.dataset.pk; }
    if (search) { search.value = button.dataset.label; }
    if (list) { list.innerHTML = ""; }
    // On to the next field, so the clerk never reaches for the mouse.
    var fields = Array.prototype.slice.call(
      form.querySelectorAll("input:not([type=hidden]), textarea, select, button[type=submit]")
    );
    var next = fields[fields.indexOf(search) + 1];
    if (next) { next.focus(); }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-pick-target]");
    if (button) { pick(button); }
  });

  document.addEventListener("input", function (event) {
    // Typing again forgets the colleague picked before.
    var box = event.target.closest("[data-picker]");
    if (box && event.target.id === box.dataset.picker + "_q") {
      var hidden = box.querySelector('input[type="hidden"]');
      if (hidden) { hidden.value = ""; }
    }
  });

  document.addEventListener("keydown", function (event) {
    var box = event.target.closest && event.target.closest("[data-picker]");
    if (event.key === "Enter" && box) {
      var first = box.querySelector("[data-pick-target]");
      if (first) { event.preventDefault(); pick(first); }
      return;  // no match shown: Enter submits the form
    }
    if (event.altKey && (event.key === "n" || event.key === "N")) {
      var form = document.getElementById("call-form");
      event.preventDefault();
      if (form) {
        form.reset();
        form.querySelectorAll('input[type="hidden"]:not([name=csrfmiddlewaretoken])').forEach(function (input) { input.value = ""; });
        document.getElementById("for_employee_q").focus();
      } else {
        var link = document.querySelector("[data-new-call]");
        if (link) { window.location.href = link.href; }
      }
    }
  });
})();
