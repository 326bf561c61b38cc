// `epochcost schema [--json | --format text|json|md] [--lang zh|en]`: every input the calculator
// reads, from the core's schema (schema.h).
#ifndef EPOCHCOST_CLI_SCHEMA_COMMAND_H
#define EPOCHCOST_CLI_SCHEMA_COMMAND_H

#include <string>
#include <vector>

#include "epochcost/error.h"

namespace epochcost::cli {

// The arguments after "schema". Returns the exit status.
int RunSchema(const std::vector<std::string>& args, Lang lang);

}  // namespace epochcost::cli

#endif  // EPOCHCOST_CLI_SCHEMA_COMMAND_H
