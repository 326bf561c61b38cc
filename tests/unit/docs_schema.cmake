# docs/formats.md's field reference is `epochcost schema --format md`:
# fails, showing both, when a schema row changed and the docs did not.
execute_process(COMMAND ${EXE} schema --format md OUTPUT_VARIABLE generated RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "epochcost schema --format md exited ${status}")
endif()
file(READ ${DOCS} docs)
string(FIND "${docs}" "<!-- schema:begin -->\n${generated}<!-- schema:end -->" at)
if(at EQUAL -1)
  message(FATAL_ERROR "docs/formats.md's table between schema:begin and schema:end is not the schema; "
                      "paste this there:\n${generated}")
endif()
