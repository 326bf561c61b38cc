// The bad-input matrix at the core: every input field of the
// configuration x {missing, empty, blank, negative, zero, NaN, Infinity,
// 1e309, 1e-400, text, "1,5", full-width digits, 5000 characters, true, [],
// {}, null}, and every link parameter x its own list of bad values. Each
// cell gives exactly its own error, with its code, naming its field in
// both languages, and no error for any other field; the accepted friendly
// forms give the same result as their ASCII spelling.
//
// The cells are generated from tests/fixtures/bad_inputs.json, which the
// wasm test (tests/wasm/bad_input_matrix.test.mjs) reads too, so that both
// levels prove the same cells.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/schema.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

const Json& Fixture() {
  static const Json doc = Json::parse(test::ReadSourceFile("tests/fixtures/bad_inputs.json"), nullptr, false);
  return doc;
}

const std::string& Prices() {
  static const std::string prices = test::ReadSourceFile(Fixture()["prices"].get<std::string>());
  return prices;
}

// ---- Writing a configuration from [path, raw JSON] pairs ---------------------------

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs BasePairs(const std::string& base) {
  Pairs pairs;
  for (const Json& pair : Fixture()["bases"].at(base)) pairs.emplace_back(pair[0], pair[1]);
  return pairs;
}

// The base with `field` set to `raw` (or removed when `raw` is null). A way
// object ("trial") replaces all of its sub-fields ("trial.steps", ...).
Pairs WithField(Pairs pairs, const std::string& field, const Json& raw) {
  Pairs out;
  bool placed = false;
  for (const auto& [path, value] : pairs) {
    const bool matches = path == field || path.rfind(field + ".", 0) == 0;
    if (!matches) {
      out.emplace_back(path, value);
    } else if (!placed) {
      placed = true;
      if (!raw.is_null()) out.emplace_back(field, raw.get<std::string>());
    }
  }
  if (!placed && !raw.is_null()) out.emplace_back(field, raw.get<std::string>());
  return out;
}

// {"key": raw, "way": {"sub": raw, ...}, ...}, sub-fields grouped where the first appears.
std::string ConfigText(const Pairs& pairs) {
  struct Member {
    std::string raw;  // a plain member
    Pairs subs;       // a way object's members
  };
  std::vector<std::string> order;
  std::map<std::string, Member> members;
  for (const auto& [path, value] : pairs) {
    const std::size_t dot = path.find('.');
    const std::string top = path.substr(0, dot);
    if (members.count(top) == 0) order.push_back(top);
    if (dot == std::string::npos) {
      members[top].raw = value;
    } else {
      members[top].subs.emplace_back(path.substr(dot + 1), value);
    }
  }
  std::string text;
  for (const std::string& top : order) {
    const Member& member = members[top];
    std::string value = member.raw;
    if (!member.subs.empty()) {
      for (const auto& [sub, raw] : member.subs) value += (value.empty() ? "{\"" : ", \"") + sub + "\": " + raw;
      value += "}";
    }
    text += (text.empty() ? "{\"" : ", \"") + top + "\": " + value;
  }
  return text + "}";
}

// ---- Expectations -----------------------------------------------------------------

// The expectation of one cell: the field's own entry first, else its rule's.
Json Expectation(const Json& field, const Json& variant) {
  const std::string name = variant["name"];
  if (name == "missing") return field["missing"];
  if (field.contains("expect") && field["expect"].contains(name)) return field["expect"][name];
  return variant["expect"].at(field["rule"].get<std::string>());
}

// The errors a cell must give, in order: one (code, field) for a plain code.
std::vector<std::pair<std::string, std::string>> ExpectedErrors(const Json& expectation, const std::string& field) {
  std::vector<std::pair<std::string, std::string>> errors;
  if (expectation.is_string()) {
    errors.emplace_back(expectation.get<std::string>(), field);
  } else if (expectation.contains("errors")) {
    for (const Json& error : expectation["errors"]) errors.emplace_back(error[0], error[1]);
  }
  return errors;
}

