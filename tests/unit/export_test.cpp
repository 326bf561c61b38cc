// Export of an estimate or a comparison: CSV (RFC 4180, JSON key names as
// headers, formula-like cells neutralised), a Markdown table (labels in the
// chosen language, pipes escaped) and JSON.
#include "epochcost/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

constexpr const char* kCsvHeader =
    "instance,gpus,gpus_billed,hours_per_epoch,epochs,price_per_gpu_hour,currency,per_epoch_compute,per_epoch_data,"
    "per_epoch_ops,per_epoch_total,total,gpu_hours,wall_hours,billed_hours,per_epoch_eval,per_epoch_checkpoint,startup,"
    "total_low,total_high,spot_billed_hours,spot_total,spot_saving,fits,cheapest,price_source,display_currency,display_"
    "rate,"
    "display_total,energy_kwh,carbon_kg_co2,energy_cost";

// The seed's estimate as a list of one row, optionally under another instance name.
std::vector<ComparisonRow> SeedRows(const std::string& instance = "a100x4") {
  const ConfigResult config = ParseConfig(test::SeedConfigJson());
  EXPECT_TRUE(config.ok());
  std::vector<ComparisonRow> rows;
  rows.push_back({instance, ComputeEstimate(&test::CiuicTable(), config.config), false});
  return rows;
}

std::vector<std::string> Lines(const std::string& text, const std::string& end) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t at = text.find(end); at != std::string::npos; at = text.find(end, start)) {
    lines.push_back(text.substr(start, at - start));
    start = at + end.size();
  }
  EXPECT_EQ(start, text.size()) << "the last line must end with a line end";
  return lines;
}

// ---- CSV ---------------------------------------------------------------------------

