// Signature pad: draw with a finger, a pen or a mouse on <canvas data-signature-for="ID">;
// the strokes go into the hidden input ID as "M x y L x y ..." in a 400 x 150 box, which the
// server validates and draws back as SVG itself. No library, no inline script (the site's CSP).
(function () {
  "use strict";
  var WIDTH = 400, HEIGHT = 150;

  function setUp(canvas) {
    var input = document.getElementById(canvas.dataset.signatureFor);
    var clear = document.querySelector('[data-signature-clear="' + canvas.dataset.signatureFor + '"]');
    var context = canvas.getContext("2d");
    var strokes = [], drawing = false, last = null;
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    context.lineWidth = 3;
    context.lineCap = "round";
    context.strokeStyle = "#161616";

    function point(event) {
      var box = canvas.getBoundingClientRect();
      var x = Math.round(((event.clientX - box.left) / box.width) * WIDTH);
      var y = Math.round(((event.clientY - box.top) / box.height) * HEIGHT);
      return [Math.max(0, Math.min(WIDTH, x)), Math.max(0, Math.min(HEIGHT, y))];
    }
    function save() { input.value = strokes.join(" "); }

    canvas.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      drawing = true;
      last = point(event);
      strokes.push("M" + last[0] + " " + last[1]);
      save();
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) { return; }
      var next = point(event);
      if (Math.abs(next[0] - last[0]) + Math.abs(next[1] - last[1]) < 2) { return; }
      context.beginPath();
      context.moveTo(last[0], last[1]);
      context.lineTo(next[0], next[1]);
      context.stroke();
      strokes.push("L" + next[0] + " " + next[1]);
      last = next;
      save();
    });
    ["pointerup", "pointercancel", "pointerleave"].forEach(function (name) {
      canvas.addEventListener(name, function () { drawing = false; });
    });
    if (clear) {
      clear.addEventListener("click", function () {
        strokes = [];
        context.clearRect(0, 0, WIDTH, HEIGHT);
        save();
      });
    }
  }

  document.querySelectorAll("canvas[data-signature-for]").forEach(setUp);
})();
