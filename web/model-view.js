// The model's inputs: the preset select (its options are the core's presets,
// from the schema), the hint naming the config.json a preset's shape comes
// from and its parameter count, and reading a config.json the reader picks
// (it stays on the device; the engine reads it, the page only fills the
// shape's inputs with what the engine returns).

import { $, setHidden, setText } from './dom.js';
import { engineMessage, t } from './i18n.js';
import { formatNumber } from './format.js';
import SCHEMA from './schema.js';

/** The select's options: each preset by name, then "another model" (its shape below). */
export function renderModelOptions() {
  const select = $('model');
  const chosen = select.value;
  // The option the page was served with stays marked so: the page tells a
  // reader's choice from the served one by it.
  const served = [...select.options].find((option) => option.defaultSelected);
  const option = (value, text) => {
    const item = document.createElement('option');
    item.value = value;
    item.textContent = text;
    item.defaultSelected = served !== undefined && served.value === value;
    return item;
  };
  select.replaceChildren(...SCHEMA.models.map((model) => option(model.id, model.name)), option('', t('modelOther')));
  select.value = chosen;
}

/** Under the select: the preset's parameter count and the config.json it comes from. */
export function renderModelHint() {
  const model = SCHEMA.models.find((m) => m.id === $('model').value);
  setText($('hint-model'), model
    ? t('modelPresetHint', { params: formatNumber(String(model.params.total)), url: model.config_url })
    : t('modelOtherHint'));
}

/**
 * Reads a config.json file through the engine; on success selects "another
 * model" and fills the shape's inputs. Returns whether the form changed.
 */
export async function loadModelFile(engine, file) {
  const problem = $('err-model-file');
  let answer;
  try {
    answer = engine.readModelConfig(await file.text());
  } catch {
    answer = { ok: false, errors: [{ code: 'unreadable_file', message_en: t('modelFileUnreadable'), message_zh: t('modelFileUnreadable') }] };
  }
  if (!answer.ok) {
    setText(problem, answer.errors.map(engineMessage).join(' '));
    setHidden(problem, false);
    return false;
  }
  setHidden(problem, true);
  $('model').value = '';
  const shape = answer.model;
  for (const field of SCHEMA.fields) {
    if (!field.key.startsWith('model.') || field.key === 'model.preset') continue;
    const el = document.forms.calc.elements.namedItem(field.link);
    if (el) el.value = shape[field.key.slice('model.'.length)] ?? '';
  }
  return true;
}
