# Strict build settings shared by every target of the project.
add_library(bd_settings INTERFACE)
target_compile_features(bd_settings INTERFACE cxx_std_20)
target_compile_options(bd_settings INTERFACE -Wall -Wextra -Wpedantic)
if(BD_WARNINGS_AS_ERRORS)
    target_compile_options(bd_settings INTERFACE -Werror)
endif()
target_compile_definitions(bd_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    BD_VERSION="${PROJECT_VERSION}")

# bd_add_test(<name> SOURCES <files…> [LIBS <targets…>] [LABELS <labels…>])
# One Qt Test executable and one ctest entry per test file.
function(bd_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE bd_settings bd_testsupport Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false"
        TIMEOUT 300
        LABELS "${ARG_LABELS}")
endfunction()
