// Every user-visible string of the page, in English and Chinese (zh-CN), and
// the choice of language. Messages about inputs come from the engine
// (message_en / message_zh); everything else lives here.

export const LANGS = ['zh', 'en'];

const STRINGS = {
  en: {
    htmlLang: 'en',
    locale: 'en-US',
    pageTitle: 'epochcost — training cost per epoch calculator',
    pageDescription: 'Estimate the cost of training a model per epoch and in total: Cost = T × P × N + D + M, with Ciuic GPU prices. Shareable links, embeddable.',
    skipToCalc: 'Skip to the calculator',
    tagline: 'What does one training epoch cost? Cost = T × P × N + D + M',
    languageLabel: 'Language',
    inputsTitle: 'Inputs',
    exampleNote: 'Starts on the worked example: DeepSeek-7B LoRA fine-tuning on an A100 x4 instance.',

    instanceLabel: 'Instance type',
    instanceHint: 'Prices are per GPU-hour.',
    instanceOption: '{name} — {gpus} GPU per instance, {price}',
    instanceOptionPlural: '{name} — {gpus} GPUs per instance, {price}',
    tLabel: 'T — hours per epoch',
    tUnit: 'h',
    nLabel: 'N — number of GPUs',
    nUnit: 'GPU',
    nHint: 'Empty: one whole instance. Billed by whole instances.',
    pLabel: 'P — price override',
    pHint: 'Empty: the table price ({price}).',
    dLabel: 'D — data transfer and storage',
    mLabel: 'M — operations and scheduling',
    perEpochUnit: '{currency} per epoch',
    eLabel: 'Epochs',
    eUnit: 'epochs',
    eHint: 'Empty: 1 epoch.',
    billLabel: 'Billing increment',
    billNone: 'None (exact time)',
    billSecond: 'Per second',
    billMinute: 'Per minute',
    billHour: 'Per hour',
    billCustom: 'Every {seconds} s',
    billHint: 'The whole run is rounded up to this increment.',
    discLabel: 'Discount on compute',
    discHint: 'Empty: no discount. Applies to T × P × N only.',
    optionalDefaultZero: 'Empty: 0.',

    resultsTitle: 'Estimate',
    perEpoch: 'Per epoch',
    totalFor: 'Total for {epochs} epochs',
    totalForOne: 'Total for 1 epoch',
    stale: 'Out of date: fix the marked inputs',
    loading: 'Calculating…',
    formulaTitle: 'Formula',
    formulaSymbolic: 'Cost per epoch = T × P × N + D + M',
    formulaBilledNote: 'N counts the GPUs billed: {gpus} GPUs need {instances} whole {instance} instances ({billed} GPUs).',
    formulaAdjustedNote: 'Compute includes the adjustments listed in the notes (billing increment, discount), spread over the epochs.',
    hoursUnit: 'h',
    gpuUnit: 'GPU',
    gpusUnit: 'GPUs',
    breakdownTitle: 'Breakdown',
    breakdownCaption: 'Cost by part, per epoch and in total',
    partColumn: 'Part',
    perEpochColumn: 'Per epoch',
    totalColumn: 'Total',
    shareColumn: 'Share',
    compute: 'Compute',
    data: 'Data',
    ops: 'Operations',
    factsTitle: 'Time and usage',
    gpuHours: 'GPU-hours',
    gpuHoursBilled: '{used} used, {billed} billed',
    gpuHoursValue: '{hours} GPU-hours',
    wallTime: 'Wall-clock time',
    billedHours: 'Billed hours',
    priceUsed: 'Price used',
    priceFromTable: 'table price',
    priceFromConfig: 'your override; table: {price}',
    notesTitle: 'Notes',
    noNotes: 'No adjustments: whole instances, exact time, no discount.',

    durationHours: '{hours} h',
    durationDays: '{d} d',
    durationH: '{h} h',
    durationMin: '{m} min',

    shareTitle: 'Share',
    linkFieldLabel: 'Link to this estimate',
    copyLink: 'Copy link',
    copied: 'Link copied.',
    copyManual: 'Copying is blocked here: the link is selected, press Ctrl+C (⌘C) to copy it.',
    embedSummary: 'Embed',
    embedHelp: 'Paste this code into a web page to show this calculator, with these inputs. The frame sizes itself if the page listens for its height (see the example).',
    embedExample: 'Embedding example',
    snippetLabel: 'HTML code for an iframe',
    copySnippet: 'Copy code',
    snippetCopied: 'Code copied.',
    iframeTitle: 'Training cost calculator (epochcost)',
    openFull: 'Open the full calculator',

    pricesTitle: 'Prices',
    provider: 'Provider',
    pricesDate: 'Prices as of',
    sources: 'Sources',
    dateNoteSummary: 'About this date',
    pricesUnitNote: 'All prices are per GPU-hour, in {currency}.',
    instanceColumn: 'Instance',
    gpuColumn: 'GPU',
    gpusPerInstanceColumn: 'GPUs per instance',
    priceColumn: 'Price',

    howTitle: 'How this is computed',
    howFormula: 'Cost per epoch = T × P × N + D + M, where T is the hours one epoch takes, P the price per GPU-hour, N the number of GPUs, D the data transfer and storage cost per epoch and M the operations and scheduling cost per epoch. The total is the per-epoch cost times the number of epochs.',
    howPrices: 'Prices are per GPU-hour. GPUs are rented in whole instances: asking for 6 GPUs on a 4-GPU instance bills 8.',
    howBilling: 'With a billing increment, the run’s wall-clock time is rounded up to that increment before pricing. The discount applies to compute only.',
    howRounding: 'Arithmetic is exact (decimal fractions, no floating point); money is rounded once, half away from zero, to 0.01, and the rounded parts are allotted so that they add up to the rounded total.',
    howSource: 'Formula and worked example: the article “训练成本透明化:DeepSeek + Ciuic 的每 epoch 费用公式解析” (1.5 h × 20 × 4 + 2 + 1 = 123 per epoch, 1,230 for 10 epochs).',
    footer: 'epochcost gives estimates. Check the provider’s current prices before you budget.',

    linkProblemsTitle: 'Some settings in this link could not be used',
    linkProblemFallback: 'Using {value} instead.',
    linkFallbackTablePrice: 'Using the table price instead.',
    linkFallbackNoDiscount: 'No discount is applied.',
    linkParam: 'Parameter “{param}”',
    badLang: 'Unknown language “{value}”; showing {lang}.',
    badEmbed: 'Unknown embed value “{value}”: use embed=1.',
    priceBanner: 'This link was made with {linkPrice}; the current table price for {instance} is {tablePrice}.',
    priceBannerNow: 'The estimate below uses the link’s price.',
    keepLinkPrice: 'Keep the link’s price ({price})',
    useTablePrice: 'Use the current price ({price})',
    generalErrors: 'The inputs could not be used',

    loadFailed: 'The calculator could not start: {reason} Reload the page to try again.',
    reason_engine_load_failed: 'the calculation engine did not load.',
    reason_prices_load_failed: 'the price table did not load.',
    reason_prices_invalid: 'the price table is not valid.',
    reason_unknown: 'an unexpected error occurred.',
  },
  zh: {
    htmlLang: 'zh-CN',
    locale: 'zh-CN',
    pageTitle: 'epochcost — 训练每 epoch 费用计算器',
    pageDescription: '估算模型训练每个 epoch 及总计的费用:Cost = T × P × N + D + M,采用 Ciuic GPU 价格。可分享链接,可嵌入网页。',
    skipToCalc: '跳到计算器',
    tagline: '训练一个 epoch 要花多少钱?Cost = T × P × N + D + M',
    languageLabel: '语言',
    inputsTitle: '输入',
    exampleNote: '默认为原文案例:DeepSeek-7B LoRA 微调,A100 x4 实例。',

    instanceLabel: '实例类型',
    instanceHint: '单价均按 GPU·小时计。',
    instanceOption: '{name} — 每实例 {gpus} 块 GPU,{price}',
    instanceOptionPlural: '{name} — 每实例 {gpus} 块 GPU,{price}',
    tLabel: 'T — 每 epoch 时长',
    tUnit: '小时',
    nLabel: 'N — GPU 数量',
    nUnit: 'GPU',
    nHint: '留空则为一个完整实例。按整实例计费。',
    pLabel: 'P — 自定义单价',
    pHint: '留空则使用价格表单价({price})。',
    dLabel: 'D — 数据传输与存储',
    mLabel: 'M — 运维与调度',
    perEpochUnit: '{currency}/epoch',
    eLabel: 'epoch 数',
    eUnit: 'epoch',
    eHint: '留空则为 1 个 epoch。',
    billLabel: '计费粒度',
    billNone: '不取整(按实际时长)',
    billSecond: '按秒',
    billMinute: '按分钟',
    billHour: '按小时',
    billCustom: '每 {seconds} 秒',
    billHint: '整个训练时长向上取整到该粒度。',
    discLabel: '算力折扣',
    discHint: '留空则无折扣。仅作用于 T × P × N。',
    optionalDefaultZero: '留空则为 0。',

    resultsTitle: '估算结果',
    perEpoch: '每 epoch',
    totalFor: '{epochs} 个 epoch 合计',
    totalForOne: '1 个 epoch 合计',
    stale: '已过期:请修正标出的输入',
    loading: '计算中…',
    formulaTitle: '公式',
    formulaSymbolic: '每 epoch 费用 = T × P × N + D + M',
    formulaBilledNote: 'N 为计费的 GPU 数:{gpus} 块 GPU 需要 {instances} 个完整的 {instance} 实例(共 {billed} 块)。',
    formulaAdjustedNote: '算力费用已包含说明中列出的调整(计费粒度、折扣),并均摊到各个 epoch。',
    hoursUnit: '小时',
    gpuUnit: 'GPU',
    gpusUnit: 'GPU',
    breakdownTitle: '费用构成',
    breakdownCaption: '各部分费用:每 epoch 与合计',
    partColumn: '部分',
    perEpochColumn: '每 epoch',
    totalColumn: '合计',
    shareColumn: '占比',
    compute: '算力',
    data: '数据',
    ops: '运维',
    factsTitle: '时长与用量',
    gpuHours: 'GPU·时',
    gpuHoursBilled: '使用 {used},计费 {billed}',
    gpuHoursValue: '{hours} GPU·时',
    wallTime: '实际耗时',
    billedHours: '计费时长',
    priceUsed: '采用单价',
    priceFromTable: '价格表单价',
    priceFromConfig: '自定义;价格表:{price}',
    notesTitle: '说明',
    noNotes: '无调整:整实例、按实际时长、无折扣。',

    durationHours: '{hours} 小时',
    durationDays: '{d} 天',
    durationH: '{h} 小时',
    durationMin: '{m} 分钟',

    shareTitle: '分享',
    linkFieldLabel: '本估算的链接',
    copyLink: '复制链接',
    copied: '链接已复制。',
    copyManual: '此处无法自动复制:链接已选中,请按 Ctrl+C(⌘C)复制。',
    embedSummary: '嵌入',
    embedHelp: '将这段代码粘贴到网页中,即可显示带有当前输入的计算器。如果页面监听其高度消息,框架会自动调整高度(见示例)。',
    embedExample: '嵌入示例',
    snippetLabel: 'iframe 的 HTML 代码',
    copySnippet: '复制代码',
    snippetCopied: '代码已复制。',
    iframeTitle: '训练费用计算器(epochcost)',
    openFull: '打开完整计算器',

    pricesTitle: '价格',
    provider: '云服务商',
    pricesDate: '价格日期',
    sources: '来源',
    dateNoteSummary: '关于日期',
    pricesUnitNote: '所有单价均按 GPU·小时计,币种 {currency}。',
    instanceColumn: '实例',
    gpuColumn: 'GPU',
    gpusPerInstanceColumn: '每实例 GPU 数',
    priceColumn: '单价',

    howTitle: '计算方法',
    howFormula: '每 epoch 费用 = T × P × N + D + M,其中 T 为单个 epoch 所需时间(小时),P 为每 GPU·小时单价,N 为 GPU 数量,D 为每 epoch 数据传输与存储成本,M 为每 epoch 运维与调度成本。总费用 = 每 epoch 费用 × epoch 数。',
    howPrices: '单价按 GPU·小时计。GPU 按整实例租用:在 4 卡实例上要 6 块 GPU,按 8 块计费。',
    howBilling: '设置计费粒度时,整个训练的实际时长先向上取整到该粒度再计价。折扣只作用于算力费用。',
    howRounding: '运算精确(十进制分数,不用浮点数);金额只在最后四舍五入(远离零)到 0.01,各部分经分配后相加正好等于总额。',
    howSource: '公式与案例出自文章《训练成本透明化:DeepSeek + Ciuic 的每 epoch 费用公式解析》(1.5 × 20 × 4 + 2 + 1 = 每 epoch 123 元,10 个 epoch 共 1230 元)。',
    footer: 'epochcost 仅提供估算。做预算前请核对云服务商的最新价格。',

    linkProblemsTitle: '链接中的部分设置无法使用',
    linkProblemFallback: '已改用 {value}。',
    linkFallbackTablePrice: '已改用价格表单价。',
    linkFallbackNoDiscount: '不使用折扣。',
    linkParam: '参数“{param}”',
    badLang: '未知语言“{value}”,已显示{lang}。',
    badEmbed: '未知的嵌入参数“{value}”:请使用 embed=1。',
    priceBanner: '此链接使用的单价为 {linkPrice};{instance} 当前价格表单价为 {tablePrice}。',
    priceBannerNow: '下面的估算使用链接中的单价。',
    keepLinkPrice: '保留链接中的单价({price})',
    useTablePrice: '改用当前单价({price})',
    generalErrors: '输入无法使用',

    loadFailed: '计算器无法启动:{reason}请刷新页面重试。',
    reason_engine_load_failed: '计算引擎未能加载。',
    reason_prices_load_failed: '价格表未能加载。',
    reason_prices_invalid: '价格表无效。',
    reason_unknown: '发生了意外错误。',
  },
};

