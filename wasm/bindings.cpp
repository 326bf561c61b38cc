// Embind registrations for the web page: text in, text out, one line each.
//
// All logic lives in core/; these wrappers only turn JS strings into
// std::string. The page holds one Calculator per price table, so that the
// table is parsed once rather than on every keystroke. Failures come back as {"ok":false,"errors":[...]} values,
// never as exceptions (which would abort the instance).
#include <emscripten/bind.h>

#include <string>

#include "epochcost/calculator.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/schema.h"
#include "epochcost/words.h"

namespace {

std::string DecodeLink(const std::string& query) { return epochcost::DecodeLinkToJson(query); }
std::string Schema() { return epochcost::SchemaJson(); }
std::string Words() { return epochcost::WordsToJson(); }
std::string ReadModelConfig(const std::string& text) { return epochcost::ModelConfigFromJson(text); }
std::string CompareTables(const std::string& prices_a, const std::string& prices_b, const std::string& config) {
  return epochcost::CompareTablesFromJson(prices_a, prices_b, config);
}

// A price table parsed once, for the page's many answers per keystroke.
// JS owns it: call .delete() when it is replaced.
class Calculator {
 public:
  explicit Calculator(const std::string& prices) : calculator_(prices) {}
  std::string Table() const { return calculator_.Table(); }
  std::string Estimate(const std::string& config) const { return calculator_.Estimate(config); }
  std::string Compare(const std::string& config) const { return calculator_.Compare(config); }
  std::string EncodeLink(const std::string& config) const { return calculator_.EncodeLink(config); }
  std::string Answer(const std::string& config) const { return calculator_.Answer(config); }
  std::string AnswerForm(const std::string& form) const { return calculator_.AnswerForm(form); }
  std::string OpenLink(const std::string& query) const { return calculator_.OpenLink(query); }
  std::string Export(const std::string& config, const std::string& what, const std::string& format,
                     const std::string& lang) const {
    return calculator_.Export(config, what, format, lang);
  }
  std::string Chat(const std::string& config, const std::string& lang, const std::string& link) const {
    return calculator_.Chat(config, lang, link);
  }

 private:
  epochcost::Calculator calculator_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(epochcost) {
  emscripten::class_<Calculator>("Calculator")
      .constructor<const std::string&>()
      .function("table", &Calculator::Table)
      .function("estimate", &Calculator::Estimate)
      .function("compare", &Calculator::Compare)
      .function("encodeLink", &Calculator::EncodeLink)
      .function("answer", &Calculator::Answer)
      .function("answerForm", &Calculator::AnswerForm)
      .function("openLink", &Calculator::OpenLink)
      .function("exportAs", &Calculator::Export)
      .function("chat", &Calculator::Chat);
  emscripten::function("decodeLink", &DecodeLink);
  emscripten::function("schema", &Schema);
  emscripten::function("words", &Words);
  emscripten::function("readModelConfig", &ReadModelConfig);
  emscripten::function("compareTables", &CompareTables);
}
