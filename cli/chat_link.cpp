// The chat message's link (see chat_link.h).
#include "chat_link.h"

namespace epochcost::cli {

std::string ChatLink(std::string_view site, std::string_view engine_query, std::string_view lang) {
  site = site.substr(0, site.find('#'));
  const std::size_t mark = site.find('?');
  std::string query(engine_query);
  const auto add = [&query](std::string_view part) {
    if (part.empty()) return;
    if (!query.empty()) query += '&';
    query += part;
  };
  if (mark != std::string_view::npos) add(site.substr(mark + 1));
  if (!lang.empty()) add("lang=" + std::string(lang));
  return std::string(site.substr(0, mark)) + (query.empty() ? "" : "?" + query);
}

}  // namespace epochcost::cli
