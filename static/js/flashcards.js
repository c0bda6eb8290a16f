// Flashcard keyboard shortcuts: Space shows the answer, 1–4 rate, U undoes the last rating.
// Every key only clicks a link or button that is on the page anyway: nothing here is needed.
"use strict";

(function () {
  const PRESSABLE = new Set(["button", "radio", "checkbox", "submit"]);

  // Keys typed into a text field are the learner's answer, not shortcuts.
  function typing(element) {
    if (!element) return false;
    if (element.isContentEditable || element.tagName === "TEXTAREA" || element.tagName === "SELECT") return true;
    return element.tagName === "INPUT" && !PRESSABLE.has(element.type);
  }

  function target(key) {
    if (key === " ") return document.querySelector('[data-shortcut="space"]');
    if (/^[1-4]$/.test(key)) return document.querySelector('[data-shortcut="' + key + '"]');
    if (key === "u" || key === "U") {
      const form = document.querySelector('[data-shortcut-form="u"]');
      return form && form.querySelector("button");
    }
    return null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const active = document.activeElement;
    if (typing(active)) return;
    // Space on a focused button, radio or checkbox already presses it: let the browser do that.
    if (event.key === " " && active && (active.tagName === "BUTTON" || PRESSABLE.has(active.type))) return;
    const element = target(event.key);
    if (!element) return;
    event.preventDefault();
    element.click();
  });
})();