// Checks one configuration cell; returns a description of what is wrong, or "".
std::string CheckCell(const Json& field_entry, const Json& variant) {
  const std::string field = field_entry["field"];
  const Pairs base = BasePairs(field_entry["base"]);
  const std::string text = ConfigText(WithField(base, field, variant["raw"]));
  const Json expectation = Expectation(field_entry, variant);
  if (expectation.is_string() && expectation == "by_field") return "no expectation for this field: " + text;
  const auto expected = ExpectedErrors(expectation, field);

  // Natively: parse, then estimate.
  const ConfigResult config = ParseConfig(text);
  Errors errors = config.errors;
  if (config.ok()) errors = ComputeEstimate(&test::CiuicTable(), config.config).errors;
  // Through the JSON interface (what the CLI and the wasm engine return).
  const std::string answer = EstimateFromJson(Prices(), text);
  const Json out = Json::parse(answer, nullptr, false);
  if (out.is_discarded()) return "EstimateFromJson is not JSON: " + answer;

  if (!expected.empty()) {
    bool same =
        errors.size() == expected.size() && out.value("ok", true) == false && out["errors"].size() == expected.size();
    for (std::size_t i = 0; same && i < expected.size(); ++i) {
      same = errors[i].code == expected[i].first && errors[i].field == expected[i].second &&
             out["errors"][i]["code"] == expected[i].first && out["errors"][i]["field"] == expected[i].second &&
             !out["errors"][i].value("message_en", "").empty() && !out["errors"][i].value("message_zh", "").empty();
    }
    if (!same) {
      std::string want;
      for (const auto& [code, name] : expected) want += " {" + code + ", " + name + "}";
      return "expected" + want + ", got" + test::Describe(errors) + "\n  JSON: " + answer.substr(0, 600);
    }
    for (const Error& error : errors) {
      const auto named = test::MessagesNameField(error);
      if (!named) return named.message();
    }
    return "";
  }

  // Accepted.
  if (!errors.empty() || out.value("ok", false) != true) {
    return "expected to be accepted, got" + test::Describe(errors) + "\n  JSON: " + answer.substr(0, 600);
  }
  if (out.contains("plan") && !out["plan"]["errors"].empty()) return "plan errors: " + out["plan"].dump();
  if (expectation.contains("same_as")) {
    const std::string same_text = ConfigText(WithField(base, field, expectation["same_as"]));
    const std::string same_answer = EstimateFromJson(Prices(), same_text);
    if (same_answer != answer) return "differs from " + same_text + ":\n  " + answer + "\n  " + same_answer;
  }
  if (expectation.contains("check")) {
    for (const auto& [pointer, value] : expectation["check"].items()) {
      const Json::json_pointer at(pointer);
      if (!out.contains(at) || out.at(at) != value) {
        return pointer + " is " + (out.contains(at) ? out.at(at).dump() : "absent") + ", expected " + value.dump();
      }
    }
  }
  return "";
}

// The matrix's name for the rule a schema row implies.
std::string RuleName(const Field& field) {
  switch (field.kind) {
    case FieldKind::kInteger:
      return field.allow_zero ? "count0" : "count";
    case FieldKind::kDecimal:
      if (field.max == 1) return field.allow_zero ? "rate" : "fraction";
      return field.allow_zero ? "nonnegative" : "positive";
    case FieldKind::kChoice:
      return field.choices.empty() ? "id" : "choice";
    case FieldKind::kText:
      // The price table's path (links only); a rate's date and source.
      if (field.group == FieldGroup::kPage) return "path";
      return field.choices == "YYYY-MM-DD" ? "date" : "text";
    case FieldKind::kList:
      return "list";
  }
  return "";
}

