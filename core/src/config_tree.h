// A configuration read from a JSON tree built in the core (a link's form
// values), rather than from text: nothing is written out to be parsed back.
#ifndef EPOCHCOST_CONFIG_TREE_H
#define EPOCHCOST_CONFIG_TREE_H

#include "epochcost/config.h"
#include "exact_json.h"

namespace epochcost::detail {

// ParseConfig for a tree whose numbers are decimal text.
ConfigResult ParseConfigTree(const Json& root);

// A configuration's object at `key` ("trial", "model", "spot"), its keys
// checked against the schema's; null when absent, or (with an error) when
// it is not an object.
const Json* ConfigObject(const Json& root, const char* key, Errors* errors);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_CONFIG_TREE_H
