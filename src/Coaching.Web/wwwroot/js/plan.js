// Plan page: reorder the actions by drag and drop. The drop submits the action's own « Position » form (with its
// antiforgery token), so the server does the move exactly as without script; « Monter » / « Descendre » remain the
// keyboard way.
(function () {
    "use strict";
    var list = document.querySelector("ol[data-reorder]");
    if (!list || !("draggable" in document.createElement("li"))) return;
    var status = document.getElementById("reorder-status");
    var dragged = null;

    function rows() { return Array.prototype.slice.call(list.querySelectorAll("li[data-item-id]")); }

    list.addEventListener("dragstart", function (event) {
        var row = event.target.closest && event.target.closest("li[data-item-id]");
        if (!row) return;
        dragged = row;
        row.classList.add("plan-row--dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", row.getAttribute("data-item-id"));
    });

    list.addEventListener("dragover", function (event) {
        if (!dragged) return;
        var over = event.target.closest && event.target.closest("li[data-item-id]");
        event.preventDefault();
        if (!over || over === dragged) return;
        var box = over.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? over.nextSibling : over);
    });

    list.addEventListener("dragend", function () {
        if (dragged) dragged.classList.remove("plan-row--dragging");
        dragged = null;
    });

    list.addEventListener("drop", function (event) {
        if (!dragged) return;
        event.preventDefault();
        var row = dragged;
        row.classList.remove("plan-row--dragging");
        dragged = null;
        var position = rows().indexOf(row) + 1;
        var form = row.querySelector("form[data-position-form]");
        var input = form && form.querySelector("input[name=position]");
        if (!input || String(position) === input.defaultValue) return;
        input.value = position;
        if (status) status.textContent = "Déplacement en position " + position + "…";
        form.submit();
    });
})();
