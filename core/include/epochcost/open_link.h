// Opening a shared link on the page: the form's values for a link, with a
// problem for each value that cannot be used and the value used instead.
//
// A link is checked twice: each parameter alone (DecodeLink), then the values
// together against the price table (an instance the table lacks, a way left
// incomplete). A value that fails either way falls back to the page's
// starting value, so one bad value costs only itself.
#ifndef EPOCHCOST_OPEN_LINK_H
#define EPOCHCOST_OPEN_LINK_H

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "epochcost/error.h"
#include "epochcost/link.h"
#include "epochcost/price_table.h"
#include "epochcost/rational.h"

namespace epochcost {

// The form's values by configuration key, plus "way" and "alternative" (the
// trial's "steps" or "samples"). Empty text: the input is left empty.
using FormValues = std::map<std::string, std::string, std::less<>>;

struct LinkProblem {
  Error error;             // params["param"] names the link's parameter
  std::string fallback;    // the value used instead; empty for none
  std::string chosen_way;  // a conflict of ways: the way used
};

struct PriceMismatch {
  Rational link_price;   // kept until the reader chooses
  Rational table_price;  // the live table's
  std::string instance;  // its name
};

struct OpenedLink {
  FormValues values;
  std::set<std::string> from_link;  // the keys whose value came from the link
  std::vector<LinkProblem> problems;
  std::optional<PriceMismatch> price_mismatch;
  std::map<std::string, std::string> settings;  // lang, embed, prices
};

// The form's starting values: the schema's examples, on the table's example
// instance (or its first; none without a table).
FormValues ExampleValues(const PriceTable* table);
// `table` null: none could be loaded (the link's prices then stay its own).
OpenedLink OpenLink(const PriceTable* table, std::string_view query);
// The same for a link already decoded (DecodeLink): what a link opens to
// depends only on its decoded values, errors and settings.
OpenedLink OpenLink(const PriceTable* table, const LinkResult& link);
// {"values":{...},"from_link":[...],"problems":[{code, field, params,
// message_en, message_zh, fallback?, chosen_way?}],"price_mismatch":null |
// {"link_price","table_price","instance"},"settings":{...},"ok":true}.
std::string OpenedLinkJson(const OpenedLink& opened);

}  // namespace epochcost

#endif  // EPOCHCOST_OPEN_LINK_H
