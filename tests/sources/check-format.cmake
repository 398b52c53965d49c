# Every C++ file of the project is as the committed .clang-format lays it out. Fails with the files that are not
# and the command that fixes them.
cmake_minimum_required(VERSION 3.25)
# cmake -DSOURCE_DIR=<project root> -DCLANG_FORMAT=<clang-format> -P check-format.cmake
if(NOT CLANG_FORMAT)
    message(FATAL_ERROR "clang-format is missing: install it (packaging/setup.sh test does) and configure again")
endif()
file(GLOB_RECURSE files LIST_DIRECTORIES false "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
     "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h")
list(FILTER files EXCLUDE REGEX "/node_modules/")
execute_process(COMMAND "${CLANG_FORMAT}" --style=file --dry-run -Werror ${files}
                RESULT_VARIABLE result ERROR_VARIABLE output WORKING_DIRECTORY "${SOURCE_DIR}")
if(NOT result EQUAL 0)
    string(REGEX MATCHALL "[^\n]*: error: code should be clang-formatted" lines "${output}")
    set(names "")
    foreach(line IN LISTS lines)
        string(REGEX REPLACE ":[0-9]+:[0-9]+: error: code should be clang-formatted" "" name "${line}")
        file(RELATIVE_PATH name "${SOURCE_DIR}" "${name}")
        list(APPEND names "${name}")
    endforeach()
    list(REMOVE_DUPLICATES names)
    list(JOIN names "\n  " listing)
    message(FATAL_ERROR "not formatted as .clang-format says:\n  ${listing}\n"
                        "fix: clang-format -i <files> (clang-format 14, as Debian 12 ships it)")
endif()
message(STATUS "every C++ file is formatted")
