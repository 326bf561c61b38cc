// Reading and writing the money inputs (see money_inputs.h).
#include "money_inputs.h"

#include <cstdint>
#include <string>

#include "config_tree.h"
#include "epochcost/decimal_text.h"
#include "epochcost/money_inputs.h"
#include "epochcost/schema.h"
#include "input_limits.h"

namespace epochcost {

int MinorUnitDigitsOf(const std::string& code) {
  // ISO 4217's exponents for the schema's choices that are not 2.
  if (code == "JPY" || code == "KRW") return 0;
  return 2;
}

namespace detail {
namespace {

// `key` of `object` under its schema rule, when present.
std::optional<Rational> Read(const Json& object, const std::string& key, Errors* errors) {
  const std::string leaf = key.substr(key.find('.') + 1);
  if (!object.contains(leaf)) return std::nullopt;
  return ReadNumber(object[leaf], key, limits::RuleOf(key), errors);
}

std::optional<Rational> Required(const Json& object, const std::string& key, Errors* errors) {
  if (!object.contains(key.substr(key.find('.') + 1))) {
    errors->push_back({code::kMissing, key, {}});
    return std::nullopt;
  }
  return Read(object, key, errors);
}

void ParseDisplayCurrency(const Json& root, std::optional<DisplayCurrency>* out, Errors* errors) {
  const Json* c = ConfigObject(root, "display_currency", errors);
  if (c == nullptr) return;
  DisplayCurrency currency;
  const std::size_t before = errors->size();
  const Field& code_field = FieldOf("display_currency.code");
  if (!c->contains("code")) {
    errors->push_back({code::kMissing, "display_currency.code", {}});
  } else if (auto code = ReadString((*c)["code"], "display_currency.code", 8, errors)) {
    if (InChoices(code_field, *code)) {
      currency.code = *code;
    } else {
      errors->push_back({code::kUnknownValue,
                         "display_currency.code",
                         {{"value", Excerpt(*code)}, {"allowed", std::string(code_field.choices)}}});
    }
  }
  if (auto rate = Required(*c, "display_currency.rate", errors)) currency.rate = *rate;
  if (c->contains("date")) {
    if (auto date = ReadString((*c)["date"], "display_currency.date", 10, errors)) {
      if (IsIsoDate(*date)) {
        currency.date = *date;
      } else {
        errors->push_back(
            {code::kUnknownValue,
             "display_currency.date",
             {{"value", Excerpt(*date)}, {"allowed", std::string(FieldOf("display_currency.date").choices)}}});
      }
    }
  }
  if (c->contains("source")) {
    if (auto source = ReadString((*c)["source"], "display_currency.source", kMaxSourceBytes, errors)) {
      if (IsPlainText(*source)) {
        currency.source = *source;
      } else {
        errors->push_back(
            {code::kUnknownValue, "display_currency.source", {{"value", Excerpt(*source)}, {"allowed", "text"}}});
      }
    }
  }
  if (errors->size() == before) *out = currency;
}

void ParseEnergy(const Json& root, std::optional<EnergyInputs>* out, Errors* errors) {
  const Json* e = ConfigObject(root, "energy", errors);
  if (e == nullptr) return;
  EnergyInputs energy;
  energy.watts_per_gpu = Required(*e, "energy.watts_per_gpu", errors);
  energy.pue = limits::DefaultOf("energy.pue");
  if (auto pue = Read(*e, "energy.pue", errors)) {
    if (!PueBelowOne("energy.pue", *pue, errors)) energy.pue = *pue;
  }
  energy.kg_co2_per_kwh = Read(*e, "energy.kg_co2_per_kwh", errors);
  energy.price_per_kwh = Read(*e, "energy.price_per_kwh", errors);
  *out = energy;
}

void ParseOwned(const Json& root, Config* config, Errors* errors) {
  const Json* o = ConfigObject(root, "owned", errors);
  if (o == nullptr) return;
  OwnedGpus owned;
  const bool hourly = o->contains("price_per_gpu_hour");
  const bool purchase = o->contains("purchase_price_per_gpu") || o->contains("service_life_years");
  if (hourly && purchase) {
    errors->push_back(
        {code::kConflicting,
         "owned.price_per_gpu_hour",
         {{"ways", "owned.price_per_gpu_hour | owned.purchase_price_per_gpu + owned.service_life_years"}}});
    return;
  }
  if (hourly) {
    owned.price_per_gpu_hour = Read(*o, "owned.price_per_gpu_hour", errors);
  } else if (purchase) {
    owned.purchase_price_per_gpu = Required(*o, "owned.purchase_price_per_gpu", errors);
    owned.service_life_years = Required(*o, "owned.service_life_years", errors);
  } else {
    errors->push_back({code::kMissing, "owned.purchase_price_per_gpu", {}});
    return;
  }
  // The owner's P replaces a rental price: both is a contradiction.
  if (root.contains("price_per_gpu_hour")) {
    errors->push_back({code::kConflicting, "price_per_gpu_hour", {{"ways", "price_per_gpu_hour, owned"}}});
  }
  config->owned = owned;
}

}  // namespace

bool PueBelowOne(const std::string& key, const Rational& value, Errors* errors) {
  if (key != "energy.pue" || !(value < Rational(1))) return false;
  errors->push_back({code::kBelowOne, key, {{"value", ToShortDecimal(value, 12)}}});
  return true;
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t j = starts[i]; j < starts[i] + lengths[i]; ++j) {
      if (text[j] < '0' || text[j] > '9') return false;
      parts[i] = parts[i] * 10 + (text[j] - '0');
    }
  }
  const int year = parts[0];
  const int month = parts[1];
  const int day = parts[2];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsPlainText(std::string_view text) {
  // Well-formed UTF-8 (shortest forms, no surrogates) without control
  // characters: what a page can show as text and a link can carry.
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 || byte == 0x7f) return false;
      ++i;
      continue;
    }
    const std::size_t length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0;
    if (length == 0 || byte > 0xf4 || i + length > text.size()) return false;
    std::uint32_t code = byte & (0x7f >> length);
    for (std::size_t j = 1; j < length; ++j) {
      const auto next = static_cast<unsigned char>(text[i + j]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    if (code <= 0x9f) return false;  // C1 controls (every code here is at least 0x80: see smallest)
    i += length;
  }
  return true;
}

