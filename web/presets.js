// Model presets for the FLOPs way (presets/models.json: DeepSeek-7B and -67B
// with the source of each parameter count, and Custom). Loaded only when the
// FLOPs way is first shown: the first estimate does not need them.

import { $ } from './dom.js';
import { t } from './i18n.js';
import { cleanText } from './untrusted.js';

const URL_MODELS = new URL('./presets/models.json', import.meta.url);

let loading = null;

/** The presets, or [] when the file cannot be read (Custom still works). */
export function loadPresets() {
  if (!loading) {
    loading = fetch(URL_MODELS, { cache: 'no-cache' })
      .then((response) => (response.ok ? response.json() : { models: [] }))
      .then((data) => (Array.isArray(data.models) ? data.models : []))
      .catch(() => []);
  }
  return loading;
}

/** The preset whose parameter count equals text (numerically), else 'custom'. */
export function presetFor(models, paramsText) {
  const value = Number(String(paramsText).trim());
  const found = models.find((m) => Number(m.params) === value && Number.isFinite(value));
  return found ? found.id : 'custom';
}

/** The select's options (names from the file) and the source hint under the parameter input. */
export function renderPresets(models, selectedId) {
  const select = $('fpreset');
  const options = models.map((m) => {
    const option = document.createElement('option');
    option.value = m.id;
    option.textContent = cleanText(m.name);
    return option;
  });
  const custom = document.createElement('option');
  custom.value = 'custom';
  custom.textContent = t('presetCustom');
  select.replaceChildren(...options, custom);
  select.value = models.some((m) => m.id === selectedId) ? selectedId : 'custom';

  const model = models.find((m) => m.id === select.value);
  const hint = $('hint-fp');
  hint.textContent = model && model.source
    ? t('presetSourceHint', { source: cleanText(model.source.title) })
    : t('presetCustomHint');
}
