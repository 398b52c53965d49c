# Rules the compiler cannot check, over the project's own sources. Fails with every offending line.
cmake_minimum_required(VERSION 3.25)
# cmake -DSOURCE_DIR=<project root> -P check-sources.cmake
set(problems "")

function(forbid description regex)
    cmake_parse_arguments(ARG "" "" "IN;EXCEPT" ${ARGN})
    set(found "")
    foreach(dir IN LISTS ARG_IN)
        file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${dir}/*")
        foreach(file IN LISTS files)
            if(file IN_LIST ARG_EXCEPT OR file MATCHES "(^|/)(node_modules|build[^/]*)/" OR file MATCHES "\\.png$")
                continue()
            endif()
            # UTF-8: without it a non-ASCII character (“, …, ·) cuts a line in two and hides what follows it.
            file(STRINGS "${SOURCE_DIR}/${file}" lines ENCODING UTF-8 REGEX "${regex}")
            foreach(line IN LISTS lines)
                string(STRIP "${line}" line)
                string(APPEND found "\n  ${file}: ${line}")
            endforeach()
        endforeach()
    endforeach()
    if(found)
        set(problems "${problems}\n${description}:${found}" PARENT_SCOPE)
    endif()
endfunction()

# The repository reads and links nothing outside itself.
set(outside "\\.\\./")
string(APPEND outside "shared")
forbid("a reference outside the repository" "${outside}"
       IN app ui tests packaging docs resources cmake .ci
       EXCEPT tests/sources/check-sources.cmake)
file(STRINGS "${SOURCE_DIR}/README.md" readme REGEX "${outside}")
file(STRINGS "${SOURCE_DIR}/CMakeLists.txt" top REGEX "${outside}")
if(readme OR top)
    string(APPEND problems "\na reference outside the repository in README.md or CMakeLists.txt")
endif()

# Every network manager comes from NetworkAccess::create(): same-origin redirects only.
forbid("a QNetworkAccessManager made outside NetworkAccess::create()"
       "new QNetworkAccessManager|make_unique<QNetworkAccessManager>|QNetworkAccessManager m_[a-zA-Z]+;"
       IN app ui EXCEPT app/api/networkaccess.cpp)
forbid("a TLS error ignored" "ignoreSslErrors" IN app ui)

# The layers (see README, "Layout"): widgets lay out and wire; they never reach the simulator or an API job, and
# every line that touches Qt Charts sits in ui/charts.
forbid("a widget that includes the simulator or an API job" "#include \"(sim/|api/[a-z]*job\\.h)" IN ui)
forbid("Qt Charts outside ui/charts" "#include <(QtCharts/|QChart)" IN app ui/partner ui/signin)
file(GLOB ui_files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp")
foreach(file IN LISTS ui_files)
    file(STRINGS "${SOURCE_DIR}/${file}" lines REGEX "#include <(QtCharts/|QChart)")
    foreach(line IN LISTS lines)
        string(APPEND problems "\nQt Charts outside ui/charts:\n  ${file}: ${line}")
    endforeach()
endforeach()
# One include root per folder: "api/…" for app/, "ui/…" for ui/.
forbid("an include through the repository root" "#include \"app/" IN app ui tests)

# Every text a person reads in ui/ goes through tr() (or a Q_DECLARE_TR_FUNCTIONS context): a u"…"_s or
# QStringLiteral("…") literal holding two words with vowels ("Load the rest") is such a text. Object names, keys,
# date patterns ("d MMM yyyy"), separators and stylesheets (with "{" or ":") stay plain; a literal continued on the
# next line is judged by its first line.
forbid("a user-visible text outside tr()"
       "(^|[^A-Za-z0-9_])(u|QStringLiteral\\()\"[^\"{:]*[A-Za-z]*[AEIOUaeiou][A-Za-z]* [A-Za-z]*[AEIOUaeiou][^\"{:]*\"(_s|\\)|[ \t]*$)"
       IN ui)

if(problems)
    message(FATAL_ERROR "source rules broken:${problems}")
endif()
message(STATUS "source rules hold")
