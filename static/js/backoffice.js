// Behaviour shared by every page, kept out of the HTML: the Content-Security-Policy
// allows scripts from this site's static files only (no inline script, no on* handlers).
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) {
    field.form.requestSubmit();
  }
});
