# The English plural catalogue matches the sources: every tr() text with %n has its English forms. Fails with
# the command that refreshes it.
cmake_minimum_required(VERSION 3.25)
# cmake -DSOURCE_DIR=<project root> -DWORK_DIR=<scratch folder> -DLUPDATE=<lupdate> -P check-translations.cmake
set(committed "${SOURCE_DIR}/resources/translations/billing-dashboard_en.ts")
set(fresh "${WORK_DIR}/billing-dashboard_en.ts")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY_FILE "${committed}" "${fresh}")
execute_process(COMMAND sh "${SOURCE_DIR}/resources/translations/update.sh" "${fresh}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "resources/translations/update.sh failed:\n${output}")
endif()
file(READ "${committed}" before)
file(READ "${fresh}" after)
if(NOT before STREQUAL after)
    message(FATAL_ERROR "resources/translations/billing-dashboard_en.ts is behind the sources' %n texts: "
                        "run resources/translations/update.sh and commit the result")
endif()
message(STATUS "the plural catalogue matches the sources")
