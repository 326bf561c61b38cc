// A price table parsed once, answering many JSON requests against it.
//
// The page recomputes on every keystroke; parsing the table for each answer
// was most of the work (BM_LoadPriceTable). The free functions of
// json_api.h, link.h and export.h are this class used once.
#ifndef EPOCHCOST_CALCULATOR_H
#define EPOCHCOST_CALCULATOR_H

#include <string>
#include <string_view>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"

namespace epochcost {
namespace detail {
class JsonObject;
}

class Calculator {
 public:
  // An empty `prices_json` means no table: configurations then carry their
  // own price and GPU count. An invalid table makes every answer its errors.
  explicit Calculator(std::string_view prices_json);

  // {"ok":true,"table":{...}} or the table's errors.
  std::string Table() const;
  // The estimate (with "plan" when the configuration asks for one).
  std::string Estimate(std::string_view config_json) const;
  // {"ok":true,"rows":[...]}: every instance, cheapest first.
  std::string Compare(std::string_view config_json) const;
  // {"ok":true,"query":"i=...&t=..."}: the shareable link's query string.
  std::string EncodeLink(std::string_view config_json) const;
  // Everything the page shows for a configuration, in one call (it asks on
  // every keystroke, and each call parses the configuration):
  // {"ok":true, "estimate": Estimate(), "comparison": Compare() with each
  // row cut to what the page's table shows, or null without a table, "link":
  // {"ok":true, "query", "config": the link's configuration as decoding the
  // link gives it}}, or the errors.
  std::string Answer(std::string_view config_json) const;
  // Answer() for the page's form values rather than a configuration: a JSON
  // object of strings by configuration key, plus "way" (how T is given) and
  // "alternative" (the trial's "steps" or "samples"). Adds "config": the
  // configuration the values stand for (only the inputs in use, defaults
  // left out), and "in_use": the keys of the inputs the form's choices use,
  // also when the answer is errors. The page keeps no copy of that rule.
  std::string AnswerForm(std::string_view form_json) const;
  // The page's form for a shared link (see open_link.h).
  std::string OpenLink(std::string_view query) const;
  // {"ok":true,"text":...,"media_type":...}; see export.h.
  std::string Export(std::string_view config_json, std::string_view what, std::string_view format,
                     std::string_view lang) const;
  // {"ok":true,"text":...}: the message to paste into a chat (chat_message.h)
  // in `lang` ("en"/"zh"), ending in `link`, or the errors.
  std::string Chat(std::string_view config_json, std::string_view lang, std::string_view link) const;

 private:
  bool has_table_;
  PriceTableResult prices_;
  const PriceTable* table() const { return has_table_ ? &prices_.table : nullptr; }
  // The configuration parsed and estimated; `errors` is empty when both
  // succeeded.
  struct Estimated {
    ConfigResult config;
    EstimateResult estimate;
    Errors errors;
  };
  Estimated EstimateFor(std::string_view config_json) const;
  Estimated Estimate(ConfigResult config) const;
  // Answer()'s fields, so that AnswerForm() can add its own.
  detail::JsonObject AnswerFields(const Estimated& e) const;
  std::string EstimateText(const Config& config, const epochcost::Estimate& estimate) const;
  // {"ok":true,"rows":[...]}, each row in full or in summary.
  std::string ComparisonText(const Config& workload, bool summary) const;
};

}  // namespace epochcost

#endif  // EPOCHCOST_CALCULATOR_H
