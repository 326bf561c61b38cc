# GoogleTest and GoogleMock compiled with em++ from Debian's sources
# (libgtest-dev, libgmock-dev), as the targets find_package(GTest) gives
# natively. Our own two libraries rather than googletest's CMakeLists: that
# one adds -fexceptions to gtest, and the core and the tests are built with
# -fno-exceptions here, so every piece agrees on GTEST_HAS_EXCEPTIONS=0.
set(EPOCHCOST_GTEST_SOURCE_DIR /usr/src/googletest CACHE PATH "GoogleTest sources, compiled to wasm for the tests")
set(gtest_dir "${EPOCHCOST_GTEST_SOURCE_DIR}/googletest")
set(gmock_dir "${EPOCHCOST_GTEST_SOURCE_DIR}/googlemock")
if(NOT EXISTS "${gtest_dir}/src/gtest-all.cc" OR NOT EXISTS "${gmock_dir}/src/gmock-all.cc")
  message(FATAL_ERROR "GoogleTest sources not found in ${EPOCHCOST_GTEST_SOURCE_DIR}: apt-get install libgtest-dev libgmock-dev")
endif()

add_library(epochcost_wasm_gtest STATIC "${gtest_dir}/src/gtest-all.cc" "${gmock_dir}/src/gmock-all.cc")
# SYSTEM: their headers are not ours to keep free of -Wconversion warnings.
target_include_directories(epochcost_wasm_gtest SYSTEM PUBLIC "${gtest_dir}/include" "${gmock_dir}/include")
target_include_directories(epochcost_wasm_gtest PRIVATE "${gtest_dir}" "${gmock_dir}")
# No exceptions (see above), and no threads: the tests run on node's one thread.
target_compile_definitions(epochcost_wasm_gtest PUBLIC GTEST_HAS_EXCEPTIONS=0 GTEST_HAS_PTHREAD=0)

add_library(epochcost_wasm_gtest_main STATIC "${gtest_dir}/src/gtest_main.cc")
target_link_libraries(epochcost_wasm_gtest_main PUBLIC epochcost_wasm_gtest)

add_library(GTest::gtest ALIAS epochcost_wasm_gtest)
add_library(GTest::gmock ALIAS epochcost_wasm_gtest)
add_library(GTest::gtest_main ALIAS epochcost_wasm_gtest_main)
