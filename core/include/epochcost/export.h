// Export of an estimate or a comparison as CSV, a Markdown table (to paste
// into chat or docs) or JSON, shared by the CLI (--format) and the page.
#ifndef EPOCHCOST_EXPORT_H
#define EPOCHCOST_EXPORT_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epochcost/compare.h"
#include "epochcost/error.h"

namespace epochcost {

enum class ExportFormat { kCsv, kMarkdown, kJson };

std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// One row per instance; a single estimate is a list of one row. CSV uses the
// stable JSON key names as headers; Markdown uses labels in `lang`. Text
// from the price table is neutralised: CSV cells that a spreadsheet would
// run as a formula get a leading quote, and Markdown pipes are escaped.
std::string ExportRows(const std::vector<ComparisonRow>& rows, ExportFormat format, Lang lang);

// {"ok":true,"text":"...","media_type":"text/csv"} or errors. `what` is
// "estimate" or "compare"; `format` "csv", "md" or "json"; `lang` "en"/"zh".
std::string ExportFromJson(std::string_view prices_json, std::string_view config_json, std::string_view what,
                           std::string_view format, std::string_view lang);

}  // namespace epochcost

#endif  // EPOCHCOST_EXPORT_H
