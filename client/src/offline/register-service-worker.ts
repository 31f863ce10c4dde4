/**
 * Registers the service worker that lets the app open without the server (client/src/sw), once the
 * page has loaded so its precaching does not compete with the page's own requests, and again after a
 * lost connection if it was not installed yet.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("offline support unavailable", error);
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
  // An install the network cut off (its precaching failed) is tried again when the browser is back online.
  window.addEventListener("online", () => {
    void navigator.serviceWorker.getRegistration().then((registration) => {
      if (!registration?.active) register();
    });
  });
}
