// Quiz keyboard shortcuts and the draggable order list. Everything works without this file:
// the order list falls back to a "place" select per item, posted as is.
"use strict";

(function () {
  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) &&
        !["radio", "checkbox"].includes(target.type));
  }

  // Enter submits from a radio button or checkbox too (text fields already do it natively).
  function submitOnEnter(form) {
    form.addEventListener("keydown", (event) => {
      const target = event.target;
      if (event.key === "Enter" && target instanceof HTMLInputElement &&
          ["radio", "checkbox"].includes(target.type)) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  // 1–9 picks the matching choice on a one-question page; N follows "Next" after a verdict.
  function shortcuts() {
    const form = document.querySelector("form[data-quiz-form]:not([data-all-form])");
    const next = document.querySelector("[data-next-link]");
    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (form && /^[1-9]$/.test(event.key)) {
        const choice = form.querySelector(`[data-choice-key="${event.key}"]`);
        if (choice) {
          event.preventDefault();
          choice.click();
          choice.focus();
        }
      } else if (next && event.key.toLowerCase() === "n") {
        event.preventDefault();
        next.click();
      }
    });
  }

  function itemText(item) {
    return item.querySelector(".order-text").textContent.trim();
  }

  // The order list: drag and drop, up/down buttons, and arrow keys on a focused item.
  function enhanceOrderList(list) {
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    list.after(status);
    const help = document.createElement("p");
    help.className = "field-hint";
    help.textContent = "Drag the items, use the arrow buttons, or focus an item and press ↑ / ↓.";
    list.before(help);

    function items() {
      return Array.from(list.querySelectorAll("[data-order-item]"));
    }

    function renumber() {
      const all = items();
      all.forEach((item, index) => {
        item.querySelector("[data-order-rank]").value = String(index + 1);
        item.querySelector("[data-move='up']").disabled = index === 0;
        item.querySelector("[data-move='down']").disabled = index === all.length - 1;
      });
    }

    function move(item, step, focusTarget) {
      const all = items();
      const index = all.indexOf(item);
      const to = index + step;
      if (to < 0 || to >= all.length) return;
      if (step < 0) list.insertBefore(item, all[to]);
      else list.insertBefore(item, all[to].nextSibling);
      renumber();
      (focusTarget || item).focus();
      status.textContent = `${itemText(item)}: now place ${to + 1} of ${all.length}.`;
    }

    function moveButton(item, direction, arrow) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "order-move";
      button.dataset.move = direction;
      button.textContent = arrow;
      button.setAttribute("aria-label", `Move “${itemText(item)}” ${direction}`);
      button.addEventListener("click", () => move(item, direction === "up" ? -1 : 1, button));
      return button;
    }

    items().forEach((item) => {
      const rank = item.querySelector(".order-rank");
      rank.hidden = true; // the buttons take over; the hidden selects still carry the order
      const moves = document.createElement("span");
      moves.className = "order-moves";
      moves.append(moveButton(item, "up", "↑"), moveButton(item, "down", "↓"));
      const handle = document.createElement("span");
      handle.className = "order-handle";
      handle.setAttribute("aria-hidden", "true");
      handle.textContent = "⠿";
      item.prepend(handle);
      item.append(moves);
      item.classList.add("is-enhanced");
      item.draggable = true;
      item.tabIndex = 0;
      item.setAttribute("aria-label", `${itemText(item)} (use up and down arrows to move)`);
      item.addEventListener("keydown", (event) => {
        if (event.target !== item) return;
        if (event.key === "ArrowUp" || event.key === "ArrowDown") {
          event.preventDefault();
          move(item, event.key === "ArrowUp" ? -1 : 1);
        }
      });
      item.addEventListener("dragstart", (event) => {
        item.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", itemText(item));
      });
      item.addEventListener("dragend", () => {
        item.classList.remove("is-dragging");
        renumber();
      });
    });

    list.addEventListener("dragover", (event) => {
      const dragging = list.querySelector(".is-dragging");
      if (!dragging) return;
      event.preventDefault();
      const after = items().find((item) => {
        const box = item.getBoundingClientRect();
        return item !== dragging && event.clientY < box.top + box.height / 2;
      });
      if (after) list.insertBefore(dragging, after);
      else list.append(dragging);
    });
    list.addEventListener("drop", (event) => event.preventDefault());
    // Start from the places the selects hold (they differ from the DOM order after a re-show).
    items()
      .sort((a, b) => a.querySelector("[data-order-rank]").value - b.querySelector("[data-order-rank]").value)
      .forEach((item) => list.append(item));
    renumber();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-quiz-form]").forEach(submitOnEnter);
    document.querySelectorAll("[data-order-list]").forEach(enhanceOrderList);
    shortcuts();
  });
})();