TEST(BadInputMatrix, TheFixtureIsComplete) {
  const Json& doc = Fixture();
  ASSERT_FALSE(doc.is_discarded()) << "tests/fixtures/bad_inputs.json is not valid JSON";
  // Every input of the schema appears, with the rule its row implies, and
  // each way's object; and every variant listed at the top of this file.
  std::map<std::string, std::string> rules;
  for (const Json& field : doc["fields"]) rules[field["field"].get<std::string>()] = field["rule"];
  std::map<std::string, const Json*> params;
  for (const Json& p : doc["link"]["params"]) params[p["param"].get<std::string>()] = &p;
  for (const Field& field : Fields()) {
    const std::string key(field.key);
    const std::string rule = RuleName(field);
    if (field.group != FieldGroup::kPage) {
      EXPECT_EQ(rules.count(key), 1u) << key << " has no row in the configuration matrix";
      EXPECT_EQ(rules[key], rule) << key;
      const std::size_t dot = key.find('.');
      if (dot != std::string::npos) {
        EXPECT_EQ(rules.count(key.substr(0, dot)), 1u) << key << ": its way's object has no row";
      }
    }
    // lang and embed are passed through to the page, which checks them.
    if (field.kind == FieldKind::kChoice && field.group == FieldGroup::kPage) continue;
    const auto p = params.find(std::string(field.link));
    ASSERT_NE(p, params.end()) << field.link << " has no row in the link matrix";
    EXPECT_EQ((*p->second)["field"], key);
    EXPECT_EQ((*p->second)["rule"], rule) << field.link;
  }
  EXPECT_GE(doc["variants"].size(), 18u);
  // Each variant has an expectation for each rule a field uses.
  for (const Json& field : doc["fields"]) {
    for (const Json& variant : doc["variants"]) {
      const Json expectation = Expectation(field, variant);
      EXPECT_FALSE(expectation.is_null()) << field["field"] << " / " << variant["name"];
    }
  }
}

TEST(BadInputMatrix, BothBuildersWriteTheSameConfigurationText) {
  const Json& sample = Fixture()["sample"];
  const Json* raw = nullptr;
  for (const Json& variant : Fixture()["variants"]) {
    if (variant["name"] == sample["variant"]) raw = &variant["raw"];
  }
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(ConfigText(WithField(BasePairs(sample["base"]), sample["field"], *raw)), sample["text"]);
}

TEST(BadInputMatrix, EveryConfigurationCellGivesItsOwnErrorOrItsValue) {
  int cells = 0;
  int failures = 0;
  for (const Json& field : Fixture()["fields"]) {
    for (const Json& variant : Fixture()["variants"]) {
      ++cells;
      const std::string problem = CheckCell(field, variant);
      if (!problem.empty()) {
        ++failures;
        ADD_FAILURE() << field["field"].get<std::string>() << " (base " << field["base"].get<std::string>()
                      << ") = " << variant["name"].get<std::string>() << ": " << problem;
      }
    }
  }
  EXPECT_EQ(cells, static_cast<int>(Fixture()["fields"].size() * Fixture()["variants"].size()));
  RecordProperty("configuration_cells", cells);
  std::cout << "bad-input matrix (core): " << cells << " configuration cells checked, " << failures << " failed\n";
}

TEST(BadInputMatrix, TheSeedStillComputesAfterTheMatrix) {
  const Json out = Json::parse(EstimateFromJson(Prices(), test::SeedConfigJson()));
  EXPECT_EQ(out["per_epoch"]["total"], "123.00");
}

// ---- Links --------------------------------------------------------------------------

struct LinkParam {
  std::string param;
  std::string field;
  std::string rule;
  std::string valid;
  Json expect;  // the parameter's own expectations, by variant (its max, say)
};

std::vector<LinkParam> LinkParams() {
  std::vector<LinkParam> params;
  for (const Json& p : Fixture()["link"]["params"])
    params.push_back({p["param"], p["field"], p["rule"], p["valid"], p.value("expect", Json::object())});
  return params;
}