const LANGUAGE_NAMES = { en: { en: 'English', zh: 'Chinese' }, zh: { en: '英文', zh: '中文' } };

let current = 'en';

export function setLanguage(lang) {
  current = LANGS.includes(lang) ? lang : 'en';
}

export function language() {
  return current;
}

export function locale() {
  return STRINGS[current].locale;
}

export function languageName(lang) {
  return LANGUAGE_NAMES[current][lang] || lang;
}

/** The string for key in the current language, with {name} placeholders filled. */
export function t(key, params = {}) {
  const template = STRINGS[current][key] ?? STRINGS.en[key];
  if (template === undefined) return key;
  return fill(template, params);
}

/** Replaces {name} by params[name]; unknown placeholders stay visible as written. */
export function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

/** The engine message of an error or note in the current language. */
export function engineMessage(item) {
  const text = current === 'zh' ? item.message_zh : item.message_en;
  return typeof text === 'string' && text ? text : String(item.code || '');
}

/**
 * Maps a language tag ('zh', 'zh-CN', 'en-GB', ...) to one of LANGS, or null.
 */
export function normaliseLanguage(tag) {
  if (typeof tag !== 'string') return null;
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return null;
}

/** The language the browser prefers: the first zh* or en* in navigator.languages. */
export function browserLanguage(languages) {
  for (const tag of languages || []) {
    const lang = normaliseLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

/**
 * Fills the static page: every element with data-i18n gets its text, and
 * data-i18n-attr="attr:key;attr:key" sets attributes.
 */
export function applyStaticStrings(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
  document.documentElement.lang = t('htmlLang');
  document.title = t('pageTitle');
  const description = document.querySelector('meta[name="description"]');
  if (description) description.setAttribute('content', t('pageDescription'));
}
