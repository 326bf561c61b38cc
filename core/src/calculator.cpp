// JSON requests against a price table parsed once (see calculator.h).
#include "epochcost/calculator.h"

#include "config_tree.h"
#include "epochcost/chat_message.h"
#include "epochcost/compare.h"
#include "epochcost/export.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/open_link.h"
#include "epochcost/plan.h"
#include "form_config.h"
#include "json_values.h"

namespace epochcost {
Calculator::Calculator(std::string_view prices_json) : has_table_(!prices_json.empty()) {
  if (has_table_) prices_ = ParsePriceTable(prices_json);
}

std::string Calculator::Table() const {
  if (!has_table_) return ErrorsToJson({{code::kEmptyInput, "prices", {}}});
  return prices_.ok() ? PriceTableToJson(prices_.table) : ErrorsToJson(prices_.errors);
}

std::string Calculator::EstimateText(const Config& config, const epochcost::Estimate& estimate) const {
  if (config.budget || config.deadline_hours) return EstimateToJson(estimate, ComputePlan(table(), config));
  return EstimateToJson(estimate);
}

std::string Calculator::ComparisonText(const Config& workload, bool summary) const {
  const std::vector<ComparisonRow> rows = CompareInstances(prices_.table, workload);
  return detail::JsonObject()
      .Bool("ok", true)
      .Raw("rows", summary ? detail::CompareRowSummariesToJson(rows) : CompareRowsToJson(rows))
      .Text();
}

Calculator::Estimated Calculator::EstimateFor(std::string_view config_json) const {
  return Estimate(ParseConfig(config_json));
}

Calculator::Estimated Calculator::Estimate(ConfigResult config) const {
  Estimated out;
  if (!prices_.ok()) {
    out.errors = prices_.errors;
    return out;
  }
  out.config = std::move(config);
  if (!out.config.ok()) {
    out.errors = out.config.errors;
    return out;
  }
  out.estimate = ComputeEstimate(table(), out.config.config);
  if (!out.estimate.ok()) out.errors = out.estimate.errors;
  return out;
}

std::string Calculator::Estimate(std::string_view config_json) const {
  const Estimated e = EstimateFor(config_json);
  return e.errors.empty() ? EstimateText(e.config.config, e.estimate.estimate) : ErrorsToJson(e.errors);
}

std::string Calculator::Compare(std::string_view config_json) const {
  if (!has_table_) return ErrorsToJson({{code::kEmptyInput, "prices", {}}});
  if (!prices_.ok()) return ErrorsToJson(prices_.errors);
  const ConfigResult config = ParseWorkload(config_json);
  if (!config.ok()) return ErrorsToJson(config.errors);
  return ComparisonText(config.config, false);
}

std::string Calculator::EncodeLink(std::string_view config_json) const {
  const Estimated e = EstimateFor(config_json);
  if (!e.errors.empty()) return ErrorsToJson(e.errors);
  return detail::JsonObject()
      .Bool("ok", true)
      .String("query", epochcost::EncodeLink(e.config.config, e.estimate.estimate.price_per_gpu_hour))
      .Text();
}

detail::JsonObject Calculator::AnswerFields(const Estimated& e) const {
  // A configuration fit for an estimate is fit for a comparison too: the
  // workload's checks are a subset.
  if (!e.errors.empty()) return detail::JsonObject().Raw("errors", detail::ErrorList(e.errors)).Bool("ok", false);
  const Config& config = e.config.config;
  // The link and the configuration as it normalises it (what the page's
  // derivations show: "1.4e12" typed reads 1400000000000).
  const ConfigValues values = LinkValues(config, e.estimate.estimate.price_per_gpu_hour);
  const std::string link = detail::JsonObject()
                               .Raw("config", ConfigValuesJson(values))
                               .Bool("ok", true)
                               .String("query", epochcost::EncodeLink(values))
                               .Text();
  return detail::JsonObject()
      .Raw("comparison", has_table_ ? ComparisonText(config, true) : "null")
      .Raw("estimate", EstimateText(config, e.estimate.estimate))
      .Raw("link", link)
      .Bool("ok", true);
}

std::string Calculator::Answer(std::string_view config_json) const {
  return AnswerFields(EstimateFor(config_json)).Text();
}

std::string Calculator::AnswerForm(std::string_view form_json) const {
  const detail::FormValuesResult form = detail::ReadFormValues(form_json);
  if (!form.errors.empty()) return ErrorsToJson(form.errors);
  // The configuration is read from the tree itself, not written out to be
  // parsed back (ParseConfigTree is ParseConfig for a tree of decimal text).
  // The tree holds the form's own strings, which came through JSON text:
  // always well-formed UTF-8, so dump() has nothing to replace.
  const detail::Json tree = detail::FormConfig(form.values, has_table_);
  return AnswerFields(Estimate(detail::ParseConfigTree(tree)))
      .Raw("config", tree.dump(-1, ' ', false, detail::Json::error_handler_t::replace))
      .Raw("in_use", detail::FieldsInUseJson(form.values))
      .Text();
}

std::string Calculator::OpenLink(std::string_view query) const {
  if (!prices_.ok()) return ErrorsToJson(prices_.errors);
  return OpenedLinkJson(epochcost::OpenLink(table(), query));
}

std::string Calculator::Export(std::string_view config_json, std::string_view what, std::string_view format_name,
                               std::string_view lang) const {
  const auto format = ParseExportFormat(format_name);
  if (!format) {
    return ErrorsToJson(
        {{code::kUnknownValue, "export_format", {{"value", std::string(format_name)}, {"allowed", "csv, md, json"}}}});
  }
  if (what != "estimate" && what != "compare") {
    return ErrorsToJson(
        {{code::kUnknownValue, "export", {{"value", std::string(what)}, {"allowed", "estimate, compare"}}}});
  }
  // An estimate can do without a table (its own price and GPUs); a
  // comparison cannot.
  if (!has_table_ && what == "compare") return ErrorsToJson({{code::kEmptyInput, "prices", {}}});
  if (!prices_.ok()) return ErrorsToJson(prices_.errors);
  const ConfigResult config = what == "compare" ? ParseWorkload(config_json) : ParseConfig(config_json);
  if (!config.ok()) return ErrorsToJson(config.errors);
  std::vector<ComparisonRow> rows;
  if (what == "compare") {
    rows = CompareInstances(prices_.table, config.config);
  } else {
    EstimateResult estimate = ComputeEstimate(table(), config.config);
    if (!estimate.ok()) return ErrorsToJson(estimate.errors);
    rows.push_back({estimate.estimate.instance, std::move(estimate), false});
  }
  const char* media = *format == ExportFormat::kCsv    ? "text/csv"
                      : *format == ExportFormat::kJson ? "application/json"
                                                       : "text/markdown";
  return detail::JsonObject()
      .String("media_type", media)
      .Bool("ok", true)
      .String("text", ExportRows(rows, *format, ParseLang(std::string(lang))))
      .Text();
}

std::string Calculator::Chat(std::string_view config_json, std::string_view lang, std::string_view link) const {
  const Estimated e = EstimateFor(config_json);
  if (!e.errors.empty()) return ErrorsToJson(e.errors);
  return detail::JsonObject()
      .Bool("ok", true)
      .String("text", ChatMessage(e.estimate.estimate, e.config.config, table(), ParseLang(std::string(lang)), link))
      .Text();
}

// The free functions of json_api.h, link.h and export.h that answer from
// JSON text: a Calculator used once. They live here, above the files that
// declare them, so that nothing below the calculator includes it.

std::string EstimateFromJson(std::string_view prices_json, std::string_view config_json) {
  return Calculator(prices_json).Estimate(config_json);
}

std::string CompareFromJson(std::string_view prices_json, std::string_view config_json) {
  return Calculator(prices_json).Compare(config_json);
}

std::string CompareTablesFromJson(std::string_view prices_a, std::string_view prices_b, std::string_view config_json) {
  std::vector<PriceTable> tables;
  for (std::string_view text : {prices_a, prices_b}) {
    PriceTableResult parsed = ParsePriceTable(text);
    if (!parsed.ok()) return ErrorsToJson(parsed.errors);
    tables.push_back(std::move(parsed.table));
  }
  const ConfigResult workload = ParseWorkload(config_json);
  if (!workload.ok()) return ErrorsToJson(workload.errors);
  return CompareTablesToJson(tables, CompareTables(tables, workload.config));
}

std::string EncodeLinkFromJson(std::string_view config_json, std::string_view prices_json) {
  return Calculator(prices_json).EncodeLink(config_json);
}

std::string ExportFromJson(std::string_view prices_json, std::string_view config_json, std::string_view what,
                           std::string_view format, std::string_view lang) {
  return Calculator(prices_json).Export(config_json, what, format, lang);
}

}  // namespace epochcost
