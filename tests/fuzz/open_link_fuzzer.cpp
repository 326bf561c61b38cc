// libFuzzer target: a shared link opened on the page (OpenLink, what the
// page calls with the link in its address). Whatever the query, opening
// never crashes; every input of the form gets a value; a problem names its
// parameter (or the whole link, or the way it chose); what the link kept is
// a schema input; and the answer is well-formed JSON. A split from
// link_fuzzer (decoding and the round trip), so that each runs at its own
// speed: an opening runs the whole core.
//
// OpenLink(table, query) is OpenLink(table, DecodeLink(query)), so each
// distinct decoded link is opened once per process.
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>

#include "decoded_link.h"
#include "epochcost/link.h"
#include "epochcost/open_link.h"
#include "epochcost/schema.h"
#include "fuzz_checks.h"

namespace {

// Opening the link on the page: never a crash; every input gets a value; a
// problem names its parameter (or the whole link); what the link kept is a
// schema input.
void CheckOpened(const epochcost::LinkResult& link) {
  const epochcost::OpenedLink opened = epochcost::OpenLink(&epochcost::fuzz::CiuicTable(), link);
  for (const epochcost::Field& field : epochcost::Fields()) {
    if (field.group != epochcost::FieldGroup::kPage) FUZZ_CHECK(opened.values.count(field.key) == 1);
  }
  FUZZ_CHECK(opened.values.count("way") == 1 && opened.values.count("alternative") == 1);
  for (const std::string& key : opened.from_link) FUZZ_CHECK(epochcost::FindField(key) != nullptr);
  for (const epochcost::LinkProblem& problem : opened.problems) {
    epochcost::fuzz::CheckErrors({problem.error});
    FUZZ_CHECK(problem.error.code == epochcost::code::kInputTooLarge || problem.error.params.count("param") == 1 ||
               !problem.chosen_way.empty());
  }
  epochcost::fuzz::CheckJsonAnswer(epochcost::OpenedLinkJson(opened));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  const epochcost::LinkResult link = epochcost::DecodeLink(query);
  static std::unordered_set<std::string> links_seen;
  if (!epochcost::fuzz::FirstTime(&links_seen, epochcost::fuzz::LinkKey(link))) return 0;
  CheckOpened(link);
  return 0;
}
