// The optional map position of a complaint, from the phone's own location (no map tiles,
// nothing fetched). Without JavaScript or permission, the place text is enough.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".es-location")) {
    const button = box.querySelector(".es-locate");
    const status = box.querySelector(".es-location-status");
    const lat = box.querySelector("input[name=latitude]");
    const lon = box.querySelector("input[name=longitude]");
    if (!button || !lat || !lon) continue;
    if (!("geolocation" in navigator)) {
      status.textContent = box.dataset.unsupported;
      continue;
    }
    button.hidden = false;
    button.addEventListener("click", () => {
      status.textContent = box.dataset.locating;
      navigator.geolocation.getCurrentPosition(
        (position) => {
          lat.value = position.coords.latitude.toFixed(6);
          lon.value = position.coords.longitude.toFixed(6);
          status.textContent = `${box.dataset.found}: ${lat.value}, ${lon.value}`;
        },
        () => {
          status.textContent = box.dataset.failed;
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
      );
    });
  }
});
