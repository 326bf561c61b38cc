// The table of inputs (see schema.h) and its JSON form.
#include "epochcost/schema.h"

#include <algorithm>
#include <cstdlib>

#include "epochcost/config.h"
#include "epochcost/decimal_text.h"
#include "epochcost/epoch_time.h"
#include "epochcost/error.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/memory_fit.h"
#include "epochcost/model_shape.h"
#include "epochcost/price_table.h"
#include "input_limits.h"
#include "json_writer.h"

namespace epochcost {
namespace {

constexpr auto kDecimal = FieldKind::kDecimal;
constexpr auto kInteger = FieldKind::kInteger;
constexpr auto kChoice = FieldKind::kChoice;
constexpr auto kText = FieldKind::kText;
constexpr auto kMoney = FieldGroup::kMoney;
constexpr auto kList = FieldKind::kList;
constexpr auto kRequired = Need::kRequired;
constexpr auto kOptional = Need::kOptional;
constexpr bool kZeroOk = true;
constexpr bool kPositive = false;
constexpr bool kExponent = true;
constexpr bool kPlain = false;

// The bounds are generous for real runs and small enough that the exact
// arithmetic in 128-bit integers cannot overflow for typical inputs.
//
// The examples are the seed article's worked example (DeepSeek-7B LoRA on
// A100 x4: T 1.5 h, N 4, D 2, M 1, 10 epochs) and, for the other ways of
// getting T, docs/estimating-time.md's: a trial of 50 steps in 120 s, 1,000
// steps per epoch (or the Alpaca set's 52,002 samples in batches of 32), 1e8
// tokens at 380 tokens/s per GPU, and for the FLOPs way the seed's model,
// DeepSeek-LLM 7B: the count of its config.json's shape (6,910,365,696) and
// of its default LoRA setting, rank 8 on q_proj and v_proj (3,932,160), at
// the default MFU (a test holds these to the preset). An empty example means the
// page starts empty there (the table's price, no discount, no plan).
// clang-format off
const std::vector<Field> kFields = {
  // key                                    link    kind      group               need       way           alternative  only_when            unit                 default  example   zero      max                      choices               notation
  {"instance",                              "i",    kChoice,  FieldGroup::kRun,   kOptional, "",           "",          "",                  "",                  "",      "a100x4", kPositive, 0,                      "",                   kPlain},
  {"hours_per_epoch",                       "t",    kDecimal, FieldGroup::kTime,  kRequired, "direct",     "",          "",                  "h",                 "",      "1.5",    kPositive, 100000,                 "",                   kPlain},
  {"trial.steps",                           "ts",   kInteger, FieldGroup::kTime,  kRequired, "trial",      "",          "",                  "steps",             "",      "50",     kPositive, 1000000000,             "",                   kPlain},
  {"trial.seconds",                         "tsec", kDecimal, FieldGroup::kTime,  kRequired, "trial",      "",          "",                  "s",                 "",      "120",    kPositive, 10000000,               "",                   kPlain},
  {"trial.steps_per_epoch",                 "tspe", kInteger, FieldGroup::kTime,  kRequired, "trial",      "steps",     "",                  "steps",             "",      "1000",   kPositive, 1000000000000,          "",                   kPlain},
  {"trial.samples",                         "tn",   kInteger, FieldGroup::kTime,  kRequired, "trial",      "samples",   "",                  "samples",           "",      "52002",  kPositive, 10000000000000,         "",                   kPlain},
  {"trial.global_batch",                    "tb",   kInteger, FieldGroup::kTime,  kRequired, "trial",      "samples",   "",                  "samples",           "",      "32",     kPositive, 10000000,               "",                   kPlain},
  {"throughput.tokens_per_epoch",           "tok",  kDecimal, FieldGroup::kTime,  kRequired, "throughput", "",          "",                  "tokens",            "",      "1e8",    kPositive, 10000000000000000,      "",                   kExponent},
  {"throughput.tokens_per_second_per_gpu",  "tps",  kDecimal, FieldGroup::kTime,  kRequired, "throughput", "",          "",                  "tokens/s/GPU",      "",      "380",    kPositive, 1000000000,             "",                   kPlain},
  // The model's and the adapters' counts, when no model is given (with a
  // model they follow from its shape and the training setup).
  {"flops.params",                          "fp",   kDecimal, FieldGroup::kTime,  kOptional, "flops",      "",          "",                  "parameters",        "",      "6910365696", kPositive, 10000000000000,     "",                   kExponent},
  {"flops.trainable_params",                "ft",   kDecimal, FieldGroup::kTime,  kOptional, "flops",      "",          "training.method=lora|qlora", "parameters", "",   "3932160", kPositive, 10000000000000,         "",                   kExponent},
  {"flops.tokens_per_epoch",                "ftok", kDecimal, FieldGroup::kTime,  kRequired, "flops",      "",          "",                  "tokens",            "",      "1e8",    kPositive, 10000000000000000,      "",                   kExponent},
  // The method before training.method existed: still read, and written as
  // training.method.
  {"flops.method",                          "fm",   kChoice,  FieldGroup::kTime,  kOptional, "flops",      "",          "",                  "",                  "",      "",       kPositive, 0,                      "full, lora",         kPlain},
  // 0.35: between the PaLM paper's 46.2 % MFU for a large, tuned run
  // (Chowdhery et al. 2022) and the 20-30 % typical of small
  // fine-tuning jobs. Always shown and changeable.
  {"flops.mfu",                             "mfu",  kDecimal, FieldGroup::kTime,  kOptional, "flops",      "",          "",                  "ratio",             "0.35",  "0.35",   kPositive, 1,                      "",                   kPlain},
  {"flops.peak_tflops",                     "pk",   kDecimal, FieldGroup::kTime,  kOptional, "flops",      "",          "",                  "TFLOPS",            "",      "",       kPositive, 100000,                 "",                   kPlain},
  // The model: a preset, or its shape in config.json's keys (docs/memory.md).
  {"model.preset",                          "model", kChoice, FieldGroup::kModel, kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,      "deepseek-llm-7b-base, deepseek-llm-67b-base, llama-2-7b, llama-2-13b, llama-2-70b, llama-3.1-8b, llama-3.1-70b, llama-3.1-405b, mistral-7b-v0.1, qwen2.5-7b", kPlain},
  {"model.architecture",                    "arch", kChoice,  FieldGroup::kModel, kOptional, "",           "",          "model.preset=",                  "",                  "LlamaForCausalLM", "", kPositive, 0,             "LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM", kPlain},
  {"model.num_hidden_layers",               "layers", kInteger, FieldGroup::kModel, kOptional, "",         "",          "model.preset=",                  "layers",            "",      "",       kPositive, 1000,                   "",                   kPlain},
  {"model.hidden_size",                     "hid",  kInteger, FieldGroup::kModel, kOptional, "",           "",          "model.preset=",                  "",                  "",      "",       kPositive, 1000000,                "",                   kPlain},
  {"model.intermediate_size",               "ffn",  kInteger, FieldGroup::kModel, kOptional, "",           "",          "model.preset=",                  "",                  "",      "",       kPositive, 10000000,               "",                   kPlain},
  {"model.num_attention_heads",             "heads", kInteger, FieldGroup::kModel, kOptional, "",          "",          "model.preset=",                  "heads",             "",      "",       kPositive, 10000,                  "",                   kPlain},
  {"model.num_key_value_heads",             "kv",   kInteger, FieldGroup::kModel, kOptional, "",           "",          "model.preset=",                  "heads",             "",      "",       kPositive, 10000,                  "",                   kPlain},
  {"model.vocab_size",                      "vocab", kInteger, FieldGroup::kModel, kOptional, "",          "",          "model.preset=",                  "tokens",            "",      "",       kPositive, 10000000,               "",                   kPlain},
  {"model.tie_word_embeddings",             "tie",  kChoice,  FieldGroup::kModel, kOptional, "",           "",          "model.preset=",                  "",                  "false", "",       kPositive, 0,                      "false, true",        kPlain},
  // How it is trained, for the memory per GPU (docs/memory.md). The
  // defaults: PEFT's usual rank-8 adapters on q and v, AdamW, 2,048 tokens,
  // one sequence per GPU, no checkpointing, no sharding.
  {"training.method",                       "tm",   kChoice,  FieldGroup::kTraining, kOptional, "",        "",          "",                  "",                  "lora",  "",   kPositive, 0,                      "full, lora, qlora",  kPlain},
  {"training.lora_rank",                    "rank", kInteger, FieldGroup::kTraining, kOptional, "",        "",          "training.method=lora|qlora", "",         "8",     "",       kPositive, 65536,                  "",                   kPlain},
  {"training.lora_targets",                 "tgt",  kList,    FieldGroup::kTraining, kOptional, "",        "",          "training.method=lora|qlora", "",         "q_proj,v_proj", "", kPositive, 0,                   "q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj", kPlain},
  {"training.optimizer",                    "opt",  kChoice,  FieldGroup::kTraining, kOptional, "",        "",          "",                  "",                  "adamw", "",       kPositive, 0,                      "adamw, adamw_8bit, sgd", kPlain},
  {"training.seq_len",                      "seq",  kInteger, FieldGroup::kTraining, kOptional, "",        "",          "",                  "tokens",            "2048",  "",       kPositive, 10000000,               "",                   kPlain},
  {"training.micro_batch",                  "mb",   kInteger, FieldGroup::kTraining, kOptional, "",        "",          "",                  "sequences/GPU",     "1",     "",       kPositive, 100000,                 "",                   kPlain},
  {"training.activation_checkpointing",     "ac",   kChoice,  FieldGroup::kTraining, kOptional, "",        "",          "",                  "",                  "false", "",       kPositive, 0,                      "false, true",        kPlain},
  {"training.zero_stage",                   "zero", kInteger, FieldGroup::kTraining, kOptional, "",        "",          "",                  "",                  "0",     "",       kZeroOk,   3,                      "",                   kPlain},
  {"price_per_gpu_hour",                    "p",    kDecimal, FieldGroup::kPrice, kOptional, "",           "",          "",                  "currency/GPU-hour", "",      "",       kPositive, 10000000,               "",                   kPlain},
  {"gpus",                                  "n",    kInteger, FieldGroup::kRun,   kOptional, "",           "",          "",                  "GPU",               "",      "4",      kPositive, 100000,                 "",                   kPlain},
  {"data_cost_per_epoch",                   "d",    kDecimal, FieldGroup::kPrice, kOptional, "",           "",          "",                  "currency",          "0",     "2",      kZeroOk,   1000000000,             "",                   kPlain},
  {"ops_cost_per_epoch",                    "m",    kDecimal, FieldGroup::kPrice, kOptional, "",           "",          "",                  "currency",          "0",     "1",      kZeroOk,   1000000000,             "",                   kPlain},
  {"epochs",                                "e",    kInteger, FieldGroup::kRun,   kOptional, "",           "",          "",                  "epochs",            "1",     "10",     kPositive, 1000000,                "",                   kPlain},
  {"billing_increment_seconds",             "bill", kInteger, FieldGroup::kPrice, kOptional, "",           "",          "",                  "s",                 "0",     "0",      kZeroOk,   86400,                  "",                   kPlain},
  {"discount_percent",                      "disc", kDecimal, FieldGroup::kPrice, kOptional, "",           "",          "",                  "%",                 "0",     "",       kZeroOk,   100,                    "",                   kPlain},
  {"budget",                                "budget", kDecimal, FieldGroup::kPlan, kOptional, "",          "",          "",                  "currency",          "",      "",       kPositive, 1000000000000,          "",                   kPlain},
  {"deadline_hours",                        "by",   kDecimal, FieldGroup::kPlan,  kOptional, "",           "",          "",                  "h",                 "",      "",       kPositive, 1000000,                "",                   kPlain},
  // The hours a run really bills (docs/billed-hours.md): overheads, spot
  // capacity, scaling across instances and a range. Nothing changes when
  // they are absent.
  {"overheads.startup_hours",               "osu",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "h",                 "0",     "",       kZeroOk,   10000,                  "",                   kPlain},
  {"overheads.eval_hours_per_epoch",        "oev",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "h",                 "0",     "",       kZeroOk,   10000,                  "",                   kPlain},
  {"overheads.checkpoint_save_minutes",     "ocm",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "min",               "0",     "",       kZeroOk,   100000,                 "",                   kPlain},
  {"overheads.checkpoints_per_epoch",       "ocn",  kInteger, FieldGroup::kHours, kOptional, "",           "",          "",                  "checkpoints",       "0",     "",       kZeroOk,   100000,                 "",                   kPlain},
  {"spot.price_per_gpu_hour",               "spp",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "currency/GPU-hour", "",      "",       kPositive, 10000000,               "",                   kPlain},
  // Below 1 per hour: the bound is exclusive (MaxIsExclusive).
  {"spot.interruptions_per_hour",           "spl",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "1/h",               "",      "",       kZeroOk,   1,                      "",                   kPlain},
  {"spot.checkpoint_interval_hours",        "spi",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "h",                 "",      "",       kPositive, 100000,                 "",                   kPlain},
  {"spot.restart_hours",                    "spr",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "h",                 "0",     "",       kZeroOk,   10000,                  "",                   kPlain},
  {"scaling_efficiency",                    "sce",  kDecimal, FieldGroup::kHours, kOptional, "",           "",          "",                  "ratio",             "1",     "",       kPositive, 1,                      "",                   kPlain},
  {"flops.mfu_low",                         "rml",  kDecimal, FieldGroup::kHours, kOptional, "flops",      "",          "",                  "ratio",             "",      "",       kPositive, 1,                      "",                   kPlain},
  {"flops.mfu_high",                        "rmh",  kDecimal, FieldGroup::kHours, kOptional, "flops",      "",          "",                  "ratio",             "",      "",       kPositive, 1,                      "",                   kPlain},
  {"throughput.range_percent",              "rtp",  kDecimal, FieldGroup::kHours, kOptional, "throughput", "",          "",                  "%",                 "0",     "",       kZeroOk,   99,                     "",                   kPlain},
  // In the units people budget in (docs/money.md): a second currency at a
  // stated rate (one unit of the table's currency in `code`), the run's
  // energy and carbon, and GPUs owned rather than rented. Nothing changes
  // when they are absent.
  {"display_currency.code",                 "cur",  kChoice,  kMoney,             kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,                      "USD, CNY, EUR, GBP, JPY, KRW, HKD, SGD, INR, CAD, AUD, CHF", kPlain},
  {"display_currency.rate",                 "rate", kDecimal, kMoney,             kOptional, "",           "",          "",                  "per table unit",    "",      "",       kPositive, 1000000,                "",                   kPlain},
  {"display_currency.date",                 "rdate", kText,   kMoney,             kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,                      "YYYY-MM-DD",         kPlain},
  {"display_currency.source",               "rsrc", kText,    kMoney,             kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,                      "",                   kPlain},
  {"energy.watts_per_gpu",                  "w",    kDecimal, kMoney,             kOptional, "",           "",          "",                  "W",                 "",      "",       kPositive, 10000,                  "",                   kPlain},
  {"energy.pue",                            "pue",  kDecimal, kMoney,             kOptional, "",           "",          "",                  "ratio",             "1",     "",       kPositive, 10,                     "",                   kPlain},
  {"energy.kg_co2_per_kwh",                 "co2",  kDecimal, kMoney,             kOptional, "",           "",          "",                  "kg CO2eq/kWh",      "",      "",       kZeroOk,   10,                     "",                   kPlain},
  {"energy.price_per_kwh",                  "kwhp", kDecimal, kMoney,             kOptional, "",           "",          "",                  "currency/kWh",      "",      "",       kZeroOk,   1000,                   "",                   kPlain},
  {"owned.purchase_price_per_gpu",          "buy",  kDecimal, kMoney,             kOptional, "",           "",          "",                  "currency",          "",      "",       kPositive, 1000000000,             "",                   kPlain},
  {"owned.service_life_years",              "life", kDecimal, kMoney,             kOptional, "",           "",          "",                  "years",             "",      "",       kPositive, 50,                     "",                   kPlain},
  {"owned.price_per_gpu_hour",              "amort", kDecimal, kMoney,            kOptional, "",           "",          "",                  "currency/GPU-hour", "",      "",       kZeroOk,   10000000,               "",                   kPlain},
  {"prices",                                "prices", kText,  FieldGroup::kPage,  kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,                      "prices/NAME.json",   kPlain},
  {"lang",                                  "lang", kChoice,  FieldGroup::kPage,  kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,                      "en, zh",             kPlain},
  // embed: 1 the editable compact calculator, figures the read-only one.
  {"embed",                                 "embed", kChoice, FieldGroup::kPage,  kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,                      "1, figures",         kPlain},
  // theme: auto follows the reader's colour scheme (prefers-color-scheme).
  {"theme",                                 "theme", kChoice, FieldGroup::kPage,  kOptional, "",           "",          "",                  "",                  "",      "",       kPositive, 0,                      "light, dark, auto",  kPlain},
};
// clang-format on

bool IsNumber(const Field& field) { return field.kind == FieldKind::kDecimal || field.kind == FieldKind::kInteger; }

std::string_view Head(std::string_view key) { return key.substr(0, key.find('.')); }

void OptionalText(detail::JsonObject* out, std::string_view name, std::string_view value) {
  if (value.empty()) {
    out->Null(name);
  } else {
    out->String(name, value);
  }
}

std::string FieldJson(const Field& field) {
  detail::JsonObject out;
  out.String("key", field.key).String("link", field.link).String("kind", FieldKindName(field.kind));
  out.String("group", FieldGroupName(field.group));
  out.String("need", field.need == Need::kRequired ? "required" : "optional");
  OptionalText(&out, "way", field.way);
  OptionalText(&out, "alternative", field.alternative);
  OptionalText(&out, "only_when", field.only_when);
  OptionalText(&out, "unit", field.unit);
  OptionalText(&out, "default", field.default_value);
  OptionalText(&out, "example", field.example);
  if (IsNumber(field)) {
    out.String("min", "0").Bool("min_inclusive", field.allow_zero).String("max", std::to_string(field.max));
    out.Bool("max_inclusive", !MaxIsExclusive(field));
  } else {
    out.Null("min").Null("min_inclusive").Null("max").Null("max_inclusive");
  }
  OptionalText(&out, "choices", field.choices);
  out.Bool("exponent", field.exponent);
  const std::string key(field.key);
  out.String("label_en", FieldLabel(key, Lang::kEn)).String("label_zh", FieldLabel(key, Lang::kZh));
  return out.Text();
}

}  // namespace

const char* FieldKindName(FieldKind kind) {
  constexpr const char* kNames[] = {"decimal", "integer", "choice", "text", "list"};
  return kNames[static_cast<int>(kind)];
}

const char* FieldGroupName(FieldGroup group) {
  constexpr const char* kNames[] = {"run", "time", "price", "plan", "model", "training", "page", "hours", "money"};
  return kNames[static_cast<int>(group)];
}

const std::vector<Field>& Fields() { return kFields; }

namespace {

// The row whose `member` is `wanted`, or null; the first in schema order if
// several were (the schema tests keep keys and parameters unique). A binary
// search over the rows sorted once, rather than a scan of every row: a
// lookup runs for every value read, written and opened.
template <std::string_view Field::*member>
const Field* FindBy(std::string_view wanted) {
  static const std::vector<const Field*> sorted = [] {
    std::vector<const Field*> rows;
    rows.reserve(kFields.size());
    for (const Field& field : kFields) rows.push_back(&field);
    std::stable_sort(rows.begin(), rows.end(), [](const Field* a, const Field* b) { return a->*member < b->*member; });
    return rows;
  }();
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), wanted,
                                   [](const Field* row, std::string_view value) { return row->*member < value; });
  return it != sorted.end() && (*it)->*member == wanted ? *it : nullptr;
}

}  // namespace

