// A short plain-text message about an estimate, to paste into a chat
// (WeChat, Slack, Feishu, Teams): the configuration in one line, the cost per
// epoch and in total, the price table and its date, and the link. The page's
// "Copy for chat" and the CLI's `--format chat` both print this text.
#ifndef EPOCHCOST_CHAT_MESSAGE_H
#define EPOCHCOST_CHAT_MESSAGE_H

#include <string>
#include <string_view>

#include "epochcost/config.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"

namespace epochcost {

// Plain text, one fact per line, no Markdown (a chat would show *, |, # or
// backticks as they are), ending in `link` (given whole by the caller: the
// page's address or the CLI's --site with the estimate's query). `table` may
// be null (a price set by hand). Text from the price table is kept on one line.
std::string ChatMessage(const Estimate& estimate, const Config& config, const PriceTable* table, Lang lang,
                        std::string_view link);

// Digits grouped by three with ',' ("1230.00" -> "1,230.00"), as the page
// writes amounts in both of its languages.
std::string GroupedDecimal(std::string_view fixed);

}  // namespace epochcost

#endif  // EPOCHCOST_CHAT_MESSAGE_H
