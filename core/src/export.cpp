// CSV, Markdown and JSON export (see export.h).
#include "epochcost/export.h"

#include "epochcost/json_api.h"
#include "json_values.h"
#include "json_writer.h"

namespace epochcost {
namespace {

std::string YesNo(bool value) { return value ? "yes" : "no"; }
std::string Money(Int128 units, const Estimate& e) { return MinorUnitsToFixed(units, e.minor_unit_digits); }

// A column: its JSON key, its labels, and its cell, written as the JSON
// export writes the field (a number's or a string's text, yes or no for a
// boolean, nothing for null).
struct Column {
  const char* key;
  const char* en;
  const char* zh;
  std::string (*cell)(const ComparisonRow& row);
  bool in_failed_row;  // whether a row whose estimate failed has it
};

// The estimate of a row that did not fail.
const Estimate& E(const ComparisonRow& row) { return row.result.estimate; }

constexpr Column kColumns[] = {
    {"instance", "Instance", "实例", [](const ComparisonRow& r) { return r.instance; }, true},
    {"gpus", "GPUs", "GPU 数", [](const ComparisonRow& r) { return std::to_string(E(r).gpus); }, false},
    {"gpus_billed", "GPUs billed", "计费 GPU 数",
     [](const ComparisonRow& r) { return std::to_string(E(r).gpus_billed); }, false},
    {"hours_per_epoch", "Hours per epoch", "每 epoch 小时",
     [](const ComparisonRow& r) { return detail::Quantity(E(r).hours_per_epoch); }, false},
    {"epochs", "Epochs", "epoch 数", [](const ComparisonRow& r) { return std::to_string(E(r).epochs); }, false},
    {"price_per_gpu_hour", "Price per GPU-hour", "单价(每 GPU·小时)",
     [](const ComparisonRow& r) { return ToShortDecimal(E(r).price_per_gpu_hour, 12); }, false},
    {"currency", "Currency", "币种", [](const ComparisonRow& r) { return E(r).currency; }, false},
    {"per_epoch_compute", "Compute per epoch", "每 epoch 算力",
     [](const ComparisonRow& r) { return Money(E(r).per_epoch.compute, E(r)); }, false},
    {"per_epoch_data", "Data per epoch", "每 epoch 数据",
     [](const ComparisonRow& r) { return Money(E(r).per_epoch.data, E(r)); }, false},
    {"per_epoch_ops", "Operations per epoch", "每 epoch 运维",
     [](const ComparisonRow& r) { return Money(E(r).per_epoch.ops, E(r)); }, false},
    {"per_epoch_total", "Per epoch", "每 epoch 合计",
     [](const ComparisonRow& r) { return Money(E(r).per_epoch.total, E(r)); }, false},
    {"total", "Total", "总计", [](const ComparisonRow& r) { return Money(E(r).total.total, E(r)); }, false},
    {"gpu_hours", "GPU-hours", "GPU·小时", [](const ComparisonRow& r) { return detail::Quantity(E(r).gpu_hours); },
     false},
    {"wall_hours", "Wall-clock hours", "运行小时",
     [](const ComparisonRow& r) { return detail::Quantity(E(r).wall_hours); }, false},
    {"billed_hours", "Billed hours", "计费小时",
     [](const ComparisonRow& r) { return detail::Quantity(E(r).billed_hours); }, false},
    {"per_epoch_eval", "Evaluation per epoch", "每 epoch 评估",
     [](const ComparisonRow& r) { return Money(E(r).per_epoch.eval, E(r)); }, false},
    {"per_epoch_checkpoint", "Checkpoint saves per epoch", "每 epoch 保存检查点",
     [](const ComparisonRow& r) { return Money(E(r).per_epoch.checkpoint, E(r)); }, false},
    {"startup", "Start-up (once)", "启动(一次)", [](const ComparisonRow& r) { return Money(E(r).total.startup, E(r)); },
     false},
    // Empty without a range or spot capacity.
    {"total_low", "Total, low", "总计下限",
     [](const ComparisonRow& r) { return E(r).range ? Money(E(r).range->total_low, E(r)) : std::string(); }, false},
    {"total_high", "Total, high", "总计上限",
     [](const ComparisonRow& r) { return E(r).range ? Money(E(r).range->total_high, E(r)) : std::string(); }, false},
    {"spot_billed_hours", "Spot billed hours", "竞价计费小时",
     [](const ComparisonRow& r) { return E(r).spot ? detail::Quantity(E(r).spot->billed_hours) : std::string(); },
     false},
    {"spot_total", "Spot total", "竞价总计",
     [](const ComparisonRow& r) { return E(r).spot ? Money(E(r).spot->total, E(r)) : std::string(); }, false},
    {"spot_saving", "Spot saving", "竞价节省",
     [](const ComparisonRow& r) {
       if (!E(r).spot) return std::string();
       const Int128 saving = E(r).spot->saving;
       return (saving < 0 ? "-" : "") + Money(saving < 0 ? -saving : saving, E(r));
     },
     false},
    // Null (empty) without a memory check.
    {"fits", "Fits in memory", "显存是否足够",
     [](const ComparisonRow& r) { return E(r).memory ? YesNo(E(r).memory->fit != Fit::kDoesNotFit) : std::string(); },
     false},
    {"cheapest", "Cheapest", "最便宜", [](const ComparisonRow& r) { return YesNo(r.cheapest); }, true},
    // Money in other units (docs/money.md); empty when not asked for.
    {"price_source", "Price from", "单价来源", [](const ComparisonRow& r) { return E(r).price_source; }, false},
    {"display_currency", "Second currency", "第二币种",
     [](const ComparisonRow& r) { return E(r).converted ? E(r).converted->code : std::string(); }, false},
    {"display_rate", "Exchange rate", "汇率",
     [](const ComparisonRow& r) { return E(r).converted ? ToShortDecimal(E(r).converted->rate, 12) : std::string(); },
     false},
    {"display_total", "Total in the second currency", "第二币种总计",
     [](const ComparisonRow& r) {
       const auto& c = E(r).converted;
       return c ? MinorUnitsToFixed(c->total, c->minor_unit_digits) : std::string();
     },
     false},
    {"energy_kwh", "Energy (kWh)", "能耗(千瓦时)",
     [](const ComparisonRow& r) { return E(r).energy ? ToShortDecimal(E(r).energy->kwh, 3) : std::string(); }, false},
    {"carbon_kg_co2", "Carbon (kg CO2eq)", "碳排放(千克 CO2eq)",
     [](const ComparisonRow& r) {
       return E(r).energy && E(r).energy->kg_co2 ? ToShortDecimal(*E(r).energy->kg_co2, 3) : std::string();
     },
     false},
    {"energy_cost", "Electricity cost", "电费",
     [](const ComparisonRow& r) {
       return E(r).energy && E(r).energy->cost_exact ? Money(E(r).energy->cost, E(r)) : std::string();
     },
     false},
};

// The cells of one row, in column order. Text is made well-formed UTF-8 as
// the JSON export makes it, so that the three formats say the same.
std::vector<std::string> Cells(const ComparisonRow& row) {
  std::vector<std::string> cells;
  cells.reserve(std::size(kColumns));
  for (const Column& column : kColumns) {
    cells.push_back(row.result.ok() || column.in_failed_row ? detail::WellFormedUtf8(column.cell(row)) : std::string());
  }
  return cells;
}

std::string CsvCell(std::string cell) {
  // A leading =, +, - or @ would run as a formula in a spreadsheet; numbers
  // here are never negative, so only table text can start that way.
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) cell.insert(0, "'");
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string MarkdownCell(const std::string& cell) {
  std::string out;
  for (const char c : cell) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "md" || name == "markdown") return ExportFormat::kMarkdown;
  if (name == "json") return ExportFormat::kJson;
  return std::nullopt;
}

std::string ExportRows(const std::vector<ComparisonRow>& rows, ExportFormat format, Lang lang) {
  if (format == ExportFormat::kJson) return detail::IndentedJson(CompareRowsToJson(rows), 2) + "\n";
  std::string out;
  if (format == ExportFormat::kCsv) {
    for (const Column& column : kColumns) out += std::string(&column == kColumns ? "" : ",") + column.key;
    out += "\r\n";  // RFC 4180 line ends
    for (const ComparisonRow& row : rows) {
      const auto cells = Cells(row);
      for (std::size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + CsvCell(cells[i]);
      out += "\r\n";
    }
    return out;
  }
  out += "|";
  for (const Column& column : kColumns) out += std::string(" ") + (lang == Lang::kZh ? column.zh : column.en) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < std::size(kColumns); ++i) out += i == 0 ? "---|" : "---:|";
  out += "\n";
  for (const ComparisonRow& row : rows) {
    out += "|";
    for (const std::string& cell : Cells(row)) out += " " + MarkdownCell(cell) + " |";
    out += "\n";
  }
  return out;
}

}  // namespace epochcost
