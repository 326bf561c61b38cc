// The export and copy-as-Markdown buttons (data-export, data-copy): one
// listener for all of them. The export itself (export.js) is loaded on the
// first click.

import { pricesText, state } from './controller.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { announce } from './share.js';

export function wireExportButtons() {
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-export], [data-copy]');
    if (!button) return;
    const what = button.dataset.export || button.dataset.copy;
    const status = $(`export-${what}-status`);
    if (!state.prices || !state.lastConfig) {
      announce(status, t('exportNeedsTable'));
      return;
    }
    const { runExport } = await import('./export.js');
    await runExport({
      engine: state.engine,
      prices: pricesText(),
      config: state.lastConfig,
      instance: state.lastGood && state.lastGood.instance,
      what,
      format: button.dataset.format,
      copy: Boolean(button.dataset.copy),
      lang: state.lang,
      status,
      field: $(`export-${what}-field`),
    });
  });
}
