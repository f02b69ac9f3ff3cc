// Browsers without ::details-content: open the main menu on wide screens (it is a <details>).
if (window.matchMedia("(min-width: 64rem)").matches) {
  const toggle = document.querySelector(".nav-toggle");
  if (toggle) toggle.open = true;
}
