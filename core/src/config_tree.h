// A configuration read from a JSON tree built in the core (a link's form
// values), rather than from text: nothing is written out to be parsed back.
#ifndef EPOCHCOST_CONFIG_TREE_H
#define EPOCHCOST_CONFIG_TREE_H

#include "epochcost/config.h"
#include "exact_json.h"

namespace epochcost::detail {

// ParseConfig for a tree whose numbers are decimal text.
ConfigResult ParseConfigTree(const Json& root);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_CONFIG_TREE_H
