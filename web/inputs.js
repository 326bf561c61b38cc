// Wires the page's controls to the controller: the language menu, the form
// (every edit recomputes), the price-table picker and file, the price
// banner's two choices, and the copy buttons of the share section.

import {
  loadFile, render, state, switchLanguage, switchTable, update,
} from './controller.js';
import { $ } from './dom.js';
import { loadModelFile } from './model-view.js';
import { DEFAULT_TABLE } from './prices.js';
import { pickedPath, renderRetrying } from './prices-view.js';
import { wireCopyButtons } from './share.js';

/** The language menu works from the start, before the engine has loaded. */
export function wireLanguage() {
  $('lang').addEventListener('change', () => {
    state.explicitLang = true;
    switchLanguage($('lang').value);
  });
}

/** Everything else, once the engine has loaded. */
export function wireInputs() {
  const form = $('calc');
  form.addEventListener('submit', (event) => event.preventDefault());
  const onEdit = (event) => {
    state.edited = true;
    const id = event.target.id;
    if (id === 'prices-choice' || id === 'prices-file') return; // handled below
    if (state.priceMismatch && (id === 'p' || id === 'instance')) {
      state.priceMismatch = null; // the user has made the choice by editing
    }
    if (id === 'model-file') return; // handled below
    update(); // which inputs the new choices use comes with the engine's answer
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);

  $('prices-choice').addEventListener('change', () => {
    const path = pickedPath();
    if (path) switchTable(path);
  });
  $('prices-file').addEventListener('change', (event) => {
    const [file] = event.target.files || [];
    event.target.value = '';
    if (file) loadFile(file);
  });
  $('model-file').addEventListener('change', async (event) => {
    const [file] = event.target.files || [];
    event.target.value = '';
    if (file && await loadModelFile(state.engine, file)) update();
  });
  $('prices-retry').addEventListener('click', async () => {
    renderRetrying();
    await switchTable(state.source.path || DEFAULT_TABLE);
  });
  $('prices-dismiss').addEventListener('click', () => {
    state.pricesProblem = null;
    render();
  });

  $('keep-link-price').addEventListener('click', () => {
    state.priceMismatch = null;
    render();
    $('p').focus();
  });
  $('use-table-price').addEventListener('click', () => {
    state.priceMismatch = null;
    $('p').value = '';
    update();
    $('p').focus();
  });

  wireCopyButtons({
    linkButton: $('copy-link'),
    linkField: $('share-url'),
    linkStatus: $('share-status'),
    snippetButton: $('copy-snippet'),
    snippetField: $('embed-snippet'),
    snippetStatus: $('snippet-status'),
  });
}
