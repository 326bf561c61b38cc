// The page's form as the core reads it: which inputs take part for the
// form's choices (the way, the trial's alternative, the training method) and
// the configuration its values stand for. One rule for the page's every
// keystroke (Calculator::AnswerForm) and for opening a link (open_link.cpp).
#ifndef EPOCHCOST_FORM_CONFIG_H
#define EPOCHCOST_FORM_CONFIG_H

#include <string>
#include <string_view>

#include "epochcost/open_link.h"
#include "epochcost/schema.h"
#include "exact_json.h"

namespace epochcost::detail {

// The form's text for `key`; empty when it has none. Read in place: the
// form is read for every input on every check.
std::string_view FormValue(const FormValues& values, std::string_view key);
// Whether an input takes part in the configuration for the form's choices.
bool FieldInUse(const Field& field, const FormValues& values);
// {"trial": {"steps": "50"}}: `text` put at its configuration key.
void PutAtKey(Json* tree, std::string_view key, std::string_view text);
// The configuration the form's values stand for: the chosen way's required
// inputs always (even empty, so that the reader sees the error), the other
// inputs in use when given and not their default. Without a table, no
// instance.
Json FormConfig(const FormValues& values, bool has_table);
// ["days","epochs",...]: the inputs in use, in the schema's order.
std::string FieldsInUseJson(const FormValues& values);

struct FormValuesResult {
  FormValues values;
  Errors errors;
};
// The page's form values: a JSON object of strings (at most kMaxConfigBytes),
// keyed by configuration key plus "way" and "alternative". Other keys are
// the page's own and are not read.
FormValuesResult ReadFormValues(std::string_view json_text);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_FORM_CONFIG_H
