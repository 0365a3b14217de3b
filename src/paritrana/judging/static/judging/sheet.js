// Autosave answers 403/409/422 with a status fragment that says why nothing was saved;
// htmx does not swap error responses by default, so let these through to the status line.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status === 403 || status === 409 || status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
