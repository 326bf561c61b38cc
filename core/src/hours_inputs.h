// Reading and writing the billed-hours inputs (hours_inputs.h): from a
// configuration tree, and back as the link's values.
#ifndef EPOCHCOST_HOURS_INPUTS_PRIVATE_H
#define EPOCHCOST_HOURS_INPUTS_PRIVATE_H

#include "epochcost/config.h"
#include "epochcost/link.h"
#include "exact_json.h"

namespace epochcost::detail {

// Reads "overheads", "spot", "scaling_efficiency" and the range inputs of
// the ways ("flops.mfu_low", "flops.mfu_high", "throughput.range_percent")
// into `config`, whose way of getting T has been read.
void ParseHoursInputs(const Json& root, Config* config, Errors* errors);

// Appends their link values, in schema order, when given and not default.
void AppendHoursLinkValues(const Config& config, ConfigValues* values);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_HOURS_INPUTS_PRIVATE_H
