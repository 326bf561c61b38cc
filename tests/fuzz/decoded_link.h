// What a decoded link is, as a key: two queries that decode to the same
// values, errors and settings give the same answers everywhere (decoding
// is the only step that reads the query). The link fuzzers check each
// distinct link once per process.
#ifndef EPOCHCOST_FUZZ_DECODED_LINK_H
#define EPOCHCOST_FUZZ_DECODED_LINK_H

#include <map>
#include <string>
#include <unordered_set>

#include "epochcost/link.h"

namespace epochcost::fuzz {

// Each text length-prefixed, so that no two lists share a key.
inline void AddPairs(std::string* key, const std::map<std::string, std::string>& pairs) {
  *key += "|" + std::to_string(pairs.size());
  for (const auto& [name, value] : pairs) {
    *key += std::to_string(name.size()) + ":" + name;
    *key += std::to_string(value.size()) + ":" + value;
  }
}

// The configuration of a decoded link: all that its round trip reads.
inline std::string ConfigKey(const LinkResult& link) {
  std::string key;
  AddPairs(&key, link.config);
  return key;
}

// Every part of a decoded link.
inline std::string LinkKey(const LinkResult& link) {
  std::string key = ConfigKey(link);
  AddPairs(&key, link.settings);
  key += "|" + std::to_string(link.errors.size());
  for (const Error& error : link.errors) {
    key += std::to_string(error.code.size()) + ":" + error.code;
    key += std::to_string(error.field.size()) + ":" + error.field;
    AddPairs(&key, error.params);
  }
  return key;
}

// Whether `key` is new to `seen` (bounded: forgotten in bulk past a million
// entries, and then checked again).
inline bool FirstTime(std::unordered_set<std::string>* seen, std::string key) {
  if (seen->size() >= 1000000) seen->clear();
  return seen->insert(std::move(key)).second;
}

}  // namespace epochcost::fuzz

#endif  // EPOCHCOST_FUZZ_DECODED_LINK_H
