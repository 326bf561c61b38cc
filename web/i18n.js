// Every user-visible string of the page, in English and Chinese (zh-CN), and
// the choice of language. Messages about inputs come from the engine
// (message_en / message_zh), and so do the words the page shares with the
// CLI (words.js); everything else lives here. index.html holds no copy: the
// build writes the English strings into it (scripts/static-strings.mjs).

import { setAttr, setText } from './dom.js';
import SCHEMA from './schema.js';
import { cleanText } from './untrusted.js';

export const LANGS = ['zh', 'en'];

export const STRINGS = {
  en: {
    htmlLang: 'en',
    locale: 'en-US',
    pageTitle: 'epochcost — training cost per epoch calculator',
    pageDescription: 'Estimate the cost of training a model per epoch and in total: Cost = T × P × N + D + M, with Ciuic GPU prices. Shareable links, embeddable.',
    skipToCalc: 'Skip to the calculator',
    linkLoading: 'Computing the estimate in this link…',
    linkSlow: 'The calculator is slow to load. If this message stays, check the connection and reload the page.',
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
    pending: 'Not updated yet: still loading',
    notComputed: 'Not updated: the calculator did not load',
    loading: 'Calculating…',
    formulaTitle: 'Formula',
    formulaSymbolic: 'Cost per epoch = T × P × N + D + M',
    formulaBilledNote: 'N counts the GPUs billed: {gpus} GPUs need {instances} whole {instance} instances ({billed} GPUs).',
    formulaAdjustedNote: 'Compute includes the adjustments listed in the notes (billing increment, discount), spread over the epochs.',
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
    priceCustom: 'your price; no table',
    notesTitle: 'Notes',
    noNotes: 'No adjustments: whole instances, exact time, no discount.',

    durationDays: '{d} d',
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

    pricesChoiceLabel: 'Price table',
    pricesCiuic: 'Ciuic (CNY), from the seed article',
    pricesDeepseek: 'DeepSeek-V3 report: H800 at 2 USD per GPU-hour',
    pricesFileOption: 'File: {name}',
    pricesNoTableOption: 'No table: my own price',
    loadFile: 'Load a file…',
    pricesChoiceHint: 'Or load your own table (JSON, same format). A table from a file stays on this device: the link records its prices, not the table.',
    pricesFileInLink: 'This table came from a file: the link records the prices, not the table.',
    noTableOption: '— no price table —',
    noTableHint: 'No price table: enter P and N.',
    pRequiredHint: 'Required: no price table is loaded.',
    pLabelRequired: 'P — price per GPU-hour',
    nRequiredHint: 'Required: no price table is loaded.',

    wayLegend: 'How long is an epoch?',
    wayDirect: 'Hours per epoch',
    wayTrial: 'Trial run',
    wayThroughput: 'Throughput',
    wayFlops: 'FLOPs model',
    wayName_direct: 'hours per epoch',
    wayName_trial: 'the trial run',
    wayName_throughput: 'throughput',
    wayName_flops: 'the FLOPs model',
    trialHint: 'Time a short run on the same setup; leave out the first, slower steps (warm-up, compilation).',
    trialStepsLabel: 'Steps run',
    trialSecondsLabel: 'Time they took',
    trialModeLegend: 'Steps per epoch',
    trialModeSteps: 'I know them',
    trialModeSamples: 'From samples and batch size',
    trialSpeLabel: 'Steps per epoch',
    trialSamplesLabel: 'Samples per epoch',
    trialBatchLabel: 'Global batch size',
    stepsUnit: 'steps',
    secondsUnit: 's',
    samplesUnit: 'samples',
    tokensUnit: 'tokens',
    tpsUnit: 'tokens/s',
    paramsUnit: 'params',
    tokLabel: 'Tokens per epoch',
    tpsLabel: 'Tokens per second per GPU',
    countHint: 'Large counts may be written as 1.4e12.',
    tpsHint: 'Measured on your run. For scale: LLaMA-65B trained at about 380 tokens/s per A100 (Touvron et al., 2023).',
    presetLabel: 'Model',
    presetCustom: 'Custom',
    presetSourceHint: 'Parameter count: {source}',
    presetCustomHint: 'Your own parameter count.',
    methodLabel: 'Method',
    methodLora: 'LoRA (frozen base weights)',
    methodFull: 'Full fine-tuning',
    paramsLabel: 'Parameters',
    trainableLabel: 'Trainable (adapter) parameters',
    ftokLabel: 'Tokens per epoch',
    mfuLabel: 'MFU (model FLOPs utilisation)',
    mfuHint: 'Default {mfu}: between the 46.2 % of PaLM’s large, tuned pre-training run (Chowdhery et al., 2022) and the 20–30 % typical of small fine-tuning jobs. Use your own figure once you have measured it.',
    pkLabel: 'GPU peak, dense BF16/FP16',
    pkHintTable: 'Empty: {peak} TFLOPS for the {gpu} from the price table. Source: {source}',
    pkHintNone: 'The price table has no peak figure for this GPU: enter its dense BF16/FP16 peak.',
    flopsHint: 'Full fine-tuning ≈ {trained} × parameters × tokens (2 forward + 4 backward, Kaplan et al., 2020). LoRA ≈ {frozen} × frozen parameters × tokens + {trained} × trainable parameters × tokens (no weight gradients for the frozen base).',
    derivedTrial: 'T = {seconds} s ÷ {steps} steps × {spe} steps = {t}',
    derivedTrialSamples: 'Steps per epoch = ⌈{samples} ÷ {batch}⌉ = {spe}; T = {seconds} s ÷ {steps} steps × {spe} steps = {t}',
    derivedThroughput: 'T = {tokens} tokens ÷ ({tps} tokens/s × {gpus} GPUs) = {t}',
    derivedFlopsFull: 'FLOPs per epoch = {trained} × {params} × {tokens} = {flops}',
    derivedFlopsLora: 'FLOPs per epoch = {frozen} × {params} × {tokens} + {trained} × {trainable} × {tokens} = {flops}',
    derivedFlopsT: 'T = {flops} FLOPs ÷ ({gpus} GPUs × {peak} TFLOPS × MFU {mfu}) = {t}',

    memoryTitle: 'GPU memory',
    memory_fits: 'Fits',
    memory_tight: 'Tight',
    memory_does_not_fit: 'Does not fit',
    memoryText: 'About {needed} GB needed per GPU; the {gpu} has {memory} GB.',
    memoryUnknown: 'Not checked: the price table gives no memory figure for this GPU.',
    memoryNoTable: 'Not checked: without a price table the GPU’s memory is unknown.',
    memoryAssumptions: 'Model state only, before activations. Full fine-tuning with mixed-precision AdamW: 16 bytes per parameter (BF16 weights and gradients, FP32 master weights and Adam moments; ZeRO, Rajbhandari et al., 2020), sharded over the N GPUs. LoRA: the frozen weights in BF16 (2 bytes per parameter) on every GPU, plus 16 bytes per adapter parameter. Up to 80 % of the GPU’s memory fits; 80–100 % is tight (activations and the CUDA context need the rest).',

    planLegend: 'Plan backwards',
    budgetLabel: 'Budget',
    budgetHint: 'Finds the most epochs it buys.',
    byLabel: 'Deadline',
    byHint: 'Finds the fewest GPUs that finish in time (throughput or FLOPs model).',
    planEmpty: 'Enter a budget or a deadline to plan backwards.',
    planBudget: 'A budget of {budget} buys at most {epochs} epochs.',
    planBudgetOne: 'A budget of {budget} buys at most 1 epoch.',
    planBudgetNone: 'A budget of {budget} does not cover one epoch ({perEpoch} per epoch).',
    planDeadline: 'To finish in {hours} you need {gpus} GPUs ({instances} × {instance}).',
    planDeadlineNoInstance: 'To finish in {hours} you need {gpus} GPUs.',

    compareTitle: 'Compare every instance',
    compareCaption: 'The same workload on every instance type, sorted by total cost',
    tColumn: 'T per epoch',
    wallColumn: 'Wall-clock',
    fitsColumn: 'Memory',
    cheapest: 'Cheapest',
    selectedInstance: 'selected',
    compareNote_direct: 'T is the same on every instance (given directly), so this is a price comparison.',
    compareNote_trial: 'T comes from your trial run and is the same on every instance, so this is a price comparison.',
    compareNote_throughput: 'The throughput per GPU is taken as the same on every GPU, so only the prices and whole instances differ.',
    compareNote_flops: 'T follows each GPU’s dense peak; memory is checked for each GPU.',
    compareNoteCommon: 'N = {gpus} GPUs, rounded up to whole instances; each row at its table price.',
    compareOverride: 'Your price override is set aside here.',
    compareNeedsTable: 'The comparison needs a price table.',
    compareChartTitle: 'Total cost by instance',
    fitsNotChecked: 'not checked',

    exportEstimateTitle: 'Export this estimate',
    exportCompareTitle: 'Export the comparison',
    copyMarkdown: 'Copy Markdown',
    exportDone: 'Downloaded {file}.',
    markdownCopied: 'Markdown copied.',
    exportManual: 'Copying is blocked here: the Markdown is selected, press Ctrl+C (⌘C) to copy it.',
    exportFailed: 'The export failed: {message}',
    exportNeedsTable: 'Exporting needs a price table.',

    pricesProblemTitle: 'The price table could not be used',
    pricesFileProblemTitle: 'This file is not a usable price table',
    pricesReason_http: 'The server answered HTTP {status} for {path}.',
    pricesReason_http404: 'The server has no {path} (HTTP 404, not found).',
    pricesReason_network: 'The network request for {path} failed.',
    pricesReason_timeout: 'No answer for {path} within {seconds} seconds.',
    pricesReason_not_json: '{path} is not JSON.',
    pricesReason_invalid: '{path} is not a valid price table:',
    pricesReason_too_large: '{path} is too large for a price table (at most {max} KB).',
    pricesReason_unreadable: '{path} could not be read.',
    pricesFallback: 'You can still calculate with your own price: enter P and N (no instance type).',
    pricesFileKept: 'The previous table is still in use.',
    retry: 'Retry',
    dismiss: 'Dismiss',
    updateReady: 'A new version of epochcost is ready. Reload to use it: your inputs are kept in the address.',
    updateReload: 'Reload',
    updateOtherTabs: 'Close the other epochcost tabs first ({count} open): they still run this version.',
    retrying: 'Loading the price table again…',
    linkWayChosen: 'Using {way}.',

    memoryColumn: 'GPU memory',
    peakColumn: 'Dense peak',
    specsSummary: 'Where the GPU figures come from',
    gbValue: '{gb} GB',
    tflopsValue: '{tflops} TFLOPS',

    howTimeTitle: 'Getting T',
    howTrial: 'Trial run: T = seconds ÷ steps run × steps per epoch; steps per epoch = ⌈samples ÷ global batch⌉ when not given (a last, partial batch is still a step).',
    howThroughput: 'Throughput: T = tokens per epoch ÷ (tokens per second per GPU × N). The LLaMA paper’s 65B run (about 380 tokens/s per GPU, 2,048 A100s, 1.4 T tokens) comes out at 1,023,392 GPU-hours against the 1,022,362 reported.',
    howFlops: 'FLOPs model: T = FLOPs per epoch ÷ (N × dense peak × MFU). Full fine-tuning costs {trained} × parameters × tokens (Kaplan et al., 2020); LoRA {frozen} × frozen parameters × tokens + {trained} × trainable parameters × tokens. The peak is the GPU’s dense BF16/FP16 figure from the price table (datasheets often print the sparse one, twice as high).',
    howMfu: 'MFU defaults to 35 %: between PaLM’s 46.2 % for a large, tuned pre-training run (Chowdhery et al., 2022) and the 20–30 % typical of small fine-tuning jobs. It is an input: change it when you have measured yours.',
    howMemory: 'Memory fit (FLOPs model): full fine-tuning needs 16 bytes per parameter sharded over the N GPUs; LoRA 2 bytes per frozen parameter on every GPU plus 16 per adapter parameter; activations come on top. Up to 80 % of the GPU’s memory fits, 80–100 % is tight.',

    loadFailed: 'The calculator could not start: {reason} Reload the page to try again.',
    reason_engine_load_failed: 'the calculation engine did not load.',
    reason_unknown: 'an unexpected error occurred.',
  },
  zh: {
    htmlLang: 'zh-CN',
    locale: 'zh-CN',
    pageTitle: 'epochcost — 训练每 epoch 费用计算器',
    pageDescription: '估算模型训练每个 epoch 及总计的费用:Cost = T × P × N + D + M,采用 Ciuic GPU 价格。可分享链接,可嵌入网页。',
    skipToCalc: '跳到计算器',
    linkLoading: '正在计算此链接中的估算…',
    linkSlow: '计算器加载较慢。如果此提示一直存在,请检查网络连接并重新加载页面。',
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
    pending: '尚未更新:仍在加载',
    notComputed: '未更新:计算器未能加载',
    loading: '计算中…',
    formulaTitle: '公式',
    formulaSymbolic: '每 epoch 费用 = T × P × N + D + M',
    formulaBilledNote: 'N 为计费的 GPU 数:{gpus} 块 GPU 需要 {instances} 个完整的 {instance} 实例(共 {billed} 块)。',
    formulaAdjustedNote: '算力费用已包含说明中列出的调整(计费粒度、折扣),并均摊到各个 epoch。',
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
    priceCustom: '自定义单价;无价格表',
    notesTitle: '说明',
    noNotes: '无调整:整实例、按实际时长、无折扣。',

    durationDays: '{d} 天',
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

    pricesChoiceLabel: '价格表',
    pricesCiuic: 'Ciuic(人民币),原文价格表',
    pricesDeepseek: 'DeepSeek-V3 技术报告:H800 每 GPU·小时 2 美元',
    pricesFileOption: '文件:{name}',
    pricesNoTableOption: '无价格表:自定义单价',
    loadFile: '载入文件…',
    pricesChoiceHint: '也可载入自己的价格表(JSON,同一格式)。文件中的价格表只保存在本机:链接记录单价,不记录价格表。',
    pricesFileInLink: '此价格表来自文件:链接记录单价,不记录价格表。',
    noTableOption: '— 无价格表 —',
    noTableHint: '没有价格表:请填写 P 和 N。',
    pRequiredHint: '必填:未载入价格表。',
    pLabelRequired: 'P — 每 GPU·小时单价',
    nRequiredHint: '必填:未载入价格表。',

    wayLegend: '一个 epoch 需要多久?',
    wayDirect: '直接填写时长',
    wayTrial: '试运行',
    wayThroughput: '吞吐量',
    wayFlops: 'FLOPs 模型',
    wayName_direct: '直接填写的时长',
    wayName_trial: '试运行',
    wayName_throughput: '吞吐量',
    wayName_flops: 'FLOPs 模型',
    trialHint: '在相同配置上计时跑几步;去掉最开始较慢的几步(预热、编译)。',
    trialStepsLabel: '试运行步数',
    trialSecondsLabel: '所用时间',
    trialModeLegend: '每 epoch 步数',
    trialModeSteps: '已知',
    trialModeSamples: '由样本数和批大小算出',
    trialSpeLabel: '每 epoch 步数',
    trialSamplesLabel: '每 epoch 样本数',
    trialBatchLabel: '全局批大小',
    stepsUnit: '步',
    secondsUnit: '秒',
    samplesUnit: '样本',
    tokensUnit: 'token',
    tpsUnit: 'token/秒',
    paramsUnit: '参数',
    tokLabel: '每 epoch token 数',
    tpsLabel: '每 GPU 每秒 token 数',
    countHint: '大数可写作 1.4e12。',
    tpsHint: '取自实测。参考:LLaMA-65B 训练时每块 A100 约 380 token/秒(Touvron 等,2023)。',
    presetLabel: '模型',
    presetCustom: '自定义',
    presetSourceHint: '参数量来源:{source}',
    presetCustomHint: '自定义参数量。',
    methodLabel: '训练方式',
    methodLora: 'LoRA(冻结基座权重)',
    methodFull: '全量微调',
    paramsLabel: '参数量',
    trainableLabel: '可训练(适配器)参数量',
    ftokLabel: '每 epoch token 数',
    mfuLabel: 'MFU(模型算力利用率)',
    mfuHint: '默认 {mfu}:介于 PaLM 大规模、充分调优的预训练的 46.2%(Chowdhery 等,2022)与小规模微调常见的 20–30% 之间。实测后请改用你自己的数值。',
    pkLabel: 'GPU 峰值(稠密 BF16/FP16)',
    pkHintTable: '留空则使用价格表中 {gpu} 的 {peak} TFLOPS。来源:{source}',
    pkHintNone: '价格表中没有该 GPU 的峰值:请填写其稠密 BF16/FP16 峰值。',
    flopsHint: '全量微调 ≈ {trained} × 参数量 × token 数(前向 2 + 反向 4,Kaplan 等,2020)。LoRA ≈ {frozen} × 冻结参数量 × token 数 + {trained} × 可训练参数量 × token 数(冻结的基座不需要权重梯度)。',
    derivedTrial: 'T = {seconds} 秒 ÷ {steps} 步 × {spe} 步 = {t}',
    derivedTrialSamples: '每 epoch 步数 = ⌈{samples} ÷ {batch}⌉ = {spe};T = {seconds} 秒 ÷ {steps} 步 × {spe} 步 = {t}',
    derivedThroughput: 'T = {tokens} token ÷ ({tps} token/秒 × {gpus} 块 GPU) = {t}',
    derivedFlopsFull: '每 epoch FLOPs = {trained} × {params} × {tokens} = {flops}',
    derivedFlopsLora: '每 epoch FLOPs = {frozen} × {params} × {tokens} + {trained} × {trainable} × {tokens} = {flops}',
    derivedFlopsT: 'T = {flops} FLOPs ÷ ({gpus} 块 GPU × {peak} TFLOPS × MFU {mfu}) = {t}',

    memoryTitle: 'GPU 显存',
    memory_fits: '够用',
    memory_tight: '紧张',
    memory_does_not_fit: '不够',
    memoryText: '每块 GPU 约需 {needed} GB;{gpu} 有 {memory} GB。',
    memoryUnknown: '未检查:价格表没有该 GPU 的显存数据。',
    memoryNoTable: '未检查:没有价格表,不知道 GPU 显存。',
    memoryAssumptions: '仅计模型状态,不含激活。混合精度 AdamW 全量微调:每个参数 16 字节(BF16 权重与梯度、FP32 主权重与 Adam 动量;ZeRO,Rajbhandari 等,2020),分摊到 N 块 GPU。LoRA:每块 GPU 存放 BF16 冻结权重(每参数 2 字节),另加每个适配器参数 16 字节。不超过显存的 80% 为够用;80–100% 为紧张(其余需留给激活和 CUDA 上下文)。',

    planLegend: '反向规划',
    budgetLabel: '预算',
    budgetHint: '算出最多能训练几个 epoch。',
    byLabel: '截止时间',
    byHint: '算出按时完成所需的最少 GPU 数(吞吐量或 FLOPs 模型)。',
    planEmpty: '填写预算或截止时间即可反向规划。',
    planBudget: '预算 {budget} 最多可训练 {epochs} 个 epoch。',
    planBudgetOne: '预算 {budget} 最多可训练 1 个 epoch。',
    planBudgetNone: '预算 {budget} 不够训练一个 epoch(每 epoch {perEpoch})。',
    planDeadline: '要在 {hours}内完成,需要 {gpus} 块 GPU({instances} 个 {instance})。',
    planDeadlineNoInstance: '要在 {hours}内完成,需要 {gpus} 块 GPU。',

    compareTitle: '对比所有实例',
    compareCaption: '同一训练任务在各实例类型上的费用,按总费用排序',
    tColumn: '每 epoch 时长',
    wallColumn: '实际耗时',
    fitsColumn: '显存',
    cheapest: '最便宜',
    selectedInstance: '当前选择',
    compareNote_direct: '各实例的 T 相同(直接填写),因此这只是价格对比。',
    compareNote_trial: 'T 来自试运行,各实例相同,因此这只是价格对比。',
    compareNote_throughput: '假定每块 GPU 的吞吐量在各 GPU 上相同,因此只有单价和整实例取整不同。',
    compareNote_flops: 'T 随各 GPU 的稠密峰值变化;显存按各 GPU 检查。',
    compareNoteCommon: 'N = {gpus} 块 GPU,向上取整到整实例;每行按价格表单价计算。',
    compareOverride: '此处不使用你自定义的单价。',
    compareNeedsTable: '对比需要价格表。',
    compareChartTitle: '各实例总费用',
    fitsNotChecked: '未检查',

    exportEstimateTitle: '导出本估算',
    exportCompareTitle: '导出对比',
    copyMarkdown: '复制 Markdown',
    exportDone: '已下载 {file}。',
    markdownCopied: 'Markdown 已复制。',
    exportManual: '此处无法自动复制:Markdown 已选中,请按 Ctrl+C(⌘C)复制。',
    exportFailed: '导出失败:{message}',
    exportNeedsTable: '导出需要价格表。',

    pricesProblemTitle: '价格表无法使用',
    pricesFileProblemTitle: '该文件不是可用的价格表',
    pricesReason_http: '服务器对 {path} 返回 HTTP {status}。',
    pricesReason_http404: '服务器上没有 {path}(HTTP 404,未找到)。',
    pricesReason_network: '{path} 的网络请求失败。',
    pricesReason_timeout: '{path} 在 {seconds} 秒内没有响应。',
    pricesReason_not_json: '{path} 不是 JSON。',
    pricesReason_invalid: '{path} 不是有效的价格表:',
    pricesReason_too_large: '{path} 太大,不是价格表(最多 {max} KB)。',
    pricesReason_unreadable: '无法读取 {path}。',
    pricesFallback: '仍可使用自定义单价计算:请填写 P 和 N(不选实例类型)。',
    pricesFileKept: '仍在使用之前的价格表。',
    retry: '重试',
    dismiss: '关闭',
    updateReady: 'epochcost 有新版本。重新加载即可使用,输入都保存在地址中。',
    updateReload: '重新加载',
    updateOtherTabs: '请先关闭其他 epochcost 标签页(还有 {count} 个):它们仍在运行当前版本。',
    retrying: '正在重新载入价格表…',
    linkWayChosen: '已改用{way}。',

    memoryColumn: 'GPU 显存',
    peakColumn: '稠密峰值',
    specsSummary: 'GPU 参数的来源',
    gbValue: '{gb} GB',
    tflopsValue: '{tflops} TFLOPS',

    howTimeTitle: '如何得到 T',
    howTrial: '试运行:T = 耗时(秒)÷ 步数 × 每 epoch 步数;未给出每 epoch 步数时,取 ⌈样本数 ÷ 全局批大小⌉(最后不满的一批也算一步)。',
    howThroughput: '吞吐量:T = 每 epoch token 数 ÷(每 GPU 每秒 token 数 × N)。LLaMA 论文的 65B 训练(每 GPU 约 380 token/秒,2048 块 A100,1.4 万亿 token)算得 1,023,392 GPU·时,论文报告为 1,022,362。',
    howFlops: 'FLOPs 模型:T = 每 epoch FLOPs ÷(N × 稠密峰值 × MFU)。全量微调为 {trained} × 参数量 × token 数(Kaplan 等,2020);LoRA 为 {frozen} × 冻结参数量 × token 数 + {trained} × 可训练参数量 × token 数。峰值取价格表中 GPU 的稠密 BF16/FP16 数值(数据手册常印稀疏数值,是它的两倍)。',
    howMfu: 'MFU 默认 35%:介于 PaLM 大规模、充分调优的预训练的 46.2%(Chowdhery 等,2022)与小规模微调常见的 20–30% 之间。它是可修改的输入:实测后请改用你的数值。',
    howMemory: '显存检查(FLOPs 模型):全量微调每个参数 16 字节,分摊到 N 块 GPU;LoRA 每块 GPU 存放冻结参数(每个 2 字节),另加每个适配器参数 16 字节;激活另计。不超过显存的 80% 为够用,80–100% 为紧张。',

    loadFailed: '计算器无法启动:{reason}请刷新页面重试。',
    reason_engine_load_failed: '计算引擎未能加载。',
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
const NO_PARAMS = Object.freeze({});

/** Whether the catalogue has its own string for key in lang (t falls back to English). */
export function hasString(lang, key) {
  return Object.prototype.hasOwnProperty.call(STRINGS[lang], key);
}

export function t(key, params = NO_PARAMS) {
  const template = STRINGS[current][key] ?? STRINGS.en[key];
  if (template === undefined) return key;
  return fill(template, params);
}

const PLACEHOLDER_NAME = /^\w+$/;

/**
 * Replaces {name} by params[name]; unknown placeholders stay visible as
 * written. A scan, not a replace with a callback: it runs some twenty times
 * a keystroke.
 */
export function fill(template, params) {
  let open = template.indexOf('{');
  if (open < 0) return template;
  let out = '';
  let from = 0;
  while (open >= 0) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    if (PLACEHOLDER_NAME.test(name) && Object.prototype.hasOwnProperty.call(params, name)) {
      out += template.slice(from, open) + String(params[name]);
      from = close + 1;
      open = template.indexOf('{', from);
    } else {
      open = template.indexOf('{', open + 1);
    }
  }
  return out + template.slice(from);
}

/** The engine message of an error or note in the current language. */
export function engineMessage(item) {
  const text = current === 'zh' ? item.message_zh : item.message_en;
  // Engine messages quote link parameters and table values: no bidi controls.
  return cleanText(typeof text === 'string' && text ? text : String(item.code || ''));
}

/**
 * Fills the static page: every element with data-i18n gets its text, and
 * data-i18n-attr="attr:key;attr:key" sets attributes.
 */
/** Figures the page's static text quotes from the core's schema ("Default {mfu}", "{trained} × parameters"). */
const STATIC_PARAMS = {
  mfu: SCHEMA.fields.find((field) => field.key === 'flops.mfu').default,
  ...SCHEMA.constants.flops_per_param_token,
};

/** The catalogue of lang with the figures its static text quotes filled in. */
export function staticStrings(lang) {
  return Object.fromEntries(Object.entries(STRINGS[lang]).map(([key, text]) => [key, fill(text, STATIC_PARAMS)]));
}

export function applyStaticStrings(root = document) {
  // Only what differs is written: on an English page, which the built HTML
  // already is (scripts/static-strings.mjs), nothing is, and the first estimate is not held up by ~200 writes.
  for (const el of root.querySelectorAll('[data-i18n]')) {
    setText(el, t(el.dataset.i18n, STATIC_PARAMS));
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) setAttr(el, attr.trim(), t(key.trim()));
    }
  }
  setAttr(document.documentElement, 'lang', t('htmlLang'));
  if (document.title !== t('pageTitle')) document.title = t('pageTitle');
  setAttr(document.querySelector('meta[name="description"]'), 'content', t('pageDescription'));
}
