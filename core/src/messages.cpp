// The English and Chinese texts of every error and note (see error.h).
//
// One catalogue for the CLI and the page (through wasm), so both say the
// same thing. Templates name their parameters as {name}.
#include <cstring>
#include <string>

#include "epochcost/error.h"
#include "epochcost/words.h"
#include "hours_messages.h"
#include "money_messages.h"
#include "text_table.h"

namespace epochcost {
namespace {

using detail::Find;
using detail::Pick;
using detail::Text;

constexpr Text kFieldLabels[] = {
    {"instance", "instance type", "实例类型"},
    {"gpus", "N, number of GPUs", "GPU 数量 N"},
    {"hours_per_epoch", "T, hours per epoch", "每 epoch 时长 T(小时)"},
    {"price_per_gpu_hour", "P, price per GPU-hour", "单价 P(每 GPU·小时)"},
    {"data_cost_per_epoch", "D, data transfer and storage per epoch", "数据传输与存储成本 D(每 epoch)"},
    {"ops_cost_per_epoch", "M, operations and scheduling per epoch", "运维与调度成本 M(每 epoch)"},
    {"epochs", "number of epochs", "epoch 数"},
    {"billing_increment_seconds", "billing increment (seconds)", "计费粒度(秒)"},
    {"discount_percent", "discount on compute (%)", "算力折扣(%)"},
    {"config", "configuration", "配置"},
    {"form", "the calculator's form", "计算器表单"},
    {"prices", "price table", "价格表"},
    {"link", "link", "链接"},
    {"lang", "language", "语言"},
    {"embed", "embed mode", "嵌入模式"},
    {"theme", "colour theme", "配色主题"},
    {"format", "price table format", "价格表格式"},
    {"provider", "provider", "云服务商"},
    {"currency", "currency", "币种"},
    {"minor_unit_digits", "currency decimals", "币种小数位"},
    {"price_unit", "price unit", "计价单位"},
    {"prices_date", "date of the prices", "价格日期"},
    {"date_note", "date note", "日期说明"},
    {"sources", "sources", "来源"},
    {"instances", "instance list", "实例列表"},
    {"id", "id", "标识"},
    {"name", "name", "名称"},
    {"gpu", "GPU model", "GPU 型号"},
    {"gpus_per_instance", "GPUs per instance", "每实例 GPU 数"},
    {"title", "title", "标题"},
    {"url", "address", "网址"},
    {"trial", "trial run", "试运行"},
    {"steps", "steps run", "试运行步数"},
    {"seconds", "seconds taken", "试运行耗时(秒)"},
    {"steps_per_epoch", "steps per epoch", "每 epoch 步数"},
    {"samples", "samples per epoch", "每 epoch 样本数"},
    {"global_batch", "global batch size", "全局批大小"},
    {"throughput", "throughput", "吞吐量"},
    {"tokens_per_epoch", "tokens per epoch", "每 epoch token 数"},
    {"tokens_per_second_per_gpu", "tokens per second per GPU", "每 GPU 每秒 token 数"},
    {"flops", "FLOPs model", "FLOPs 模型"},
    {"params", "parameters", "参数量"},
    {"trainable_params", "trainable (LoRA) parameters", "可训练(LoRA)参数量"},
    {"model", "model", "模型"},
    {"preset", "model", "模型"},
    {"architecture", "architecture", "架构"},
    {"architectures", "architecture", "架构"},
    {"num_hidden_layers", "layers", "层数"},
    {"hidden_size", "hidden size", "隐藏维度"},
    {"intermediate_size", "MLP width (intermediate size)", "MLP 中间维度"},
    {"num_attention_heads", "attention heads", "注意力头数"},
    {"num_key_value_heads", "key-value heads", "键值头数"},
    {"vocab_size", "vocabulary size", "词表大小"},
    {"tie_word_embeddings", "tied embeddings", "共享输入输出嵌入"},
    {"head_dim", "head width", "注意力头维度"},
    {"attention_bias", "attention biases", "注意力偏置"},
    {"mlp_bias", "MLP biases", "MLP 偏置"},
    {"num_local_experts", "experts", "专家数"},
    {"n_routed_experts", "experts", "专家数"},
    {"num_experts", "experts", "专家数"},
    {"moe_intermediate_size", "expert width", "专家维度"},
    {"is_encoder_decoder", "encoder-decoder", "编码器-解码器"},
    {"training", "training setup", "训练设置"},
    {"lora_rank", "LoRA rank", "LoRA 秩"},
    {"lora_targets", "LoRA target modules", "LoRA 目标模块"},
    {"optimizer", "optimizer", "优化器"},
    {"seq_len", "sequence length", "序列长度"},
    {"micro_batch", "micro-batch per GPU", "每 GPU 微批大小"},
    {"activation_checkpointing", "activation checkpointing", "激活检查点"},
    {"zero_stage", "ZeRO stage", "ZeRO 阶段"},
    {"method", "training method", "训练方式"},
    {"mfu", "MFU (model FLOPs utilisation)", "MFU(模型算力利用率)"},
    {"peak_tflops", "GPU peak dense TFLOPS", "GPU 稠密峰值 TFLOPS"},
    {"gpu_memory_gb", "GPU memory (GB)", "GPU 显存(GB)"},
    {"gpu_specs_source", "source of the GPU figures", "GPU 参数来源"},
    {"budget", "budget", "预算"},
    {"deadline_hours", "deadline (hours)", "截止时间(小时)"},
    {"export", "export (estimate or compare)", "导出内容(估算或比较)"},
    {"export_format", "export format", "导出格式"},
};

constexpr Text kErrors[] = {
    {"empty_input", "{field} is empty.", "{field}为空。"},
    {"input_too_large", "{field} is too long (at most {max} bytes).", "{field}过长(最多 {max} 字节)。"},
    {"malformed_json", "{field} is not valid JSON (error near byte {position}).",
     "{field}不是有效的 JSON(第 {position} 字节附近出错)。"},
    {"not_an_object", "{field} must be a JSON object.", "{field}必须是 JSON 对象。"},
    {"missing", "{field} is required.", "缺少{field}。"},
    {"wrong_type", "{field} must be {expected}, not {type}.", "{field}应为{expected},而不是{type}。"},
    {"empty_value", "{field} is empty: enter a value.", "{field}为空,请填写。"},
    {"not_a_number", "{field} is not a number: \"{value}\".", "{field}不是数字:“{value}”。"},
    {"not_finite", "{field} must be a finite number, not \"{value}\".", "{field}必须是有限的数字,而不是“{value}”。"},
    {"comma_in_number", "{field}: \"{value}\" has a comma; write decimals with a point and no thousands separators.",
     "{field}:“{value}”含有逗号;小数请用小数点,不要使用千位分隔符。"},
    {"too_large", "{field} is far too large: \"{value}\".", "{field}数值过大:“{value}”。"},
    {"too_precise", "{field} has too many decimals (at most 12): \"{value}\".",
     "{field}小数位过多(最多 12 位):“{value}”。"},
    {"negative", "{field} cannot be negative: \"{value}\".", "{field}不能为负数:“{value}”。"},
    {"zero", "{field} must be greater than zero.", "{field}必须大于零。"},
    {"not_integer", "{field} must be a whole number: \"{value}\".", "{field}必须是整数:“{value}”。"},
    {"above_maximum", "{field} is above the maximum of {max}: \"{value}\".", "{field}超过上限 {max}:“{value}”。"},
    {"not_divisible", "{field}: {value} does not divide {of} evenly.", "{field}:{value} 不能整除 {of}。"},
    {"unsupported_model", "{field}: \"{value}\" is not a model whose parameters can be counted (supported: {allowed}).",
     "{field}:“{value}”不是可计算参数量的模型(支持:{allowed})。"},
    {"unexpected_key",
     "{field}: this model has a part the calculator does not count (mixture of experts, "
     "biases or another head width); give its parameter count instead.",
     "{field}:该模型含有本计算器不计算的结构(混合专家、偏置或其他注意力头宽度),请改为填写参数量。"},
    {"unknown_module", "{field}: \"{value}\" is not a module LoRA can target here (expected {allowed}).",
     "{field}:“{value}”不是可加 LoRA 的模块(应为 {allowed})。"},
    {"above_params", "{field}: \"{value}\" is more than the model's {max} parameters.",
     "{field}:“{value}”多于模型参数量 {max}。"},
    {"unknown_key", "Unknown setting \"{key}\" (a typo would silently change the estimate).",
     "未知的设置项“{key}”(拼写错误会悄悄改变估算结果)。"},
    {"duplicate_key", "\"{key}\" is given twice; give it once so that it is clear which value counts.",
     "“{key}”出现了两次;请只写一次,以免不清楚哪个值生效。"},
    {"unknown_instance", "{field}: \"{value}\" is not in the price table (available: {allowed}).",
     "{field}:价格表中没有“{value}”(可选:{allowed})。"},
    {"unknown_value", "{field}: \"{value}\" is not accepted (expected {allowed}).",
     "{field}:不接受“{value}”(应为 {allowed})。"},
    {"duplicate_id", "{field}: the id \"{value}\" appears more than once.", "{field}:标识“{value}”重复出现。"},
    {"empty_list", "{field} is empty.", "{field}为空。"},
    {"overflow", "{field}: these inputs are too large to compute exactly; reduce some of them.",
     "{field}:输入数值过大,无法精确计算,请调小部分数值。"},
    {"unreadable_file", "Cannot read the {field} file \"{path}\".", "无法读取{field}文件“{path}”。"},
    {"unknown_param", "The link has an unknown parameter \"{param}\"; it was ignored.",
     "链接中有未知参数“{param}”,已忽略。"},
    {"duplicate_param", "The link gives \"{param}\" more than once; the first value was used.",
     "链接中“{param}”出现多次,已使用第一个值。"},
    {"bad_escape", "The link's parameter \"{param}\" is garbled (bad %-escape); it was ignored.",
     "链接参数“{param}”已损坏(% 转义无效),已忽略。"},
    {"conflicting", "{field} conflicts with another input; give only one of: {ways}.",
     "{field}与其他输入冲突,只能给出其中一项:{ways}。"},
    {"derived_too_long", "{field} gives {value} hours per epoch, above the maximum of {max}.",
     "{field}算出每 epoch {value} 小时,超过上限 {max}。"},
    {"needs_scaling",
     "{field}: planning for a deadline needs a way of getting T that depends on the GPU count (throughput or "
     "FLOPs).",
     "{field}:按截止时间规划需要随 GPU 数变化的 T(吞吐量或 FLOPs 模型)。"},
    {"deadline_unreachable", "{field}: no GPU count up to {max} finishes the run within {value} hours.",
     "{field}:GPU 数量在 {max} 以内都无法在 {value} 小时内完成训练。"},
    {"unsupported_version", "{field} \"{value}\" is not supported (expected {allowed}).",
     "不支持的{field}“{value}”(应为 {allowed})。"},
};

constexpr Text kNotes[] = {
    {"whole_instances",
     "{gpus} GPUs need {instances} whole {instance} instances ({gpus_per_instance} GPUs each): {gpus_billed} GPUs "
     "are billed, {extra} {currency} more than {gpus} GPUs would cost.",
     "{gpus} 块 GPU 需要租用 {instances} 个完整的 {instance} 实例(每个 {gpus_per_instance} 块):按 {gpus_billed} "
     "块计费,比 {gpus} 块多 {extra} {currency}。"},
    {"billing_rounded",
     "Billed per {increment_seconds} s: the run uses {used_hours} h and is billed {billed_hours} h, {extra} "
     "{currency} more.",
     "按 {increment_seconds} 秒计费:实际使用 {used_hours} 小时,计费 {billed_hours} 小时,多付 {extra} {currency}。"},
    {"price_override", "Price set by hand: {price} {currency} per GPU-hour instead of the table's {table_price}.",
     "已手动设置单价:每 GPU·小时 {price} {currency},价格表为 {table_price}。"},
    {"memory_tight", "Memory is tight: the training needs about {needed_gb} GB per GPU of {memory_gb} GB.",
     "显存紧张:训练每块 GPU 约需 {needed_gb} GB,显存为 {memory_gb} GB。"},
    {"memory_does_not_fit",
     "Does not fit: the training needs about {needed_gb} GB per GPU, but the GPU has {memory_gb} GB.",
     "显存不足:训练每块 GPU 约需 {needed_gb} GB,而 GPU 只有 {memory_gb} GB。"},
    {"discount_applied", "A {percent}% discount on compute saves {amount} {currency}.",
     "算力享 {percent}% 折扣,节省 {amount} {currency}。"},
};

// English with its article ("must be an object, not a list").
constexpr Text kTypeNames[] = {
    {"number", "a number", "数字"},         {"string", "text", "文本"},
    {"object", "an object", "对象"},        {"array", "a list", "列表"},
    {"boolean", "true or false", "布尔值"}, {"null", "null", "空值(null)"},
};

std::string TypeName(const std::string& name, Lang lang) {
  const Text* t = Find(kTypeNames, name);
  return t != nullptr ? Pick(*t, lang) : name;
}

// `pattern` with each {name} that `value_of(name)` knows (a pointer to its
// text, or null) replaced by that text; other braces stay as they are.
template <typename ValueOf>
std::string Substitute(std::string_view pattern, const ValueOf& value_of) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    const std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      if (const std::string* value = value_of(pattern.substr(i + 1, close - i - 1))) {
        out += *value;
        i = close + 1;
        continue;
      }
    }
    out.push_back(pattern[i++]);
  }
  return out;
}

