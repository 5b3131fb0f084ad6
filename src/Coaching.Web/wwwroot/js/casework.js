// Coaching sessions and action plans: small enhancements; every page works without them.
(function () {
    "use strict";

    // Ask before a destructive button submits its form (e.g. removing an action from a plan).
    document.querySelectorAll("button[data-confirm]").forEach(function (button) {
        button.addEventListener("click", function (event) {
            if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
        });
    });
})();