const Field* FindField(std::string_view key) { return FindBy<&Field::key>(key); }

const Field* FindLinkField(std::string_view link) { return FindBy<&Field::link>(link); }

const Field& FieldOf(std::string_view key) {
  const Field* field = FindField(key);
  if (field == nullptr) std::abort();  // a key the core misspelt: caught by the schema tests
  return *field;
}

Rational limits::DefaultOf(std::string_view key) {
  Rational value;
  const std::string_view text = FieldOf(key).default_value;
  if (!text.empty() && ParseDecimalText(text, &value) != nullptr) std::abort();  // checked by the schema tests
  return value;
}

bool MaxIsExclusive(const Field& field) { return field.key == "spot.interruptions_per_hour"; }

bool InChoices(const Field& field, std::string_view value) {
  std::string_view rest = field.choices;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(", ");
    if (rest.substr(0, comma) == value) return true;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
  }
  return false;
}

std::vector<std::string> KnownKeys(std::string_view prefix) {
  std::vector<std::string> keys;
  for (const Field& field : kFields) {
    if (field.group == FieldGroup::kPage) continue;
    std::string_view key = field.key;
    if (!prefix.empty()) {
      if (Head(key) != prefix || key.size() == prefix.size()) continue;
      key.remove_prefix(prefix.size() + 1);
    } else {
      key = Head(key);
    }
    bool seen = false;
    for (const std::string& known : keys) seen = seen || known == key;
    if (!seen) keys.emplace_back(key);
  }
  return keys;
}

