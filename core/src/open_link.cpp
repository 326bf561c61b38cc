// Opening a shared link on the page (see open_link.h).
#include "epochcost/open_link.h"

#include "config_tree.h"
#include "epochcost/estimate.h"
#include "epochcost/link.h"
#include "epochcost/schema.h"
#include "form_config.h"
#include "json_values.h"

namespace epochcost {
namespace {

using detail::FormValue;

// '6900000000' -> '6.9e9': exact, for counts a link brings as long integers
// (a decoded link's numbers are ToShortDecimal's text: digits and a point).
std::string CompactCount(const std::string& text) {
  if (text.size() < 7 || text[0] == '0' || text.find('.') != std::string::npos) return text;
  const std::size_t digits = text.find_last_not_of('0') + 1;
  const std::size_t zeros = text.size() - digits;
  if (zeros < 4) return text;
  std::string out(1, text[0]);
  if (digits > 1) out += "." + text.substr(1, digits - 1);
  return out + "e" + std::to_string(digits - 1 + zeros);
}

// The way an input belongs to, or "" (the keys come from the schema: a
// decoded link names its values and its bad values by their input's key).
std::string_view WayOfKey(const std::string& key) {
  for (const Field& field : Fields()) {
    if (field.key == key) return field.way;
  }
  return {};
}

struct Checked {
  ConfigResult config;
  EstimateResult estimate;
  Errors errors;  // the configuration's, else the estimate's
};

Checked Check(const PriceTable* table, const FormValues& values) {
  Checked out;
  out.config = detail::ParseConfigTree(detail::FormConfig(values, table != nullptr));
  if (!out.config.ok()) {
    out.errors = out.config.errors;
    return out;
  }
  out.estimate = ComputeEstimate(table, out.config.config);
  out.errors = out.estimate.errors;
  return out;
}

}  // namespace

FormValues ExampleValues(const PriceTable* table) {
  FormValues values{{"way", "direct"}, {"alternative", "steps"}};
  for (const Field& field : Fields()) {
    if (field.group != FieldGroup::kPage) values[std::string(field.key)] = std::string(field.example);
  }
  std::string& instance = values["instance"];
  if (table == nullptr) {
    instance.clear();
  } else if (table->Find(instance) == nullptr) {
    instance = table->instances.empty() ? "" : table->instances.front().id;
  }
  return values;
}

OpenedLink OpenLink(const PriceTable* table, std::string_view query) { return OpenLink(table, DecodeLink(query)); }

OpenedLink OpenLink(const PriceTable* table, const LinkResult& link) {
  OpenedLink out;
  out.settings = link.settings;
  const FormValues examples = ExampleValues(table);
  FormValues& values = out.values;
  values = examples;
  std::set<std::string> bad;
  for (const Error& error : link.errors) {
    out.problems.push_back({error, std::string(FormValue(examples, error.field)), ""});
    bad.insert(error.field);
  }
  for (const auto& [key, text] : link.config) {
    values[key] = FieldOf(key).exponent ? CompactCount(text) : text;
    out.from_link.insert(key);
  }

  // A link that chooses a way brings that way's inputs: the ones it leaves
  // out stay empty (and are reported), rather than silently taking the
  // page's examples. Several ways: the first is used and the rest reported.
  // A bad value costs only itself, but still says which way the link chose.
  // The ways the link's values choose, then those its bad values meant, each
  // in the schema's order.
  // Each key's way is looked up once, not once per field of the schema.
  std::vector<std::string_view> ordered;
  for (const std::set<std::string>* keys : {&out.from_link, &bad}) {
    std::vector<std::string_view> key_ways;
    for (const std::string& key : *keys) key_ways.push_back(WayOfKey(key));
    for (const Field& field : Fields()) {
      bool known = field.way.empty();
      for (std::string_view way : ordered) known = known || way == field.way;
      if (known) continue;
      for (std::string_view way : key_ways) {
        if (way == field.way) {
          ordered.push_back(field.way);
          break;
        }
      }
    }
  }
  if (!ordered.empty()) {
    values["way"] = std::string(ordered[0]);
    if (ordered.size() > 1) {
      // The configuration's own conflict message, as an estimate words it.
      detail::Json both = detail::Json::object();
      for (const auto& [key, text] : link.config) detail::PutAtKey(&both, key, text);
      for (const Error& error : detail::ParseConfigTree(both).errors) {
        if (error.code == std::string(code::kConflicting)) out.problems.push_back({error, "", std::string(ordered[0])});
      }
    }
    const auto given = [&](const char* key) { return out.from_link.count(key) > 0 || bad.count(key) > 0; };
    if (values["way"] == "trial") {
      values["alternative"] = given("trial.samples") || given("trial.global_batch") ? "samples" : "steps";
    }
    for (const Field& field : Fields()) {
      const std::string key(field.key);
      if (field.way == values["way"] && field.need == Need::kRequired && field.kind != FieldKind::kChoice &&
          !given(key.c_str())) {
        values[key].clear();
      }
    }
  }

  // A link carries its model and training setup, or has none: the page's
  // example model must not be added to a link made without one (its
  // estimate had no memory check; with the FLOPs way's own count it would
  // conflict). A link from before training.method gives flops.method.
  if (!out.from_link.empty() || !bad.empty()) {
    for (const Field& field : Fields()) {
      const bool memory = field.group == FieldGroup::kModel || field.group == FieldGroup::kTraining;
      const std::string key(field.key);
      if (memory && out.from_link.count(key) == 0 && bad.count(key) == 0) values[key].clear();
    }
  }
  if (out.from_link.count("flops.method") > 0 && out.from_link.count("training.method") == 0) {
    values["training.method"] = values["flops.method"];
    values["flops.method"].clear();
    out.from_link.erase("flops.method");
    out.from_link.insert("training.method");
  }

  // The link leaves n out when N was empty (one whole instance). A link that
  // names its instance but no n must mean that, not the example's N = 4, or
  // an RTX3090 link would reopen as four instances.
  if (out.from_link.count("instance") > 0 && out.from_link.count("gpus") == 0 && bad.count("gpus") == 0) {
    values["gpus"].clear();
  }

  // Values the estimate rejects together (an instance missing from the
  // table) fall back to their starting value, with their message kept.
  // Each round that falls back takes a key out of from_link, so it ends.
  Checked checked;
  while (true) {
    checked = Check(table, values);
    bool fell_back = false;
    for (const Error& error : checked.errors) {
      if (out.from_link.erase(error.field) == 0) continue;
      Error kept = error;
      kept.params["param"] = std::string(FieldOf(error.field).link);
      const std::string fallback(FormValue(examples, error.field));
      values[error.field] = fallback;
      out.problems.push_back({kept, fallback, ""});
      fell_back = true;
    }
    if (!fell_back) break;
  }

  if (table != nullptr && out.from_link.count("price_per_gpu_hour") > 0 && checked.errors.empty()) {
    const Estimate& estimate = checked.estimate.estimate;
    if (estimate.table_price_per_gpu_hour) {
      if (*estimate.table_price_per_gpu_hour == estimate.price_per_gpu_hour) {
        values["price_per_gpu_hour"].clear();  // same as the table: follow the table from now on
      } else {
        out.price_mismatch =
            PriceMismatch{estimate.price_per_gpu_hour, *estimate.table_price_per_gpu_hour, estimate.instance_name};
      }
    }
  }
  return out;
}

std::string OpenedLinkJson(const OpenedLink& opened) {
  detail::JsonObject values;
  for (const auto& [key, text] : opened.values) values.String(key, text);
  std::vector<std::string> from_link;
  for (const std::string& key : opened.from_link) {
    std::string item;
    detail::AppendJsonString(&item, key);
    from_link.push_back(item);
  }
  std::vector<std::string> problems;
  for (const LinkProblem& problem : opened.problems) {
    detail::JsonObject item = detail::ErrorFields(problem.error);
    if (!problem.fallback.empty()) item.String("fallback", problem.fallback);
    if (!problem.chosen_way.empty()) item.String("chosen_way", problem.chosen_way);
    problems.push_back(item.Text());
  }
  detail::JsonObject settings;
  for (const auto& [key, text] : opened.settings) settings.String(key, text);
  detail::JsonObject out;
  out.Raw("from_link", detail::JsonArrayText(from_link)).Bool("ok", true);
  if (opened.price_mismatch) {
    const PriceMismatch& m = *opened.price_mismatch;
    out.Raw("price_mismatch", detail::JsonObject()
                                  .String("instance", m.instance)
                                  .String("link_price", ToShortDecimal(m.link_price, 12))
                                  .String("table_price", ToShortDecimal(m.table_price, 12))
                                  .Text());
  } else {
    out.Null("price_mismatch");
  }
  return out.Raw("problems", detail::JsonArrayText(problems))
      .Raw("settings", settings.Text())
      .Raw("values", values.Text())
      .Text();
}

}  // namespace epochcost
