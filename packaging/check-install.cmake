# Installs the build into a scratch prefix and checks the desktop integration is all there.
# cmake -DBUILD=<build dir> -DPREFIX=<scratch prefix> -P check-install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}" RESULT_VARIABLE result
                OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result})")
endif()
foreach(path
        bin/billing-dashboard
        bin/billing-sim
        share/applications/billing-dashboard.desktop
        share/metainfo/io.github.billingdashboard.BillingDashboard.metainfo.xml
        share/icons/hicolor/scalable/apps/billing-dashboard.svg)
    if(NOT EXISTS "${PREFIX}/${path}")
        message(FATAL_ERROR "missing after install: ${path}")
    endif()
endforeach()
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${PREFIX}/share/applications/billing-dashboard.desktop"
                    RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "billing-dashboard.desktop does not validate")
    endif()
endif()
file(READ "${PREFIX}/share/metainfo/io.github.billingdashboard.BillingDashboard.metainfo.xml" metainfo)
if(NOT metainfo MATCHES "<launchable type=\"desktop-id\">billing-dashboard.desktop</launchable>")
    message(FATAL_ERROR "the metainfo does not launch billing-dashboard.desktop")
endif()
message(STATUS "install layout complete in ${PREFIX}")
