// The texts of the money inputs (second currency, energy, owned GPUs):
// their labels, errors and notes, in both languages. messages.cpp looks
// here as well as in its own catalogue.
#ifndef EPOCHCOST_MONEY_MESSAGES_H
#define EPOCHCOST_MONEY_MESSAGES_H

#include <string_view>

#include "text_table.h"

namespace epochcost::detail {

// By full configuration key ("energy.pue") or object ("energy").
const Text* FindMoneyLabel(std::string_view key);
const Text* FindMoneyError(std::string_view code);
const Text* FindMoneyNote(std::string_view code);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_MONEY_MESSAGES_H
