// A pseudo-random value for an input from what the core's schema says of it
// (`epochcost schema --json`): one of its choices, or a number within its
// bounds near the size of its example or default, spelled as a JSON number
// or as a decimal string. Used by generate_configs.mjs for the inputs it
// does not know by name.
//   next: a function returning a number in [0, 1)
export function schemaValue(field, next) {
  const choices = (field.choices ?? '').split(',').map((choice) => choice.trim()).filter(Boolean);
  if (field.kind === 'choice') return choices[Math.floor(next() * choices.length)] ?? field.example ?? '';
  if (field.kind === 'list') {
    const some = choices.filter(() => next() < 0.5);
    return some.length > 0 ? some : choices.slice(0, 1);
  }
  if (field.kind === 'text') return field.example ?? field.default ?? '';
  // A number: between the lower bound and a few times its example (or
  // default), never above the upper bound.
  const max = Number(field.max);
  const typical = Number(field.example || field.default || 0) || Math.min(max, 100);
  let top = Math.min(max, Math.max(1, typical * 4));
  const places = field.kind === 'integer' ? 0 : top <= 1 ? 3 : 2;
  const scale = 10 ** places;
  if (!field.max_inclusive) top -= 1 / scale;
  const lowest = field.min_inclusive ? 0 : 1 / scale;
  let value = lowest + Math.floor(next() * (Math.round((top - lowest) * scale) + 1)) / scale;
  value = Math.min(Math.max(value, lowest), top);
  const text = value.toFixed(places).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return next() < 0.5 ? text : Number(text);
}
