# Runs the epochcost CLI once and checks output that is a JSON array (what
# `epochcost compare --json` prints): the exact exit status, the array's
# length and fields of its elements.
#
#   cmake -DEXE=path/to/epochcost "-DARGS=compare|--prices|t.json|--config|c.json|--json"
#         -DEXIT=0 "-DJSON=#=3|0/instance=a100x4|0/cheapest=ON|#0/notes=0" -P cli_json_array.cmake
#
# ARGS and JSON are separated by '|'. A JSON path is a '/'-separated list of
# indices and members from the array; "#=n" checks the array's length and
# "#path=n" the length of an array inside it. Booleans read as ON/OFF and
# null as an empty string (CMake's string(JSON)).
cmake_minimum_required(VERSION 3.19)

foreach(required EXE EXIT JSON)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "cli_json_array.cmake: -D${required}= is required")
  endif()
endforeach()
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${EXE}" ${args} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)

set(shown "command: ${EXE} ${args}\nexit status: ${status}\n--- stdout\n${out}--- stderr\n${err}---")
if(NOT "${status}" STREQUAL "${EXIT}")
  message(FATAL_ERROR "expected exit status ${EXIT}\n${shown}")
endif()
string(JSON type ERROR_VARIABLE problem TYPE "${out}")
if(problem OR NOT type STREQUAL "ARRAY")
  message(FATAL_ERROR "stdout is not a JSON array: ${problem}\n${shown}")
endif()

string(REPLACE "|" ";" checks "${JSON}")
foreach(check IN LISTS checks)
  string(FIND "${check}" "=" eq)
  string(SUBSTRING "${check}" 0 ${eq} path)
  math(EXPR value_start "${eq} + 1")
  string(SUBSTRING "${check}" ${value_start} -1 expected)
  set(mode GET)
  if(path MATCHES "^#")
    set(mode LENGTH)
    string(SUBSTRING "${path}" 1 -1 path)
  endif()
  string(REPLACE "/" ";" members "${path}")
  string(JSON actual ERROR_VARIABLE problem ${mode} "${out}" ${members})
  if(problem)
    message(FATAL_ERROR "JSON ${path}: ${problem}\n${shown}")
  endif()
  if(NOT "${actual}" STREQUAL "${expected}")
    message(FATAL_ERROR "JSON ${path} is \"${actual}\", expected \"${expected}\"\n${shown}")
  endif()
endforeach()
