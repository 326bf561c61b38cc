// epochcost: the command-line estimate.
//
//   epochcost [estimate|compare] --prices TABLE.json --config CONFIG.json|-
//             [--json | --format text|json|csv|md|chat] [--lang zh|en] [--site URL]
//
// Exit status: 0 with a result, 2 for invalid input, unreadable files or bad
// usage (the message names the field or the file).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "chat_link.h"
#include "epochcost/chat_message.h"
#include "epochcost/compare.h"
#include "epochcost/export.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/plan.h"
#include "money_report.h"
#include "schema_command.h"
#include "text_report.h"

namespace {

constexpr int kExitInvalid = 2;

struct Options {
  bool compare = false;
  std::string prices_path;
  std::vector<std::string> more_prices;  // compare: further tables, ranked together
  std::string config_path;
  std::string format = "text";  // text, json, csv, md, chat
  epochcost::Lang lang = epochcost::Lang::kEn;
  std::string lang_given;  // --lang's value: the chat link then keeps it
  std::string site;        // the page's address, for the chat message's link
};

const char* kUsage =
    "usage: epochcost [estimate|compare] --prices TABLE.json --config CONFIG.json|-\n"
    "                 [--json | --format text|json|csv|md|chat] [--lang zh|en] [--site URL]\n"
    "       epochcost schema [--json | --format text|json|md] [--lang zh|en]\n"
    "  estimate (the default): the cost of training, Cost_epoch = T x P x N + D + M.\n"
    "  compare: the same workload on every instance of the table, cheapest first; with --prices\n"
    "    given more than once, every table's instances ranked together (tables in different\n"
    "    currencies need display_currency's rate in the configuration).\n"
    "  schema: every input: configuration key, link parameter, kind, unit, default.\n"
    "  --config - reads the configuration from standard input.\n"
    "  --format chat: a short message to paste into a chat, ending in the link to the page at\n"
    "    --site URL (or $EPOCHCOST_SITE_URL), e.g. https://host/path/ or https://host/?prices=prices/x.json\n";

epochcost::Lang DefaultLang() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return epochcost::ParseLang(value);
  }
  return epochcost::Lang::kEn;
}

std::optional<Options> ParseArgs(int argc, char** argv, std::string* problem) {
  Options options;
  options.lang = DefaultLang();
  int i = 1;
  if (i < argc && (std::string(argv[i]) == "compare" || std::string(argv[i]) == "estimate")) {
    options.compare = std::string(argv[i]) == "compare";
    ++i;
  }
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&](const char* what) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        *problem = arg + " needs " + what;
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    std::optional<std::string> value;
    if (arg == "--prices" || arg == "--config" || arg == "--lang" || arg == "--format" || arg == "--site") {
      value = next(arg == "--lang"     ? "zh or en"
                   : arg == "--format" ? "text, json, csv, md or chat"
                   : arg == "--site"   ? "the page's address"
                                       : "a file or -");
      if (!value) return std::nullopt;
    }
    if (arg == "--prices") {
      (options.prices_path.empty() ? options.prices_path : options.more_prices.emplace_back()) = *value;
    } else if (arg == "--config") {
      options.config_path = *value;
    } else if (arg == "--lang") {
      if (*value != "zh" && *value != "en") {
        *problem = "--lang takes zh or en, not " + *value;
        return std::nullopt;
      }
      options.lang = epochcost::ParseLang(*value);
      options.lang_given = *value;
    } else if (arg == "--site") {
      options.site = *value;
    } else if (arg == "--format") {
      if (*value != "text" && *value != "chat" && !epochcost::ParseExportFormat(*value)) {
        *problem = "--format takes text, json, csv, md or chat, not " + *value;
        return std::nullopt;
      }
      options.format = *value == "markdown" ? "md" : *value;
    } else if (arg == "--json") {
      options.format = "json";
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else {
      *problem = "unknown option " + arg;
      return std::nullopt;
    }
  }
  if (options.config_path.empty()) {
    *problem = "--config is required";
    return std::nullopt;
  }
  if (options.compare && options.prices_path.empty()) {
    *problem = "compare needs --prices";
    return std::nullopt;
  }
  if (!options.more_prices.empty() && (!options.compare || options.format == "csv" || options.format == "md")) {
    *problem = "--prices is given once, except for compare with --format text or json";
    return std::nullopt;
  }
  if (options.format == "chat") {
    if (options.compare) {
      *problem = "--format chat is for an estimate, not compare";
      return std::nullopt;
    }
    const char* site = std::getenv("EPOCHCOST_SITE_URL");
    if (options.site.empty() && site != nullptr) options.site = site;
    if (options.site.rfind("https://", 0) != 0 && options.site.rfind("http://", 0) != 0) {
      *problem = "--format chat needs --site with the page's http(s) address (or EPOCHCOST_SITE_URL), for the link";
      return std::nullopt;
    }
  }
  return options;
}