TEST(ExportCsv, TheHeaderLineUsesTheJsonKeyNames) {
  const auto lines = Lines(ExportRows(SeedRows(), ExportFormat::kCsv, Lang::kZh), "\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], kCsvHeader);  // the same in every language
}

TEST(ExportCsv, TheSeedRowHasItsFiguresAndRfc4180LineEnds) {
  const std::string csv = ExportRows(SeedRows(), ExportFormat::kCsv, Lang::kEn);
  const auto lines = Lines(csv, "\r\n");
  ASSERT_EQ(lines.size(), 2u);
  // No overheads (zero), no range or spot (empty); fits is empty (no memory
  // check for a direct T); cheapest is "no" for a single estimate; the price
  // is the configuration's, and no second currency or energy was asked for.
  EXPECT_EQ(lines[1],
            "a100x4,4,4,1.5,10,20,CNY,120.00,2.00,1.00,123.00,1230.00,60,15,15,0.00,0.00,0.00,,,,,,,no,config,,,,,,");
}

TEST(ExportCsv, CellsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled) {
  EXPECT_NE(ExportRows(SeedRows("a,b"), ExportFormat::kCsv, Lang::kEn).find("\r\n\"a,b\",4,"), std::string::npos);
  EXPECT_NE(ExportRows(SeedRows("say \"hi\""), ExportFormat::kCsv, Lang::kEn).find("\r\n\"say \"\"hi\"\"\",4,"),
            std::string::npos);
  EXPECT_NE(ExportRows(SeedRows("two\rlines"), ExportFormat::kCsv, Lang::kEn).find("\r\n\"two\rlines\",4,"),
            std::string::npos);
  EXPECT_NE(ExportRows(SeedRows("two\nlines"), ExportFormat::kCsv, Lang::kEn).find("\r\n\"two\nlines\",4,"),
            std::string::npos);
}

TEST(ExportCsv, AFormulaLikeInstanceIsNeutralisedWithALeadingQuote) {
  // A spreadsheet would run =..., +..., -... and @... as formulas.
  const std::string csv =
      ExportRows(SeedRows("=HYPERLINK(\"http://evil.example\",\"x\")"), ExportFormat::kCsv, Lang::kEn);
  EXPECT_NE(csv.find("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",4,"), std::string::npos) << csv;
  for (const char* hostile : {"+1", "-1", "@SUM(A1)", "=1+1"}) {
    const std::string out = ExportRows(SeedRows(hostile), ExportFormat::kCsv, Lang::kEn);
    EXPECT_NE(out.find("\r\n'" + std::string(hostile) + ","), std::string::npos) << out;
  }
}

TEST(ExportCsv, ATableWithHostileTextExportsNoFormula) {
  // Table ids may start with '-' (a-z 0-9 - _); such an id must not run as a
  // formula, and no other table text may start a cell like one.
  const PriceTableResult table = ParsePriceTable(R"json({
    "format": "epochcost-prices/1", "provider": "=evil()", "currency": "CNY", "minor_unit_digits": 2,
    "price_unit": "gpu_hour", "prices_date": "2025-01-01", "sources": [{"title": "test"}],
    "instances": [{"id": "-23", "name": "=cmd|' /C calc'!A0", "gpu": "@x", "gpus_per_instance": 1,
                   "price_per_gpu_hour": "1"}]})json");
  ASSERT_TRUE(table.ok()) << test::Describe(table.errors);
  const ConfigResult config = ParseConfig(R"({"gpus": 1, "hours_per_epoch": 1, "price_per_gpu_hour": 1})");
  ASSERT_TRUE(config.ok());
  const std::string csv = ExportRows(CompareInstances(table.table, config.config), ExportFormat::kCsv, Lang::kEn);
  const auto lines = Lines(csv, "\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].rfind("'-23,", 0), 0u) << lines[1];
  // No cell of any line starts like a formula.
  for (const std::string& line : lines) {
    std::size_t start = 0;
    while (start <= line.size()) {
      const std::size_t comma = line.find(',', start);
      const std::string cell = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      EXPECT_TRUE(cell.empty() || std::string("=+-@").find(cell[0]) == std::string::npos) << cell << " in " << line;
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
}

TEST(ExportCsv, AComparisonHasOneRowPerInstanceCheapestMarked) {
  const ConfigResult config =
      ParseConfig(R"({"gpus": 4, "hours_per_epoch": 1.5, "epochs": 10, "price_per_gpu_hour": 1})");
  ASSERT_TRUE(config.ok());
  const auto lines =
      Lines(ExportRows(CompareInstances(test::CiuicTable(), config.config), ExportFormat::kCsv, Lang::kEn), "\r\n");
  ASSERT_EQ(lines.size(), 4u);
  // 1.5 h x 10 x 4 GPUs: RTX 5 -> 300, V100 12 -> 720, A100 20 -> 1200.
  EXPECT_EQ(lines[1].rfind("rtx3090,4,4,1.5,10,5,CNY,", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find(",yes,table,"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2].rfind("v100x4,", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3].rfind("a100x4,", 0), 0u) << lines[3];
  EXPECT_NE(lines[3].find(",no,table,"), std::string::npos) << lines[3];
}

TEST(ExportCsv, TheSecondCurrencyAndTheEnergyHaveTheirColumns) {
  const ConfigResult config = ParseConfig(
      R"({"instance": "a100x4", "gpus": 4, "hours_per_epoch": 1.5, "epochs": 10, "data_cost_per_epoch": 2,
          "ops_cost_per_epoch": 1, "display_currency": {"code": "USD", "rate": "0.1381"},
          "energy": {"watts_per_gpu": 400, "pue": "1.2", "kg_co2_per_kwh": "0.5", "price_per_kwh": "0.8"}})");
  ASSERT_TRUE(config.ok());
  std::vector<ComparisonRow> rows;
  rows.push_back({"a100x4", ComputeEstimate(&test::CiuicTable(), config.config), false});
  const auto lines = Lines(ExportRows(rows, ExportFormat::kCsv, Lang::kEn), "\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].substr(lines[1].find(",no,")), ",no,table,USD,0.1381,169.86,28.8,14.4,23.04");
}

// Energy without a carbon intensity or an electricity price: the kWh only.
TEST(ExportCsv, EnergyWithoutCarbonOrPriceLeavesThoseCellsEmpty) {
  const ConfigResult config = ParseConfig(
      R"({"instance": "a100x4", "gpus": 4, "hours_per_epoch": 1.5, "epochs": 10, "energy": {"watts_per_gpu": 400}})");
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  std::vector<ComparisonRow> rows;
  rows.push_back({"a100x4", ComputeEstimate(&test::CiuicTable(), config.config), false});
  const auto lines = Lines(ExportRows(rows, ExportFormat::kCsv, Lang::kEn), "\r\n");
  ASSERT_EQ(lines.size(), 2u);
  // 400 W x 4 GPUs x 15 h = 24 kWh.
  EXPECT_EQ(lines[1].substr(lines[1].rfind(",24,")), ",24,,") << lines[1];
}

// A row whose estimate failed keeps its instance and "cheapest" only.
TEST(ExportCsv, AFailedRowHasOnlyItsInstanceAndCheapestCells) {
  std::vector<ComparisonRow> rows = SeedRows();
  const ConfigResult config = ParseConfig(test::SeedConfigJson());
  Config other = config.config;
  other.instance = "h100x8";  // not in the table
  rows.push_back({"h100x8", ComputeEstimate(&test::CiuicTable(), other), false});
  ASSERT_FALSE(rows[1].result.ok());
  const auto lines = Lines(ExportRows(rows, ExportFormat::kCsv, Lang::kEn), "\r\n");
  ASSERT_EQ(lines.size(), 3u);
  const auto header = Lines(std::string(kCsvHeader) + ",", ",");
  const auto cells = Lines(lines[2] + ",", ",");
  ASSERT_EQ(cells.size(), header.size()) << lines[2];
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string expected = header[i] == "instance" ? "h100x8" : header[i] == "cheapest" ? "no" : "";
    EXPECT_EQ(cells[i], expected) << header[i];
  }
}

// ---- Markdown ----------------------------------------------------------------------

TEST(ExportMarkdown, EnglishLabelsAndRightAlignedFigures) {
  const auto lines = Lines(ExportRows(SeedRows(), ExportFormat::kMarkdown, Lang::kEn), "\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("| Instance | GPUs | GPUs billed | Hours per epoch |", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind("|---|---:|---:|", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2].rfind("| a100x4 | 4 | 4 | 1.5 | 10 | 20 | CNY | 120.00 | 2.00 | 1.00 | 123.00 | 1230.00 |", 0), 0u)
      << lines[2];
}

TEST(ExportMarkdown, ChineseHeaders) {
  const auto lines = Lines(ExportRows(SeedRows(), ExportFormat::kMarkdown, Lang::kZh), "\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("| 实例 | GPU 数 | 计费 GPU 数 | 每 epoch 小时 | epoch 数 |", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("| 总计 |"), std::string::npos) << lines[0];
}

TEST(ExportMarkdown, PipesAreEscapedAndLineBreaksFlattened) {
  const auto lines = Lines(ExportRows(SeedRows("a|b\nc"), ExportFormat::kMarkdown, Lang::kEn), "\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2].rfind("| a\\|b c | 4 |", 0), 0u) << lines[2];
  // The row still has exactly one cell per column: 32 columns, 33 unescaped pipes.
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < lines[2].size(); ++i) pipes += lines[2][i] == '|' && (i == 0 || lines[2][i - 1] != '\\');
  EXPECT_EQ(pipes, 33u);
  // A carriage return breaks a Markdown row as a line feed does.
  const auto returned = Lines(ExportRows(SeedRows("x\ry"), ExportFormat::kMarkdown, Lang::kEn), "\n");
  ASSERT_EQ(returned.size(), 3u);
  EXPECT_EQ(returned[2].rfind("| x y | 4 |", 0), 0u) << returned[2];
}

// ---- JSON --------------------------------------------------------------------------

TEST(ExportJson, ParsesAsTheComparisonRows) {
  const std::string text = ExportRows(SeedRows(), ExportFormat::kJson, Lang::kEn);
  const Json parsed = Json::parse(text, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << text;
  ASSERT_TRUE(parsed.is_array());
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0]["instance"], "a100x4");
  EXPECT_EQ(parsed[0]["total"], "1230.00");
  EXPECT_EQ(parsed[0]["per_epoch"]["total"], "123.00");
  EXPECT_EQ(parsed, Json::parse(CompareRowsToJson(SeedRows())));
}

// ---- Through the JSON interface (the page and the wasm engine) ------------------------

TEST(ExportFromJson, AnEstimateAsCsv) {
  const Json out = Json::parse(ExportFromJson(test::CiuicJson(), test::SeedConfigJson(), "estimate", "csv", "en"));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["media_type"], "text/csv");
  EXPECT_EQ(out["text"], ExportRows(SeedRows(), ExportFormat::kCsv, Lang::kEn));
}

TEST(ExportFromJson, AComparisonAsMarkdownInChinese) {
  const Json out = Json::parse(ExportFromJson(test::CiuicJson(), test::SeedConfigJson(), "compare", "md", "zh"));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["media_type"], "text/markdown");
  const std::string text = out["text"];
  EXPECT_EQ(text.rfind("| 实例 |", 0), 0u);
  EXPECT_EQ(Lines(text, "\n").size(), 5u);  // header, rule, three instances
}

TEST(ExportFromJson, JsonParses) {
  const Json out = Json::parse(ExportFromJson(test::CiuicJson(), test::SeedConfigJson(), "compare", "json", "en"));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["media_type"], "application/json");
  const Json rows = Json::parse(out["text"].get<std::string>());
  ASSERT_EQ(rows.size(), 3u);
}

// The one error of an ExportFromJson answer: code, field, and messages.
::testing::AssertionResult ExportFailsWith(const std::string& answer, const std::string& code,
                                           const std::string& field) {
  const Json out = Json::parse(answer, nullptr, false);
  if (out.is_discarded() || out.value("ok", true) || out["errors"].size() != 1) {
    return ::testing::AssertionFailure() << "not exactly one error: " << answer;
  }
  const Json& error = out["errors"][0];
  if (error["code"] != code || error["field"] != field) {
    return ::testing::AssertionFailure() << "expected {" << code << ", " << field << "}: " << answer;
  }
  Error native{code, field, {}};
  for (const auto& [key, value] : error["params"].items()) native.params[key] = value.get<std::string>();
  return test::MessagesNameField(native);
}

TEST(ExportFromJsonError, AnUnknownFormatNamesTheExportFormat) {
  const std::string answer = ExportFromJson(test::CiuicJson(), test::SeedConfigJson(), "estimate", "xlsx", "en");
  EXPECT_TRUE(ExportFailsWith(answer, code::kUnknownValue, "export_format"));
  const Json out = Json::parse(answer);
  EXPECT_EQ(out["errors"][0]["params"]["value"], "xlsx");
  EXPECT_EQ(out["errors"][0]["params"]["allowed"], "csv, md, json");
  // Not the price table's "format" key, whose label would mislead.
  EXPECT_EQ(std::string(out["errors"][0]["message_en"]).find("rice table"), std::string::npos)
      << out["errors"][0]["message_en"];
}

TEST(ExportFromJsonError, AnUnknownWhatNamesTheExport) {
  EXPECT_TRUE(ExportFailsWith(ExportFromJson(test::CiuicJson(), test::SeedConfigJson(), "plan", "csv", "en"),
                              code::kUnknownValue, "export"));
}

TEST(ExportFromJsonError, TheTableAndConfigurationAreValidatedAsForAnEstimate) {
  // Without a table an estimate export fails exactly as the estimate does;
  // a comparison needs a table.
  EXPECT_EQ(ExportFromJson("", test::SeedConfigJson(), "estimate", "csv", "en"),
            EstimateFromJson("", test::SeedConfigJson()));
  EXPECT_TRUE(
      ExportFailsWith(ExportFromJson("", test::SeedConfigJson(), "compare", "csv", "en"), code::kEmptyInput, "prices"));
  EXPECT_TRUE(ExportFailsWith(ExportFromJson(test::CiuicJson(), test::SeedWith("gpus", "0"), "estimate", "csv", "en"),
                              code::kZero, "gpus"));
  EXPECT_TRUE(ExportFailsWith(
      ExportFromJson(test::CiuicJson(), test::SeedWith("instance", "\"h100\""), "estimate", "csv", "en"),
      code::kUnknownInstance, "instance"));
}

TEST(ExportFormatName, CsvMdMarkdownAndJson) {
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("md"), ExportFormat::kMarkdown);
  EXPECT_EQ(ParseExportFormat("markdown"), ExportFormat::kMarkdown);
  EXPECT_EQ(ParseExportFormat("json"), ExportFormat::kJson);
  EXPECT_FALSE(ParseExportFormat("CSV").has_value());
  EXPECT_FALSE(ParseExportFormat("").has_value());
}

// A range and spot capacity fill their columns, with the estimate's own
// figures; a spot price above the on-demand one is a negative saving.
TEST(ExportCsv, RangeAndSpotColumnsCarryTheEstimatesFigures) {
  for (const char* spot_price : {"8", "30"}) {
    const std::string config_json =
        std::string(R"({"instance": "a100x4", "gpus": 4, "throughput": {"tokens_per_epoch": "1e9",)"
                    R"( "tokens_per_second_per_gpu": 400, "range_percent": 25}, "spot": {"price_per_gpu_hour": ")") +
        spot_price +
        R"(", "interruptions_per_hour": "0.1",)"
        R"( "checkpoint_interval_hours": "1"}})";
    const Estimate e = test::MustEstimate(config_json);
    ASSERT_TRUE(e.range && e.spot) << config_json;
    const ConfigResult config = ParseConfig(config_json);
    std::vector<ComparisonRow> rows;
    rows.push_back({"a100x4", ComputeEstimate(&test::CiuicTable(), config.config), false});
    const auto lines = Lines(ExportRows(rows, ExportFormat::kCsv, Lang::kEn), "\r\n");
    ASSERT_EQ(lines.size(), 2u);
    const Int128 saving = e.spot->saving;
    // A leading '-' is neutralised as a formula would be (see
    // AFormulaLikeInstanceIsNeutralisedWithALeadingQuote).
    const std::string saving_text = saving < 0 ? "'-" + test::Money(-saving) : test::Money(saving);
    // total_low, total_high, spot_billed_hours, spot_total, spot_saving: the
    // 19th to 23rd columns (no cell here is quoted).
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t comma = lines[1].find(','); comma != std::string::npos; comma = lines[1].find(',', start)) {
      cells.push_back(lines[1].substr(start, comma - start));
      start = comma + 1;
    }
    cells.push_back(lines[1].substr(start));
    ASSERT_EQ(cells.size(), 32u) << lines[1];  // the last 7: second currency, energy, owned
    EXPECT_EQ(cells[18], test::Money(e.range->total_low));
    EXPECT_EQ(cells[19], test::Money(e.range->total_high));
    EXPECT_EQ(cells[20], ToShortDecimal(e.spot->billed_hours, 6));
    EXPECT_EQ(cells[21], test::Money(e.spot->total));
    EXPECT_EQ(cells[22], saving_text);
    EXPECT_EQ(saving < 0, std::string(spot_price) == "30") << lines[1];
  }
}

}  // namespace
}  // namespace epochcost
