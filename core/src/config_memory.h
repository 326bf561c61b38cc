// The configuration's "model" and "training" objects (see config.h), read
// by config.cpp.
#ifndef EPOCHCOST_CONFIG_MEMORY_H
#define EPOCHCOST_CONFIG_MEMORY_H

#include "epochcost/config.h"
#include "exact_json.h"

namespace epochcost::detail {

// "model": {"preset": id} or the shape's config.json keys.
void ParseModel(const Json& root, Config* config, Errors* errors);
// A method's or an optimizer's name ("qlora", "adamw_8bit") as its value;
// the name must be one of the schema's choices.
TrainingMethod MethodFrom(std::string_view name);
Optimizer OptimizerFrom(std::string_view name);
// The training setup's defaults, from the schema.
TrainingSetup DefaultTraining();
// "training": method, adapters, optimizer, batch, checkpointing, ZeRO stage.
void ParseTraining(const Json& root, TrainingSetup* training, Errors* errors);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_CONFIG_MEMORY_H
