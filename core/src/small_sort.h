// A stable insertion sort for the short lists of the core (three parts of a
// total, a few hundred instances at most). std::stable_sort would do, but
// costs 2-4 KB of wasm for every comparator it is instantiated with.
#ifndef EPOCHCOST_SMALL_SORT_H
#define EPOCHCOST_SMALL_SORT_H

#include <utility>
#include <vector>

namespace epochcost::detail {

template <typename T, typename Less>
void StableSortSmall(std::vector<T>* items, Less less) {
  for (std::size_t i = 1; i < items->size(); ++i) {
    for (std::size_t j = i; j > 0 && less((*items)[j], (*items)[j - 1]); --j) {
      std::swap((*items)[j], (*items)[j - 1]);
    }
  }
}

}  // namespace epochcost::detail

#endif  // EPOCHCOST_SMALL_SORT_H
