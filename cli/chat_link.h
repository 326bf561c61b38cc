// The link at the end of `--format chat`: the page's address (--site) with
// the estimate's query, as the page's address bar writes it (web/state.js
// buildQuery): the engine's query, then the page settings the site address
// carries (prices=...), then lang= when --lang was given (the page writes
// lang= when its reader chose the language).
#ifndef EPOCHCOST_CLI_CHAT_LINK_H
#define EPOCHCOST_CLI_CHAT_LINK_H

#include <string>
#include <string_view>

namespace epochcost::cli {

// `site`: http(s) address of the page, optionally with settings in its query;
// `lang`: "en", "zh" or empty (not chosen).
std::string ChatLink(std::string_view site, std::string_view engine_query, std::string_view lang);

}  // namespace epochcost::cli

#endif  // EPOCHCOST_CLI_CHAT_LINK_H
