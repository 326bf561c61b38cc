# nlohmann_json: the CMake package natively; under emscripten the find root is
# the emscripten sysroot and -I/usr/include would pull in host libc headers,
# so we expose only the nlohmann folder through a private include directory.
if(EMSCRIPTEN)
  set(EPOCHCOST_NLOHMANN_DIR "${CMAKE_BINARY_DIR}/nlohmann-include")
  if(NOT EXISTS "${EPOCHCOST_NLOHMANN_DIR}/nlohmann")
    if(NOT EXISTS /usr/include/nlohmann/json.hpp)
      message(FATAL_ERROR "nlohmann_json not found: apt-get install nlohmann-json3-dev")
    endif()
    file(MAKE_DIRECTORY "${EPOCHCOST_NLOHMANN_DIR}")
    file(CREATE_LINK /usr/include/nlohmann "${EPOCHCOST_NLOHMANN_DIR}/nlohmann" SYMBOLIC)
  endif()
  add_library(epochcost_nlohmann INTERFACE)
  target_include_directories(epochcost_nlohmann SYSTEM INTERFACE "${EPOCHCOST_NLOHMANN_DIR}")
  add_library(nlohmann_json::nlohmann_json ALIAS epochcost_nlohmann)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
endif()
