// The proof-of-work check of the e-service forms (ALTCHA protocol v1, self-hosted): find the
// number whose SHA-256 with the salt equals the signed challenge, then send it with the form.
// Nothing is fetched: the challenge is in the page.
(() => {
  const hex = (buffer) =>
    Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

  async function solve(challenge) {
    const encoder = new TextEncoder();
    for (let number = 0; number <= challenge.maxNumber; number += 1) {
      const digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + number));
      if (hex(digest) === challenge.challenge) return number;
    }
    return null;
  }

  function start(box) {
    const input = box.querySelector("input[name=altcha]");
    const status = box.querySelector(".es-pow-status");
    const form = input.form;
    const challenge = JSON.parse(input.dataset.challenge);
    if (!window.crypto || !crypto.subtle) {
      status.textContent = box.dataset.failed;
      return;
    }
    const solved = solve(challenge).then((number) => {
      if (number === null) throw new Error("unsolved");
      const payload = {
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number,
        salt: challenge.salt,
        signature: challenge.signature,
      };
      input.value = btoa(JSON.stringify(payload));
    });
    solved.catch(() => {
      status.textContent = box.dataset.failed;
    });
    form.addEventListener("submit", (event) => {
      if (input.value) return;
      event.preventDefault();
      status.textContent = box.dataset.working;
      solved.then(() => {
        status.textContent = box.dataset.done;
        form.requestSubmit(event.submitter || undefined);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const box of document.querySelectorAll(".es-pow")) start(box);
  });
})();