void ParseMoneyInputs(const Json& root, Config* config, Errors* errors) {
  ParseDisplayCurrency(root, &config->display_currency, errors);
  ParseEnergy(root, &config->energy, errors);
  ParseOwned(root, config, errors);
}

void AppendMoneyLinkValues(const Config& config, ConfigValues* values) {
  const auto add = [values](std::string_view key, std::string text) {
    values->emplace_back(std::string(key), std::move(text));
  };
  const auto decimal = [](const Rational& value) { return ToShortDecimal(value, kMaxInputPlaces); };
  if (config.display_currency) {
    const DisplayCurrency& c = *config.display_currency;
    add("display_currency.code", c.code);
    add("display_currency.rate", decimal(c.rate));
    if (!c.date.empty()) add("display_currency.date", c.date);
    if (!c.source.empty()) add("display_currency.source", c.source);
  }
  if (config.energy) {
    const EnergyInputs& e = *config.energy;
    if (e.watts_per_gpu) add("energy.watts_per_gpu", decimal(*e.watts_per_gpu));
    if (e.pue != limits::DefaultOf("energy.pue")) add("energy.pue", decimal(e.pue));
    if (e.kg_co2_per_kwh) add("energy.kg_co2_per_kwh", decimal(*e.kg_co2_per_kwh));
    if (e.price_per_kwh) add("energy.price_per_kwh", decimal(*e.price_per_kwh));
  }
  if (config.owned) {
    const OwnedGpus& o = *config.owned;
    if (o.purchase_price_per_gpu) add("owned.purchase_price_per_gpu", decimal(*o.purchase_price_per_gpu));
    if (o.service_life_years) add("owned.service_life_years", decimal(*o.service_life_years));
    if (o.price_per_gpu_hour) add("owned.price_per_gpu_hour", decimal(*o.price_per_gpu_hour));
  }
}

}  // namespace detail
}  // namespace epochcost
