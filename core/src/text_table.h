// A table of texts in both languages, looked up by key: the catalogues of
// messages.cpp (labels, errors, notes) and words.cpp (currencies, units).
#ifndef EPOCHCOST_TEXT_TABLE_H
#define EPOCHCOST_TEXT_TABLE_H

#include <cstddef>
#include <string_view>

#include "epochcost/error.h"

namespace epochcost::detail {

struct Text {
  std::string_view key;  // its length known, so that a lookup measures no text
  const char* en;
  const char* zh;
};

// The row of `key`, or null.
template <std::size_t N>
const Text* Find(const Text (&table)[N], std::string_view key) {
  for (const Text& text : table) {
    if (key == text.key) return &text;
  }
  return nullptr;
}

inline const char* Pick(const Text& text, Lang lang) { return lang == Lang::kZh ? text.zh : text.en; }

}  // namespace epochcost::detail

#endif  // EPOCHCOST_TEXT_TABLE_H
