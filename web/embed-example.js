// Sizes the example's iframe from the height the embedded calculator posts
// ({type: 'epochcost:height', height}); kept in its own file because the
// page's Content-Security-Policy allows no inline script.

const HEIGHT_MESSAGE = 'epochcost:height';
const frame = document.getElementById('calculator-frame');
const status = document.getElementById('frame-status');

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  const data = event.data;
  if (!data || data.type !== HEIGHT_MESSAGE || !Number.isFinite(data.height)) return;
  const height = Math.min(Math.max(Math.ceil(data.height), 100), 10000);
  frame.height = String(height);
  frame.dataset.reportedHeight = String(height);
  status.textContent = `The calculator reported a height of ${height} px; the frame follows it.`;
});
