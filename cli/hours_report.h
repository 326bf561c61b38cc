// The billed-hours lines of the CLI's text report: evaluation, checkpoint
// saves and start-up among the parts, the range, and spot beside on-demand.
#ifndef EPOCHCOST_CLI_HOURS_REPORT_H
#define EPOCHCOST_CLI_HOURS_REPORT_H

#include <string>

#include "epochcost/error.h"
#include "epochcost/estimate.h"

namespace epochcost::cli {

// Lines for a breakdown's evaluation and checkpoint parts (none when zero).
std::string TextOverheadParts(const MoneyParts& parts, const Estimate& e, Lang lang);
// ", evaluation X, checkpoint saves Y, start-up Z" for the totals line.
std::string TextOverheadTotals(const Estimate& e, Lang lang);
// "Range: ..." (empty without one).
std::string TextRange(const Estimate& e, Lang lang);
// The spot block: on-demand and spot side by side, with the model.
std::string TextSpot(const Estimate& e, Lang lang);

}  // namespace epochcost::cli

#endif  // EPOCHCOST_CLI_HOURS_REPORT_H