// The base link's pairs, in order.
std::vector<std::pair<std::string, std::string>> BaseLink() {
  std::vector<std::pair<std::string, std::string>> pairs;
  const std::string base = Fixture()["link"]["base"];
  std::size_t start = 0;
  while (start < base.size()) {
    std::size_t amp = base.find('&', start);
    if (amp == std::string::npos) amp = base.size();
    const std::string pair = base.substr(start, amp - start);
    const std::size_t eq = pair.find('=');
    pairs.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    start = amp + 1;
  }
  return pairs;
}

// The base link with `param` set to `value` (replaced in place or appended).
std::string LinkWith(const std::string& param, const std::string& value) {
  std::string query;
  bool placed = false;
  for (const auto& [key, old] : BaseLink()) {
    const bool mine = key == param;
    placed = placed || mine;
    query += (query.empty() ? "" : "&") + key + "=" + (mine ? value : old);
  }
  if (!placed) query += "&" + param + "=" + value;
  return query;
}

std::string CheckLinkCell(const LinkParam& p, const Json& variant) {
  const std::string name = variant["name"];
  const Json& expect = variant["expect"];
  const Json expectation = expect.contains("all")    ? expect["all"]
                           : p.expect.contains(name) ? p.expect[name]
                                                     : expect.at(p.rule);
  const std::string query = name == "duplicate" ? LinkWith(p.param, p.valid) + "&" + p.param + "=abc"
                                                : LinkWith(p.param, variant["raw"].get<std::string>());
  const LinkResult link = DecodeLink(query);
  if (Json::parse(DecodeLinkToJson(query), nullptr, false).is_discarded()) return "DecodeLinkToJson is not JSON";

  // The other parameters keep their values.
  std::map<std::string, std::string> field_of;
  for (const LinkParam& known : LinkParams()) field_of[known.param] = known.field;
  for (const auto& [key, value] : BaseLink()) {
    if (key == p.param) continue;
    const auto it = link.config.find(field_of[key]);
    if (it == link.config.end() || it->second != value)
      return "lost " + key + "=" + value + test::Describe(link.errors);
  }
  const auto value_of = [&](const std::string& field) -> std::string {
    const auto& where = field == "prices" ? link.settings : link.config;
    const auto it = where.find(field);
    return it == where.end() ? "(absent)" : it->second;
  };

  if (expectation.is_object()) {  // accepted
    if (!link.errors.empty()) return "expected to be accepted:" + test::Describe(link.errors);
    if (value_of(p.field) != expectation["value"]) return "value " + value_of(p.field);
    return "";
  }
  const std::string code = expectation;
  const bool link_level = code == code::kBadEscape || code == code::kDuplicateParam;
  const std::string field = link_level ? "link" : p.field;
  if (link.errors.size() != 1 || link.errors[0].code != code || link.errors[0].field != field) {
    return "expected {" + code + ", " + field + "}, got" + test::Describe(link.errors);
  }
  const auto param = link.errors[0].params.find("param");
  if (param == link.errors[0].params.end() || param->second != p.param) return "params.param is not " + p.param;
  const auto named = test::MessagesNameField(link.errors[0]);
  if (!named) return named.message();
  if (name == "duplicate" && value_of(p.field) != p.valid) return "the first value was not kept: " + value_of(p.field);
  if (name != "duplicate" && value_of(p.field) != "(absent)") return "a bad value was kept: " + value_of(p.field);
  return "";
}

TEST(BadInputMatrix, EveryLinkCellCostsOnlyItself) {
  int cells = 0;
  for (const LinkParam& p : LinkParams()) {
    for (const Json& variant : Fixture()["link"]["variants"]) {
      ++cells;
      const std::string problem = CheckLinkCell(p, variant);
      if (!problem.empty()) ADD_FAILURE() << p.param << " = " << variant["name"].get<std::string>() << ": " << problem;
    }
  }
  RecordProperty("link_cells", cells);
  std::cout << "bad-input matrix (core): " << cells << " link cells checked\n";
}

}  // namespace
}  // namespace epochcost
