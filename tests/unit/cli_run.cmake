# Runs the epochcost CLI once and checks what a user (or a script) sees:
# the exact exit status, the output, and fields of the --json output.
#
#   cmake -DEXE=path/to/epochcost "-DARGS=--prices|t.json|--config|-" [-DSTDIN=file]
#         -DEXIT=0 [-DSTDOUT_MATCH=regex] [-DSTDERR_MATCH=regex]
#         ["-DJSON=total=1230.00|per_epoch/total=123.00|#notes=0"] -P cli_run.cmake
#
# ARGS and JSON are separated by '|'. With JSON, stdout must be a JSON object
# or array (`compare --json` prints an array). A JSON path is a '/'-separated
# list of members and indices; "#path=n" checks an array's length ("#=n" the
# whole output's). Booleans read as ON/OFF and null as an empty string
# (CMake's string(JSON)).
cmake_minimum_required(VERSION 3.19)

foreach(required EXE EXIT)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "cli_run.cmake: -D${required}= is required")
  endif()
endforeach()
string(REPLACE "|" ";" args "${ARGS}")

set(input_args)
if(DEFINED STDIN)
  set(input_args INPUT_FILE "${STDIN}")
endif()
execute_process(COMMAND "${EXE}" ${args} ${input_args}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)

set(shown "command: ${EXE} ${args}\nexit status: ${status}\n--- stdout\n${out}--- stderr\n${err}---")
if(NOT "${status}" STREQUAL "${EXIT}")
  message(FATAL_ERROR "expected exit status ${EXIT}\n${shown}")
endif()
if(DEFINED STDOUT_MATCH AND NOT out MATCHES "${STDOUT_MATCH}")
  message(FATAL_ERROR "stdout does not match \"${STDOUT_MATCH}\"\n${shown}")
endif()
if(DEFINED STDERR_MATCH AND NOT err MATCHES "${STDERR_MATCH}")
  message(FATAL_ERROR "stderr does not match \"${STDERR_MATCH}\"\n${shown}")
endif()

if(DEFINED JSON)
  string(JSON type ERROR_VARIABLE problem TYPE "${out}")
  if(problem OR NOT type MATCHES "^(OBJECT|ARRAY)$")
    message(FATAL_ERROR "stdout is not a JSON object or array: ${problem}\n${shown}")
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
endif()