// A parameter's text, or null. Parameters are few: a scan compares them
// without building a key (messages are rendered for every error shown).
const std::string* ParamOf(const std::map<std::string, std::string>& params, std::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return &value;
  }
  return nullptr;
}

}  // namespace

Lang ParseLang(const std::string& text) { return text.rfind("zh", 0) == 0 ? Lang::kZh : Lang::kEn; }

std::string FieldLabel(const std::string& field, Lang lang) {
  if (const Text* whole = detail::FindHoursLabel(field)) return Pick(*whole, lang);
  if (const Text* whole = detail::FindMoneyLabel(field)) return Pick(*whole, lang);
  // "instances[1].price_per_gpu_hour" reads as "price per GPU-hour (instances[1])".
  const std::size_t dot = field.rfind('.');
  const std::string leaf = dot == std::string::npos ? field : field.substr(dot + 1);
  const Text* label = Find(kFieldLabels, leaf);
  if (label == nullptr) label = detail::FindHoursLabel(leaf);
  std::string text = label != nullptr ? Pick(*label, lang) : leaf;
  if (dot != std::string::npos) text += " (" + field.substr(0, dot) + ")";
  return text;
}

bool HasFieldLabel(const std::string& field) {
  const std::size_t dot = field.rfind('.');
  const std::string leaf = dot == std::string::npos ? field : field.substr(dot + 1);
  return detail::FindHoursLabel(field) != nullptr || detail::FindMoneyLabel(field) != nullptr ||
         Find(kFieldLabels, leaf) != nullptr || detail::FindHoursLabel(leaf) != nullptr;
}

