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
# Both validators come with packaging/setup.sh (desktop-file-utils, appstream).
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)
if(NOT DESKTOP_FILE_VALIDATE OR NOT APPSTREAMCLI)
    message(FATAL_ERROR "desktop-file-validate or appstreamcli is missing: run packaging/setup.sh test, or "
                        "apt-get install desktop-file-utils appstream")
endif()
execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${PREFIX}/share/applications/billing-dashboard.desktop"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "billing-dashboard.desktop does not validate")
endif()
execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net
                        "${PREFIX}/share/metainfo/io.github.billingdashboard.BillingDashboard.metainfo.xml"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the AppStream metainfo does not validate")
endif()
file(READ "${PREFIX}/share/metainfo/io.github.billingdashboard.BillingDashboard.metainfo.xml" metainfo)
if(NOT metainfo MATCHES "<launchable type=\"desktop-id\">billing-dashboard.desktop</launchable>")
    message(FATAL_ERROR "the metainfo does not launch billing-dashboard.desktop")
endif()
message(STATUS "install layout complete in ${PREFIX}")
