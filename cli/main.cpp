// epochcost: the command-line estimate.
//
//   epochcost --prices web/prices/ciuic.json --config config.json [--json] [--lang zh|en]
//
// Exit status: 0 with an estimate, 2 for invalid input, unreadable files or
// bad usage (the message names the field or the file).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include "epochcost/json_api.h"
#include "text_report.h"

namespace {

constexpr int kExitInvalid = 2;

struct Options {
  std::string prices_path;
  std::string config_path;
  bool json = false;
  epochcost::Lang lang = epochcost::Lang::kEn;
};

const char* kUsage =
    "usage: epochcost --prices TABLE.json --config CONFIG.json|- [--json] [--lang zh|en]\n"
    "  Estimates the cost of training: Cost_epoch = T x P x N + D + M.\n"
    "  --config - reads the configuration from standard input.\n";

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
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&](const char* what) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        *problem = arg + " needs " + what;
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (arg == "--prices") {
      auto value = next("a file");
      if (!value) return std::nullopt;
      options.prices_path = *value;
    } else if (arg == "--config") {
      auto value = next("a file or -");
      if (!value) return std::nullopt;
      options.config_path = *value;
    } else if (arg == "--lang") {
      auto value = next("zh or en");
      if (!value) return std::nullopt;
      if (*value != "zh" && *value != "en") {
        *problem = "--lang takes zh or en, not " + *value;
        return std::nullopt;
      }
      options.lang = epochcost::ParseLang(*value);
    } else if (arg == "--json") {
      options.json = true;
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
  if (options.json) {
    std::cout << epochcost::ErrorsToJson(errors) << "\n";
  } else {
    std::cerr << epochcost::cli::TextErrors(errors, options.lang);
  }
  return kExitInvalid;
}

int Run(const Options& options) {
  using epochcost::Error;
  std::optional<std::string> prices_text;
  if (!options.prices_path.empty()) {
    prices_text = ReadAll(options.prices_path);
    if (!prices_text)
      return Fail(options, {Error{epochcost::code::kUnreadableFile, "prices", {{"path", options.prices_path}}}});
  }
  const auto config_text = ReadAll(options.config_path);
  if (!config_text)
    return Fail(options, {Error{epochcost::code::kUnreadableFile, "config", {{"path", options.config_path}}}});

  epochcost::PriceTableResult prices;
  if (prices_text) {
    prices = epochcost::ParsePriceTable(*prices_text);
    if (!prices.ok()) return Fail(options, prices.errors);
  }
  const auto config = epochcost::ParseConfig(*config_text);
  if (!config.ok()) return Fail(options, config.errors);
  const auto* table = prices_text ? &prices.table : nullptr;
  const auto estimate = epochcost::ComputeEstimate(table, config.config);
  if (!estimate.ok()) return Fail(options, estimate.errors);
  if (options.json) {
    std::cout << epochcost::EstimateToJson(estimate.estimate) << "\n";
  } else {
    std::cout << epochcost::cli::TextReport(estimate.estimate, table, options.lang);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string problem;
  const auto options = ParseArgs(argc, argv, &problem);
  if (!options) {
    std::cerr << "epochcost: " << problem << "\n" << kUsage;
    return kExitInvalid;
  }
  return Run(*options);
}
