// The memory per GPU: the fit, a stacked bar of its parts (weights,
// gradients, optimizer states, activations, overhead) against the GPU's
// memory, each part in GB, and the single changes that would make it fit.
// Every figure is the engine's; the page only draws them.

import { createBar } from './bar.js';
import { $, setHidden, setText } from './dom.js';
import { formatNumber } from './format.js';
import { t } from './i18n.js';
import { cleanText } from './untrusted.js';

const PARTS = ['weights', 'gradients', 'optimizer', 'activations', 'overhead'];
const GB = 1e9;

// GB with two decimals, from whole bytes (display only: the fit is the engine's).
const gb = (bytes) => formatNumber((Math.round((bytes / GB) * 100) / 100).toFixed(2));

/** A bar whose coloured segments are the parts, drawn as overlapping fills of decreasing length. */
function stackedBar(bytes, scale) {
  const track = createBar('mem-total', 0);
  track.classList.add('stack');
  track.replaceChildren();
  let cumulative = PARTS.reduce((sum, part) => sum + bytes[part], 0);
  for (const part of [...PARTS].reverse()) {
    const fill = createBar(`mem-${part}`, (cumulative / scale) * 100).firstChild;
    track.append(fill);
    cumulative -= bytes[part];
  }
  return track;
}

function changeText(change) {
  const value = change.key === 'training.method' ? t(`method_${change.value}`) : change.value;
  return t(`fitChange_${change.key.replace('training.', '')}`, { value, gb: formatNumber(change.needed_gb_per_gpu) });
}

export function renderMemory(result, table) {
  const block = $('memory-block');
  const memory = result ? result.memory : null;
  const explainable = result && (memory || result.time_way === 'flops');
  setHidden(block, !explainable);
  if (!explainable) return;
  const badge = $('memory-badge');
  if (!memory) {
    badge.textContent = '';
    badge.className = 'badge';
    setText($('memory-text'), t(table ? 'memoryUnknown' : 'memoryNoTable'));
    $('memory-bars').replaceChildren();
    $('memory-parts').replaceChildren();
    setHidden($('memory-changes'), true);
    return;
  }
  badge.textContent = t(`memory_${memory.fit}`);
  badge.className = `badge badge-${memory.fit}`;
  const instance = table ? table.instances.find((x) => x.id === result.instance) : null;
  setText($('memory-text'), t('memoryText', {
    needed: formatNumber(memory.needed_gb_per_gpu),
    memory: formatNumber(memory.gpu_memory_gb),
    gpu: instance ? cleanText(instance.gpu) : 'GPU',
  }));

  const bytes = memory.per_gpu_bytes;
  const capacity = Number(memory.gpu_memory_gb) * GB;
  const scale = Math.max(bytes.total, capacity);
  const needed = document.createElement('div');
  needed.className = 'memory-row';
  const neededLabel = document.createElement('span');
  neededLabel.textContent = t('memoryNeededBar');
  needed.append(neededLabel, stackedBar(bytes, scale));
  const has = document.createElement('div');
  has.className = 'memory-row';
  const hasLabel = document.createElement('span');
  hasLabel.textContent = t('memoryGpuBar');
  has.append(hasLabel, createBar('mem-capacity', (capacity / scale) * 100));
  $('memory-bars').replaceChildren(needed, has);

  $('memory-parts').replaceChildren(...PARTS.map((part) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch mem-${part}`;
    swatch.setAttribute('aria-hidden', 'true');
    const counted = part !== 'activations' || memory.activations_counted;
    item.append(swatch, `${t(`memoryPart_${part}`)}: ${counted ? `${gb(bytes[part])} GB` : t('memoryNotCounted')}`);
    return item;
  }));

  const changes = $('memory-changes');
  setHidden(changes, memory.changes.length === 0);
  setText(changes, memory.changes.length ? t('memoryWouldFit', { changes: memory.changes.map(changeText).join(t('listSeparator')) }) : '');
}
