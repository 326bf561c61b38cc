// Embind registrations for the web page: text in, text out, one line each.
//
// All logic lives in core/; these wrappers only turn JS strings into
// std::string. Failures come back as {"ok":false,"errors":[...]} values,
// never as exceptions (which would abort the instance).
#include <emscripten/bind.h>

#include <string>

#include "epochcost/export.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"

namespace {

std::string Estimate(const std::string& prices, const std::string& config) {
  return epochcost::EstimateFromJson(prices, config);
}
std::string Compare(const std::string& prices, const std::string& config) {
  return epochcost::CompareFromJson(prices, config);
}
std::string Export(const std::string& prices, const std::string& config, const std::string& what,
                   const std::string& format, const std::string& lang) {
  return epochcost::ExportFromJson(prices, config, what, format, lang);
}
std::string PriceTable(const std::string& prices) { return epochcost::PriceTableFromJson(prices); }
std::string DecodeLink(const std::string& query) { return epochcost::DecodeLinkToJson(query); }
std::string EncodeLink(const std::string& config, const std::string& prices) {
  return epochcost::EncodeLinkFromJson(config, prices);
}

}  // namespace

EMSCRIPTEN_BINDINGS(epochcost) {
  emscripten::function("estimate", &Estimate);
  emscripten::function("compare", &Compare);
  emscripten::function("exportAs", &Export);
  emscripten::function("priceTable", &PriceTable);
  emscripten::function("decodeLink", &DecodeLink);
  emscripten::function("encodeLink", &EncodeLink);
}