std::string RenderError(const Error& error, Lang lang) {
  // The parameters as the reader sees them: {field} is the field's label,
  // {type} and {expected} name a JSON type in the reader's language.
  const std::string label = FieldLabel(error.field, lang);
  const Text* text = Find(kErrors, error.code);
  if (text == nullptr) text = detail::FindHoursError(error.code);
  if (text == nullptr) text = detail::FindMoneyError(error.code);
  if (text == nullptr) return label + ": " + error.code;
  std::string type_name;
  const auto value_of = [&](std::string_view name) -> const std::string* {
    if (name == "field") return &label;
    const std::string* value = ParamOf(error.params, name);
    if (value != nullptr && (name == "type" || name == "expected")) {
      type_name = TypeName(*value, lang);
      return &type_name;
    }
    return value;
  };
  std::string message = Substitute(Pick(*text, lang), value_of);
  // English sentences start with a capital even when the field label does not.
  // (Never empty: every pattern has text; an empty string's [0] is '\0'.)
  if (lang == Lang::kEn && message[0] >= 'a' && message[0] <= 'z') {
    message[0] = static_cast<char>(message[0] - 'a' + 'A');
  }
  return message;
}

std::string RenderNote(const Note& note, Lang lang) {
  const Text* text = Find(kNotes, note.code);
  if (text == nullptr) text = detail::FindHoursNote(note.code);
  if (text == nullptr) text = detail::FindMoneyNote(note.code);
  if (text == nullptr) return note.code;
  // Notes carry the ISO code; the reader sees the currency's word (元 in Chinese).
  std::string currency;
  return Substitute(Pick(*text, lang), [&](std::string_view name) -> const std::string* {
    const std::string* value = ParamOf(note.params, name);
    if (value != nullptr && name == "currency") {
      currency = CurrencyName(*value, lang);
      return &currency;
    }
    return value;
  });
}

}  // namespace epochcost
