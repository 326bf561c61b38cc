// The schema command (see schema_command.h).
#include "schema_command.h"

#include <iostream>

#include "epochcost/schema.h"

namespace epochcost::cli {
namespace {

std::string Or(std::string_view text, const char* none) { return text.empty() ? none : std::string(text); }

// "above 0, at most 100000", "0 to 100", or the choices.
std::string RangeText(const Field& field) {
  if (field.kind == FieldKind::kChoice || field.kind == FieldKind::kText) {
    return field.choices.empty() ? "an id of the price table" : std::string(field.choices);
  }
  const std::string max = std::to_string(field.max);
  if (MaxIsExclusive(field)) return (field.allow_zero ? "0 to below " : "above 0, below ") + max;
  return field.allow_zero ? "0 to " + max : "above 0, at most " + max;
}

// One line per input: link letter, key, kind, unit, default and label.
std::string SchemaText(Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::string out = zh ? "链接参数  配置键  类型  单位  默认值  说明\n" : "link  key  kind  unit  default  label\n";
  for (const Field& field : Fields()) {
    out += std::string(field.link) + "  " + std::string(field.key) + "  " + FieldKindName(field.kind) + "  " +
           Or(field.unit, "-") + "  " + Or(field.default_value, "-") + "  " + FieldLabel(std::string(field.key), lang) +
           "\n";
  }
  return out;
}

// The field reference of docs/formats.md (a test checks the two agree).
std::string SchemaMarkdown() {
  std::string out =
      "| key | link | kind | unit | default | example | range | label |\n"
      "|---|---|---|---|---|---|---|---|\n";
  for (const Field& field : Fields()) {
    out += "| `" + std::string(field.key) + "` | `" + std::string(field.link) + "` | " + FieldKindName(field.kind) +
           " | " + Or(field.unit, "") + " | " +
           Or(field.default_value, field.need == Need::kRequired ? "required" : "none") + " | " +
           Or(field.example, "") + " | " + RangeText(field) + " | " + FieldLabel(std::string(field.key), Lang::kEn) +
           " |\n";
  }
  return out;
}

}  // namespace

int RunSchema(const std::vector<std::string>& args, Lang lang) {
  std::string format = "text";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") {
      format = "json";
    } else if (args[i] == "--format" && i + 1 < args.size() &&
               (args[i + 1] == "json" || args[i + 1] == "md" || args[i + 1] == "text")) {
      format = args[++i];
    } else if (args[i] == "--lang" && i + 1 < args.size() && (args[i + 1] == "zh" || args[i + 1] == "en")) {
      lang = ParseLang(args[++i]);
    } else {
      std::cerr << "epochcost schema: unknown option " << args[i]
                << "\nusage: epochcost schema [--json | --format text|json|md] [--lang zh|en]\n";
      return 2;
    }
  }
  std::cout << (format == "json" ? SchemaJson() + "\n" : format == "md" ? SchemaMarkdown() : SchemaText(lang));
  return 0;
}

}  // namespace epochcost::cli