std::string SchemaJson() {
  std::vector<std::string> fields;
  fields.reserve(kFields.size());
  for (const Field& field : kFields) fields.push_back(FieldJson(field));
  const std::string limits = detail::JsonObject()
                                 .Int("config_bytes", static_cast<std::int64_t>(kMaxConfigBytes))
                                 .Int("link_bytes", static_cast<std::int64_t>(kMaxLinkQueryBytes))
                                 .Int("price_table_bytes", static_cast<std::int64_t>(kMaxPriceTableBytes))
                                 .Text();
  std::vector<std::string> models;
  for (const ModelPreset& preset : ModelPresets()) {
    models.push_back(detail::JsonObject()
                         .String("config_url", preset.config_url)
                         .String("id", preset.id)
                         .String("name", preset.name)
                         .Raw("params", ParamCountJson(preset.shape))
                         .OptionalString("published", preset.published.empty()
                                                          ? std::nullopt
                                                          : std::optional<std::string>(preset.published))
                         .Text());
  }
  return detail::JsonObject()
      .Raw("constants", detail::JsonObject()
                            .Raw("flops_per_param_token", FlopsFactorsJson())
                            .Raw("memory", MemoryConstantsJson())
                            .Text())
      .Raw("fields", detail::JsonArrayText(fields))
      .Raw("limits", limits)
      .Raw("models", detail::JsonArrayText(models))
      .Text();
}

}  // namespace epochcost
