# One warning set for every target of ours.
function(epochcost_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(EPOCHCOST_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
