// The texts of the billed-hours inputs (overheads, spot, scaling, range):
// their labels, errors and notes, in both languages. messages.cpp looks
// here as well as in its own catalogue.
#ifndef EPOCHCOST_HOURS_MESSAGES_H
#define EPOCHCOST_HOURS_MESSAGES_H

#include <string_view>

#include "text_table.h"

namespace epochcost::detail {

// By full configuration key ("spot.restart_hours") or price-table field.
const Text* FindHoursLabel(std::string_view key);
const Text* FindHoursError(std::string_view code);
const Text* FindHoursNote(std::string_view code);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_HOURS_MESSAGES_H
