// Reading comfort (issue 13): text size (ก- ก ก+) and high contrast, remembered in this
// browser's localStorage (never a cookie). Loaded in <head> without defer, so the classes are
// on <html> before the body is drawn: no flash of the default size or colours.
(function () {
  const root = document.documentElement;
  const SIZE_KEY = "ck-text-size";
  const CONTRAST_KEY = "ck-contrast";
  const SIZES = [-1, 0, 1, 2, 3];

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }
  function write(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (error) { /* storage off: the choice lasts for this page only */ }
  }
  function currentSize() {
    const size = parseInt(read(SIZE_KEY) || "0", 10);
    return SIZES.indexOf(size) >= 0 ? size : 0;
  }
  function applySize(size) {
    SIZES.forEach(function (each) { root.classList.remove("text-size-" + each); });
    if (size !== 0) root.classList.add("text-size-" + size);
  }
  function applyContrast(high) {
    root.classList.toggle("contrast-high", high);
  }

  root.classList.add("js");
  applySize(currentSize());
  applyContrast(read(CONTRAST_KEY) === "high");

  function sync() {
    const size = currentSize();
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      const step = button.getAttribute("data-text-size");
      const disabled = (step === "smaller" && size === SIZES[0]) ||
        (step === "larger" && size === SIZES[SIZES.length - 1]);
      button.setAttribute("aria-disabled", disabled ? "true" : "false");
      if (step === "normal") button.setAttribute("aria-pressed", size === 0 ? "true" : "false");
    });
    document.querySelectorAll("[data-contrast]").forEach(function (button) {
      button.setAttribute("aria-pressed", root.classList.contains("contrast-high") ? "true" : "false");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.addEventListener("click", function () {
        const step = button.getAttribute("data-text-size");
        let index = SIZES.indexOf(currentSize());
        if (step === "smaller") index = Math.max(0, index - 1);
        else if (step === "larger") index = Math.min(SIZES.length - 1, index + 1);
        else index = SIZES.indexOf(0);
        const size = SIZES[index];
        write(SIZE_KEY, size === 0 ? null : String(size));
        applySize(size);
        sync();
      });
    });
    document.querySelectorAll("[data-contrast]").forEach(function (button) {
      button.addEventListener("click", function () {
        const high = !root.classList.contains("contrast-high");
        write(CONTRAST_KEY, high ? "high" : null);
        applyContrast(high);
        sync();
      });
    });
    sync();
  });
})();
