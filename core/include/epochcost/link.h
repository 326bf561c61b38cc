// The shareable link: every input of an estimate in the query string, keyed
// by the formula's own letters so that a link reads like the formula:
//   ?i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10
// i instance, t hours per epoch (T), p price per GPU-hour (P), n GPUs (N),
// d data per epoch (D), m operations per epoch (M), e epochs, bill billing
// increment in seconds, disc discount percent. lang and embed are page
// settings, passed through. A link is untrusted text from a chat: every
// parameter is validated on its own, so one bad value costs only itself.
#ifndef EPOCHCOST_LINK_H
#define EPOCHCOST_LINK_H

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "epochcost/config.h"
#include "epochcost/error.h"

namespace epochcost {

inline constexpr std::size_t kMaxLinkQueryBytes = 2048;

struct LinkResult {
  // Valid inputs by configuration key, as canonical decimal text.
  std::map<std::string, std::string> config;
  // Page settings: "lang", "embed".
  std::map<std::string, std::string> settings;
  // One per bad parameter; params["param"] is the link's key.
  Errors errors;
};

// Decodes a query string, with or without its leading '?'.
LinkResult DecodeLink(std::string_view query);
// The query string (no '?') for a configuration; `price` is the price the
// estimate used, recorded so that the link reproduces it exactly.
std::string EncodeLink(const Config& config, const Rational& price);
// A configuration's values by key, as canonical text, in link order: what
// the link records and the page's form shows.
using ConfigValues = std::vector<std::pair<std::string, std::string>>;
// The values of a configuration whose estimate used `price`: the chosen way's
// inputs, the price, and the rest when given or not their default.
ConfigValues LinkValues(const Config& config, const Rational& price);
std::string EncodeLink(const ConfigValues& values);
// {"instance":"a100x4","trial":{"steps":"50"},...}: values as a configuration.
std::string ConfigValuesJson(const ConfigValues& values);

// JSON forms for the wasm engine: {"config":{...},"settings":{...},
// "errors":[...]} and {"ok":true,"query":"..."} (or errors).
std::string DecodeLinkToJson(std::string_view query);
// The same for a link already decoded.
std::string LinkResultJson(const LinkResult& link);
std::string EncodeLinkFromJson(std::string_view config_json, std::string_view prices_json);

}  // namespace epochcost

#endif  // EPOCHCOST_LINK_H
