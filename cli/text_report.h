// The human-readable breakdown the CLI prints, in English or Chinese.
#ifndef EPOCHCOST_CLI_TEXT_REPORT_H
#define EPOCHCOST_CLI_TEXT_REPORT_H

#include <string>

#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"

namespace epochcost::cli {

// `table` may be null (a configuration with its own price).
std::string TextReport(const Estimate& estimate, const PriceTable* table, Lang lang);
std::string TextErrors(const Errors& errors, Lang lang);

}  // namespace epochcost::cli

#endif  // EPOCHCOST_CLI_TEXT_REPORT_H
