// CSV, Markdown and JSON export (see export.h).
#include "epochcost/export.h"

#include <nlohmann/json.hpp>

#include "epochcost/calculator.h"
#include "epochcost/json_api.h"
#include "epochcost/words.h"
#include "exact_json.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

std::string Text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  return value.dump();
}

// The cells of one row, by column key, from the row's JSON object.
std::vector<std::string> Cells(const Json& row) {
  std::vector<std::string> cells;
  for (const ExportColumn& column : ExportColumns()) {
    const std::string key = column.key;
    if (key.rfind("per_epoch_", 0) == 0) {
      cells.push_back(row.contains("per_epoch") ? Text(row["per_epoch"][key.substr(10)]) : "");
    } else {
      cells.push_back(row.contains(key) ? Text(row[key]) : "");
    }
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

// The columns and their headers are shared words (words.cpp).
std::string ExportRows(const std::vector<ComparisonRow>& rows, ExportFormat format, Lang lang) {
  // An export is one click, not a keystroke: its rows are read back from
  // the engine's own JSON text (which holds no fractional number) rather than
  // written a second way, with the parser the engine already has.
  const std::string text = CompareRowsToJson(rows);
  Errors unexpected;
  const Json list = detail::ParseExactJson(text, "export", text.size(), &unexpected).value_or(Json::array());
  if (format == ExportFormat::kJson) return list.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  std::string out;
  if (format == ExportFormat::kCsv) {
    for (const ExportColumn& column : ExportColumns())
      out += std::string(&column == ExportColumns().begin() ? "" : ",") + column.key;
    out += "\r\n";  // RFC 4180 line ends
    for (const Json& row : list) {
      const auto cells = Cells(row);
      for (std::size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + CsvCell(cells[i]);
      out += "\r\n";
    }
    return out;
  }
  out += "|";
  for (const ExportColumn& column : ExportColumns())
    out += std::string(" ") + (lang == Lang::kZh ? column.zh : column.en) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < ExportColumns().size(); ++i) out += i == 0 ? "---|" : "---:|";
  out += "\n";
  for (const Json& row : list) {
    out += "|";
    for (const std::string& cell : Cells(row)) out += " " + MarkdownCell(cell) + " |";
    out += "\n";
  }
  return out;
}

std::string ExportFromJson(std::string_view prices_json, std::string_view config_json, std::string_view what,
                           std::string_view format, std::string_view lang) {
  return Calculator(prices_json).Export(config_json, what, format, lang);
}

}  // namespace epochcost
