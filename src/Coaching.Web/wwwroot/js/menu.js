// The header's menu button (a disclosure). Loaded in <head>: it marks the page as scripted at once, so the compact
// header shows without a flash; without this script every link stays visible and the button stays hidden.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    function wire() {
        var button = document.querySelector(".menu-button");
        if (!button) return;
        var nav = button.closest(".site-nav");
        button.hidden = false;

        function setOpen(open, returnFocus) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            nav.classList.toggle("is-open", open);
            if (!open && returnFocus) button.focus();
        }

        button.addEventListener("click", function () {
            setOpen(button.getAttribute("aria-expanded") !== "true", false);
        });
        nav.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                event.preventDefault();
                setOpen(false, true);
            }
        });
        document.addEventListener("click", function (event) {
            if (button.getAttribute("aria-expanded") === "true" && !nav.contains(event.target)) setOpen(false, false);
        });
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
    else wire();
})();
