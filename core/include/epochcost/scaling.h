// Scaling across instances: each doubling of the number of instances beyond
// one keeps `efficiency` of the throughput per GPU (1 = linear). With k
// instances the run keeps efficiency ^ log2(k) of linear throughput, so T
// is the linear T divided by that share (docs/billed-hours.md).
#ifndef EPOCHCOST_SCALING_H
#define EPOCHCOST_SCALING_H

#include <cstdint>

#include "epochcost/rational.h"

namespace epochcost {

// efficiency ^ log2(instances), rounded half up to nine decimals (at least
// 1e-9). A power that is not a whole one is irrational: it is worked out
// with + - * / only, which IEEE 754 rounds the same everywhere, so the
// native build and wasm agree to the bit; exact for 1 instance or
// efficiency 1.
Rational ThroughputKept(const Rational& efficiency, std::int64_t instances);

}  // namespace epochcost

#endif  // EPOCHCOST_SCALING_H