std::optional<std::string> ReadAll(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) return std::nullopt;
  return text.str();
}

int Fail(const Options& options, const epochcost::Errors& errors) {
  if (options.format == "json") {
    std::cout << epochcost::ErrorsToJson(errors) << "\n";
  } else {
    std::cerr << epochcost::cli::TextErrors(errors, options.lang);
  }
  return kExitInvalid;
}

int Run(const Options& options) {
  using epochcost::Error;
  std::string prices_text;
  if (!options.prices_path.empty()) {
    auto text = ReadAll(options.prices_path);
    if (!text)
      return Fail(options, {Error{epochcost::code::kUnreadableFile, "prices", {{"path", options.prices_path}}}});
    prices_text = std::move(*text);
  }
  const auto config_text = ReadAll(options.config_path);
  if (!config_text) {
    return Fail(options, {Error{epochcost::code::kUnreadableFile, "config", {{"path", options.config_path}}}});
  }

  epochcost::PriceTableResult prices;
  if (!options.prices_path.empty()) {
    prices = epochcost::ParsePriceTable(prices_text);
    if (!prices.ok()) return Fail(options, prices.errors);
  }
  const auto config = options.compare ? epochcost::ParseWorkload(*config_text) : epochcost::ParseConfig(*config_text);
  if (!config.ok()) return Fail(options, config.errors);
  const auto* table = options.prices_path.empty() ? nullptr : &prices.table;

  if (options.compare && !options.more_prices.empty()) {
    std::vector<epochcost::PriceTable> tables{prices.table};
    for (const std::string& path : options.more_prices) {
      auto text = ReadAll(path);
      if (!text) return Fail(options, {Error{epochcost::code::kUnreadableFile, "prices", {{"path", path}}}});
      auto more = epochcost::ParsePriceTable(*text);
      if (!more.ok()) return Fail(options, more.errors);
      tables.push_back(std::move(more.table));
    }
    const auto ranked = epochcost::CompareTables(tables, config.config);
    if (!ranked.ok()) return Fail(options, ranked.errors);
    if (options.format == "json") {
      std::cout << epochcost::CompareTablesToJson(tables, ranked) << "\n";
    } else {
      std::cout << epochcost::cli::TextTablesComparison(tables, ranked, options.lang);
    }
    return 0;
  }
  if (options.compare) {
    const auto rows = epochcost::CompareInstances(*table, config.config);
    if (options.format == "text") {
      std::cout << epochcost::cli::TextComparison(rows, options.lang);
    } else if (options.format == "json") {
      std::cout << epochcost::CompareRowsToJson(rows) << "\n";
    } else {
      std::cout << epochcost::ExportRows(rows, *epochcost::ParseExportFormat(options.format), options.lang);
    }
    return 0;
  }

  auto estimate = epochcost::ComputeEstimate(table, config.config);
  if (!estimate.ok()) return Fail(options, estimate.errors);
  std::optional<epochcost::Plan> plan;
  if (config.config.budget || config.config.deadline_hours) plan = epochcost::ComputePlan(table, config.config);
  if (options.format == "json") {
    // The same text the wasm engine returns, plan included.
    std::cout << (plan ? epochcost::EstimateToJson(estimate.estimate, *plan)
                       : epochcost::EstimateToJson(estimate.estimate))
              << "\n";
  } else if (options.format == "chat") {
    // The link as the page writes it: the engine's query on the page's address.
    const std::string query = epochcost::EncodeLink(config.config, estimate.estimate.price_per_gpu_hour);
    std::cout << epochcost::ChatMessage(estimate.estimate, config.config, table, options.lang,
                                        epochcost::cli::ChatLink(options.site, query, options.lang_given));
  } else if (options.format == "text") {
    std::cout << epochcost::cli::TextReport(estimate.estimate, table, options.lang);
    if (plan) std::cout << epochcost::cli::TextPlan(*plan, config.config, options.lang);
  } else {
    std::vector<epochcost::ComparisonRow> rows;
    rows.push_back({estimate.estimate.instance, std::move(estimate), false});
    std::cout << epochcost::ExportRows(rows, *epochcost::ParseExportFormat(options.format), options.lang);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "schema") {
    return epochcost::cli::RunSchema(std::vector<std::string>(argv + 2, argv + argc), DefaultLang());
  }
  std::string problem;
  const auto options = ParseArgs(argc, argv, &problem);
  if (!options) {
    std::cerr << "epochcost: " << problem << "\n" << kUsage;
    return kExitInvalid;
  }
  return Run(*options);
}
